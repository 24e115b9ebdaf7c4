import {
  type CommitmentFigures,
  commitmentRisk,
  realisedIn,
  totalsByMetric,
} from '../../../domain/agreements';
import type { Actor } from '../../access/actor';
import type { Queryable } from '../../db/pool';
import { canSeeNames, canSeePending } from './agreements.policy';
import * as repo from './agreements.repo';
import type { Agreement, Commitment, Realisation } from './agreements.schema';
import * as commitments from './commitments.repo';

// Builds the agreements the API answers with: parties, linked nodes, commitments with their realisations, risk
// and attributions, and totals per metric, with a handful of queries for any number of agreements.

export const figuresOf = (
  c: commitments.CommitmentRow,
  rs: commitments.RealisationRow[],
): CommitmentFigures => ({
  id: c.id,
  metric: c.metric,
  value: c.value,
  realisations: rs.map((r) => ({ period: r.period, value: r.value, state: r.state })),
});

export function presentRealisation(actor: Actor, r: commitments.RealisationRow): Realisation {
  return {
    id: r.id,
    agreement: r.agreement,
    commitment: r.commitment,
    period: r.period,
    value: r.value,
    state: r.state,
    evidence: r.evidence,
    note: r.note,
    reportedAt: r.reportedAt,
    verifiedAt: r.verifiedAt,
    verifiedBy: canSeeNames(actor) ? r.verifiedBy : null,
    verificationNote: r.verificationNote,
    version: r.version,
  };
}

const groupBy = <T, K>(items: T[], key: (item: T) => K) => {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

export interface ViewOptions {
  metric?: string;
  asOf: string;
}

/** The agreements of `rows`, complete; with `metric`, only that metric's commitments and totals. */
export async function presentAgreements(
  db: Queryable,
  actor: Actor,
  rows: repo.AgreementRow[],
  options: ViewOptions,
): Promise<Agreement[]> {
  const ids = rows.map((r) => r.id);
  // One after the other: `db` may be a transaction's single client.
  const parties = await repo.findPartiesOf(db, ids);
  const nodes = await repo.findNodesOf(db, ids);
  const commitmentRows = await commitments.findCommitmentsOf(db, ids, options.metric);
  const cids = commitmentRows.map((c) => c.id);
  const realisations = await commitments.findRealisationsOf(db, cids);
  const attributions = await commitments.findAttributionsOf(db, cids);
  const partiesOf = groupBy(parties, (p) => p.agreementId);
  const nodesOf = groupBy(nodes, (n) => n.agreementId);
  const commitmentsOf = groupBy(commitmentRows, (c) => c.agreementId);
  const realisationsOf = groupBy(realisations, (r) => r.commitmentId);
  const attributionsOf = groupBy(attributions, (a) => a.commitmentId);
  return rows.map((row) => {
    const mine = commitmentsOf.get(row.id) ?? [];
    const figures = mine.map((c) => figuresOf(c, realisationsOf.get(c.id) ?? []));
    return {
      code: row.code,
      kind: row.kind,
      title: row.title,
      scope: row.scope,
      signedOn: row.signedOn,
      signedOnText: row.signedOnText,
      event: row.event,
      signingPlace: row.signingPlace,
      place: row.place,
      regionCode: row.regionCode,
      regionName: row.regionName,
      parties: (partiesOf.get(row.id) ?? []).map(({ code, name, type, regionCode, role }) => ({
        code,
        name,
        type,
        regionCode,
        role,
      })),
      nodes: (nodesOf.get(row.id) ?? []).map(({ strategy, code, title }) => ({ strategy, code, title })),
      documents: row.documents,
      sources: row.sources as Agreement['sources'],
      commitments: mine.map((c, i) =>
        presentCommitment(
          actor,
          row,
          c,
          figures[i]!,
          realisationsOf.get(c.id) ?? [],
          attributionsOf.get(c.id) ?? [],
          options.asOf,
        ),
      ),
      totals: totalsByMetric(figures),
      version: row.version,
    };
  });
}

function presentCommitment(
  actor: Actor,
  agreement: repo.AgreementRow,
  c: commitments.CommitmentRow,
  figures: CommitmentFigures,
  realisations: commitments.RealisationRow[],
  attributions: commitments.AttributionRow[],
  asOf: string,
): Commitment {
  const risk = commitmentRisk({
    signedOn: agreement.signedOn,
    dueYear: c.dueYear,
    value: c.value,
    realisations: figures.realisations,
    asOf,
  });
  const pending = canSeePending(actor, c.partyId);
  return {
    id: c.id,
    code: c.code,
    party: { code: c.partyCode, name: c.partyName },
    metric: c.metric,
    value: c.value,
    qualifier: c.qualifier,
    dueYear: c.dueYear,
    description: c.description,
    source: c.source as Commitment['source'],
    achieved: realisedIn(figures, 'verified'),
    reported: realisedIn(figures, 'reported'),
    disputed: realisedIn(figures, 'disputed'),
    risk: { ...risk.result, formula: risk.formula },
    attributions: attributions.map(({ strategy, node, share }) => ({ strategy, code: node, share })),
    realisations: realisations
      .filter((r) => r.state === 'verified' || pending)
      .map((r) => presentRealisation(actor, r)),
    version: c.version,
  };
}
