import { aggregateJury, isOnScale } from '../../../domain/jury';
import { actorUserId, isSignedIn } from '../../access/actor';
import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import {
  AppError,
  type FieldError,
  forbidden,
  invalid,
  notFound,
  unauthenticated,
  versionConflict,
} from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { createProject } from '../projects/projects.service';
import { queueCallMail } from './calls.mail';
import * as callsRepo from './calls.repo';
import type { DecisionInput, ProjectFromSubmission, ScoreInput } from './calls.schema';
import { loadCall } from './calls.service';
import * as repo from './jury.repo';
import * as subRepo from './submissions.repo';
import { presentSubmission } from './submissions.service';

// The jury's side. Managers (`calls.manage`) see every submitted application; a juror (a user with a jury
// membership on the call) sees only those assigned to them and not under a conflict they declared — any other
// is 404 to them, so a conflict hides the applicant as well as the scores.

const presentReview = (r: repo.ReviewRow) => ({
  submission: r.submission,
  juror: r.juror,
  conflict: r.conflict,
  conflictReason: r.conflictReason,
  comment: r.comment,
  scores: r.scores,
  scoredAt: r.scoredAt ? new Date(r.scoredAt).toISOString() : null,
});

/** The call for a jury action: 401 for the public, 404 unless the actor manages calls or sits on this jury. */
async function loadJuryCall(ctx: Ctx, db: Queryable, code: string) {
  if (!isSignedIn(ctx.actor) && ctx.actor.kind !== 'system') throw unauthenticated();
  const call = await loadCall(ctx, db, code);
  const manager = can(ctx.actor, 'calls.manage');
  const userId = actorUserId(ctx.actor);
  const juror = userId ? await callsRepo.isJuror(db, call.id, userId) : false;
  if (!manager && !juror) throw notFound('call');
  return { call, manager, juror, userId };
}

/** A submitted application as the jury sees it; 404 to a juror not assigned to it or in conflict on it. */
async function loadVisibleSubmission(ctx: Ctx, db: Queryable, code: string, ref: string, lock = false) {
  const access = await loadJuryCall(ctx, db, code);
  const row = await subRepo.findByNumber(db, access.call.id, ref, lock);
  if (!row || row.state === 'draft') throw notFound('submission');
  const review = access.userId ? await repo.findReview(db, row.id, access.userId, lock) : null;
  if (!access.manager && (!review || review.conflict)) throw notFound('submission');
  return { ...access, row, review };
}

/** Jurors see who applied (to judge conflicts of interest) but not how to reach them: that stays with managers. */
const forJuror = (s: Awaited<ReturnType<typeof presentSubmission>>) => ({ ...s, email: null });

export async function getJurySubmission(ctx: Ctx, code: string, ref: string) {
  const { call, row, manager } = await loadVisibleSubmission(ctx, ctx.db, code, ref);
  const shown = await presentSubmission(ctx.db, call.code, row);
  return manager ? shown : forJuror(shown);
}

/** A file of a submitted application, for those who may see the application (managers, its unconflicted jurors). */
export async function getJuryAttachment(ctx: Ctx, code: string, ref: string, attachmentId: string) {
  const { row } = await loadVisibleSubmission(ctx, ctx.db, code, ref);
  const file = await subRepo.findAttachmentContent(ctx.db, row.id, attachmentId);
  if (!file) throw notFound('attachment');
  return file;
}

/** The submitted applications: all for managers, a juror's own assignments otherwise (conflicts shown as such). */
export async function listJurySubmissions(ctx: Ctx, code: string) {
  const { call, manager, userId } = await loadJuryCall(ctx, ctx.db, code);
  const rows = await subRepo.findSubmitted(ctx.db, call.id);
  if (manager) return { items: await Promise.all(rows.map((r) => presentSubmission(ctx.db, call.code, r))) };
  const mine = await repo.findJurorReviews(ctx.db, call.id, userId!);
  const visible = new Set(mine.filter((r) => !r.conflict).map((r) => r.submissionId));
  return {
    items: await Promise.all(
      rows.filter((r) => visible.has(r.id)).map((r) => presentSubmission(ctx.db, call.code, r)),
    ),
  };
}

/** Reviews on the call: every one for managers, the juror's own otherwise. */
export async function listReviews(ctx: Ctx, code: string) {
  const { call, manager, userId } = await loadJuryCall(ctx, ctx.db, code);
  const rows = manager
    ? await repo.findCallReviews(ctx.db, call.id)
    : await repo.findJurorReviews(ctx.db, call.id, userId!);
  return { items: rows.map(presentReview) };
}

