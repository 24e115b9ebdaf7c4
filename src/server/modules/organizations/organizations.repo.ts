import type { Queryable } from '../../db/pool';
import type { Organization } from './organizations.schema';

const COLUMNS = `id, code, name, acronym, type, parent_id AS "parentId", region_code AS "regionCode", website, version`;

export function findOrganizations(
  db: Queryable,
  filter: { q?: string; type?: string },
): Promise<Organization[]> {
  return db.query<Organization>(
    `SELECT ${COLUMNS} FROM organizations
      WHERE deleted_at IS NULL
        AND ($1::text IS NULL OR code ILIKE '%' || $1 || '%' OR acronym ILIKE '%' || $1 || '%'
             OR name::text ILIKE '%' || $1 || '%')
        AND ($2::text IS NULL OR type = $2)
      ORDER BY code`,
    [filter.q ?? null, filter.type ?? null],
  );
}

export function findOrganizationById(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<Organization | null> {
  return db.maybeOne<Organization>(
    `SELECT ${COLUMNS} FROM organizations WHERE id = $1 AND deleted_at IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

export function findOrganizationByCode(db: Queryable, code: string): Promise<Organization | null> {
  return db.maybeOne<Organization>(
    `SELECT ${COLUMNS} FROM organizations WHERE lower(code) = lower($1) AND deleted_at IS NULL`,
    [code],
  );
}

export function insertOrganization(
  tx: Queryable,
  org: Omit<Organization, 'id' | 'version'>,
): Promise<Organization> {
  return tx.one<Organization>(
    `INSERT INTO organizations (code, name, acronym, type, parent_id, region_code, website)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [org.code, JSON.stringify(org.name), org.acronym, org.type, org.parentId, org.regionCode, org.website],
  );
}

export function updateOrganization(tx: Queryable, org: Organization): Promise<Organization> {
  return tx.one<Organization>(
    `UPDATE organizations SET name = $2, acronym = $3, type = $4, parent_id = $5, region_code = $6, website = $7,
            version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [org.id, JSON.stringify(org.name), org.acronym, org.type, org.parentId, org.regionCode, org.website],
  );
}

export async function softDeleteOrganization(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE organizations SET deleted_at = now(), updated_at = now() WHERE id = $1', [id]);
}

/** True when `candidateId` is `id` itself or one of its descendants: making it the parent would close a cycle. */
export async function isSelfOrDescendant(db: Queryable, id: string, candidateId: string): Promise<boolean> {
  const row = await db.one<{ found: boolean }>(
    `WITH RECURSIVE sub(id) AS (
       SELECT $1::uuid UNION SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id)
     SELECT EXISTS (SELECT 1 FROM sub WHERE id = $2) AS found`,
    [id, candidateId],
  );
  return row.found;
}

export async function countChildren(db: Queryable, id: string): Promise<number> {
  const row = await db.one<{ n: number }>(
    'SELECT count(*)::int AS n FROM organizations WHERE parent_id = $1 AND deleted_at IS NULL',
    [id],
  );
  return row.n;
}

export async function isRegion(db: Queryable, code: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM dimension_members m JOIN dimensions d ON d.id = m.dimension_id WHERE d.code = 'region' AND m.code = $1`,
    [code],
  );
  return rows.length > 0;
}
