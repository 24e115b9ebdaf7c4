import type { Queryable } from '../../db/pool';
import type { PlanNode } from './nodes.schema';

/** The stored fields of a node that an edit may change. */
export interface NodeFields {
  title: Record<string, string>;
  description: Record<string, string> | null;
  weight: number;
  ownerId: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  state: string | null;
  source: Record<string, unknown> | null;
  crossReferences: unknown[] | null;
  lineage: { strategy: string; node: string; relation: string }[] | null;
}

export interface NodeRow extends NodeFields {
  id: string;
  code: string;
  parentId: string | null;
  level: string;
  position: number;
  version: number;
}

const ROW = `n.id, n.code, n.parent_id AS "parentId", n.level, n.position, n.title, n.description, n.weight,
  n.owner_id AS "ownerId", to_char(n.planned_start, 'YYYY-MM-DD') AS "plannedStart",
  to_char(n.planned_end, 'YYYY-MM-DD') AS "plannedEnd", n.state, n.source,
  n.cross_references AS "crossReferences", n.lineage, n.version`;

/** One node with everything attached to it, as the API shows it. */
export function findNodeDetail(db: Queryable, strategyId: string, code: string): Promise<PlanNode | null> {
  return db.maybeOne<PlanNode>(
    `SELECT n.code, s.code AS strategy, p.code AS parent, n.level, n.position AS "order", n.title, n.description,
            n.weight, o.code AS owner,
            coalesce((SELECT array_agg(c.code ORDER BY c.code) FROM plan_node_contributors pc
                        JOIN organizations c ON c.id = pc.organization_id WHERE pc.node_id = n.id), '{}') AS contributors,
            to_char(n.planned_start, 'YYYY-MM-DD') AS "plannedStart", to_char(n.planned_end, 'YYYY-MM-DD') AS "plannedEnd",
            n.state, n.source, coalesce(n.cross_references, '[]') AS "crossReferences",
            coalesce(n.lineage, '[]') AS lineage,
            coalesce((SELECT array_agg(k.code ORDER BY k.position, k.code) FROM plan_nodes k
                       WHERE k.parent_id = n.id AND k.deleted_at IS NULL), '{}') AS children,
            coalesce((SELECT json_agg(json_build_object('code', i.code, 'name', i.name) ORDER BY i.code)
                        FROM indicator_nodes x JOIN indicators i ON i.id = x.indicator_id AND i.deleted_at IS NULL
                       WHERE x.node_id = n.id), '[]') AS indicators,
            coalesce((SELECT json_agg(json_build_object('code', pr.code, 'title', pr.title, 'flagship', pr.is_flagship)
                                      ORDER BY pr.code)
                        FROM projects pr WHERE pr.node_id = n.id AND pr.deleted_at IS NULL), '[]') AS projects,
            n.version
       FROM plan_nodes n JOIN strategies s ON s.id = n.strategy_id
       LEFT JOIN plan_nodes p ON p.id = n.parent_id LEFT JOIN organizations o ON o.id = n.owner_id
      WHERE n.strategy_id = $1 AND n.code = $2 AND n.deleted_at IS NULL`,
    [strategyId, code],
  );
}

export function findNode(
  db: Queryable,
  strategyId: string,
  code: string,
  forUpdate = false,
): Promise<NodeRow | null> {
  return db.maybeOne<NodeRow>(
    `SELECT ${ROW} FROM plan_nodes n WHERE n.strategy_id = $1 AND n.code = $2 AND n.deleted_at IS NULL
     ${forUpdate ? 'FOR UPDATE' : ''}`,
    [strategyId, code],
  );
}

/**
 * Serializes the changes to one strategy's tree shape (create, move, delete): two concurrent moves could
 * otherwise each pass the cycle check and together close a loop, or number siblings twice.
 */
export async function lockTree(tx: Queryable, strategyId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('plan_tree:' || $1::text))`, [strategyId]);
}

/** The ids of a parent's children (roots when `parentId` is null) in their order, leaving out `exceptId`. */
export async function findSiblingIds(
  db: Queryable,
  strategyId: string,
  parentId: string | null,
  exceptId: string | null = null,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM plan_nodes
      WHERE strategy_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND deleted_at IS NULL
        AND id IS DISTINCT FROM $3
      ORDER BY position, code`,
    [strategyId, parentId, exceptId],
  );
  return rows.map((r) => r.id);
}

/** Numbers the given nodes 1, 2, 3… in the given order. */
export async function setPositions(tx: Queryable, orderedIds: string[]): Promise<void> {
  await tx.query(
    `UPDATE plan_nodes n SET position = x.position, updated_at = now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, position)
      WHERE n.id = x.id AND n.position IS DISTINCT FROM x.position`,
    [orderedIds],
  );
}

const fieldParams = (f: NodeFields) => [
  JSON.stringify(f.title),
  f.description ? JSON.stringify(f.description) : null,
  f.weight,
  f.ownerId,
  f.plannedStart,
  f.plannedEnd,
  f.state,
  f.source ? JSON.stringify(f.source) : null,
  f.crossReferences?.length ? JSON.stringify(f.crossReferences) : null,
  f.lineage?.length ? JSON.stringify(f.lineage) : null,
];

