import type { Queryable } from '../db/pool';

export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** Same key → one job: enqueueing it again does nothing. */
  dedupeKey?: string | null;
  runAt?: Date | null;
  maxAttempts?: number;
}

/** Queues a job (inside the caller's transaction when given one); false when its dedupe key was taken. */
export async function enqueueJob(db: Queryable, job: NewJob): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO jobs (kind, payload, dedupe_key, run_at, max_attempts)
     VALUES ($1, $2, $3, coalesce($4, now()), $5)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      job.kind,
      JSON.stringify(job.payload ?? {}),
      job.dedupeKey ?? null,
      job.runAt ?? null,
      job.maxAttempts ?? 5,
    ],
  );
  return rows.length > 0;
}

/**
 * Claims up to `limit` due jobs. SKIP LOCKED lets several processes claim at once without waiting on, or
 * taking, each other's rows; the claim commits at once and the `running` state keeps others off the row.
 */
export function claimDueJobs(db: Queryable, limit: number): Promise<JobRow[]> {
  return db.query<JobRow>(
    `UPDATE jobs SET state = 'running', locked_at = now(), attempts = attempts + 1
      WHERE id IN (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= now()
                    ORDER BY run_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts AS "maxAttempts"`,
    [limit],
  );
}

export async function markDone(db: Queryable, id: number): Promise<void> {
  await db.query(
    `UPDATE jobs SET state = 'done', finished_at = now(), locked_at = NULL, last_error = NULL WHERE id = $1`,
    [id],
  );
}

/** A failed attempt: queued again after `retryInMs`, or failed for good once its attempts are spent. */
export async function markFailed(
  db: Queryable,
  job: JobRow,
  error: string,
  retryInMs: number,
): Promise<void> {
  await db.query(
    `UPDATE jobs SET locked_at = NULL, last_error = $2,
            state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
            finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
            run_at = now() + make_interval(secs => $3::double precision / 1000)
      WHERE id = $1`,
    [job.id, error.slice(0, 2000), retryInMs],
  );
}

/** Jobs left `running` by a process that died are queued again after `staleMs`. */
export async function requeueStale(db: Queryable, staleMs: number): Promise<number> {
  const rows = await db.query(
    `UPDATE jobs SET state = 'queued', locked_at = NULL
      WHERE state = 'running' AND locked_at < now() - make_interval(secs => $1::double precision / 1000)
      RETURNING id`,
    [staleMs],
  );
  return rows.length;
}
