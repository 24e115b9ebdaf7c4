import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../../access/actor';
import type { Db, Queryable } from '../../db/pool';
import { recordAudit } from '../audit/audit.service';
import { loadRegistryData, type RegistryData } from '../organizations/registry.seed';
import * as repo from './agreements.repo';
import type { AgreementInput } from './agreements.schema';
import * as commitments from './commitments.repo';

export const DEFAULT_ECOSYSTEM_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../data/ecosystem/agreements.json',
);

interface EcosystemData extends RegistryData {
  agreements: AgreementInput[];
}

async function orgId(tx: Queryable, code: string): Promise<string> {
  const id = (await repo.findOrganizationIds(tx, [code])).get(code.toLowerCase());
  if (!id) throw new Error(`agreements data: unknown organization ${code}`);
  return id;
}

async function upsertAgreement(tx: Queryable, a: AgreementInput): Promise<void> {
  const fields: repo.AgreementFields = {
    kind: a.kind,
    title: a.title as Record<string, string>,
    scope: (a.scope ?? null) as Record<string, string> | null,
    signedOn: a.signedOn ?? null,
    signedOnText: a.signedOnText ?? null,
    event: a.event ?? null,
    signingPlace: a.signingPlace ?? null,
    place: a.place ?? null,
    regionCode: a.regionCode ?? null,
    documents: a.documents ?? [],
    sources: (a.sources ?? []) as Record<string, unknown>[],
  };
  if (fields.regionCode && !(await repo.isRegion(tx, fields.regionCode))) {
    throw new Error(`agreements data: ${a.code} has unknown region ${fields.regionCode}`);
  }
  const existing = await repo.findAgreementByCode(tx, a.code, true);
  const id = existing?.id ?? (await repo.insertAgreement(tx, a.code, fields));
  if (existing) await repo.updateAgreement(tx, id, fields, true);
  const parties = [];
  for (const p of a.parties)
    parties.push({ organizationId: await orgId(tx, p.organization), role: p.role ?? 'partner' });
  await repo.replaceParties(tx, id, parties);
  for (const c of a.commitments ?? []) {
    const values: commitments.CommitmentFields = {
      partyId: await orgId(tx, c.party),
      metric: c.metric,
      value: c.value ?? null,
      qualifier: c.qualifier ?? 'exact',
      dueYear: c.dueYear ?? null,
      description: (c.description ?? null) as Record<string, string> | null,
      source: (c.source ?? null) as Record<string, unknown> | null,
    };
    const current = await commitments.findCommitment(tx, id, c.code, true);
    if (current) await commitments.updateCommitment(tx, current.id, values, true);
    else await commitments.insertCommitment(tx, id, c.code, values);
  }
}

/**
 * Loads the default ecosystem data (after the strategy packages, whose organizations and regions it uses):
 * organizations added when their code is new, partnerships and memberships once, agreements and their
 * commitments upserted by code. Realisations are never touched. Idempotent; all or nothing.
 */
export async function loadAgreementsData(
  db: Db,
  file = DEFAULT_ECOSYSTEM_FILE,
): Promise<{ agreements: number }> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as EcosystemData;
  await db.tx(async (tx) => {
    await loadRegistryData(tx, data);
    for (const a of data.agreements) await upsertAgreement(tx, a);
    await recordAudit(tx, systemActor('default data'), {
      action: 'agreements.seed',
      subjectType: 'agreement',
      subjectId: null,
      after: { file: path.basename(file), agreements: data.agreements.map((a) => a.code) },
    });
  });
  return { agreements: data.agreements.length };
}
