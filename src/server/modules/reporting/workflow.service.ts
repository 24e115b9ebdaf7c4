import { DEFAULT_STATUS_THRESHOLDS } from '../../../domain/status';
import { actorUserId } from '../../access/actor';
import { requirePermission } from '../../access/permissions';
import { forbidden, invalid } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { getStrategy } from '../strategy/strategy.service';
import * as approval from './approval.repo';
import { checkContent } from './report.rules';
import { assertReviewer, canManage, canReport, reportAccess } from './reporting.policy';
import type { Report, ReturnInput } from './reporting.schema';
import * as repo from './reports.repo';
import { lockForAction, presentReport, wrongState } from './reports.service';
import { evaluateReport, submissionErrors } from './variance';

// The report's transitions: submit (and resubmit), return, approve, reopen. Each holds the report's row lock,
// checks the version the caller loaded, and writes its audit event in the same transaction.

async function reload(
  tx: Parameters<typeof presentReport>[0],
  ctx: Ctx,
  id: string,
  cycle: Parameters<typeof presentReport>[3],
) {
  const row = (await repo.findReport(tx, id, reportAccess(ctx.actor)))!;
  return presentReport(tx, ctx, row, cycle);
}

/**
 * Submits the saved draft: every figure is checked again, each item is judged by the computation library, and
 * items at risk or off track need an explanation — 400 naming each missing one, nothing written.
 */
export async function submitReport(ctx: Ctx, id: string, version: number): Promise<Report> {
  requirePermission(ctx.actor, 'reporting.report');
  return ctx.db.tx(async (tx) => {
    const { row, cycle } = await lockForAction(tx, ctx, id, version);
    if (!canReport(ctx.actor, row)) throw forbidden('Only a reporter of the organization submits its report');
    if (!['assigned', 'draft', 'returned'].includes(row.state)) throw wrongState(row, 'submitted');
    const scope = await repo.findScope(tx, row.assignmentId);
    const errors = await checkContent(tx, row.content, scope, cycle, '/report');
    const strategy = await getStrategy(ctx, cycle.strategy);
    const targets = await repo.findTargetsAt(
      tx,
      scope.indicators.map((i) => i.id),
      cycle.periodEnd,
    );
    const evaluations = evaluateReport({
      content: row.content,
      scope,
      targets,
      asOf: cycle.periodEnd,
      startDate: strategy.periodStart,
      thresholds: strategy.statusThresholds ?? DEFAULT_STATUS_THRESHOLDS,
    });
    errors.push(...submissionErrors(row.content, scope, evaluations));
    if (errors.length) throw invalid(errors, 'The report is not complete');
    const status = new Map(evaluations.map((e) => [`${e.kind}:${e.code}`, e.status]));
    await repo.replaceExplanations(
      tx,
      id,
      (row.content.explanations ?? []).map((e) => ({
        kind: e.kind,
        code: e.code,
        status: status.get(`${e.kind}:${e.code}`) ?? 'no_data',
        e,
      })),
    );
    await repo.markSubmitted(tx, id, evaluations, actorUserId(ctx.actor));
    await recordAudit(tx, ctx.actor, {
      action: row.state === 'returned' ? 'report.resubmit' : 'report.submit',
      subjectType: 'report',
      subjectId: id,
      before: { state: row.state },
      after: { state: 'submitted', evaluations },
    });
    return reload(tx, ctx, id, cycle);
  });
}

/** Returns a submitted report to its reporter with comments per item. */
export async function returnReport(ctx: Ctx, id: string, input: ReturnInput): Promise<Report> {
  requirePermission(ctx.actor, 'reporting.review');
  return ctx.db.tx(async (tx) => {
    const { row, cycle } = await lockForAction(tx, ctx, id, input.version);
    assertReviewer(ctx.actor, row);
    if (row.state !== 'submitted') throw wrongState(row, 'returned');
    const comments = { message: input.message ?? null, items: input.comments };
    await repo.markReviewed(tx, id, 'returned', comments, actorUserId(ctx.actor));
    await recordAudit(tx, ctx.actor, {
      action: 'report.return',
      subjectType: 'report',
      subjectId: id,
      before: { state: row.state },
      after: { state: 'returned', comments },
    });
    return reload(tx, ctx, id, cycle);
  });
}

/**
 * Approves a submitted report: it is locked, and its figures become approved observations (its transactions,
 * milestone dates and node states are written too) in the same transaction, so every view shows them at once.
 * Two reviewers approving together: the row lock serializes them and the second gets 409 (its version is stale).
 */
export async function approveReport(ctx: Ctx, id: string, version: number): Promise<Report> {
  requirePermission(ctx.actor, 'reporting.review');
  return ctx.db.tx(async (tx) => {
    const { row, cycle } = await lockForAction(tx, ctx, id, version);
    assertReviewer(ctx.actor, row);
    if (row.state !== 'submitted') throw wrongState(row, 'approved');
    const source = {
      document: `Marsad report ${row.organization.code} ${cycle.strategy} ${cycle.period}`,
      note: `Approved report ${id}`,
      confidence: 'high',
    };
    const content = row.content;
    const observations = await approval.upsertObservations(tx, id, content.figures ?? [], source);
    await approval.replaceTransactions(tx, id, cycle.strategyId, content.transactions ?? [], source);
    await approval.setMilestoneDates(tx, content.milestones ?? []);
    await approval.setNodeStates(tx, cycle.strategyId, content.nodes ?? []);
    const realisations = await approval.replaceRealisations(
      tx,
      id,
      { text: cycle.period, end: cycle.periodEnd },
      content.realisations ?? [],
      row.submittedBy,
    );
    await repo.markReviewed(tx, id, 'approved', null, actorUserId(ctx.actor));
    await recordAudit(tx, ctx.actor, {
      action: 'report.approve',
      subjectType: 'report',
      subjectId: id,
      before: { state: row.state },
      after: {
        state: 'approved',
        observations,
        transactions: content.transactions?.length ?? 0,
        realisations,
      },
    });
    return reload(tx, ctx, id, cycle);
  });
}

/**
 * Reopens an approved report (strategy office, with a reason): it goes back to its reporter as returned, and
 * its figures are withdrawn (observations provisional, transactions out) until it is approved again.
 */
export async function reopenReport(ctx: Ctx, id: string, input: { version: number; reason: string }) {
  requirePermission(ctx.actor, 'reporting.manage');
  return ctx.db.tx(async (tx) => {
    const { row, cycle } = await lockForAction(tx, ctx, id, input.version);
    if (!canManage(ctx.actor, row)) throw forbidden('Outside your scope');
    if (row.state !== 'approved') throw wrongState(row, 'reopened');
    await approval.withdrawFigures(tx, id);
    const comments = { message: input.reason, items: [], reopened: true };
    await repo.markReviewed(tx, id, 'returned', comments, actorUserId(ctx.actor));
    await recordAudit(tx, ctx.actor, {
      action: 'report.reopen',
      subjectType: 'report',
      subjectId: id,
      before: { state: row.state },
      after: { state: 'returned', reason: input.reason },
    });
    return reload(tx, ctx, id, cycle);
  });
}
