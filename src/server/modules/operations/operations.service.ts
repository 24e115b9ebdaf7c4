import { actorUserId } from '../../access/actor';
import { can } from '../../access/permissions';
import type { Db } from '../../db/pool';
import { AppError, notFound } from '../../errors';
import type { Ctx } from '../../types';
import * as repo from './operations.repo';

export type Progress = (done: number, total: number) => Promise<void>;

/** What a failed operation reports: field paths for packages, sheet/row/column for workbooks and CSV. */
export type OperationError = Record<string, unknown> & { message: string };

/**
 * Runs `work` as a tracked operation: a row other processes and the UI can poll for its progress, finished with
 * a summary or with the errors that made it fail. Resolves with the finished operation; never rejects on an
 * AppError (those are the operation's outcome), rethrows anything else after recording it.
 */
export async function runOperation(
  ctx: Ctx,
  meta: { kind: string; format: string | null; filename: string | null },
  work: (progress: Progress) => Promise<Record<string, unknown>>,
): Promise<repo.OperationRow> {
  const op = await repo.insertOperation(ctx.db, { ...meta, createdBy: actorUserId(ctx.actor) });
  return completeOperation(ctx.db, op.id, work);
}

/** Starts a tracked operation and returns its row at once; the work goes on in the background. */
export async function startOperation(
  ctx: Ctx,
  meta: { kind: string; format: string | null; filename: string | null },
  work: (progress: Progress) => Promise<Record<string, unknown>>,
  onCrash: (error: unknown) => void,
): Promise<{ operation: repo.OperationRow; finished: Promise<repo.OperationRow> }> {
  const operation = await repo.insertOperation(ctx.db, { ...meta, createdBy: actorUserId(ctx.actor) });
  const finished = completeOperation(ctx.db, operation.id, work);
  finished.catch(onCrash);
  return { operation, finished };
}

async function completeOperation(
  db: Db,
  id: string,
  work: (progress: Progress) => Promise<Record<string, unknown>>,
): Promise<repo.OperationRow> {
  // Progress goes through the pool, outside the work's transaction, so that it is visible while the work runs.
  let last = 0;
  const progress: Progress = async (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 250) return;
    last = now;
    await repo.updateProgress(db, id, done, total);
  };
  try {
    const summary = await work(progress);
    return await repo.finishOperation(db, id, { state: 'succeeded', summary, errors: null });
  } catch (error) {
    if (error instanceof AppError) {
      const errors = error.errors.length ? error.errors : [{ code: error.code, message: error.message }];
      return repo.finishOperation(db, id, {
        state: 'failed',
        summary: { code: error.code, message: error.message, ...error.params },
        errors: errors as unknown as Record<string, unknown>[],
      });
    }
    await repo.finishOperation(db, id, {
      state: 'failed',
      summary: { code: 'internal_error', message: 'The operation failed unexpectedly' },
      errors: [],
    });
    throw error;
  }
}

/** An operation, visible to whoever started it and to administrators. */
export async function getOperation(ctx: Ctx, id: string): Promise<repo.OperationRow> {
  const op = await repo.findOperation(ctx.db, id);
  if (!op) throw notFound('operation');
  const mine = op.createdBy !== null && op.createdBy === actorUserId(ctx.actor);
  if (!mine && !can(ctx.actor, 'audit.read')) throw notFound('operation');
  return op;
}

export async function listOperations(ctx: Ctx, limit: number) {
  const userId = actorUserId(ctx.actor);
  if (!userId && ctx.actor.kind !== 'system') throw new AppError('unauthenticated', 401, 'Sign in first');
  return repo.findOperations(ctx.db, can(ctx.actor, 'audit.read') ? null : userId, limit);
}
