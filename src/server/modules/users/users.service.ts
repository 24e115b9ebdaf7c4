import type { Role } from '../../access/actor';
import { requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, type FieldError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import * as repo from './users.repo';
import type { User, UserInput, UserPatch } from './users.schema';

type GrantInput = { role: Role; organizationId?: string | null };

async function checkGrants(tx: Queryable, roles: GrantInput[], base: string): Promise<void> {
  const ids = roles.map((g) => g.organizationId).filter((id): id is string => !!id);
  const unknown = new Set(await repo.unknownOrganizationIds(tx, ids));
  const errors: FieldError[] = [];
  roles.forEach((grant, i) => {
    if (grant.organizationId && unknown.has(grant.organizationId)) {
      errors.push({ path: `${base}/${i}/organizationId`, code: 'unknown', message: 'unknown organization' });
    }
  });
  if (errors.length) throw invalid(errors);
}

export async function listUsers(ctx: Ctx): Promise<User[]> {
  requirePermission(ctx.actor, 'users.manage');
  return repo.findUsers(ctx.db);
}

/** Creates an account with its roles; the password is stored only as its argon2id hash. */
export async function createUser(ctx: Ctx, input: UserInput, options: { mustChangePassword?: boolean } = {}) {
  requirePermission(ctx.actor, 'users.manage');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.tx(async (tx) => {
    if (await repo.usernameTaken(tx, input.username)) {
      throw invalid([{ path: '/body/username', code: 'duplicate', message: 'this user name is taken' }]);
    }
    await checkGrants(tx, input.roles, '/body/roles');
    const { id } = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      locale: input.locale ?? 'fr',
      passwordHash,
      mustChangePassword: options.mustChangePassword,
    });
    await repo.replaceRoles(tx, id, input.roles);
    const user = (await repo.findUserById(tx, id))!;
    await recordAudit(tx, ctx.actor, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: id,
      after: user,
    });
    return user;
  });
}

/** Changes an account; a new password or deactivation ends its open sessions. Stale version → 409. */
export async function updateUser(ctx: Ctx, id: string, patch: UserPatch): Promise<User> {
  requirePermission(ctx.actor, 'users.manage');
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return ctx.db.tx(async (tx) => {
    if (!(await repo.lockUser(tx, id))) throw notFound('user');
    const current = (await repo.findUserById(tx, id))!;
    if (current.version !== patch.version) throw versionConflict(current);
    if (patch.roles) await checkGrants(tx, patch.roles, '/body/roles');
    const isActive = patch.isActive ?? current.isActive;
    if (ctx.actor.kind !== 'system' && 'userId' in ctx.actor && ctx.actor.userId === id && !isActive) {
      throw new AppError('cannot_deactivate_self', 409, 'You cannot deactivate your own account');
    }
    await repo.updateUser(tx, id, {
      displayName: patch.displayName ?? current.displayName,
      email: patch.email === undefined ? current.email : patch.email,
      locale: patch.locale ?? current.locale,
      isActive,
      passwordHash,
    });
    if (patch.roles) await repo.replaceRoles(tx, id, patch.roles);
    if (passwordHash || !isActive) await repo.deleteSessionsOf(tx, id);
    const updated = (await repo.findUserById(tx, id))!;
    await recordAudit(tx, ctx.actor, {
      action: 'user.update',
      subjectType: 'user',
      subjectId: id,
      before: current,
      after: { ...updated, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return updated;
  });
}
