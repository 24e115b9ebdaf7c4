import type { Queryable } from '../../db/pool';

export interface SubmissionRow {
  id: string;
  callId: string;
  number: number;
  email: string | null;
  name: string | null;
  organization: string | null;
  language: 'fr' | 'ar' | 'en';
  title: string | null;
  summary: string | null;
  theme: string | null;
  answers: Record<string, string>;
  state: 'draft' | 'submitted' | 'erased';
  consentAt: Date | null;
  consentNoticeVersion: string | null;
  submittedAt: Date | null;
  shortlisted: boolean;
  decision: 'selected' | 'rejected' | null;
  decisionReason: string | null;
  projectId: string | null;
  project: string | null;
  version: number;
}

const COLUMNS = `s.id, s.call_id AS "callId", s.number, s.applicant_email AS email, s.applicant_name AS name,
  s.applicant_organization AS organization, s.language, s.title, s.summary, s.theme, s.answers, s.state,
  s.consent_at AS "consentAt", s.consent_notice_version AS "consentNoticeVersion", s.submitted_at AS "submittedAt",
  s.shortlisted, s.decision, s.decision_reason AS "decisionReason", s.project_id AS "projectId",
  p.code AS project, s.version
  FROM call_submissions s LEFT JOIN projects p ON p.id = s.project_id`;

export function findByTokenHash(db: Queryable, hash: Buffer, lock = false): Promise<SubmissionRow | null> {
  return db.maybeOne<SubmissionRow>(
    `SELECT ${COLUMNS} WHERE s.token_hash = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
    [hash],
  );
}

export function findByNumber(
  db: Queryable,
  callId: string,
  number: string,
  lock = false,
): Promise<SubmissionRow | null> {
  return db.maybeOne<SubmissionRow>(
    `SELECT ${COLUMNS} WHERE s.call_id = $1 AND s.number = $2::bigint ${lock ? 'FOR UPDATE OF s' : ''}`,
    [callId, number],
  );
}

export function findSubmitted(db: Queryable, callId: string): Promise<SubmissionRow[]> {
  return db.query<SubmissionRow>(
    `SELECT ${COLUMNS} WHERE s.call_id = $1 AND s.state <> 'draft' ORDER BY s.number`,
    [callId],
  );
}

export interface SubmissionFields {
  email?: string;
  name: string | null;
  organization: string | null;
  language: string;
  title: string | null;
  summary: string | null;
  theme: string | null;
  answers: Record<string, string>;
}

/** Inserts a draft; null when the applicant already has one on this call (the unique index decides). */
export async function insertDraft(
  tx: Queryable,
  callId: string,
  tokenHash: Buffer,
  f: SubmissionFields,
): Promise<string | null> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO call_submissions (call_id, token_hash, applicant_email, applicant_name, applicant_organization,
                                   language, title, summary, theme, answers)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (call_id, lower(applicant_email)) WHERE applicant_email IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      callId,
      tokenHash,
      f.email,
      f.name,
      f.organization,
      f.language,
      f.title,
      f.summary,
      f.theme,
      JSON.stringify(f.answers),
    ],
  );
  return rows[0]?.id ?? null;
}

export async function updateDraft(tx: Queryable, id: string, f: SubmissionFields): Promise<void> {
  await tx.query(
    `UPDATE call_submissions SET applicant_name = $2, applicant_organization = $3, language = $4, title = $5,
            summary = $6, theme = $7, answers = $8, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, f.name, f.organization, f.language, f.title, f.summary, f.theme, JSON.stringify(f.answers)],
  );
}

