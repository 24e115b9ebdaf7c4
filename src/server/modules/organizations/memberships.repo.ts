import type { Queryable } from '../../db/pool';

// SQL of the registry's relations: memberships (a member in a group, e.g. an SME in a cluster) and
// partnerships between two organizations (stored once, lower id first).

export interface RelatedOrg {
  id: string;
  code: string;
  name: Record<string, string>;
  type: string;
  regionCode: string | null;
}

export interface MembershipRow {
  id: string;
  groupId: string;
  memberId: string;
  role: string;
  since: string | null;
  source: Record<string, unknown> | null;
  organization: RelatedOrg;
}

const ORG = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name, 'type', ${alias}.type,
     'regionCode', ${alias}.region_code)`;

/** The members of `groupId` (organization = the member). */
export function findMembersOf(db: Queryable, groupId: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(
    `SELECT m.id, m.group_id AS "groupId", m.member_id AS "memberId", m.role, m.since::text AS since, m.source,
            ${ORG('o')} AS organization
       FROM organization_memberships m JOIN organizations o ON o.id = m.member_id
      WHERE m.group_id = $1 AND m.deleted_at IS NULL AND o.deleted_at IS NULL ORDER BY o.code`,
    [groupId],
  );
}

/** The groups `memberId` belongs to (organization = the group). */
export function findGroupsOf(db: Queryable, memberId: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(
    `SELECT m.id, m.group_id AS "groupId", m.member_id AS "memberId", m.role, m.since::text AS since, m.source,
            ${ORG('o')} AS organization
       FROM organization_memberships m JOIN organizations o ON o.id = m.group_id
      WHERE m.member_id = $1 AND m.deleted_at IS NULL AND o.deleted_at IS NULL ORDER BY o.code`,
    [memberId],
  );
}

export function findMembership(db: Queryable, groupId: string, id: string): Promise<{ id: string } | null> {
  return db.maybeOne(
    'SELECT id FROM organization_memberships WHERE id = $1 AND group_id = $2 AND deleted_at IS NULL',
    [id, groupId],
  );
}

export interface MembershipFields {
  groupId: string;
  memberId: string;
  role: string;
  since: string | null;
  source: unknown;
}

/** Adds a membership unless the pair exists; returns its id, or null when it was there already. */
export async function insertMembershipIfMissing(tx: Queryable, m: MembershipFields): Promise<string | null> {
  const row = await tx.maybeOne<{ id: string }>(
    `INSERT INTO organization_memberships (group_id, member_id, role, since, source)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (group_id, member_id) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
    [m.groupId, m.memberId, m.role, m.since, m.source ? JSON.stringify(m.source) : null],
  );
  return row?.id ?? null;
}

export async function softDeleteMembership(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE organization_memberships SET deleted_at = now() WHERE id = $1', [id]);
}

export interface PartnershipRow {
  id: string;
  kind: string;
  description: Record<string, string> | null;
  since: string | null;
  source: Record<string, unknown> | null;
  partner: RelatedOrg;
}

/** The partnerships of an organization, seen from its side (partner = the other one). */
export function findPartnershipsOf(db: Queryable, orgId: string): Promise<PartnershipRow[]> {
  return db.query<PartnershipRow>(
    `SELECT p.id, p.kind, p.description, p.since::text AS since, p.source, ${ORG('o')} AS partner
       FROM organization_partnerships p
       JOIN organizations o ON o.id = CASE WHEN p.first_id = $1 THEN p.second_id ELSE p.first_id END
      WHERE (p.first_id = $1 OR p.second_id = $1) AND p.deleted_at IS NULL AND o.deleted_at IS NULL
      ORDER BY o.code`,
    [orgId],
  );
}

export function findPartnership(db: Queryable, orgId: string, id: string): Promise<{ id: string } | null> {
  return db.maybeOne(
    `SELECT id FROM organization_partnerships
      WHERE id = $1 AND (first_id = $2 OR second_id = $2) AND deleted_at IS NULL`,
    [id, orgId],
  );
}

export interface PartnershipFields {
  aId: string;
  bId: string;
  kind: string;
  description: unknown;
  since: string | null;
  source: unknown;
}

/** Adds a partnership unless the pair exists (in either order); returns its id, or null when it was there. */
export async function insertPartnershipIfMissing(
  tx: Queryable,
  p: PartnershipFields,
): Promise<string | null> {
  const [first, second] = p.aId < p.bId ? [p.aId, p.bId] : [p.bId, p.aId];
  const row = await tx.maybeOne<{ id: string }>(
    `INSERT INTO organization_partnerships (first_id, second_id, kind, description, since, source)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (first_id, second_id) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
    [
      first,
      second,
      p.kind,
      p.description ? JSON.stringify(p.description) : null,
      p.since,
      p.source ? JSON.stringify(p.source) : null,
    ],
  );
  return row?.id ?? null;
}

export async function softDeletePartnership(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE organization_partnerships SET deleted_at = now() WHERE id = $1', [id]);
}

/** Adds an organization unless its code is taken (an existing one is left as it is). */
export async function insertOrganizationIfMissing(
  tx: Queryable,
  o: {
    code: string;
    name: Record<string, string>;
    acronym: string | null;
    type: string;
    regionCode: string | null;
    website: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO organizations (code, name, acronym, type, region_code, website)
     SELECT $1, $2, $3, $4, $5, $6
      WHERE NOT EXISTS (SELECT 1 FROM organizations WHERE lower(code) = lower($1) AND deleted_at IS NULL)`,
    [o.code, JSON.stringify(o.name), o.acronym, o.type, o.regionCode, o.website],
  );
}
