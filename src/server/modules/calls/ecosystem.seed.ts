import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/pool';
import { seedProposals } from '../consultation/consultation.seed';
import { seedCalls } from './calls.seed';

export const ECOSYSTEM_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../data/ecosystem/calls.json',
);

/**
 * Loads data/ecosystem/calls.json (historical calls, consultations) after the strategy packages, whose
 * organizations and strategies it names. Idempotent: what exists already (by code) is left as it is.
 */
export async function seedEcosystem(
  db: Db,
  log: (line: string) => void = () => undefined,
  file = ECOSYSTEM_FILE,
) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  await db.tx(async (tx) => {
    const calls = await seedCalls(tx, data.calls ?? []);
    const proposals = await seedProposals(tx, data.proposals ?? []);
    log(`  ecosystem: ${calls} call(s), ${proposals} proposal(s) added`);
  });
}
