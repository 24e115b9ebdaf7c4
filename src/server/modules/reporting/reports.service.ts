import { actorUserId } from '../../access/actor';
import { requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as cycles from './cycles.repo';
import { loadOpenCycle } from './cycles.service';
import { checkContent } from './report.rules';
import { canManage, canReport, reportAccess } from './reporting.policy';
import type { Report, ReportDraft } from './reporting.schema';
import * as repo from './reports.repo';

const EDITABLE = ['assigned', 'draft', 'returned'];

/** The report as the API shows it, with what the caller may do with it now. */
export async function presentReport(
  db: Queryable,
  ctx: Ctx,
  row: repo.ReportRow,
  cycle: cycles.CycleRow,
): Promise<Report> {
  const scope = await repo.findScope(db, row.assignmentId);
  const followUps = await repo.findFollowUps(db, cycle.id, row.organizationId);
  const open = cycle.state === 'open';
  const reporter = canReport(ctx.actor, row);
  const userId = actorUserId(ctx.actor);
  const own = userId !== null && (userId === row.submittedBy || userId === row.updatedBy);
  return {
    id: row.id,
    cycle: {
      id: cycle.id,
      strategy: cycle.strategy,
      period: cycle.period,
      dueDate: cycle.dueDate,
      state: cycle.state,
    },
    organization: row.organization,
    state: row.state,
    isLate: row.isLate,
    scope: {
      nodes: scope.nodes.map(({ code, title }) => ({ code, title })),
      indicators: scope.indicators.map(({ code, name, unit, dimensions }) => ({
        code,
        name,
        unit,
        dimensions,
      })),
      projects: scope.projects,
      commitments: scope.commitments,
    },
    content: row.content,
    evaluations: (row.evaluations as Report['evaluations']) ?? null,
    comments: row.comments ?? null,
    followUps,
    submittedAt: row.submittedAt ? new Date(row.submittedAt).toISOString() : null,
    approvedAt: row.approvedAt ? new Date(row.approvedAt).toISOString() : null,
    abilities: {
      edit: open && reporter && EDITABLE.includes(row.state),
      submit: open && reporter && EDITABLE.includes(row.state),
      review: open && row.isReviewer && !own && row.state === 'submitted',
      reopen: open && canManage(ctx.actor, row) && row.state === 'approved',
    },
    version: row.version,
  };
}

/** The report, or 404 when the caller may not see it (its existence is not revealed). */
export async function loadVisible(db: Queryable, ctx: Ctx, id: string, lock = false) {
  const row = await repo.findReport(db, id, reportAccess(ctx.actor), lock);
  if (!row?.isVisible) throw notFound('report');
  return row;
}

export async function getReport(ctx: Ctx, id: string): Promise<Report> {
  requirePermission(ctx.actor, 'internal.read');
  const row = await loadVisible(ctx.db, ctx, id);
  const cycle = await cycles.findCycle(ctx.db, row.cycleId);
  return presentReport(ctx.db, ctx, row, cycle!);
}

/** The reports the caller may see: its organization's, those its bodies review, or all for the office. */
export function listReports(ctx: Ctx, filter: { cycle?: string; state?: string }) {
  requirePermission(ctx.actor, 'internal.read');
  return repo.findReports(ctx.db, filter, reportAccess(ctx.actor));
}

/**
 * Locks a report for a transition: 404 when hidden, 409 `cycle.closed` on a closed cycle, 409 with the current
 * report when `version` is stale. The cycle is share-locked so that it cannot close under the transition.
 */
export async function lockForAction(tx: Queryable, ctx: Ctx, id: string, version: number) {
  const row = await loadVisible(tx, ctx, id, true);
  const cycle = await loadOpenCycle(tx, row.cycleId, 'FOR SHARE');
  if (row.version !== version) throw versionConflict(await presentReport(tx, ctx, row, cycle));
  return { row, cycle };
}

export function wrongState(row: repo.ReportRow, action: string) {
  return new AppError('report.wrong_state', 409, `A ${row.state} report cannot be ${action}`, {
    state: row.state,
  });
}

/** Saves the whole draft; every field it names is checked now, so a form shows each problem at once. */
export async function saveDraft(ctx: Ctx, id: string, draft: ReportDraft): Promise<Report> {
  requirePermission(ctx.actor, 'reporting.report');
  return ctx.db.tx(async (tx) => {
    const { version, ...content } = draft;
    const { row, cycle } = await lockForAction(tx, ctx, id, version);
    if (!canReport(ctx.actor, row)) throw forbidden('Only a reporter of the organization edits its report');
    if (!EDITABLE.includes(row.state)) throw wrongState(row, 'edited');
    const scope = await repo.findScope(tx, row.assignmentId);
    const errors = await checkContent(tx, content, scope, cycle, '/body');
    if (errors.length) throw invalid(errors);
    const state = row.state === 'returned' ? 'returned' : 'draft';
    await repo.saveDraft(tx, id, content, state, actorUserId(ctx.actor));
    await recordAudit(tx, ctx.actor, {
      action: 'report.save',
      subjectType: 'report',
      subjectId: id,
      before: { state: row.state, content: row.content },
      after: { state, content },
    });
    const saved = (await repo.findReport(tx, id, reportAccess(ctx.actor)))!;
    return presentReport(tx, ctx, saved, cycle);
  });
}
