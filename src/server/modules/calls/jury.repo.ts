import type { Queryable } from '../../db/pool';

export interface ReviewRow {
  id: string;
  submissionId: string;
  submission: string;
  jurorId: string;
  juror: string;
  conflict: boolean;
  conflictReason: string | null;
  comment: string | null;
  scoredAt: Date | null;
  scores: { criterion: string; score: number; comment: string | null }[];
}

const REVIEW_COLUMNS = `r.id, r.submission_id AS "submissionId", s.number::text AS submission, r.juror_id AS "jurorId",
  u.username AS juror, r.conflict_declared_at IS NOT NULL AS conflict, r.conflict_reason AS "conflictReason",
  r.comment, r.scored_at AS "scoredAt",
  coalesce((SELECT jsonb_agg(jsonb_build_object('criterion', c.code, 'score', js.score, 'comment', js.comment)
                     ORDER BY c.position)
              FROM jury_scores js JOIN call_criteria c ON c.id = js.criterion_id WHERE js.review_id = r.id),
           '[]') AS scores
  FROM jury_reviews r JOIN call_submissions s ON s.id = r.submission_id JOIN users u ON u.id = r.juror_id`;

/** Every review of a call's submissions (for the ranking and the managers' view). */
export function findCallReviews(db: Queryable, callId: string): Promise<ReviewRow[]> {
  return db.query<ReviewRow>(`SELECT ${REVIEW_COLUMNS} WHERE s.call_id = $1 ORDER BY s.number, u.username`, [
    callId,
  ]);
}

/** A juror's assignments on a call, conflicts included (the juror sees that they declared one). */
export function findJurorReviews(db: Queryable, callId: string, jurorId: string): Promise<ReviewRow[]> {
  return db.query<ReviewRow>(
    `SELECT ${REVIEW_COLUMNS} WHERE s.call_id = $1 AND r.juror_id = $2 AND s.state = 'submitted'
      ORDER BY s.number`,
    [callId, jurorId],
  );
}

export function findReview(
  db: Queryable,
  submissionId: string,
  jurorId: string,
  lock = false,
): Promise<ReviewRow | null> {
  return db.maybeOne<ReviewRow>(
    `SELECT ${REVIEW_COLUMNS} WHERE r.submission_id = $1 AND r.juror_id = $2 ${lock ? 'FOR UPDATE OF r' : ''}`,
    [submissionId, jurorId],
  );
}

/** Assigns every given submission to every given juror; existing assignments stay as they are. */
export async function insertAssignments(
  tx: Queryable,
  submissionIds: string[],
  jurorIds: string[],
): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO jury_reviews (submission_id, juror_id)
     SELECT s, j FROM unnest($1::uuid[]) AS s CROSS JOIN unnest($2::uuid[]) AS j
     ON CONFLICT DO NOTHING RETURNING id`,
    [submissionIds, jurorIds],
  );
  return rows.length;
}

export async function declareConflict(tx: Queryable, reviewId: string, reason: string): Promise<void> {
  await tx.query(
    `UPDATE jury_reviews SET conflict_declared_at = now(), conflict_reason = $2, version = version + 1,
            updated_at = now()
      WHERE id = $1`,
    [reviewId, reason],
  );
  // scores given before the declaration no longer count, and are not kept
  await tx.query('DELETE FROM jury_scores WHERE review_id = $1', [reviewId]);
}

export async function saveScores(
  tx: Queryable,
  reviewId: string,
  comment: string | null,
  scores: { criterionId: string; score: number; comment: string | null }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO jury_scores (review_id, criterion_id, score, comment)
     SELECT $1, x."criterionId", x.score, x.comment
       FROM jsonb_to_recordset($2::jsonb) AS x("criterionId" uuid, score numeric, comment text)
     ON CONFLICT (review_id, criterion_id) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment`,
    [reviewId, JSON.stringify(scores)],
  );
  await tx.query(
    `UPDATE jury_reviews SET comment = $2, scored_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1`,
    [reviewId, comment],
  );
}
