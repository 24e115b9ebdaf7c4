import type { Queryable } from '../../db/pool';

export interface CallRow {
  id: string;
  code: string;
  title: Record<string, string>;
  description: Record<string, string> | null;
  eligibility: Record<string, string> | null;
  themes: { code: string; label: Record<string, string> }[];
  organizerId: string | null;
  organizer: string | null;
  strategyId: string | null;
  strategy: string | null;
  nodeId: string | null;
  node: string | null;
  scaleMin: number;
  scaleMax: number;
  opensAt: Date | null;
  closesAt: Date | null;
  state: 'draft' | 'open' | 'closed' | 'decided';
  isHistorical: boolean;
  publishedStats: unknown;
  source: unknown;
  version: number;
  /** the database clock says the submission window is open now */
  isAccepting: boolean;
}

const CALL_COLUMNS = `c.id, c.code, c.title, c.description, c.eligibility, c.themes,
  c.organizer_id AS "organizerId", o.code AS organizer, c.strategy_id AS "strategyId", s.code AS strategy,
  c.node_id AS "nodeId", n.code AS node, c.scale_min AS "scaleMin", c.scale_max AS "scaleMax",
  c.opens_at AS "opensAt", c.closes_at AS "closesAt", c.state, c.is_historical AS "isHistorical",
  c.published_stats AS "publishedStats", c.source, c.version,
  (c.state = 'open' AND (c.opens_at IS NULL OR c.opens_at <= now()) AND c.closes_at > now()) AS "isAccepting"
  FROM calls c LEFT JOIN organizations o ON o.id = c.organizer_id LEFT JOIN strategies s ON s.id = c.strategy_id
  LEFT JOIN plan_nodes n ON n.id = c.node_id`;

export function findCalls(db: Queryable, includeDrafts: boolean): Promise<CallRow[]> {
  return db.query<CallRow>(
    `SELECT ${CALL_COLUMNS} WHERE c.deleted_at IS NULL AND ($1 OR c.state <> 'draft')
      ORDER BY c.opens_at DESC NULLS LAST, c.code`,
    [includeDrafts],
  );
}

/** A call by code; `lock` takes its row for a change of the call itself. */
export function findCall(db: Queryable, code: string, lock = false): Promise<CallRow | null> {
  return db.maybeOne<CallRow>(
    `SELECT ${CALL_COLUMNS} WHERE lower(c.code) = lower($1) AND c.deleted_at IS NULL
     ${lock ? 'FOR UPDATE OF c' : ''}`,
    [code],
  );
}

/**
 * The call of an application, share-locked when it changes: applications of one call go in side by side, while the closing
 * job (an UPDATE of the call) waits for those in flight, so none slips in after the state says closed.
 */
export function findCallById(db: Queryable, id: string, share: boolean): Promise<CallRow | null> {
  return db.maybeOne<CallRow>(`SELECT ${CALL_COLUMNS} WHERE c.id = $1 ${share ? 'FOR SHARE OF c' : ''}`, [
    id,
  ]);
}

export interface CriterionRow {
  id: string;
  code: string;
  label: Record<string, string>;
  weight: number;
}

export function findCriteria(db: Queryable, callId: string): Promise<CriterionRow[]> {
  return db.query<CriterionRow>(
    'SELECT id, code, label, weight FROM call_criteria WHERE call_id = $1 ORDER BY position',
    [callId],
  );
}

export function countSubmissions(db: Queryable, callId: string) {
  return db.one<{ submitted: number; selected: number }>(
    `SELECT count(*) FILTER (WHERE state <> 'draft')::int AS submitted,
            count(*) FILTER (WHERE decision = 'selected')::int AS selected
       FROM call_submissions WHERE call_id = $1`,
    [callId],
  );
}

export interface CallFields {
  title: Record<string, string | undefined>;
  description: Record<string, string | undefined> | null;
  eligibility: Record<string, string | undefined> | null;
  themes: unknown[];
  organizerId: string | null;
  strategyId: string | null;
  nodeId: string | null;
  scaleMin: number;
  scaleMax: number;
  opensAt: string | Date | null;
  closesAt: string | Date | null;
}

