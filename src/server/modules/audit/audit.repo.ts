import type { Queryable } from '../../db/pool';

export interface AuditEventRow {
  id: number;
  at: string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_kind: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  request_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface NewAuditEvent {
  actorUserId: string | null;
  actorKind: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

export async function insertAuditEvent(tx: Queryable, event: NewAuditEvent): Promise<void> {
  await tx.query(
    `INSERT INTO audit_events (actor_user_id, actor_kind, action, subject_type, subject_id, request_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.actorUserId,
      event.actorKind,
      event.action,
      event.subjectType,
      event.subjectId,
      event.requestId,
      event.before === undefined ? null : JSON.stringify(event.before),
      event.after === undefined ? null : JSON.stringify(event.after),
    ],
  );
}

export interface AuditFilter {
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  beforeId?: number;
}

export function findAuditEvents(db: Queryable, filter: AuditFilter): Promise<AuditEventRow[]> {
  return db.query<AuditEventRow>(
    `SELECT e.id, e.at, e.actor_user_id, u.username AS actor_username, e.actor_kind, e.action, e.subject_type,
            e.subject_id, e.request_id, e.before, e.after
       FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE ($1::text IS NULL OR lower(u.username) = lower($1) OR e.actor_user_id::text = $1)
        AND ($2::text IS NULL OR e.subject_type = $2)
        AND ($3::text IS NULL OR e.subject_id = $3)
        AND ($4::text IS NULL OR e.action = $4)
        AND ($5::timestamptz IS NULL OR e.at >= $5)
        AND ($6::timestamptz IS NULL OR e.at < $6)
        AND ($7::bigint IS NULL OR e.id < $7)
      ORDER BY e.id DESC
      LIMIT $8`,
    [
      filter.actor ?? null,
      filter.subjectType ?? null,
      filter.subjectId ?? null,
      filter.action ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.beforeId ?? null,
      filter.limit,
    ],
  );
}
