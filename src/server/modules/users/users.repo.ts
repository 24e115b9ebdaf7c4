import type { Role } from '../../access/actor';
import type { Queryable } from '../../db/pool';
import type { User } from './users.schema';

const SELECT_USERS = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.email, u.locale, u.is_active AS "isActive", u.version,
         coalesce(json_agg(json_build_object('role', ra.role, 'organizationId', ra.organization_id,
                  'organizationCode', o.code) ORDER BY ra.role, o.code) FILTER (WHERE ra.id IS NOT NULL), '[]') AS roles
    FROM users u
    LEFT JOIN role_assignments ra ON ra.user_id = u.id
    LEFT JOIN organizations o ON o.id = ra.organization_id`;

export function findUsers(db: Queryable): Promise<User[]> {
  return db.query<User>(`${SELECT_USERS} GROUP BY u.id ORDER BY lower(u.username)`);
}

export function findUserById(db: Queryable, id: string): Promise<User | null> {
  return db.maybeOne<User>(`${SELECT_USERS} WHERE u.id = $1 GROUP BY u.id`, [id]);
}

export async function lockUser(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [id])).length === 1;
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).length > 0;
}

export function insertUser(
  tx: Queryable,
  user: {
    username: string;
    displayName: string;
    email: string | null;
    locale: string;
    passwordHash: string;
    mustChangePassword?: boolean;
  },
): Promise<{ id: string }> {
  return tx.one(
    `INSERT INTO users (username, display_name, email, locale, password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      user.username,
      user.displayName,
      user.email,
      user.locale,
      user.passwordHash,
      user.mustChangePassword ?? false,
    ],
  );
}

export async function updateUser(
  tx: Queryable,
  id: string,
  fields: {
    displayName: string;
    email: string | null;
    locale: string;
    isActive: boolean;
    passwordHash?: string;
  },
): Promise<void> {
  await tx.query(
    `UPDATE users SET display_name = $2, email = $3, locale = $4, is_active = $5,
            password_hash = coalesce($6, password_hash), version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, fields.displayName, fields.email, fields.locale, fields.isActive, fields.passwordHash ?? null],
  );
}

export async function replaceRoles(
  tx: Queryable,
  userId: string,
  roles: { role: Role; organizationId?: string | null }[],
): Promise<void> {
  await tx.query('DELETE FROM role_assignments WHERE user_id = $1', [userId]);
  for (const grant of roles) {
    await tx.query(
      `INSERT INTO role_assignments (user_id, role, organization_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [userId, grant.role, grant.organizationId ?? null],
    );
  }
}

export async function unknownOrganizationIds(db: Queryable, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT x.id FROM unnest($1::uuid[]) AS x(id)
      WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = x.id AND o.deleted_at IS NULL)`,
    [ids],
  );
  return rows.map((row) => row.id);
}

export async function deleteSessionsOf(tx: Queryable, userId: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function countUsers(db: Queryable): Promise<number> {
  return (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM users')).n;
}
