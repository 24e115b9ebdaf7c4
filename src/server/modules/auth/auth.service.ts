import { type Actor, type Grant, isSignedIn, type SignedInActor } from '../../access/actor';
import { abilities } from '../../access/permissions';
import type { Config } from '../../config';
import type { Db } from '../../db/pool';
import { AppError, notFound, unauthenticated } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './auth.repo';
import { verifyPassword } from './passwords';
import { newApiToken, newSecret, sha256 } from './tokens';

function actorFrom(
  user: repo.UserRow,
  grants: Grant[],
  kind: 'user' | 'token',
  sessionId?: string,
): SignedInActor {
  return {
    kind,
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    locale: user.locale,
    grants,
    ...(sessionId ? { sessionId } : {}),
  };
}

/** The actor behind a session cookie, with its CSRF token; null when the cookie is unknown or expired. */
export async function resolveSession(
  db: Db,
  cookie: string,
): Promise<{ actor: SignedInActor; csrfToken: string } | null> {
  const row = await repo.findSessionUser(db, sha256(cookie));
  if (!row) return null;
  const grants = await repo.findGrants(db, row.id);
  return { actor: actorFrom(row, grants, 'user', row.session_id), csrfToken: row.csrf_token };
}

/** The actor behind an API token (`Authorization: Bearer msd_…`); null when unknown or revoked. */
export async function resolveApiToken(db: Db, token: string): Promise<SignedInActor | null> {
  const row = await repo.findTokenUser(db, sha256(token));
  if (!row) return null;
  return actorFrom(row, await repo.findGrants(db, row.id), 'token');
}

/** What the UI needs to know about the caller: who, which roles, which abilities. */
export function describeActor(actor: Actor) {
  if (!isSignedIn(actor)) return null;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    roles: actor.grants.map(({ role, organizationId, organizationCode }) => ({
      role,
      organizationId,
      organizationCode,
    })),
    abilities: abilities(actor),
  };
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string;
}

/**
 * Checks the credentials, throttled per account and per address (the counters live in PostgreSQL so that every
 * app process shares them), and opens a session. A wrong name and a wrong password get the same answer.
 */
export async function login(db: Db, config: Config, input: LoginInput) {
  const { maxFailuresPerAccount, maxFailuresPerAddress, windowSeconds } = config.login;
  const accountKey = `account:${input.username.trim().toLowerCase()}`;
  const addressKey = `address:${input.ip}`;
  const throttles = await repo.findThrottles(db, [accountKey, addressKey], windowSeconds);
  const blocked = throttles.filter(
    (t) => t.failures >= (t.key === accountKey ? maxFailuresPerAccount : maxFailuresPerAddress),
  );
  if (blocked.length > 0) {
    const retryAfter = Math.max(1, ...blocked.map((t) => t.retry_after));
    throw new AppError('too_many_attempts', 429, 'Too many failed sign-in attempts; try again later', {
      retryAfter,
    });
  }

  const user = await repo.findUserByUsername(db, input.username.trim());
  const ok = await verifyPassword(user?.is_active ? user.password_hash : null, input.password);
  if (!user || !ok) {
    await repo.countFailures(db, [accountKey, addressKey], windowSeconds);
    throw new AppError('invalid_credentials', 401, 'Unknown user name or wrong password');
  }

  const token = newSecret();
  const csrfToken = newSecret();
  const grants = await repo.findGrants(db, user.id);
  const actor: Actor = { ...actorFrom(user, grants, 'user'), requestId: undefined };
  const session = await db.tx(async (tx) => {
    const created = await repo.insertSession(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      ttlHours: config.sessionTtlHours,
      ip: input.ip,
      userAgent: input.userAgent.slice(0, 300),
    });
    await recordAudit(tx, actor, {
      action: 'session.create',
      subjectType: 'user',
      subjectId: user.id,
      after: { ip: input.ip },
    });
    await repo.clearThrottle(tx, accountKey);
    return created;
  });
  await repo.deleteExpiredSessions(db);
  return {
    token,
    csrfToken,
    expiresAt: new Date(session.expires_at),
    user: describeActor(actorFrom(user, grants, 'user', session.id)),
  };
}

/** Ends the caller's session. */
export async function logout(ctx: Ctx): Promise<void> {
  const { actor } = ctx;
  if (!isSignedIn(actor) || !actor.sessionId) throw unauthenticated();
  const sessionId = actor.sessionId;
  await ctx.db.tx(async (tx) => {
    await repo.deleteSession(tx, sessionId);
    await recordAudit(tx, actor, { action: 'session.delete', subjectType: 'user', subjectId: actor.userId });
  });
}

function presentToken(row: repo.ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  };
}

function signedIn(actor: Actor): SignedInActor {
  if (!isSignedIn(actor)) throw unauthenticated();
  return actor;
}

/** Creates an API token for the caller; the token itself is returned this once and never again. */
export async function createApiToken(ctx: Ctx, input: { name: string }) {
  const actor = signedIn(ctx.actor);
  const { token, prefix } = newApiToken();
  const row = await ctx.db.tx(async (tx) => {
    const created = await repo.insertApiToken(tx, {
      userId: actor.userId,
      name: input.name,
      prefix,
      tokenHash: sha256(token),
    });
    await recordAudit(tx, actor, {
      action: 'api_token.create',
      subjectType: 'api_token',
      subjectId: created.id,
      after: { name: created.name, prefix },
    });
    return created;
  });
  return { ...presentToken(row), token };
}

export async function listApiTokens(ctx: Ctx) {
  const actor = signedIn(ctx.actor);
  return (await repo.findApiTokens(ctx.db, actor.userId)).map(presentToken);
}

/** Revokes one of the caller's tokens; someone else's token is not found. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  const actor = signedIn(ctx.actor);
  await ctx.db.tx(async (tx) => {
    const revoked = await repo.revokeApiToken(tx, actor.userId, id);
    if (!revoked) throw notFound('API token');
    await recordAudit(tx, actor, {
      action: 'api_token.revoke',
      subjectType: 'api_token',
      subjectId: id,
      before: { name: revoked.name, prefix: revoked.prefix },
    });
  });
}
