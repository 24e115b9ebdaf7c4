import { attributedRollup, totalsByMetric } from '../../../domain/agreements';
import type { Ctx } from '../../types';
import { getStrategy } from '../strategy/strategy.service';
import * as repo from './agreements.repo';
import type { AgreementQuery } from './agreements.schema';
import { listAgreements, today } from './agreements.service';
import { figuresOf } from './agreements.view';
import * as commitments from './commitments.repo';

export const SUMMARY_KEYS = ['event', 'party', 'region', 'metric', 'dueYear'] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

/**
 * Commitments against realisations grouped by event, committing party, region, metric or due year (public).
 * Each commitment falls in exactly one group, so the groups add up to the overall totals.
 */
export async function summarizeCommitments(ctx: Ctx, by: SummaryKey, filter: AgreementQuery) {
  const agreements = await repo.findAgreements(ctx.db, filter);
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const rows = await commitments.findCommitmentsOf(ctx.db, [...byId.keys()], filter.metric);
  const realisations = await commitments.findRealisationsOf(
    ctx.db,
    rows.map((c) => c.id),
  );
  const keyOf = (c: commitments.CommitmentRow): string | null => {
    const a = byId.get(c.agreementId)!;
    if (by === 'event') return a.event;
    if (by === 'party') return c.partyCode;
    if (by === 'region') return a.regionCode;
    if (by === 'metric') return c.metric;
    return c.dueYear === null ? null : String(c.dueYear);
  };
  const groups = new Map<string | null, commitments.CommitmentRow[]>();
  for (const c of rows) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
  const names = new Map(rows.map((c) => [c.partyCode, c.partyName]));
  return {
    by,
    groups: [...groups.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
      .map(([key, list]) => ({
        key,
        name: by === 'party' && key ? (names.get(key) ?? null) : null,
        totals: totalsByMetric(
          list.map((c) =>
            figuresOf(
              c,
              realisations.filter((r) => r.commitmentId === c.id),
            ),
          ),
        ),
      })),
  };
}

/** Commitments at risk or off track on their trajectory from signing to the due year (public). */
export async function listCommitmentsAtRisk(ctx: Ctx, asOf = today()) {
  const { items } = await listAgreements(ctx, { asOf });
  return {
    asOf,
    items: items.flatMap((a) =>
      a.commitments
        .filter((c) => c.risk.atRisk)
        .map((c) => ({
          agreement: { code: a.code, title: a.title, event: a.event, regionCode: a.regionCode },
          commitment: c,
        })),
    ),
  };
}

/**
 * What the commitments credited to a strategy's nodes add up to, per node and metric, each realisation counted
 * at most once in every roll-up (see `attributedRollup`).
 */
export async function rollupCommitments(ctx: Ctx, strategyCode: string) {
  const strategy = await getStrategy(ctx, strategyCode);
  const [nodes, attributions] = await Promise.all([
    commitments.findStrategyNodes(ctx.db, strategy.id),
    commitments.findAttributionsInStrategy(ctx.db, strategy.id),
  ]);
  const ids = [...new Set(attributions.map((a) => a.commitmentId))];
  const rows = await commitments.findCommitmentsByIds(ctx.db, ids);
  const realisations = await commitments.findRealisationsOf(ctx.db, ids);
  const totals = attributedRollup(
    nodes,
    attributions,
    rows.map((c) =>
      figuresOf(
        c,
        realisations.filter((r) => r.commitmentId === c.id),
      ),
    ),
  );
  return {
    strategy: strategy.code,
    nodes: nodes.filter((n) => totals.has(n.id)).map((n) => ({ code: n.code, totals: totals.get(n.id)! })),
  };
}
