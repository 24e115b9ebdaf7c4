import type { Queryable } from '../../db/pool';
import type { Body, ReportingLine } from './governance.schema';

/** The stored fields of a body that an edit may change. */
export interface BodyFields {
  name: Record<string, string>;
  kind: string;
  mandate: Record<string, string> | null;
  chairId: string | null;
  reportsToId: string | null;
  source: Record<string, unknown> | null;
}

export interface BodyRow extends BodyFields {
  id: string;
  code: string;
  version: number;
}

const DETAIL = `SELECT b.code, s.code AS strategy, b.name, b.kind, b.mandate, c.code AS chair,
    coalesce((SELECT array_agg(o.code ORDER BY o.code) FROM body_members bm
                JOIN organizations o ON o.id = bm.organization_id WHERE bm.body_id = b.id), '{}') AS members,
    r.code AS "reportsTo", b.source, b.version
  FROM governance_bodies b JOIN strategies s ON s.id = b.strategy_id
  LEFT JOIN organizations c ON c.id = b.chair_id LEFT JOIN governance_bodies r ON r.id = b.reports_to_id
 WHERE b.strategy_id = $1 AND b.deleted_at IS NULL`;

export function findBodies(db: Queryable, strategyId: string): Promise<Body[]> {
  return db.query<Body>(`${DETAIL} ORDER BY b.code`, [strategyId]);
}

export function findBodyDetail(db: Queryable, strategyId: string, code: string): Promise<Body | null> {
  return db.maybeOne<Body>(`${DETAIL} AND b.code = $2`, [strategyId, code]);
}

export function findBody(
  db: Queryable,
  strategyId: string,
  code: string,
  forUpdate = false,
): Promise<BodyRow | null> {
  return db.maybeOne<BodyRow>(
    `SELECT id, code, name, kind, mandate, chair_id AS "chairId", reports_to_id AS "reportsToId", source, version
       FROM governance_bodies WHERE strategy_id = $1 AND code = $2 AND deleted_at IS NULL
     ${forUpdate ? 'FOR UPDATE' : ''}`,
    [strategyId, code],
  );
}

/** True when the code is used by a body of the strategy, deleted ones included (codes are not reused). */
export async function isCodeTaken(db: Queryable, strategyId: string, code: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM governance_bodies WHERE strategy_id = $1 AND code = $2', [
    strategyId,
    code,
  ]);
  return rows.length > 0;
}

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
const fieldParams = (f: BodyFields) => [
  json(f.name),
  f.kind,
  json(f.mandate),
  f.chairId,
  f.reportsToId,
  json(f.source),
];

export async function insertBody(tx: Queryable, strategyId: string, code: string, f: BodyFields) {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO governance_bodies (name, kind, mandate, chair_id, reports_to_id, source, strategy_id, code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [...fieldParams(f), strategyId, code],
  );
  return row.id;
}

export async function updateBody(tx: Queryable, id: string, f: BodyFields): Promise<void> {
  await tx.query(
    `UPDATE governance_bodies SET name = $1, kind = $2, mandate = $3, chair_id = $4, reports_to_id = $5,
            source = $6, version = version + 1, updated_at = now()
      WHERE id = $7`,
    [...fieldParams(f), id],
  );
}

export async function softDeleteBody(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE governance_bodies SET deleted_at = now(), updated_at = now() WHERE id = $1', [id]);
}

export async function replaceMembers(tx: Queryable, bodyId: string, orgIds: string[]): Promise<void> {
  await tx.query('DELETE FROM body_members WHERE body_id = $1', [bodyId]);
  await tx.query('INSERT INTO body_members (body_id, organization_id) SELECT $1, unnest($2::uuid[])', [
    bodyId,
    orgIds,
  ]);
}

/** True when `candidateId` is `id` or reports to it, directly or not: reporting to it would close a loop. */
export async function isSelfOrBelow(db: Queryable, id: string, candidateId: string): Promise<boolean> {
  const row = await db.one<{ found: boolean }>(
    `WITH RECURSIVE below(id) AS (
       SELECT $1::uuid
       UNION SELECT b.id FROM governance_bodies b JOIN below ON b.reports_to_id = below.id WHERE b.deleted_at IS NULL)
     SELECT EXISTS (SELECT 1 FROM below WHERE id = $2) AS found`,
    [id, candidateId],
  );
  return row.found;
}

/** What still refers to a body: the bodies reporting to it and the reporting lines naming it. */
export function countUses(db: Queryable, id: string) {
  return db.one<{ reportingBodies: number; reportingLines: number }>(
    `SELECT (SELECT count(*)::int FROM governance_bodies WHERE reports_to_id = $1 AND deleted_at IS NULL)
              AS "reportingBodies",
            (SELECT count(*)::int FROM reporting_lines WHERE reviewer_body_id = $1) AS "reportingLines"`,
    [id],
  );
}

export function findReportingLines(db: Queryable, strategyId: string): Promise<ReportingLine[]> {
  return db.query<ReportingLine>(
    `SELECT o.code AS organization, b.code AS reviewer FROM reporting_lines l
       JOIN organizations o ON o.id = l.organization_id JOIN governance_bodies b ON b.id = l.reviewer_body_id
      WHERE l.strategy_id = $1 ORDER BY o.code, b.code`,
    [strategyId],
  );
}

/**
 * Serializes the changes to one strategy's governance: two edits at once could each pass the loop check and
 * together close a reporting loop, or a body could be deleted while a new reporting line names it.
 */
export async function lockGovernance(tx: Queryable, strategyId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('governance:' || $1::text))`, [strategyId]);
}

export async function replaceReportingLines(
  tx: Queryable,
  strategyId: string,
  rows: { organizationId: string; bodyId: string }[],
): Promise<void> {
  await tx.query('DELETE FROM reporting_lines WHERE strategy_id = $1', [strategyId]);
  await tx.query(
    `INSERT INTO reporting_lines (strategy_id, organization_id, reviewer_body_id)
     SELECT $1, x.o, x.b FROM unnest($2::uuid[], $3::uuid[]) AS x(o, b)`,
    [strategyId, rows.map((r) => r.organizationId), rows.map((r) => r.bodyId)],
  );
}

/** Bodies of the strategy by code (deleted ones left out). */
export async function findBodyIds(db: Queryable, strategyId: string, codes: string[]) {
  const rows = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM governance_bodies WHERE strategy_id = $1 AND code = ANY($2) AND deleted_at IS NULL',
    [strategyId, codes],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Organizations by code, case-insensitively: lower(code) → id. */
export async function findOrganizationIds(db: Queryable, codes: string[]) {
  const rows = await db.query<{ id: string; code: string }>(
    'SELECT id, lower(code) AS code FROM organizations WHERE lower(code) = ANY($1) AND deleted_at IS NULL',
    [codes.map((c) => c.toLowerCase())],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Lists organizations among the strategy's, so that its package export names them. */
export async function linkStrategyOrganizations(tx: Queryable, strategyId: string, orgIds: string[]) {
  await tx.query(
    `INSERT INTO strategy_organizations (strategy_id, organization_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [strategyId, orgIds],
  );
}
