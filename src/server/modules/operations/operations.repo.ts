import type { Queryable } from '../../db/pool';

export interface OperationRow {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed';
  format: string | null;
  filename: string | null;
  done: number;
  total: number | null;
  summary: Record<string, unknown> | null;
  errors: Record<string, unknown>[] | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const COLUMNS = `id, kind, state, format, filename, done, total, summary, errors, created_by AS "createdBy",
  created_at AS "createdAt", finished_at AS "finishedAt"`;

export function insertOperation(
  db: Queryable,
  op: { kind: string; format: string | null; filename: string | null; createdBy: string | null },
): Promise<OperationRow> {
  return db.one<OperationRow>(
    `INSERT INTO operations (kind, state, format, filename, created_by) VALUES ($1, 'running', $2, $3, $4)
     RETURNING ${COLUMNS}`,
    [op.kind, op.format, op.filename, op.createdBy],
  );
}

export async function updateProgress(db: Queryable, id: string, done: number, total: number): Promise<void> {
  await db.query('UPDATE operations SET done = $2, total = $3, updated_at = now() WHERE id = $1', [
    id,
    done,
    total,
  ]);
}

export function finishOperation(
  db: Queryable,
  id: string,
  result: { state: 'succeeded' | 'failed'; summary: unknown; errors: Record<string, unknown>[] | null },
): Promise<OperationRow> {
  return db.one<OperationRow>(
    `UPDATE operations SET state = $2, summary = $3, errors = $4, done = coalesce(total, done), finished_at = now(),
            updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      result.state,
      JSON.stringify(result.summary ?? null),
      result.errors ? JSON.stringify(result.errors) : null,
    ],
  );
}

export function findOperation(db: Queryable, id: string): Promise<OperationRow | null> {
  return db.maybeOne<OperationRow>(`SELECT ${COLUMNS} FROM operations WHERE id = $1`, [id]);
}

export function findOperations(
  db: Queryable,
  createdBy: string | null,
  limit: number,
): Promise<OperationRow[]> {
  return db.query<OperationRow>(
    `SELECT ${COLUMNS} FROM operations WHERE ($1::uuid IS NULL OR created_by = $1) ORDER BY created_at DESC LIMIT $2`,
    [createdBy, limit],
  );
}
