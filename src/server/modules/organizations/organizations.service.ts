import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './organizations.repo';
import type { Organization, OrganizationInput, OrganizationPatch } from './organizations.schema';

async function checkRegion(tx: Queryable, code: string | null | undefined): Promise<void> {
  if (code && !(await repo.isRegion(tx, code))) {
    throw invalid([{ path: '/body/regionCode', code: 'unknown', message: `${code} is not a region` }]);
  }
}

/** The registry is public: organizations are named in published plans. */
export function listOrganizations(ctx: Ctx, filter: { q?: string; type?: string }) {
  return repo.findOrganizations(ctx.db, filter);
}

export async function getOrganization(ctx: Ctx, id: string): Promise<Organization> {
  const org = await repo.findOrganizationById(ctx.db, id);
  if (!org) throw notFound('organization');
  return org;
}

/** Creates an organization; codes are unique, case-insensitively. */
export async function createOrganization(ctx: Ctx, input: OrganizationInput): Promise<Organization> {
  requirePermission(ctx.actor, 'organizations.manage');
  return ctx.db.tx(async (tx) => {
    if (await repo.findOrganizationByCode(tx, input.code)) {
      throw invalid([{ path: '/body/code', code: 'duplicate', message: 'this code is already used' }]);
    }
    if (input.parentId && !(await repo.findOrganizationById(tx, input.parentId))) {
      throw invalid([{ path: '/body/parentId', code: 'unknown', message: 'unknown parent organization' }]);
    }
    await checkRegion(tx, input.regionCode);
    const created = await repo.insertOrganization(tx, {
      code: input.code,
      name: input.name,
      acronym: input.acronym ?? null,
      type: input.type,
      parentId: input.parentId ?? null,
      regionCode: input.regionCode ?? null,
      website: input.website ?? null,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'organization.create',
      subjectType: 'organization',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

/**
 * Updates an organization. The caller sends the version it loaded: if someone changed it since, 409 with the
 * current state, and nothing is overwritten. Organization-scoped managers may edit inside their scope only.
 */
export async function updateOrganization(
  ctx: Ctx,
  id: string,
  patch: OrganizationPatch,
): Promise<Organization> {
  requirePermission(ctx.actor, 'organizations.manage');
  return ctx.db.tx(async (tx) => {
    const current = await repo.findOrganizationById(tx, id, true);
    if (!current) throw notFound('organization');
    if (!can(ctx.actor, 'organizations.manage', id))
      throw new AppError('forbidden', 403, 'Outside your scope');
    if (current.version !== patch.version) throw versionConflict(current);
    const { version: _version, ...changes } = patch;
    const next: Organization = { ...current, ...changes } as Organization;
    if (next.parentId && next.parentId !== current.parentId) {
      if (!(await repo.findOrganizationById(tx, next.parentId))) {
        throw invalid([{ path: '/body/parentId', code: 'unknown', message: 'unknown parent organization' }]);
      }
      if (await repo.isSelfOrDescendant(tx, id, next.parentId)) {
        throw invalid([
          { path: '/body/parentId', code: 'cycle', message: 'an organization cannot be its own ancestor' },
        ]);
      }
    }
    if (next.regionCode !== current.regionCode) await checkRegion(tx, next.regionCode);
    const updated = await repo.updateOrganization(tx, next);
    await recordAudit(tx, ctx.actor, {
      action: 'organization.update',
      subjectType: 'organization',
      subjectId: id,
      before: current,
      after: updated,
    });
    return updated;
  });
}

/** Soft-deletes an organization that has no sub-organizations. */
export async function deleteOrganization(ctx: Ctx, id: string, version: number): Promise<void> {
  requirePermission(ctx.actor, 'organizations.manage');
  await ctx.db.tx(async (tx) => {
    const current = await repo.findOrganizationById(tx, id, true);
    if (!current) throw notFound('organization');
    if (!can(ctx.actor, 'organizations.manage', id))
      throw new AppError('forbidden', 403, 'Outside your scope');
    if (current.version !== version) throw versionConflict(current);
    if ((await repo.countChildren(tx, id)) > 0) {
      throw new AppError('has_children', 409, 'Move or delete its sub-organizations first');
    }
    await repo.softDeleteOrganization(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'organization.delete',
      subjectType: 'organization',
      subjectId: id,
      before: current,
    });
  });
}
