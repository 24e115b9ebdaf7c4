import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializePackage } from '../domain/package/canonical';
import { systemActor } from '../server/access/actor';
import { packageToWorkbook } from '../server/modules/imports/formats/xlsx';
import { type ImportFormat, importAndWait } from '../server/modules/imports/imports.service';
import { exportPackage } from '../server/modules/imports/package-export.service';
import { seedDefaultData } from '../server/modules/imports/seed';
import { type Command, withDatabase } from './database';

/** A progress bar on one terminal line (plain lines when the output is not a terminal). */
function progressBar(label: string) {
  let lastPercent = -1;
  return async (done: number, total: number) => {
    const percent = total ? Math.floor((done / total) * 100) : 0;
    if (percent === lastPercent) return;
    lastPercent = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    const bar = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}%`;
    if (process.stdout.isTTY) process.stdout.write(`\r${bar}`);
    else if (percent % 25 === 0) console.log(bar);
  };
}

function formatOf(file: string, given: unknown): ImportFormat {
  if (given === 'json' || given === 'xlsx' || given === 'csv') return given;
  const ext = path.extname(file).slice(1).toLowerCase();
  if (ext === 'json' || ext === 'xlsx' || ext === 'csv') return ext;
  throw new Error(`cannot tell the format of ${file}: use --format json|xlsx|csv`);
}

export const importCommand: Command = {
  options: { format: { type: 'string' } },
  async run(values, [file]) {
    if (!file) throw new Error('usage: marsad import <file.json|file.xlsx|file.csv> [--format F]');
    const format = formatOf(file, values.format);
    const body = readFileSync(file);
    const op = await withDatabase((db) =>
      importAndWait(
        { actor: systemActor('cli import'), db },
        { format, filename: path.basename(file), body },
        progressBar(`importing ${path.basename(file)}`),
      ),
    );
    if (process.stdout.isTTY) process.stdout.write('\n');
    if (op.state === 'succeeded') {
      console.log(`imported ${file}: ${JSON.stringify(op.summary)}`);
      return 0;
    }
    console.error(`import failed, nothing was written: ${String(op.summary?.message ?? '')}`);
    for (const error of op.errors ?? []) {
      const where = error.sheet ? `${error.sheet} row ${error.row} ${error.column}` : error.path;
      console.error(`  ${where}: ${error.message}`);
    }
    return 1;
  },
};

export const exportCommand: Command = {
  options: { format: { type: 'string' }, output: { type: 'string', short: 'o' } },
  async run(values, [code]) {
    if (!code) throw new Error('usage: marsad export <STRATEGY-CODE> [--format json|xlsx] [-o file]');
    const format = values.format === 'xlsx' ? 'xlsx' : 'json';
    const output = typeof values.output === 'string' ? values.output : `${code}.${format}`;
    const pkg = await withDatabase((db) => exportPackage(db, code));
    writeFileSync(output, format === 'xlsx' ? await packageToWorkbook(pkg) : serializePackage(pkg));
    console.log(`exported ${code} to ${output}`);
    return 0;
  },
};

export const seedCommand: Command = {
  options: {},
  async run() {
    await withDatabase(async (db) => {
      console.log('loading the default data from data/packages…');
      await seedDefaultData(db, console.log);
    });
    return 0;
  },
};
