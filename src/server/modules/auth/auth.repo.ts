import type { Grant, Role } from '../../access/actor';
import type { Queryable } from '../../db/pool';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  locale: string;
  password_hash: string;
  is_active: boolean;
}

export function findUserByUsername(db: Queryable, username: string): Promise<UserRow | null> {
  return db.maybeOne<UserRow>('SELECT * FROM users WHERE lower(username) = lower($1)', [username]);
}

export interface SessionUserRow extends UserRow {
  session_id: string;
  csrf_token: string;
}

export function findSessionUser(db: Queryable, tokenHash: Buffer): Promise<SessionUserRow | null> {
  return db.maybeOne<SessionUserRow>(
    `SELECT u.*, s.id AS session_id, s.csrf_token
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.is_active`,
    [tokenHash],
  );
}

export function findTokenUser(
  db: Queryable,
  tokenHash: Buffer,
): Promise<(UserRow & { token_id: string }) | null> {
  return db.maybeOne<UserRow & { token_id: string }>(
    `UPDATE api_tokens t SET last_used_at = now()
       FROM users u
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND u.is_active
      RETURNING u.*, t.id AS token_id`,
    [tokenHash],
  );
}

/** The user's roles, each with its scope: the organization and all its descendants (null = everywhere). */
export async function findGrants(db: Queryable, userId: string): Promise<Grant[]> {
  const rows = await db.query<{
    role: Role;
    organization_id: string | null;
    organization_code: string | null;
    scope_ids: string[] | null;
  }>(
    `SELECT ra.role, ra.organization_id, o.code AS organization_code,
            CASE WHEN ra.organization_id IS NULL THEN NULL ELSE (
              WITH RECURSIVE scope(id) AS (
                SELECT ra.organization_id
                UNION
                SELECT c.id FROM organizations c JOIN scope ON c.parent_id = scope.id WHERE c.deleted_at IS NULL)
              SELECT array_agg(id) FROM scope) END AS scope_ids
       FROM role_assignments ra LEFT JOIN organizations o ON o.id = ra.organization_id
      WHERE ra.user_id = $1
      ORDER BY ra.role, o.code`,
    [userId],
  );
  return rows.map((row) => ({
    role: row.role,
    organizationId: row.organization_id,
    organizationCode: row.organization_code,
    scopeIds: row.scope_ids,
  }));
}

export function insertSession(
  tx: Queryable,
  session: {
    tokenHash: Buffer;
    userId: string;
    csrfToken: string;
    ttlHours: number;
    ip: string;
    userAgent: string;
  },
): Promise<{ id: string; expires_at: string }> {
  return tx.one(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6) RETURNING id, expires_at`,
    [session.tokenHash, session.userId, session.csrfToken, session.ttlHours, session.ip, session.userAgent],
  );
}

export async function deleteSession(tx: Queryable, sessionId: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}

export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
}

export interface ThrottleRow {
  key: string;
  failures: number;
  retry_after: number;
}

/** Failure counts of the given keys within the current window, with the seconds until that window ends. */
export function findThrottles(db: Queryable, keys: string[], windowSeconds: number): Promise<ThrottleRow[]> {
  return db.query<ThrottleRow>(
    `SELECT key, failures,
            ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry_after
       FROM login_throttle
      WHERE key = ANY($1) AND window_start + make_interval(secs => $2) > now()`,
    [keys, windowSeconds],
  );
}

/** Counts one failure for each key, starting a new window where the old one has ended. */
export async function countFailures(db: Queryable, keys: string[], windowSeconds: number): Promise<void> {
  await db.query(
    `INSERT INTO login_throttle (key, window_start, failures)
     SELECT k, now(), 1 FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttle.window_start + make_interval(secs => $2) > now()
                       THEN login_throttle.failures + 1 ELSE 1 END,
       window_start = CASE WHEN login_throttle.window_start + make_interval(secs => $2) > now()
                       THEN login_throttle.window_start ELSE now() END`,
    [keys, windowSeconds],
  );
}

export async function clearThrottle(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

export function insertApiToken(
  tx: Queryable,
  token: { userId: string; name: string; prefix: string; tokenHash: Buffer },
): Promise<ApiTokenRow> {
  return tx.one<ApiTokenRow>(
    `INSERT INTO api_tokens (user_id, name, prefix, token_hash) VALUES ($1, $2, $3, $4)
     RETURNING id, name, prefix, created_at, last_used_at`,
    [token.userId, token.name, token.prefix, token.tokenHash],
  );
}

export function findApiTokens(db: Queryable, userId: string): Promise<ApiTokenRow[]> {
  return db.query<ApiTokenRow>(
    `SELECT id, name, prefix, created_at, last_used_at FROM api_tokens
      WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
    [userId],
  );
}

export function revokeApiToken(tx: Queryable, userId: string, id: string): Promise<ApiTokenRow | null> {
  return tx.maybeOne<ApiTokenRow>(
    `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL
     RETURNING id, name, prefix, created_at, last_used_at`,
    [id, userId],
  );
}