export async function markSubmitted(tx: Queryable, id: string, noticeVersion: string): Promise<void> {
  await tx.query(
    `UPDATE call_submissions SET state = 'submitted', consent_at = now(), consent_notice_version = $2,
            submitted_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, noticeVersion],
  );
}

export async function deleteDraft(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM call_submissions WHERE id = $1', [id]);
}

/** Empties every personal field of a submitted submission; the row stays for the call's counts. */
export async function eraseSubmission(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM submission_attachments WHERE submission_id = $1', [id]);
  await tx.query(`UPDATE jury_reviews SET comment = NULL, conflict_reason = NULL WHERE submission_id = $1`, [
    id,
  ]);
  await tx.query(
    `UPDATE jury_scores SET comment = NULL
      WHERE review_id IN (SELECT id FROM jury_reviews WHERE submission_id = $1)`,
    [id],
  );
  await tx.query(
    `UPDATE call_submissions SET state = 'erased', token_hash = NULL, applicant_email = NULL, applicant_name = NULL,
            applicant_organization = NULL, title = NULL, summary = NULL, answers = '{}', decision_reason = NULL,
            erased_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id],
  );
}

export interface AttachmentRow {
  id: string;
  filename: string;
  type: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export function findAttachments(db: Queryable, submissionId: string): Promise<AttachmentRow[]> {
  return db.query<AttachmentRow>(
    `SELECT id, filename, content_type AS type, size_bytes AS size, sha256, created_at AS "createdAt"
       FROM submission_attachments WHERE submission_id = $1 ORDER BY created_at, id`,
    [submissionId],
  );
}

export function findAttachmentContent(db: Queryable, submissionId: string, id: string) {
  return db.maybeOne<{
    filename: string;
    type: 'pdf' | 'png' | 'jpeg' | 'xlsx';
    sha256: string;
    content: Buffer;
  }>(
    `SELECT filename, content_type AS type, sha256, content FROM submission_attachments
      WHERE submission_id = $1 AND id = $2`,
    [submissionId, id],
  );
}

export async function insertAttachment(
  tx: Queryable,
  a: { submissionId: string; filename: string; type: string; sha256: string; content: Buffer },
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO submission_attachments (submission_id, filename, content_type, size_bytes, sha256, content)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [a.submissionId, a.filename, a.type, a.content.length, a.sha256, a.content],
  );
  return row.id;
}

export async function deleteAttachment(tx: Queryable, submissionId: string, id: string): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM submission_attachments WHERE submission_id = $1 AND id = $2 RETURNING id',
    [submissionId, id],
  );
  return rows.length > 0;
}

/** Counts one anonymous creation for `key` and returns the count in the current window. */
export async function hitThrottle(db: Queryable, key: string, windowSeconds: number): Promise<number> {
  const row = await db.one<{ hits: number }>(
    `INSERT INTO submission_throttle (key, window_start, hits) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN submission_throttle.window_start + make_interval(secs => $2) > now()
                   THEN submission_throttle.hits + 1 ELSE 1 END,
       window_start = CASE WHEN submission_throttle.window_start + make_interval(secs => $2) > now()
                   THEN submission_throttle.window_start ELSE now() END
     RETURNING hits`,
    [key, windowSeconds],
  );
  return row.hits;
}

export async function setDecision(
  tx: Queryable,
  id: string,
  decision: string,
  reason: string,
): Promise<void> {
  await tx.query(
    `UPDATE call_submissions SET decision = $2, decision_reason = $3, decided_at = now(),
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, decision, reason],
  );
}

export async function setShortlisted(tx: Queryable, callId: string, numbers: string[]): Promise<void> {
  await tx.query(
    `UPDATE call_submissions SET shortlisted = (number = ANY($2::bigint[])), updated_at = now()
      WHERE call_id = $1 AND state <> 'draft'`,
    [callId, numbers],
  );
}

export async function linkProject(tx: Queryable, id: string, projectId: string): Promise<void> {
  await tx.query(
    'UPDATE call_submissions SET project_id = $2, version = version + 1, updated_at = now() WHERE id = $1',
    [id, projectId],
  );
}

export function findProjectId(db: Queryable, strategyId: string, code: string) {
  return db.maybeOne<{ id: string }>(
    'SELECT id FROM projects WHERE strategy_id = $1 AND code = $2 AND deleted_at IS NULL',
    [strategyId, code],
  );
}
