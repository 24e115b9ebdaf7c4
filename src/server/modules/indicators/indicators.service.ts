import { achievement } from '../../../domain/achievement';
import { type Computation, compareReported } from '../../../domain/components';
import { isDomainError } from '../../../domain/errors';
import { forecast } from '../../../domain/forecast';
import { evaluateIndicator, type PartialTarget } from '../../../domain/plan-progress';
import { DEFAULT_STATUS_THRESHOLDS, type StatusThresholds } from '../../../domain/status';
import { can, requirePermission } from '../../access/permissions';
import { notFound } from '../../errors';
import type { Ctx } from '../../types';
import { today } from '../strategy/strategy.service';
import * as repo from './indicators.repo';

/**
 * The national series of an indicator: its rows without dimension members, or — where only disaggregated
 * figures exist for a period — their sum, for indicators that add up (counts), over the members of a single
 * dimension. Shares and indices (mean, last) are never averaged: without weights that would invent a figure.
 */
export function nationalSeries(
  observations: readonly repo.ObservationRow[],
  aggregation: 'sum' | 'mean' | 'last',
): { period: string; value: number; aggregatedFrom?: number }[] {
  const byPeriod = new Map<string, repo.ObservationRow[]>();
  for (const o of observations) {
    if (o.value === null) continue;
    const list = byPeriod.get(o.period) ?? [];
    list.push(o);
    byPeriod.set(o.period, list);
  }
  const series: { period: string; value: number; aggregatedFrom?: number }[] = [];
  for (const [period, rows] of byPeriod) {
    const total = rows.find((r) => Object.keys(r.dims).length === 0);
    if (total) {
      series.push({ period, value: total.value! });
      continue;
    }
    if (aggregation !== 'sum') continue;
    // Only one dimension at a time can be added up without counting a member twice.
    const keys = new Set(rows.map((r) => Object.keys(r.dims).sort().join(',')));
    if (keys.size !== 1 || [...keys][0]!.includes(',')) continue;
    series.push({ period, value: rows.reduce((sum, r) => sum + r.value!, 0), aggregatedFrom: rows.length });
  }
  return series;
}

function targetInForce(versions: repo.TargetVersionRow[], asOf: string): repo.TargetVersionRow | null {
  let found: repo.TargetVersionRow | null = null;
  for (const v of versions) if (v.effectiveFrom <= asOf) found = v;
  return found;
}

function safe<T>(fn: () => Computation<T>): Computation<T> | { method: string; reason: string } {
  try {
    return fn();
  } catch (error) {
    if (isDomainError(error)) return { method: 'error', reason: error.code };
    throw error;
  }
}

/**
 * One indicator as of a date, with everything computed from it and how: the target version then in force, the
 * observations, the status and achievement, the forecast, and each reported figure beside the computed one.
 */
export async function getIndicator(ctx: Ctx, code: string, options: { asOf?: string }) {
  const indicator = await repo.findIndicator(ctx.db, code);
  const internal = can(ctx.actor, 'internal.read');
  if (!indicator || (indicator.strategy.state === 'draft' && !internal)) throw notFound('indicator');
  const asOf = options.asOf ?? today();
  const [versions, observations] = await Promise.all([
    repo.findTargetVersions(ctx.db, indicator.id),
    repo.findObservations(ctx.db, indicator.id, asOf, internal),
  ]);
  const current = targetInForce(versions, asOf);
  const target: PartialTarget | null = current
    ? { baseline: current.baseline, milestones: current.milestones, final: current.final }
    : null;
  const series = nationalSeries(observations, indicator.aggregation);
  const thresholds = (indicator.strategy.thresholds as StatusThresholds | null) ?? DEFAULT_STATUS_THRESHOLDS;
  const evaluation = evaluateIndicator({
    target,
    direction: indicator.direction,
    observations: series,
    asOf,
    startDate: indicator.strategy.periodStart,
    thresholds,
  });
  const baseline = target?.baseline?.value ?? null;
  const final = target?.final?.value ?? null;
  const complete = baseline !== null && final !== null && target?.final;
  const trend = complete
    ? safe(() =>
        forecast({
          observations: series.filter((o) => o.period >= (target?.baseline?.period ?? '')),
          final: { period: target!.final!.period, value: final },
          direction: indicator.direction,
        }),
      )
    : { method: 'forecast.least_squares', reason: 'incomplete_target' };
  const { id: _id, strategy, ...definition } = indicator;
  return {
    ...definition,
    strategy: { code: strategy.code, title: strategy.title },
    asOf,
    target: current,
    targetVersions: versions.map(({ baseline: _b, milestones: _m, final: _f, ...meta }) => meta),
    observations: observations.map((o) => ({
      ...o,
      comparison:
        o.reported && complete && o.value !== null && Object.keys(o.dims).length === 0
          ? safe(() =>
              compareReported(
                achievement({
                  baseline: baseline!,
                  target: final!,
                  actual: o.value!,
                  direction: indicator.direction,
                }).result.ratio,
                o.reported!,
              ),
            )
          : null,
    })),
    series,
    computed: evaluation,
    forecast: trend,
  };
}

export async function listIndicators(ctx: Ctx, filter: { strategy?: string; q?: string }) {
  return repo.findIndicatorList(ctx.db, filter, can(ctx.actor, 'internal.read'));
}

export function listDimensions(ctx: Ctx) {
  return repo.findDimensions(ctx.db);
}

/**
 * The indicators of a strategy with their target in force at `asOf` and their approved observations by then,
 * national or of one region: the series behind a dashboard's sparklines. For those who work on plans.
 */
export async function listIndicatorSeries(
  ctx: Ctx,
  strategyId: string,
  options: { asOf: string; region?: string },
) {
  requirePermission(ctx.actor, 'internal.read');
  const dimsKey = options.region ? `region=${options.region}` : '';
  return repo.findStrategyIndicatorSeries(ctx.db, strategyId, options.asOf, dimsKey);
}