export async function insertCall(tx: Queryable, code: string, f: CallFields): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO calls (code, title, description, eligibility, themes, organizer_id, strategy_id, node_id,
                        scale_min, scale_max, opens_at, closes_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      code,
      f.title,
      f.description,
      f.eligibility,
      JSON.stringify(f.themes),
      f.organizerId,
      f.strategyId,
      f.nodeId,
      f.scaleMin,
      f.scaleMax,
      f.opensAt,
      f.closesAt,
    ],
  );
  return row.id;
}

export async function updateCall(tx: Queryable, id: string, f: CallFields): Promise<void> {
  await tx.query(
    `UPDATE calls SET title = $2, description = $3, eligibility = $4, themes = $5, organizer_id = $6,
            strategy_id = $7, node_id = $8, scale_min = $9, scale_max = $10, opens_at = $11, closes_at = $12,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [
      id,
      f.title,
      f.description,
      f.eligibility,
      JSON.stringify(f.themes),
      f.organizerId,
      f.strategyId,
      f.nodeId,
      f.scaleMin,
      f.scaleMax,
      f.opensAt,
      f.closesAt,
    ],
  );
}

export async function replaceCriteria(
  tx: Queryable,
  callId: string,
  criteria: { code: string; label: unknown; weight: number }[],
): Promise<void> {
  await tx.query('DELETE FROM call_criteria WHERE call_id = $1', [callId]);
  await tx.query(
    `INSERT INTO call_criteria (call_id, code, label, weight, position)
     SELECT $1, c ->> 'code', c -> 'label', (c ->> 'weight')::numeric, ord
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(c, ord)`,
    [callId, JSON.stringify(criteria)],
  );
}

export async function setCallState(tx: Queryable, id: string, state: CallRow['state']): Promise<void> {
  await tx.query('UPDATE calls SET state = $2, version = version + 1, updated_at = now() WHERE id = $1', [
    id,
    state,
  ]);
}

/** The open calls whose closing time has passed, flipped to closed in one statement (the job's work). */
export function closeExpiredCalls(
  tx: Queryable,
): Promise<{ id: string; code: string; title: Record<string, string> }[]> {
  return tx.query(
    `UPDATE calls SET state = 'closed', version = version + 1, updated_at = now()
      WHERE state = 'open' AND closes_at <= now() AND deleted_at IS NULL
      RETURNING id, code, title`,
  );
}

export function findStrategyOffice(db: Queryable): Promise<{ id: string; email: string; locale: string }[]> {
  return db.query(
    `SELECT DISTINCT u.id, u.email, u.locale FROM users u JOIN role_assignments r ON r.user_id = u.id
      WHERE r.role = 'strategy_office' AND r.organization_id IS NULL AND u.is_active AND u.email IS NOT NULL
      ORDER BY u.email`,
  );
}

export function findOrganizationId(db: Queryable, code: string) {
  return db.maybeOne<{ id: string }>(
    'SELECT id FROM organizations WHERE lower(code) = lower($1) AND deleted_at IS NULL',
    [code],
  );
}

export function findStrategyId(db: Queryable, code: string) {
  return db.maybeOne<{ id: string }>('SELECT id FROM strategies WHERE code = $1', [code]);
}

export function findNodeId(db: Queryable, strategyId: string, code: string) {
  return db.maybeOne<{ id: string }>(
    'SELECT id FROM plan_nodes WHERE strategy_id = $1 AND code = $2 AND deleted_at IS NULL',
    [strategyId, code],
  );
}

// ——— jurors

export function findUserByUsername(db: Queryable, username: string) {
  return db.maybeOne<{ id: string; username: string }>(
    'SELECT id, username FROM users WHERE lower(username) = lower($1) AND is_active',
    [username],
  );
}

export async function insertJuror(tx: Queryable, callId: string, userId: string): Promise<boolean> {
  const rows = await tx.query(
    'INSERT INTO call_jurors (call_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id',
    [callId, userId],
  );
  return rows.length > 0;
}

export function findJurors(db: Queryable, callId: string) {
  return db.query<{ id: string; username: string; displayName: string }>(
    `SELECT u.id, u.username, u.display_name AS "displayName" FROM call_jurors j JOIN users u ON u.id = j.user_id
      WHERE j.call_id = $1 ORDER BY u.username`,
    [callId],
  );
}

export async function isJuror(db: Queryable, callId: string, userId: string): Promise<boolean> {
  const row = await db.maybeOne('SELECT 1 FROM call_jurors WHERE call_id = $1 AND user_id = $2', [
    callId,
    userId,
  ]);
  return row !== null;
}
