import { validateTarget } from '../../../domain/achievement';
import { isDomainError } from '../../../domain/errors';
import { isValidPeriod, periodEnd, periodStart } from '../../../domain/periods';
import { actorUserId } from '../../access/actor';
import { can, requirePermission } from '../../access/permissions';
import { type FieldError, invalid, notFound } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { dimsKey } from '../imports/package-import.service';
import * as repo from './indicators.write.repo';

interface Point {
  period: string;
  value: number | null;
  source?: Record<string, unknown>;
}

export interface TargetChange {
  baseline: Point | null;
  milestones: Point[];
  final: Point | null;
  reason: string;
  effectiveFrom?: string;
}

const EVALUATION_YEARS = 3;

function periodErrors(change: TargetChange, window: { start: string; end: string }): FieldError[] {
  const errors: FieldError[] = [];
  const check = (point: Point | null, path: string, mayPrecede: boolean) => {
    if (!point) return;
    if (!isValidPeriod(point.period)) {
      errors.push({
        path: `${path}/period`,
        code: 'period.invalid',
        message: `"${point.period}" is not a period`,
      });
    } else if (
      (!mayPrecede && periodStart(point.period) < window.start) ||
      periodEnd(point.period) > window.end
    ) {
      errors.push({
        path: `${path}/period`,
        code: 'period.outside_strategy',
        message: `outside ${window.start} … ${window.end}`,
      });
    }
  };
  check(change.baseline, '/body/baseline', true);
  for (const [i, m] of change.milestones.entries()) check(m, `/body/milestones/${i}`, false);
  check(change.final, '/body/final', false);
  return errors;
}

/**
 * Changes an indicator's target: never in place, always a new version with its reason, in force from
 * `effectiveFrom` (today by default). Earlier versions stay readable with `?asOf=`.
 */
export async function changeTarget(ctx: Ctx, code: string, change: TargetChange) {
  requirePermission(ctx.actor, 'indicators.manage');
  return ctx.db.tx(async (tx) => {
    const indicator = await repo.lockIndicator(tx, code);
    if (!indicator) throw notFound('indicator');
    const errors = periodErrors(change, { start: indicator.periodStart, end: indicator.periodEnd });
    if (errors.length) throw invalid(errors);
    const known = (p: Point | null): p is Point & { value: number } => p !== null && p.value !== null;
    if (known(change.baseline) && known(change.final)) {
      try {
        validateTarget(
          { baseline: change.baseline, final: change.final, milestones: change.milestones.filter(known) },
          indicator.direction,
        );
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const field = String(error.params.field ?? 'final');
        throw invalid([{ path: `/body/${field.split('.')[0]}`, code: error.code, message: error.message }]);
      }
    }
    const before = await repo.latestTargetVersion(tx, indicator.id);
    const version = (before?.version ?? 0) + 1;
    const next = { baseline: change.baseline, milestones: change.milestones, final: change.final };
    await repo.insertTargetVersion(tx, {
      indicatorId: indicator.id,
      version,
      ...next,
      reason: change.reason,
      effectiveFrom: change.effectiveFrom ?? new Date().toISOString().slice(0, 10),
      userId: actorUserId(ctx.actor),
    });
    await recordAudit(tx, ctx.actor, {
      action: 'target.change',
      subjectType: 'indicator',
      subjectId: code,
      before: before
        ? {
            version: before.version,
            baseline: before.baseline,
            milestones: before.milestones,
            final: before.final,
          }
        : null,
      after: { version, ...next, reason: change.reason },
    });
    return { indicator: code, version };
  });
}

export interface ObservationInput {
  period: string;
  dimensions?: Record<string, string>;
  value: number | null;
  state?: 'provisional' | 'approved';
  source?: Record<string, unknown> | null;
  confidence?: 'high' | 'medium' | 'low' | 'unverified' | null;
}

/** Records (or corrects) one observation; only dimensions the indicator declares, with known members. */
export async function recordObservation(ctx: Ctx, code: string, input: ObservationInput) {
  requirePermission(ctx.actor, 'observations.write');
  return ctx.db.tx(async (tx) => {
    const indicator = await repo.lockIndicator(tx, code);
    if (!indicator || (indicator.strategyState === 'draft' && !can(ctx.actor, 'internal.read'))) {
      throw notFound('indicator');
    }
    const dims = input.dimensions ?? {};
    const errors: FieldError[] = [];
    if (!isValidPeriod(input.period)) {
      errors.push({
        path: '/body/period',
        code: 'period.invalid',
        message: `"${input.period}" is not a period`,
      });
    } else if (indicator.linked) {
      const end = `${Number(indicator.periodEnd.slice(0, 4)) + EVALUATION_YEARS}${indicator.periodEnd.slice(4)}`;
      if (periodEnd(input.period) > end) {
        errors.push({ path: '/body/period', code: 'period.outside_strategy', message: `after ${end}` });
      }
    }
    for (const dimension of Object.keys(dims)) {
      if (!indicator.dimensions.includes(dimension)) {
        errors.push({
          path: `/body/dimensions/${dimension}`,
          code: 'observation.undeclared_dimension',
          message: `${code} is not broken down by ${dimension}`,
        });
      }
    }
    for (const dimension of await repo.unknownMembers(tx, dims)) {
      errors.push({
        path: `/body/dimensions/${dimension}`,
        code: 'reference.unknown_member',
        message: `${dims[dimension]} is not a member of ${dimension}`,
      });
    }
    if (errors.length) throw invalid(errors);
    const key = dimsKey(dims);
    const before = await repo.findObservation(tx, indicator.id, key, input.period);
    const saved = await repo.upsertObservation(tx, {
      indicatorId: indicator.id,
      period: input.period,
      periodEnd: periodEnd(input.period),
      dims,
      dimsKey: key,
      value: input.value,
      state: input.state ?? 'approved',
      source: input.source ?? null,
      confidence: input.confidence ?? null,
    });
    await recordAudit(tx, ctx.actor, {
      action: saved.inserted ? 'observation.create' : 'observation.update',
      subjectType: 'indicator',
      subjectId: code,
      before,
      after: { period: input.period, dims, value: input.value, state: input.state ?? 'approved' },
    });
    return { indicator: code, period: input.period, dimensions: dims, created: saved.inserted };
  });
}
