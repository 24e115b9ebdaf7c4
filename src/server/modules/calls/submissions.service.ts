import { createHash } from 'node:crypto';
import type { Config } from '../../config';
import type { Queryable } from '../../db/pool';
import { AppError, type FieldError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { newSecret, sha256 } from '../auth/tokens';
import { cleanFilename } from '../reporting/attachments.service';
import { EXTENSIONS, isAccepted, sniffType } from '../reporting/attachments.sniff';
import { queueCallMail } from './calls.mail';
import * as callsRepo from './calls.repo';
import type { Submission, SubmissionCreate, SubmissionPatch, SubmitBody } from './calls.schema';
import { loadCall } from './calls.service';
import { PRIVACY_NOTICE } from './privacy-notice';
import * as repo from './submissions.repo';

// The applicant's side: no account. A draft lives behind a private link whose token is shown once and mailed;
// only its SHA-256 is stored. Every change checks the call's window by the database clock.

export interface PublicDeps {
  config: Config;
  ip: string;
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export async function presentSubmission(
  db: Queryable,
  callCode: string,
  row: repo.SubmissionRow,
): Promise<Submission> {
  const attachments = row.state === 'erased' ? [] : await repo.findAttachments(db, row.id);
  return {
    ref: String(row.number),
    call: callCode,
    state: row.state,
    email: row.email,
    name: row.name,
    organization: row.organization,
    language: row.language,
    title: row.title,
    summary: row.summary,
    theme: row.theme,
    answers: row.answers,
    consent: row.consentAt ? { at: iso(row.consentAt)!, noticeVersion: row.consentNoticeVersion! } : null,
    submittedAt: iso(row.submittedAt),
    attachments: attachments.map((a) => ({ ...a, createdAt: iso(a.createdAt)! })),
    decision: row.decision,
    decisionReason: row.decisionReason,
    shortlisted: row.shortlisted,
    project: row.project,
    version: row.version,
  };
}

const closed = (call: callsRepo.CallRow) =>
  new AppError(
    'call.closed',
    409,
    'The call is not accepting submissions (not open, or past its closing date)',
    {
      closesAt: iso(call.closesAt),
      state: call.state,
    },
  );

/** The private link: the portal's page of the application, in the applicant's language (French otherwise). */
export const linkFor = (config: Config, token: string, language?: string | null) =>
  `${config.publicUrl ?? `http://localhost:${config.port}`}/${language === 'ar' || language === 'en' ? language : 'fr'}/calls/submission/${token}`;

function checkTheme(call: callsRepo.CallRow, theme: string | null | undefined) {
  if (theme && !call.themes.some((t) => t.code === theme)) {
    throw invalid([{ path: '/body/theme', code: 'unknown', message: `the call has no theme ${theme}` }]);
  }
}

/**
 * Starts an application: a draft behind a new private link, mailed to the applicant in their language.
 * Throttled per address; one per email and call (409 `submission.duplicate`).
 */
export async function createSubmission(ctx: Ctx, deps: PublicDeps, code: string, input: SubmissionCreate) {
  const limit = deps.config.calls.maxDraftsPerAddress;
  const hits = await repo.hitThrottle(ctx.db, `address:${deps.ip}`, deps.config.calls.throttleWindowSeconds);
  if (hits > limit) {
    throw new AppError(
      'too_many_attempts',
      429,
      'Too many new applications from this address; try again later',
      {
        retryAfter: deps.config.calls.throttleWindowSeconds,
      },
    );
  }
  const token = newSecret();
  return ctx.db.tx(async (tx) => {
    const call = await loadCall(ctx, tx, code, false);
    if (!call.isAccepting) throw closed(call);
    checkTheme(call, input.theme);
    const id = await repo.insertDraft(tx, call.id, sha256(token), {
      email: input.email.trim(),
      name: input.name ?? null,
      organization: input.organization ?? null,
      language: input.language ?? 'fr',
      title: input.title ?? null,
      summary: input.summary ?? null,
      theme: input.theme ?? null,
      answers: input.answers ?? {},
    });
    if (!id) {
      throw new AppError(
        'submission.duplicate',
        409,
        'This email address already has an application to this call',
        {},
        [{ path: '/body/email', code: 'duplicate', message: 'one application per email address and call' }],
      );
    }
    const row = (await repo.findByTokenHash(tx, sha256(token)))!;
    const link = linkFor(deps.config, token, row.language);
    await queueCallMail(tx, 'draft_link', input.email, row.language, {
      callTitle: call.title,
      ref: String(row.number),
      link,
    });
    // the audit trail names the submission, never the applicant's personal data
    await recordAudit(tx, ctx.actor, {
      action: 'submission.create',
      subjectType: 'call_submission',
      subjectId: id,
      after: { call: call.code, ref: row.number },
    });
    return { token, link, submission: await presentSubmission(tx, call.code, row) };
  });
}

/** The submission behind a private link, and its call: 404 for an unknown or erased link. */
async function loadByToken(tx: Queryable, token: string, lock: boolean) {
  const row = await repo.findByTokenHash(tx, sha256(token), lock);
  if (!row || row.state === 'erased') throw notFound('submission');
  const callRow = (await callsRepo.findCallById(tx, row.callId, lock))!;
  return { row, call: callRow };
}

export async function getSubmissionByToken(ctx: Ctx, token: string): Promise<Submission> {
  const { row, call } = await loadByToken(ctx.db, token, false);
  return presentSubmission(ctx.db, call.code, row);
}

/** Locks a draft for a change: 409 once submitted, or once the call stopped accepting. */
async function lockDraft(tx: Queryable, token: string, version?: number) {
  const { row, call } = await loadByToken(tx, token, true);
  if (version !== undefined && row.version !== version) {
    throw versionConflict(await presentSubmission(tx, call.code, row));
  }
  if (row.state !== 'draft') {
    throw new AppError(
      'submission.submitted',
      409,
      'The application is submitted: it can no longer be changed',
    );
  }
  if (!call.isAccepting) throw closed(call);
  return { row, call };
}

export async function updateSubmission(ctx: Ctx, token: string, patch: SubmissionPatch): Promise<Submission> {
  return ctx.db.tx(async (tx) => {
    const { row, call } = await lockDraft(tx, token, patch.version);
    checkTheme(call, patch.theme);
    const pick = <K extends keyof repo.SubmissionFields>(
      key: K,
      value: repo.SubmissionFields[K] | undefined,
    ) => (value === undefined ? (row as unknown as repo.SubmissionFields)[key] : value);
    await repo.updateDraft(tx, row.id, {
      name: pick('name', patch.name),
      organization: pick('organization', patch.organization),
      language: pick('language', patch.language),
      title: pick('title', patch.title),
      summary: pick('summary', patch.summary),
      theme: pick('theme', patch.theme),
      answers: pick('answers', patch.answers),
    });
    const after = (await repo.findByTokenHash(tx, sha256(token)))!;
    await recordAudit(tx, ctx.actor, {
      action: 'submission.update',
      subjectType: 'call_submission',
      subjectId: row.id,
      after: { version: after.version },
    });
    return presentSubmission(tx, call.code, after);
  });
}

/**
 * Submits the draft: before the closing time (database clock), with the applicant's consent to the current
 * privacy notice, whose version is recorded; a confirmation mail follows.
 */
export async function submitSubmission(ctx: Ctx, deps: PublicDeps, token: string, body: SubmitBody) {
  return ctx.db.tx(async (tx) => {
    const { row, call } = await lockDraft(tx, token, body.version);
    const errors: FieldError[] = [];
    if (!body.consent?.accepted) {
      errors.push({
        path: '/body/consent/accepted',
        code: 'consent_required',
        message: 'consent to the privacy notice is required',
      });
    } else if (body.consent.noticeVersion !== PRIVACY_NOTICE.version) {
      errors.push({
        path: '/body/consent/noticeVersion',
        code: 'notice_outdated',
        message: `the current notice is ${PRIVACY_NOTICE.version}`,
      });
    }
    if (!row.name?.trim())
      errors.push({ path: '/body/name', code: 'required', message: 'your name is required' });
    if (!row.title?.trim())
      errors.push({ path: '/body/title', code: 'required', message: 'a project title is required' });
    if (call.themes.length > 0 && !row.theme) {
      errors.push({ path: '/body/theme', code: 'required', message: 'choose one of the call’s themes' });
    }
    if (errors.length) throw invalid(errors, 'The application cannot be submitted yet');
    await repo.markSubmitted(tx, row.id, PRIVACY_NOTICE.version);
    const after = (await repo.findByTokenHash(tx, sha256(token)))!;
    await queueCallMail(tx, 'received', row.email!, row.language, {
      callTitle: call.title,
      ref: String(row.number),
      link: linkFor(deps.config, token, after.language),
    });
    await recordAudit(tx, ctx.actor, {
      action: 'submission.submit',
      subjectType: 'call_submission',
      subjectId: row.id,
      after: { call: call.code, ref: row.number, noticeVersion: PRIVACY_NOTICE.version },
    });
    return presentSubmission(tx, call.code, after);
  });
}

/** Everything Marsad holds about the applicant in this application, as JSON (right of access). */
export async function exportSubmission(ctx: Ctx, token: string) {
  const { row, call } = await loadByToken(ctx.db, token, false);
  return {
    exportedAt: new Date().toISOString(),
    privacyNotice: PRIVACY_NOTICE,
    call: { code: call.code, title: call.title },
    submission: await presentSubmission(ctx.db, call.code, row),
  };
}

/**
 * Erases the applicant's data. A draft is deleted outright; a submitted application keeps an anonymous
 * tombstone (its number, call, dates, decision and scores, no personal field, no file) so that the call's
 * counts and the jury's ranking stay true. The private link stops working either way.
 */
export async function eraseSubmission(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const { row } = await loadByToken(tx, token, true);
    if (row.state === 'draft') await repo.deleteDraft(tx, row.id);
    else await repo.eraseSubmission(tx, row.id);
    await recordAudit(tx, ctx.actor, {
      action: 'submission.erase',
      subjectType: 'call_submission',
      subjectId: row.state === 'draft' ? null : row.id,
      after: { ref: row.number, kept: row.state === 'draft' ? 'nothing' : 'anonymous tombstone' },
    });
  });
}

