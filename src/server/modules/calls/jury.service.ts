import { isOnScale } from '../../../domain/jury';
import { actorUserId, isSignedIn } from '../../access/actor';
import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, type FieldError, forbidden, invalid, notFound, unauthenticated } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as callsRepo from './calls.repo';
import type { ScoreInput } from './calls.schema';
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