export async function insertNode(
  tx: Queryable,
  node: { strategyId: string; code: string; parentId: string | null; level: string; position: number },
  fields: NodeFields,
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO plan_nodes (title, description, weight, owner_id, planned_start, planned_end, state, source,
                             cross_references, lineage, strategy_id, code, parent_id, level, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [...fieldParams(fields), node.strategyId, node.code, node.parentId, node.level, node.position],
  );
  return row.id;
}

export async function updateNodeFields(tx: Queryable, id: string, fields: NodeFields): Promise<void> {
  await tx.query(
    `UPDATE plan_nodes SET title = $1, description = $2, weight = $3, owner_id = $4, planned_start = $5,
            planned_end = $6, state = $7, source = $8, cross_references = $9, lineage = $10,
            version = version + 1, updated_at = now()
      WHERE id = $11`,
    [...fieldParams(fields), id],
  );
}

export async function setParent(tx: Queryable, id: string, parentId: string | null): Promise<void> {
  await tx.query(
    'UPDATE plan_nodes SET parent_id = $2, version = version + 1, updated_at = now() WHERE id = $1',
    [id, parentId],
  );
}

export async function bumpVersion(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE plan_nodes SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

export async function replaceContributors(tx: Queryable, nodeId: string, orgIds: string[]): Promise<void> {
  await tx.query('DELETE FROM plan_node_contributors WHERE node_id = $1', [nodeId]);
  await tx.query(
    `INSERT INTO plan_node_contributors (node_id, organization_id) SELECT $1, unnest($2::uuid[])`,
    [nodeId, orgIds],
  );
}

export async function softDeleteNode(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE plan_nodes SET deleted_at = now(), updated_at = now() WHERE id = $1', [id]);
}

/** What still hangs on a node: children, and what would be orphaned or counted against a deleted node. */
export function countAttachments(db: Queryable, id: string) {
  return db.one<{
    children: number;
    indicators: number;
    projects: number;
    budgetLines: number;
    transactions: number;
  }>(
    `SELECT (SELECT count(*)::int FROM plan_nodes WHERE parent_id = $1 AND deleted_at IS NULL) AS children,
            (SELECT count(*)::int FROM indicator_nodes x JOIN indicators i ON i.id = x.indicator_id
              WHERE x.node_id = $1 AND i.deleted_at IS NULL) AS indicators,
            (SELECT count(*)::int FROM projects WHERE node_id = $1 AND deleted_at IS NULL) AS projects,
            (SELECT count(*)::int FROM budget_lines WHERE node_id = $1) AS "budgetLines",
            (SELECT count(*)::int FROM transactions WHERE node_id = $1) AS transactions`,
    [id],
  );
}

/** True when `candidateId` is `id` itself or one of its descendants: making it the parent would close a cycle. */
export async function isSelfOrDescendant(db: Queryable, id: string, candidateId: string): Promise<boolean> {
  const row = await db.one<{ found: boolean }>(
    `WITH RECURSIVE sub(id) AS (
       SELECT $1::uuid UNION SELECT n.id FROM plan_nodes n JOIN sub ON n.parent_id = sub.id WHERE n.deleted_at IS NULL)
     SELECT EXISTS (SELECT 1 FROM sub WHERE id = $2) AS found`,
    [id, candidateId],
  );
  return row.found;
}

/** Organizations by code, case-insensitively: lower(code) → { id, code }. */
export async function findOrganizationsByCode(db: Queryable, codes: string[]) {
  const rows = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM organizations WHERE lower(code) = ANY($1) AND deleted_at IS NULL',
    [codes.map((c) => c.toLowerCase())],
  );
  return new Map(rows.map((r) => [r.code.toLowerCase(), r]));
}

/** Lists the organizations among the strategy's, so that its package export names them. */
export async function linkStrategyOrganizations(tx: Queryable, strategyId: string, orgIds: string[]) {
  await tx.query(
    `INSERT INTO strategy_organizations (strategy_id, organization_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [strategyId, orgIds],
  );
}

/** Which of the (strategy, node) pairs name an existing node, as `strategy/node` keys; and which strategies exist. */
export async function findLineageTargets(db: Queryable, strategies: string[], nodes: string[]) {
  const [found, known] = await Promise.all([
    db.query<{ key: string }>(
      `SELECT s.code || '/' || n.code AS key FROM plan_nodes n JOIN strategies s ON s.id = n.strategy_id
        WHERE n.deleted_at IS NULL AND s.deleted_at IS NULL
          AND (s.code, n.code) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [strategies, nodes],
    ),
    db.query<{ code: string }>('SELECT code FROM strategies WHERE code = ANY($1) AND deleted_at IS NULL', [
      strategies,
    ]),
  ]);
  return { nodes: new Set(found.map((r) => r.key)), strategies: new Set(known.map((r) => r.code)) };
}

/** A plan version of one node's weight: the new weight, the one it replaces, from when, and why. */
export async function insertWeightVersion(
  tx: Queryable,
  v: {
    strategyId: string;
    nodeId: string;
    weight: number;
    previousWeight: number;
    effectiveFrom: string;
    reason: string;
    userId: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO node_weight_versions (strategy_id, node_id, weight, previous_weight, effective_from, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [v.strategyId, v.nodeId, v.weight, v.previousWeight, v.effectiveFrom, v.reason, v.userId],
  );
}
