import type { Queryable } from '../../db/pool';
import type { Project, ProjectQuery } from './projects.schema';

/** The stored fields of a project that an edit may change. */
export interface ProjectFields {
  nodeId: string | null;
  title: Record<string, string>;
  description: Record<string, string> | null;
  kind: string | null;
  flagship: boolean;
  group: Record<string, string> | null;
  ownerId: string | null;
  source: Record<string, unknown> | null;
}

export interface ProjectRow extends ProjectFields {
  id: string;
  code: string;
  version: number;
}

export interface MilestoneFields {
  code: string | null;
  title: Record<string, string>;
  plannedDate: string | null;
  actualDate: string | null;
  source: Record<string, unknown> | null;
}

const DETAIL = `SELECT p.id, p.code, s.code AS strategy, n.code AS node, p.title, p.description, p.kind,
    p.is_flagship AS flagship, p.group_label AS "group", o.code AS owner, p.source,
    coalesce((SELECT json_agg(json_build_object('id', m.id, 'code', m.code, 'title', m.title,
                'plannedDate', m.planned_date, 'actualDate', m.actual_date, 'source', m.source) ORDER BY m.position)
                FROM project_milestones m WHERE m.project_id = p.id), '[]') AS milestones,
    p.version
  FROM projects p JOIN strategies s ON s.id = p.strategy_id
  LEFT JOIN plan_nodes n ON n.id = p.node_id LEFT JOIN organizations o ON o.id = p.owner_id
 WHERE p.strategy_id = $1 AND p.deleted_at IS NULL`;

export function findProjects(db: Queryable, strategyId: string, filter: ProjectQuery): Promise<Project[]> {
  return db.query<Project>(
    `${DETAIL} AND ($2::text IS NULL OR n.code = $2) AND ($3::boolean IS NULL OR p.is_flagship = $3)
       AND ($4::text IS NULL OR p.kind = $4)
     ORDER BY p.code`,
    [strategyId, filter.node ?? null, filter.flagship ?? null, filter.kind ?? null],
  );
}

export function findProjectDetail(db: Queryable, strategyId: string, code: string): Promise<Project | null> {
  return db.maybeOne<Project>(`${DETAIL} AND p.code = $2`, [strategyId, code]);
}

export function findProject(
  db: Queryable,
  strategyId: string,
  code: string,
  forUpdate = false,
): Promise<ProjectRow | null> {
  return db.maybeOne<ProjectRow>(
    `SELECT id, code, node_id AS "nodeId", title, description, kind, is_flagship AS flagship,
            group_label AS "group", owner_id AS "ownerId", source, version
       FROM projects WHERE strategy_id = $1 AND code = $2 AND deleted_at IS NULL ${forUpdate ? 'FOR UPDATE' : ''}`,
    [strategyId, code],
  );
}

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
const fieldParams = (f: ProjectFields) => [
  f.nodeId,
  json(f.title),
  json(f.description),
  f.kind,
  f.flagship,
  json(f.group),
  f.ownerId,
  json(f.source),
];

export async function insertProject(
  tx: Queryable,
  strategyId: string,
  code: string,
  fields: ProjectFields,
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO projects (node_id, title, description, kind, is_flagship, group_label, owner_id, source,
                           strategy_id, code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [...fieldParams(fields), strategyId, code],
  );
  return row.id;
}

/** Writes the fields (when given) and counts a new version: milestone changes are edits of the project. */
export async function updateProject(tx: Queryable, id: string, fields?: ProjectFields): Promise<void> {
  if (!fields) {
    await tx.query('UPDATE projects SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
    return;
  }
  await tx.query(
    `UPDATE projects SET node_id = $1, title = $2, description = $3, kind = $4, is_flagship = $5,
            group_label = $6, owner_id = $7, source = $8, version = version + 1, updated_at = now()
      WHERE id = $9`,
    [...fieldParams(fields), id],
  );
}

export async function softDeleteProject(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE projects SET deleted_at = now(), updated_at = now() WHERE id = $1', [id]);
}

/** Appends milestones after the project's last one, in the given order. */
export async function appendMilestones(tx: Queryable, projectId: string, rows: MilestoneFields[]) {
  await tx.query(
    `INSERT INTO project_milestones (project_id, position, code, title, planned_date, actual_date, source)
     SELECT $1, coalesce((SELECT max(position) FROM project_milestones WHERE project_id = $1), -1) + x.i,
            x.code, x.title, x.planned_date, x.actual_date, x.source
       FROM jsonb_to_recordset($2) AS x(i int, code text, title jsonb, planned_date text, actual_date text, source jsonb)`,
    [
      projectId,
      JSON.stringify(
        rows.map((m, index) => ({
          i: index + 1,
          code: m.code,
          title: m.title,
          planned_date: m.plannedDate,
          actual_date: m.actualDate,
          source: m.source,
        })),
      ),
    ],
  );
}

export function findMilestone(db: Queryable, projectId: string, id: string) {
  return db.maybeOne<MilestoneFields & { id: string }>(
    `SELECT id, code, title, planned_date AS "plannedDate", actual_date AS "actualDate", source
       FROM project_milestones WHERE project_id = $1 AND id = $2`,
    [projectId, id],
  );
}

export async function updateMilestone(tx: Queryable, id: string, m: MilestoneFields): Promise<void> {
  await tx.query(
    `UPDATE project_milestones SET code = $2, title = $3, planned_date = $4, actual_date = $5, source = $6
      WHERE id = $1`,
    [id, m.code, json(m.title), m.plannedDate, m.actualDate, json(m.source)],
  );
}

/** Removes a milestone; the others keep their order (positions may leave a gap, which order ignores). */
export async function deleteMilestone(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM project_milestones WHERE id = $1', [id]);
}

export function findNodeId(db: Queryable, strategyId: string, code: string) {
  return db.maybeOne<{ id: string }>(
    'SELECT id FROM plan_nodes WHERE strategy_id = $1 AND code = $2 AND deleted_at IS NULL',
    [strategyId, code],
  );
}

export function findOrganizationId(db: Queryable, code: string) {
  return db.maybeOne<{ id: string }>(
    'SELECT id FROM organizations WHERE lower(code) = lower($1) AND deleted_at IS NULL',
    [code],
  );
}

/** Lists the owner among the strategy's organizations, so that its package export names it. */
export async function linkStrategyOrganization(tx: Queryable, strategyId: string, orgId: string) {
  await tx.query(
    'INSERT INTO strategy_organizations (strategy_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [strategyId, orgId],
  );
}
