import { readFileSync } from 'node:fs';
import { systemActor } from '../server/access/actor';
import { loadConfig } from '../server/config';
import { publishRelease, verifyRelease } from '../server/modules/publishing/releases.service';
import { type Command, withDatabase } from './database';

export const publishCommand: Command = {
  options: { out: { type: 'string' } },
  async run(values) {
    const config = loadConfig();
    const result = await withDatabase((db) =>
      publishRelease(
        { actor: systemActor('cli publish'), db },
        { dataDir: config.dataDir, outDir: typeof values.out === 'string' ? values.out : undefined },
      ),
    );
    console.log(`release ${result.id}: ${result.files} files, manifest signed, in ${result.dir}`);
    return 0;
  },
};

export const verifyCommand: Command = {
  options: { 'public-key': { type: 'string' } },
  async run(values, [dir]) {
    if (!dir) throw new Error('usage: marsad verify <release-dir> [--public-key file.pem]');
    const keyFile = values['public-key'];
    const key = typeof keyFile === 'string' ? readFileSync(keyFile, 'utf8') : undefined;
    const { ok, problems } = verifyRelease(dir, key);
    for (const p of problems) console.error(`FAIL ${p.file}: ${p.message}`);
    if (!ok) return 1;
    console.log(
      key
        ? `release ${dir} verified: signature and every file match`
        : `release ${dir} is intact (checked with the key inside it; pass --public-key to check who signed it)`,
    );
    return 0;
  },
};
