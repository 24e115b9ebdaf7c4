import { fiscalPeriod } from '../../../domain/fiscal-calendar';
import { isValidPeriod, parseIsoDate } from '../../../domain/periods';
import { actorUserId } from '../../access/actor';
import { requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, type FieldError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { getStrategy } from '../strategy/strategy.service';
import * as repo from './cycles.repo';
import { reportAccess } from './reporting.policy';
import type { CycleInput } from './reporting.schema';

// Figures may be reported for a few years after a strategy ends (its ex-post evaluation), as observations can.
const EVALUATION_YEARS = 3;

function present({ strategyId: _s, ...cycle }: repo.CycleRow & { counts: Record<string, number> }) {
  return cycle;
}

/** The cycles, newest first, with their assignment counts; for anyone who works on plans. */
export async function listCycles(ctx: Ctx, filter: { strategy?: string }) {
  requirePermission(ctx.actor, 'internal.read');
  const rows = await repo.findCycles(ctx.db, filter.strategy ?? null);
  return rows.map(present);
}

/** One cycle with the assignments the caller may see (its own, those it reviews, or all for the office). */
export async function getCycle(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'internal.read');
  const cycle = await repo.findCycle(ctx.db, id);
  if (!cycle) throw notFound('cycle');
  const assignments = await repo.findAssignments(ctx.db, id, reportAccess(ctx.actor));
  return { ...present(cycle), assignments };
}

/** The cycle, 404 when unknown, 409 `cycle.closed` when it no longer takes any action. */
export async function loadOpenCycle(db: Queryable, id: string, lock: 'FOR UPDATE' | 'FOR SHARE') {
  const cycle = await repo.findCycle(db, id, lock);
  if (!cycle) throw notFound('cycle');
  if (cycle.state === 'closed') {
    throw new AppError('cycle.closed', 409, `The ${cycle.period} cycle is closed`, { cycle: cycle.id });
  }
  return cycle;
}

/**
 * Opens a data call for one period of a strategy: one assignment per organization covering exactly what it
 * owns then (nodes, the indicators linked to them, projects). Later changes of ownership do not move them.
 */
export async function openCycle(ctx: Ctx, input: CycleInput) {
  requirePermission(ctx.actor, 'reporting.manage');
  const strategy = await getStrategy(ctx, input.strategy).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    throw invalid([{ path: '/body/strategy', code: 'unknown', message: `no strategy ${input.strategy}` }]);
  });
  if (strategy.state === 'draft') {
    throw invalid([
      { path: '/body/strategy', code: 'strategy.draft', message: 'a draft strategy has no reports yet' },
    ]);
  }
  const errors: FieldError[] = [];
  // A year, half-year or quarter is the strategy's fiscal one.
  const period = isValidPeriod(input.period) ? fiscalPeriod(input.period, strategy.fiscalCalendar) : null;
  const lastYear = Number(strategy.periodEnd.slice(0, 4)) + EVALUATION_YEARS;
  if (!period) {
    errors.push({
      path: '/body/period',
      code: 'period.invalid',
      message: `"${input.period}" is not a period`,
    });
  } else if (period.end < strategy.periodStart || period.year > lastYear) {
    errors.push({
      path: '/body/period',
      code: 'period.outside_strategy',
      message: `outside ${strategy.periodStart} … ${lastYear}-12-31`,
    });
  }
  try {
    parseIsoDate(input.dueDate);
  } catch {
    errors.push({ path: '/body/dueDate', code: 'date.invalid', message: `${input.dueDate} is not a day` });
  }
  if (errors.length || !period) throw invalid(errors);
  return ctx.db.tx(async (tx) => {
    await repo.lockStrategyCycles(tx, strategy.id);
    if (await repo.findCycleByPeriod(tx, strategy.id, period.text)) {
      throw invalid([
        {
          path: '/body/period',
          code: 'duplicate',
          message: `${strategy.code} already has a ${period.text} cycle`,
        },
      ]);
    }
    const id = await repo.insertCycle(tx, {
      strategyId: strategy.id,
      period: period.text,
      start: period.start,
      end: period.end,
      due: input.dueDate,
      userId: actorUserId(ctx.actor),
    });
    const assignments = await repo.insertAssignments(tx, id, strategy.id, period.end);
    const cycle = present((await repo.findCycle(tx, id))!);
    await recordAudit(tx, ctx.actor, {
      action: 'reporting_cycle.open',
      subjectType: 'reporting_cycle',
      subjectId: id,
      after: { ...cycle, assignments },
    });
    return cycle;
  });
}

/** Closes a cycle: its reports take no further action (save, submit, review, reopen). */
export async function closeCycle(ctx: Ctx, id: string, version: number) {
  requirePermission(ctx.actor, 'reporting.manage');
  return ctx.db.tx(async (tx) => {
    const current = await loadOpenCycle(tx, id, 'FOR UPDATE');
    if (current.version !== version) throw versionConflict(present(current));
    await repo.closeCycle(tx, id, actorUserId(ctx.actor));
    const after = present((await repo.findCycle(tx, id))!);
    await recordAudit(tx, ctx.actor, {
      action: 'reporting_cycle.close',
      subjectType: 'reporting_cycle',
      subjectId: id,
      before: present(current),
      after,
    });
    return after;
  });
}

/** Per organization: its reports by state, late and on time — for one cycle. */
export async function cycleCompleteness(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'internal.read');
  const cycle = await repo.findCycle(ctx.db, id);
  if (!cycle) throw notFound('cycle');
  const items = await repo.countCompleteness(ctx.db, { cycleId: id }, reportAccess(ctx.actor));
  return { cycle: present(cycle), items };
}

/** Per organization across every cycle of a strategy: who reports on time, who never does. */
export async function completenessHistory(ctx: Ctx, strategyCode: string) {
  requirePermission(ctx.actor, 'internal.read');
  const strategy = await getStrategy(ctx, strategyCode);
  const items = await repo.countCompleteness(ctx.db, { strategyId: strategy.id }, reportAccess(ctx.actor));
  return { strategy: strategy.code, items };
}
