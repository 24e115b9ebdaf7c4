import type { Queryable } from '../../db/pool';
import type { InnovationProject, InnovationQuery } from './innovation.schema';

const ORG = (a: string) => `json_build_object('code', ${a}.code, 'name', ${a}.name, 'type', ${a}.type)`;
const SELECT = `SELECT p.id, p.code, ${ORG('c')} AS cluster, p.title, p.description, p.niche, p.stage,
    p.funding_source AS "fundingSource", p.labelled_on::text AS "labelledOn", p.source, p.version,
    COALESCE((SELECT json_agg(${ORG('o')} ORDER BY o.code) FROM innovation_project_members m
               JOIN organizations o ON o.id = m.organization_id WHERE m.project_id = p.id), '[]') AS members
  FROM innovation_projects p JOIN organizations c ON c.id = p.cluster_id`;

export type ProjectRow = InnovationProject & { id: string };

export function findProjects(db: Queryable, q: InnovationQuery): Promise<ProjectRow[]> {
  return db.query<ProjectRow>(
    `${SELECT} WHERE p.deleted_at IS NULL AND ($1::text IS NULL OR lower(c.code) = lower($1))
       AND ($2::text IS NULL OR p.niche = $2) AND ($3::text IS NULL OR p.stage = $3) ORDER BY p.code`,
    [q.cluster ?? null, q.niche ?? null, q.stage ?? null],
  );
}

export function findProject(db: Queryable, code: string, forUpdate = false): Promise<ProjectRow | null> {
  return db.maybeOne<ProjectRow>(
    `${SELECT} WHERE lower(p.code) = lower($1) AND p.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE OF p' : ''}`,
    [code],
  );
}

export interface ProjectFields {
  clusterId: string;
  title: unknown;
  description: unknown;
  niche: string;
  stage: string;
  fundingSource: string | null;
  labelledOn: string | null;
  source: unknown;
}

const params = (f: ProjectFields) => [
  f.clusterId,
  JSON.stringify(f.title),
  f.description ? JSON.stringify(f.description) : null,
  f.niche,
  f.stage,
  f.fundingSource,
  f.labelledOn,
  f.source ? JSON.stringify(f.source) : null,
];

export async function insertProject(tx: Queryable, code: string, f: ProjectFields): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO innovation_projects (cluster_id, title, description, niche, stage, funding_source, labelled_on, source, code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [...params(f), code],
  );
  return row.id;
}

export async function updateProject(tx: Queryable, id: string, f: ProjectFields): Promise<void> {
  await tx.query(
    `UPDATE innovation_projects SET cluster_id = $1, title = $2, description = $3, niche = $4, stage = $5,
            funding_source = $6, labelled_on = $7, source = $8, version = version + 1, updated_at = now()
      WHERE id = $9`,
    [...params(f), id],
  );
}

export async function replaceMembers(tx: Queryable, projectId: string, orgIds: string[]): Promise<void> {
  await tx.query('DELETE FROM innovation_project_members WHERE project_id = $1', [projectId]);
  await tx.query(
    `INSERT INTO innovation_project_members (project_id, organization_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [projectId, orgIds],
  );
}

export function findOrganizations(
  db: Queryable,
  codes: string[],
): Promise<{ id: string; code: string; type: string }[]> {
  return db.query(
    'SELECT id, code, type FROM organizations WHERE lower(code) = ANY($1::text[]) AND deleted_at IS NULL',
    [codes.map((c) => c.toLowerCase())],
  );
}
