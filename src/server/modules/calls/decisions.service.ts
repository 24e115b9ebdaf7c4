import { aggregateJury } from '../../../domain/jury';
import { requirePermission } from '../../access/permissions';
import { AppError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { createProject } from '../projects/projects.service';
import { queueCallMail } from './calls.mail';
import * as callsRepo from './calls.repo';
import type { DecisionInput, ProjectFromSubmission } from './calls.schema';
import { loadCall } from './calls.service';
import * as repo from './jury.repo';
import * as subRepo from './submissions.repo';
import { presentSubmission } from './submissions.service';

// After the jury: the ranking, the shortlist, the decisions (mailed to the applicants) and a selected
// application's life as a project under the strategy. All of it is the strategy office's (`calls.manage`).

/** The ranking: weighted mean per application over jurors without conflict, its spread, rank (domain/jury). */
export async function getRanking(ctx: Ctx, code: string) {
  requirePermission(ctx.actor, 'calls.manage');
  const call = await loadCall(ctx, ctx.db, code);
  const [criteria, subs, reviews] = await Promise.all([
    callsRepo.findCriteria(ctx.db, call.id),
    subRepo.findSubmitted(ctx.db, call.id),
    repo.findCallReviews(ctx.db, call.id),
  ]);
  const results = aggregateJury(
    criteria.map((c) => ({ code: c.code, weight: c.weight })),
    subs.map((s) => ({ ref: String(s.number), submittedAt: new Date(s.submittedAt!).toISOString() })),
    reviews.map((r) => ({
      submission: r.submission,
      juror: r.juror,
      conflict: r.conflict,
      scores: Object.fromEntries(r.scores.map((s) => [s.criterion, s.score])),
    })),
  );
  const byRef = new Map(subs.map((s) => [String(s.number), s]));
  return {
    call: call.code,
    scale: { min: call.scaleMin, max: call.scaleMax },
    criteria: criteria.map((c) => ({ code: c.code, weight: c.weight })),
    method:
      'weighted mean of the criteria per juror, then mean over jurors without conflict; ties: higher minimum, smaller standard deviation, earlier submission, number',
    items: results.map((r) => {
      const s = byRef.get(r.ref)!;
      return { ...r, title: s.title, shortlisted: s.shortlisted, decision: s.decision };
    }),
  };
}

/** Sets the shortlist (the given applications, and only them). */
export async function setShortlist(ctx: Ctx, code: string, refs: string[]) {
  requirePermission(ctx.actor, 'calls.manage');
  return ctx.db.tx(async (tx) => {
    const call = await loadCall(ctx, tx, code, true);
    if (call.state !== 'closed')
      throw new AppError('call.wrong_state', 409, 'A shortlist is drawn on a closed call', {
        state: call.state,
      });
    const submitted = await subRepo.findSubmitted(tx, call.id);
    const errors = refs
      .map((ref, i) => (submitted.some((s) => String(s.number) === ref) ? null : i))
      .filter((i): i is number => i !== null)
      .map((i) => ({
        path: `/body/submissions/${i}`,
        code: 'unknown',
        message: `no submitted application ${refs[i]}`,
      }));
    if (errors.length) throw invalid(errors);
    await subRepo.setShortlisted(tx, call.id, refs);
    await recordAudit(tx, ctx.actor, {
      action: 'call.shortlist',
      subjectType: 'call',
      subjectId: call.id,
      after: { refs },
    });
    return { shortlist: refs };
  });
}

/** Decides one application (selected or rejected, with the reason) and mails the applicant in their language. */
export async function decideSubmission(ctx: Ctx, code: string, ref: string, input: DecisionInput) {
  requirePermission(ctx.actor, 'calls.manage');
  return ctx.db.tx(async (tx) => {
    const call = await loadCall(ctx, tx, code, true);
    const row = await subRepo.findByNumber(tx, call.id, ref, true);
    if (!row || row.state === 'draft') throw notFound('submission');
    if (row.version !== input.version) throw versionConflict(await presentSubmission(tx, call.code, row));
    if (call.state !== 'closed') {
      throw new AppError('call.wrong_state', 409, 'Decisions are taken on a closed call', {
        state: call.state,
      });
    }
    if (row.project)
      throw new AppError('submission.tracked', 409, 'The application already became a project');
    await subRepo.setDecision(tx, row.id, input.decision, input.reason);
    if (row.email) {
      await queueCallMail(tx, input.decision, row.email, row.language, {
        callTitle: call.title,
        ref: String(row.number),
        reason: input.reason,
      });
    }
    const after = (await subRepo.findByNumber(tx, call.id, ref))!;
    await recordAudit(tx, ctx.actor, {
      action: 'submission.decide',
      subjectType: 'call_submission',
      subjectId: row.id,
      before: { decision: row.decision },
      after: { decision: input.decision, reason: input.reason },
    });
    return presentSubmission(tx, call.code, after);
  });
}

/**
 * Turns a selected application into a project under a plan node, through the projects service (which checks
 * the code, node, owner and scope and writes its own audit event), then links the two. The project is created
 * in the projects service's own transaction: should the link fail afterwards, calling again with the same code
 * finds the project and links it.
 */
export async function trackAsProject(ctx: Ctx, code: string, ref: string, input: ProjectFromSubmission) {
  requirePermission(ctx.actor, 'calls.manage');
  const call = await loadCall(ctx, ctx.db, code);
  const row = await subRepo.findByNumber(ctx.db, call.id, ref);
  if (!row || row.state === 'draft') throw notFound('submission');
  if (row.decision !== 'selected')
    throw new AppError('submission.not_selected', 409, 'Only a selected application becomes a project');
  if (row.project)
    throw new AppError('submission.tracked', 409, 'The application already became a project', {
      project: row.project,
    });
  const strategy = input.strategy ?? call.strategy;
  const node = input.node ?? call.node;
  if (!strategy || !node) {
    throw invalid([
      { path: '/body/node', code: 'required', message: 'name the plan node (the call has none)' },
    ]);
  }
  const strategyRow = await callsRepo.findStrategyId(ctx.db, strategy);
  let projectId = strategyRow
    ? (await subRepo.findProjectId(ctx.db, strategyRow.id, input.code))?.id
    : undefined;
  if (!projectId) {
    await createProject(ctx, strategy, {
      code: input.code,
      title: { [row.language]: row.title ?? `${call.code} #${row.number}` },
      description: row.summary ? { [row.language]: row.summary } : null,
      node,
      owner: input.owner ?? null,
      source: {
        document: `Call ${call.code}, application no. ${row.number}`,
        note: row.decisionReason ?? undefined,
      },
    });
    projectId = (await subRepo.findProjectId(
      ctx.db,
      (await callsRepo.findStrategyId(ctx.db, strategy))!.id,
      input.code,
    ))!.id;
  }
  return ctx.db.tx(async (tx) => {
    const locked = (await subRepo.findByNumber(tx, call.id, ref, true))!;
    if (locked.project)
      throw new AppError('submission.tracked', 409, 'The application already became a project');
    await subRepo.linkProject(tx, row.id, projectId);
    await recordAudit(tx, ctx.actor, {
      action: 'submission.track',
      subjectType: 'call_submission',
      subjectId: row.id,
      after: { strategy, node, project: input.code },
    });
    return presentSubmission(tx, call.code, (await subRepo.findByNumber(tx, call.id, ref))!);
  });
}

/**
 * The public results of a decided call: the selected applications with their project, no personal data (the
 * applicant's name and address stay private; the project's title is what was published).
 */
export async function getResults(ctx: Ctx, code: string) {
  const call = await loadCall(ctx, ctx.db, code);
  if (call.state !== 'decided') {
    throw new AppError('call.not_decided', 409, 'The results are published once the call is decided', {
      state: call.state,
    });
  }
  const rows = await subRepo.findSubmitted(ctx.db, call.id);
  return {
    call: call.code,
    strategy: call.strategy,
    submitted: rows.length,
    selected: rows
      .filter((r) => r.decision === 'selected')
      .map((r) => ({ ref: String(r.number), title: r.title, theme: r.theme, project: r.project })),
  };
}
