import type { Queryable } from '../../db/pool';
import * as repo from './consultation.repo';

interface SeedProposal {
  code: string;
  title: object;
  body?: object | null;
  lang: string;
  organization: string;
  coauthors?: string[];
  strategy?: string | null;
  submittedOn?: string | null;
  source?: object | null;
}

/** Inserts the proposals not yet present (by code), with their co-authors; returns how many were added. */
export async function seedProposals(tx: Queryable, proposals: SeedProposal[]): Promise<number> {
  let added = 0;
  for (const p of proposals) {
    if (await repo.findProposal(tx, p.code)) continue;
    const orgs = await repo.findOrganizations(tx, [p.organization, ...(p.coauthors ?? [])]);
    const idOf = (code: string) => {
      const org = orgs.find((o) => o.code.toLowerCase() === code.toLowerCase());
      if (!org) throw new Error(`ecosystem data: proposal ${p.code} names unknown organization ${code}`);
      return org.id;
    };
    const strategy = p.strategy ? await repo.findStrategyId(tx, p.strategy) : null;
    const id = await repo.insertProposal(tx, {
      code: p.code,
      title: p.title,
      body: p.body ?? null,
      lang: p.lang,
      organizationId: idOf(p.organization),
      authorId: null,
      strategyId: strategy?.id ?? null,
      submittedOn: p.submittedOn ?? null,
      source: p.source ?? null,
    });
    await repo.insertCoauthors(tx, id, (p.coauthors ?? []).map(idOf));
    added += 1;
  }
  return added;
}
