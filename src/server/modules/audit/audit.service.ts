import { type Actor, actorUserId } from '../../access/actor';
import { requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import type { Ctx } from '../../types';
import { type AuditFilter, findAuditEvents, insertAuditEvent } from './audit.repo';

export interface AuditChange {
  action: string;
  subjectType: string;
  subjectId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes the audit event of a change. Call it with the transaction's client, so the event and the change
 * commit or roll back together. Never pass secrets (password hashes, tokens) in before/after.
 */
export function recordAudit(tx: Queryable, actor: Actor, change: AuditChange): Promise<void> {
  return insertAuditEvent(tx, {
    actorUserId: actorUserId(actor),
    actorKind: actor.kind,
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    requestId: actor.requestId ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** Field-by-field difference between two snapshots: `{ field: { from, to } }` for each field that changed. */
export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const from = before?.[key] ?? null;
    const to = after?.[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[key] = { from, to };
  }
  return diff;
}

/** The audit trail, newest first, for administrators. */
export async function listAuditEvents(ctx: Ctx, filter: AuditFilter) {
  requirePermission(ctx.actor, 'audit.read');
  const rows = await findAuditEvents(ctx.db, filter);
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actor_user_id ? { id: row.actor_user_id, username: row.actor_username ?? '' } : null,
    actorKind: row.actor_kind,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    requestId: row.request_id,
    diff: diffSnapshots(row.before, row.after),
  }));
}
