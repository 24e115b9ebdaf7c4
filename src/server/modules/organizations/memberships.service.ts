import type { Static } from '@sinclair/typebox';
import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, invalid, notFound } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './memberships.repo';
import type { Membership, MembershipInput, Partnership, PartnershipInput } from './memberships.schema';
import { findOrganizationByCode, findOrganizationById } from './organizations.repo';

async function loadOrg(db: Queryable, id: string) {
  const org = await findOrganizationById(db, id);
  if (!org) throw notFound('organization');
  return org;
}

function assertScope(ctx: Ctx, orgId: string) {
  if (!can(ctx.actor, 'organizations.manage', orgId))
    throw new AppError('forbidden', 403, 'Outside your scope');
}

/** Members of an organization and the groups it belongs to (public, like the registry). */
export async function listMemberships(ctx: Ctx, id: string) {
  await loadOrg(ctx.db, id);
  const [members, memberOf] = await Promise.all([
    repo.findMembersOf(ctx.db, id),
    repo.findGroupsOf(ctx.db, id),
  ]);
  const present = ({ id: mid, organization, role, since, source }: repo.MembershipRow) => ({
    id: mid,
    organization,
    role,
    since,
    source,
  });
  return { members: members.map(present), memberOf: memberOf.map(present) };
}

/** Adds a member to a group (e.g. an SME to a cluster); a pair is recorded once. */
export async function addMember(ctx: Ctx, id: string, input: Static<typeof MembershipInput>) {
  requirePermission(ctx.actor, 'organizations.manage');
  return ctx.db.tx(async (tx) => {
    await loadOrg(tx, id);
    assertScope(ctx, id);
    const member = await findOrganizationByCode(tx, input.member);
    if (!member)
      throw invalid([
        { path: '/body/member', code: 'unknown', message: `unknown organization ${input.member}` },
      ]);
    if (member.id === id)
      throw invalid([
        { path: '/body/member', code: 'self', message: 'an organization is not its own member' },
      ]);
    const created = await repo.insertMembershipIfMissing(tx, {
      groupId: id,
      memberId: member.id,
      role: input.role ?? 'member',
      since: input.since ?? null,
      source: input.source ?? null,
    });
    if (!created) throw invalid([{ path: '/body/member', code: 'duplicate', message: 'already a member' }]);
    const after = (await repo.findMembersOf(tx, id)).find((m) => m.id === created)!;
    await recordAudit(tx, ctx.actor, {
      action: 'membership.create',
      subjectType: 'organization',
      subjectId: id,
      after,
    });
    return after as unknown as Static<typeof Membership>;
  });
}

export async function removeMember(ctx: Ctx, id: string, membershipId: string) {
  requirePermission(ctx.actor, 'organizations.manage');
  await ctx.db.tx(async (tx) => {
    await loadOrg(tx, id);
    if (!(await repo.findMembership(tx, id, membershipId))) throw notFound('membership');
    assertScope(ctx, id);
    await repo.softDeleteMembership(tx, membershipId);
    await recordAudit(tx, ctx.actor, {
      action: 'membership.delete',
      subjectType: 'organization',
      subjectId: id,
      before: { membershipId },
    });
  });
}

/** Partnerships of an organization, seen from its side (public). */
export async function listPartnerships(ctx: Ctx, id: string) {
  await loadOrg(ctx.db, id);
  return { items: await repo.findPartnershipsOf(ctx.db, id) };
}

export async function addPartnership(ctx: Ctx, id: string, input: Static<typeof PartnershipInput>) {
  requirePermission(ctx.actor, 'organizations.manage');
  return ctx.db.tx(async (tx) => {
    await loadOrg(tx, id);
    assertScope(ctx, id);
    const partner = await findOrganizationByCode(tx, input.partner);
    if (!partner)
      throw invalid([
        { path: '/body/partner', code: 'unknown', message: `unknown organization ${input.partner}` },
      ]);
    if (partner.id === id)
      throw invalid([
        { path: '/body/partner', code: 'self', message: 'a partnership needs two organizations' },
      ]);
    const created = await repo.insertPartnershipIfMissing(tx, {
      aId: id,
      bId: partner.id,
      kind: input.kind ?? 'cooperation',
      description: input.description ?? null,
      since: input.since ?? null,
      source: input.source ?? null,
    });
    if (!created) throw invalid([{ path: '/body/partner', code: 'duplicate', message: 'already partners' }]);
    const after = (await repo.findPartnershipsOf(tx, id)).find((p) => p.id === created)!;
    await recordAudit(tx, ctx.actor, {
      action: 'partnership.create',
      subjectType: 'organization',
      subjectId: id,
      after,
    });
    return after as unknown as Static<typeof Partnership>;
  });
}

export async function removePartnership(ctx: Ctx, id: string, partnershipId: string) {
  requirePermission(ctx.actor, 'organizations.manage');
  await ctx.db.tx(async (tx) => {
    await loadOrg(tx, id);
    if (!(await repo.findPartnership(tx, id, partnershipId))) throw notFound('partnership');
    assertScope(ctx, id);
    await repo.softDeletePartnership(tx, partnershipId);
    await recordAudit(tx, ctx.actor, {
      action: 'partnership.delete',
      subjectType: 'organization',
      subjectId: id,
      before: { partnershipId },
    });
  });
}