/** Assigns submitted applications to jurors (all × all by default); assignments already made stay. */
export async function assignSubmissions(
  ctx: Ctx,
  code: string,
  input: { submissions?: string[]; jurors?: string[] },
) {
  requirePermission(ctx.actor, 'calls.manage');
  return ctx.db.tx(async (tx) => {
    const call = await loadCall(ctx, tx, code, true);
    if (call.state === 'decided' || call.state === 'draft') {
      throw new AppError('call.wrong_state', 409, `The call is ${call.state}`, { state: call.state });
    }
    const errors: FieldError[] = [];
    const submitted = await subRepo.findSubmitted(tx, call.id);
    const subs = input.submissions
      ? input.submissions.map((ref, i) => {
          const row = submitted.find((s) => String(s.number) === ref && s.state === 'submitted');
          if (!row)
            errors.push({
              path: `/body/submissions/${i}`,
              code: 'unknown',
              message: `no submitted application ${ref}`,
            });
          return row?.id ?? '';
        })
      : submitted.filter((s) => s.state === 'submitted').map((s) => s.id);
    const members = await callsRepo.findJurors(tx, call.id);
    const jurors = input.jurors
      ? input.jurors.map((name, i) => {
          const m = members.find((j) => j.username.toLowerCase() === name.toLowerCase());
          if (!m)
            errors.push({
              path: `/body/jurors/${i}`,
              code: 'not_juror',
              message: `${name} is not on this jury`,
            });
          return m?.id ?? '';
        })
      : members.map((m) => m.id);
    if (errors.length) throw invalid(errors);
    const created = await repo.insertAssignments(tx, subs, jurors);
    await recordAudit(tx, ctx.actor, {
      action: 'call.assign',
      subjectType: 'call',
      subjectId: call.id,
      after: { created, submissions: subs.length, jurors: jurors.length },
    });
    return { created };
  });
}

/** A juror's reviewing action: signed in, on the jury, assigned, call not yet decided. */
async function loadOwnReview(ctx: Ctx, tx: Queryable, code: string, ref: string) {
  const access = await loadJuryCall(ctx, tx, code);
  if (!access.juror) throw forbidden('Only a juror of this call reviews its applications');
  const row = await subRepo.findByNumber(tx, access.call.id, ref, true);
  if (!row || row.state === 'draft') throw notFound('submission');
  const review = await repo.findReview(tx, row.id, access.userId!, true);
  if (!review) throw notFound('submission');
  if (access.call.state === 'decided')
    throw new AppError('call.wrong_state', 409, 'The call is decided', { state: 'decided' });
  return { ...access, row, review };
}

/** Declares a conflict of interest: from then on the juror neither sees nor scores the application. */
export async function declareConflict(ctx: Ctx, code: string, ref: string, reason: string) {
  return ctx.db.tx(async (tx) => {
    const { review } = await loadOwnReview(ctx, tx, code, ref);
    if (review.conflict) return presentReview(review);
    await repo.declareConflict(tx, review.id, reason);
    const after = (await repo.findReview(tx, review.submissionId, review.jurorId))!;
    await recordAudit(tx, ctx.actor, {
      action: 'jury.conflict',
      subjectType: 'call_submission',
      subjectId: review.submissionId,
      after: { juror: review.juror, reason },
    });
    return presentReview(after);
  });
}

/** Scores every criterion on the call's scale (each may carry a comment); a later call replaces the scores. */
export async function scoreSubmission(ctx: Ctx, code: string, ref: string, input: ScoreInput) {
  return ctx.db.tx(async (tx) => {
    const { call, review } = await loadOwnReview(ctx, tx, code, ref);
    if (review.conflict) {
      throw new AppError(
        'jury.conflict_declared',
        409,
        'You declared a conflict of interest on this application',
      );
    }
    const criteria = await callsRepo.findCriteria(tx, call.id);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const scores = input.scores.map((s, i) => {
      const criterion = criteria.find((c) => c.code === s.criterion);
      if (!criterion)
        errors.push({
          path: `/body/scores/${i}/criterion`,
          code: 'unknown',
          message: `no criterion ${s.criterion}`,
        });
      else if (seen.has(criterion.code))
        errors.push({
          path: `/body/scores/${i}/criterion`,
          code: 'duplicate',
          message: `${s.criterion} twice`,
        });
      if (criterion) seen.add(criterion.code);
      if (!isOnScale(s.score, { min: call.scaleMin, max: call.scaleMax })) {
        errors.push({
          path: `/body/scores/${i}/score`,
          code: 'out_of_scale',
          message: `a score is between ${call.scaleMin} and ${call.scaleMax}`,
        });
      }
      return { criterionId: criterion?.id ?? '', score: s.score, comment: s.comment ?? null };
    });
    criteria.forEach((c) => {
      if (!seen.has(c.code) && !errors.some((e) => e.code === 'unknown'))
        errors.push({ path: '/body/scores', code: 'missing_criterion', message: `score ${c.code} too` });
    });
    if (errors.length) throw invalid(errors);
    await repo.saveScores(tx, review.id, input.comment ?? null, scores);
    const after = (await repo.findReview(tx, review.submissionId, review.jurorId))!;
    await recordAudit(tx, ctx.actor, {
      action: 'jury.score',
      subjectType: 'call_submission',
      subjectId: review.submissionId,
      before: presentReview(review),
      after: presentReview(after),
    });
    return presentReview(after);
  });
}

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
