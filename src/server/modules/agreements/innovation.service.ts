import { requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { type FieldError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './innovation.repo';
import type {
  InnovationProject,
  InnovationProjectInput,
  InnovationProjectPatch,
  InnovationQuery,
} from './innovation.schema';

const present = ({ id: _id, ...project }: repo.ProjectRow): InnovationProject => project;

/** Labelled innovation projects of the clusters, by cluster, niche or stage (public). */
export async function listInnovationProjects(ctx: Ctx, query: InnovationQuery) {
  return { items: (await repo.findProjects(ctx.db, query)).map(present) };
}

export async function getInnovationProject(ctx: Ctx, code: string): Promise<InnovationProject> {
  const row = await repo.findProject(ctx.db, code);
  if (!row) throw notFound('innovation project');
  return present(row);
}

type Fields = Omit<InnovationProjectInput, 'code'>;

/** Resolves the cluster (which must be a cluster) and the members by code; every fault lands in `errors`. */
async function resolve(db: Queryable, input: Fields, errors: FieldError[]) {
  const codes = [input.cluster, ...(input.members ?? [])];
  const orgs = new Map((await repo.findOrganizations(db, codes)).map((o) => [o.code.toLowerCase(), o]));
  const cluster = orgs.get(input.cluster.toLowerCase());
  if (!cluster)
    errors.push({ path: '/body/cluster', code: 'unknown', message: `unknown organization ${input.cluster}` });
  else if (cluster.type !== 'cluster') {
    errors.push({
      path: '/body/cluster',
      code: 'not_a_cluster',
      message: `${input.cluster} is not a cluster`,
    });
  }
  const memberIds = (input.members ?? []).map((code, i) => {
    const org = orgs.get(code.toLowerCase());
    if (!org)
      errors.push({ path: `/body/members/${i}`, code: 'unknown', message: `unknown organization ${code}` });
    return org?.id ?? '';
  });
  const fields: repo.ProjectFields = {
    clusterId: cluster?.id ?? '',
    title: input.title,
    description: input.description ?? null,
    niche: input.niche,
    stage: input.stage ?? 'labelled',
    fundingSource: input.fundingSource ?? null,
    labelledOn: input.labelledOn ?? null,
    source: input.source ?? null,
  };
  return { fields, memberIds };
}

export async function createInnovationProject(ctx: Ctx, input: InnovationProjectInput) {
  requirePermission(ctx.actor, 'agreements.manage');
  return ctx.db.tx(async (tx) => {
    const errors: FieldError[] = [];
    if (await repo.findProject(tx, input.code)) {
      errors.push({ path: '/body/code', code: 'duplicate', message: 'this code is already used' });
    }
    const { code, ...rest } = input;
    const { fields, memberIds } = await resolve(tx, rest, errors);
    if (errors.length) throw invalid(errors);
    const id = await repo.insertProject(tx, code, fields);
    await repo.replaceMembers(tx, id, memberIds);
    const created = present((await repo.findProject(tx, code))!);
    await recordAudit(tx, ctx.actor, {
      action: 'innovation_project.create',
      subjectType: 'innovation_project',
      subjectId: id,
      after: created,
    });
    return created;
  });
}

export async function updateInnovationProject(ctx: Ctx, code: string, patch: InnovationProjectPatch) {
  requirePermission(ctx.actor, 'agreements.manage');
  return ctx.db.tx(async (tx) => {
    const row = await repo.findProject(tx, code, true);
    if (!row) throw notFound('innovation project');
    const before = present(row);
    if (row.version !== patch.version) throw versionConflict(before);
    const { version: _v, ...changes } = patch;
    const merged: Fields = {
      cluster: row.cluster.code,
      title: row.title,
      description: row.description,
      niche: row.niche,
      stage: row.stage,
      fundingSource: row.fundingSource,
      labelledOn: row.labelledOn,
      members: row.members.map((m) => m.code),
      source: row.source,
      ...changes,
    };
    const errors: FieldError[] = [];
    const { fields, memberIds } = await resolve(tx, merged, errors);
    if (errors.length) throw invalid(errors);
    await repo.updateProject(tx, row.id, fields);
    await repo.replaceMembers(tx, row.id, memberIds);
    const after = present((await repo.findProject(tx, code))!);
    await recordAudit(tx, ctx.actor, {
      action: 'innovation_project.update',
      subjectType: 'innovation_project',
      subjectId: row.id,
      before,
      after,
    });
    return after;
  });
}
