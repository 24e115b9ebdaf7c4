import { requirePermission } from '../../access/permissions';
import { invalid } from '../../errors';
import type { Ctx } from '../../types';
import { getStrategy } from '../strategy/strategy.service';
import * as repo from './plan-versions.repo';

// Plan versions: a change of targets (a new target version, with its reason) or of weights during execution.
// The plan can be read "as of" any date; two dates compare side by side: what changed, when, by whom, why.

const when = (at: string | Date) => new Date(at).toISOString();

/** The version in force at `date`: the latest effective on or before it (the later version on a tie). */
function inForce(versions: repo.TargetVersionRow[], date: string) {
  let found: repo.TargetVersionRow | null = null;
  for (const v of versions) if (v.effectiveFrom <= date) found = v;
  return found;
}

const snapshot = (v: repo.TargetVersionRow | null) =>
  v && {
    version: v.version,
    baseline: v.baseline,
    milestones: v.milestones,
    final: v.final,
    effectiveFrom: v.effectiveFrom,
  };

const change = (v: repo.TargetVersionRow) => ({
  version: v.version,
  reason: v.reason,
  effectiveFrom: v.effectiveFrom,
  createdAt: when(v.createdAt),
  createdBy: v.createdBy,
});

function byIndicator(rows: repo.TargetVersionRow[]) {
  const map = new Map<string, repo.TargetVersionRow[]>();
  for (const row of rows) map.set(row.indicator, [...(map.get(row.indicator) ?? []), row]);
  return map;
}

/** The plan's change history, newest first: target re-baselines and weight changes. */
export async function listPlanVersions(ctx: Ctx, code: string) {
  requirePermission(ctx.actor, 'internal.read');
  const strategy = await getStrategy(ctx, code);
  const [targets, weights] = await Promise.all([
    repo.findTargetVersions(ctx.db, strategy.id),
    repo.findWeightVersions(ctx.db, strategy.id, null, null),
  ]);
  const items = [
    ...targets.map((v) => ({
      kind: 'target' as const,
      subject: v.indicator,
      at: when(v.createdAt),
      ...change(v),
    })),
    ...weights.map((w) => ({
      kind: 'weight' as const,
      subject: w.node,
      at: when(w.at),
      from: w.from,
      to: w.to,
      reason: w.reason,
      effectiveFrom: w.effectiveFrom,
      createdBy: w.by,
    })),
  ];
  return { strategy: strategy.code, items: items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)) };
}

/**
 * The plan as of `from` beside the plan as of `to`: each indicator whose target in force differs, with both
 * versions and the changes between (reason, author, dates); and the weight versions taking effect between them.
 */
export async function comparePlanVersions(ctx: Ctx, code: string, from: string, to: string) {
  requirePermission(ctx.actor, 'internal.read');
  if (from > to) throw invalid([{ path: '/query/to', code: 'date_order', message: 'to comes before from' }]);
  const strategy = await getStrategy(ctx, code);
  const [rows, weights] = await Promise.all([
    repo.findTargetVersions(ctx.db, strategy.id),
    repo.findWeightVersions(ctx.db, strategy.id, from, to),
  ]);
  const targets = [];
  for (const [indicator, versions] of byIndicator(rows)) {
    const before = inForce(versions, from);
    const after = inForce(versions, to);
    if (before?.version === after?.version) continue;
    targets.push({
      indicator,
      name: versions[0]!.name,
      from: snapshot(before),
      to: snapshot(after),
      changes: versions.filter((v) => v.effectiveFrom > from && v.effectiveFrom <= to).map(change),
    });
  }
  return {
    strategy: strategy.code,
    from,
    to,
    targets,
    weights: weights.map((w) => ({ ...w, at: when(w.at) })),
  };
}
