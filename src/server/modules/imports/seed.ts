import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../../access/actor';
import type { Db } from '../../db/pool';
import { loadAgreementsData } from '../agreements/agreements.seed';
import { seedEcosystem } from '../calls/ecosystem.seed';
import { type ImportSummary, importPackage } from './package-import.service';

export const DEFAULT_PACKAGES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../data/packages',
);

/** The default packages, predecessors first (a strategy's links read best once its predecessor exists). */
export function defaultPackageFiles(dir = DEFAULT_PACKAGES_DIR): string[] {
  const order = ['observatory', 'mn2013', 'md2020', 'dm2030'];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const rank = (f: string) => {
    const i = order.indexOf(f.replace(/\.json$/, ''));
    return i === -1 ? order.length : i;
  };
  return files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1)).map((f) => path.join(dir, f));
}

/** Loads (or reloads) Morocco's default data: every package in data/packages, each all or nothing. */
export async function seedDefaultData(
  db: Db,
  log: (line: string) => void = () => undefined,
): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const file of defaultPackageFiles()) {
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    const summary = await importPackage({ actor: systemActor('default data'), db }, pkg, {
      source: `data/packages/${path.basename(file)}`,
    });
    log(
      `  ${summary.strategy}: ${summary.nodes} nodes, ${summary.indicators} indicators, ${summary.observations} observations`,
    );
    summaries.push(summary);
  }
  const ecosystem = await loadAgreementsData(db);
  log(`  ecosystem: ${ecosystem.agreements} agreements`);
  await seedEcosystem(db, log);
  return summaries;
}

/** On a first start (no strategy at all), loads the default data. */
export async function seedIfEmpty(db: Db, log: (line: string) => void): Promise<boolean> {
  const row = await db.one<{ n: number }>('SELECT count(*)::int AS n FROM strategies');
  if (row.n > 0) return false;
  log('First start: loading the default data (Morocco’s digital strategies)…');
  await seedDefaultData(db, log);
  return true;
}