/** Attaches a file to the draft, typed by its bytes (the reporting module's sniffing): 415 otherwise. */
export async function addSubmissionAttachment(
  ctx: Ctx,
  token: string,
  input: { filename: string; content: Buffer },
) {
  return ctx.db.tx(async (tx) => {
    const { row } = await lockDraft(tx, token);
    if (input.content.length === 0) {
      throw invalid([{ path: '/body', code: 'required', message: 'send the file as the request body' }]);
    }
    const type = sniffType(input.content);
    if (!isAccepted(type)) {
      throw new AppError(
        'attachment.type',
        415,
        `A ${type} file is not accepted: send a PDF, PNG, JPEG or XLSX file`,
        { detected: type, accepted: Object.keys(EXTENSIONS) },
        [{ path: '/body', code: 'attachment.type', message: `the content is ${type}` }],
      );
    }
    const digest = createHash('sha256').update(input.content).digest('hex');
    const filename = cleanFilename(input.filename);
    const id = await repo.insertAttachment(tx, {
      submissionId: row.id,
      filename,
      type,
      sha256: digest,
      content: input.content,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'submission.attachment.add',
      subjectType: 'call_submission',
      subjectId: row.id,
      after: { attachment: { id, type, size: input.content.length, sha256: digest } },
    });
    const added = (await repo.findAttachments(tx, row.id)).find((a) => a.id === id)!;
    return { ...added, createdAt: iso(added.createdAt)! };
  });
}

/** A file of the application behind the link, as the type detected at upload. */
export async function getSubmissionAttachment(ctx: Ctx, token: string, attachmentId: string) {
  const { row } = await loadByToken(ctx.db, token, false);
  const file = await repo.findAttachmentContent(ctx.db, row.id, attachmentId);
  if (!file) throw notFound('attachment');
  return file;
}

export async function removeSubmissionAttachment(ctx: Ctx, token: string, attachmentId: string) {
  await ctx.db.tx(async (tx) => {
    const { row } = await lockDraft(tx, token);
    if (!(await repo.deleteAttachment(tx, row.id, attachmentId))) throw notFound('attachment');
    await recordAudit(tx, ctx.actor, {
      action: 'submission.attachment.remove',
      subjectType: 'call_submission',
      subjectId: row.id,
      before: { attachment: { id: attachmentId } },
    });
  });
}
