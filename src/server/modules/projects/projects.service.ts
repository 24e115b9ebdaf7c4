import { isValidPeriod } from '../../../domain/periods';
import type { Actor } from '../../access/actor';
import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { type FieldError, forbidden, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import type { StrategyRow } from '../strategy/strategy.repo';
import { getStrategy } from '../strategy/strategy.service';
import * as repo from './projects.repo';
import type { MilestoneInput, Project, ProjectInput, ProjectPatch, ProjectQuery } from './projects.schema';

/** A strategy office scoped to an organization manages only the projects its organization (or one below) owns. */
function assertScope(actor: Actor, ...ownerIds: (string | null)[]): void {
  if (!ownerIds.every((id) => can(actor, 'projects.manage', id))) throw forbidden('Outside your scope');
}

const isBlank = (text: Record<string, string | undefined> | null | undefined) =>
  !text || Object.values(text).every((v) => !v?.trim());

/** Checks a milestone's title and dates (a date or a period; an actual date before the planned one is fine). */
export function checkMilestone(m: Partial<MilestoneInput>, path: string, errors: FieldError[]): void {
  if (m.title !== undefined && isBlank(m.title)) {
    errors.push({ path: `${path}/title`, code: 'required', message: 'a milestone needs a title' });
  }
  for (const field of ['plannedDate', 'actualDate'] as const) {
    const value = m[field];
    if (value != null && !isValidPeriod(value)) {
      errors.push({
        path: `${path}/${field}`,
        code: 'invalid_period',
        message: `${value} is not a date or period`,
      });
    }
  }
}

async function applyEdits(
  db: Queryable,
  strategyId: string,
  current: repo.ProjectFields,
  edits: Omit<ProjectPatch, 'version'>,
  errors: FieldError[],
): Promise<repo.ProjectFields> {
  const next = { ...current };
  for (const key of ['title', 'description', 'kind', 'flagship', 'group', 'source'] as const) {
    if (edits[key] !== undefined) (next as Record<string, unknown>)[key] = edits[key];
  }
  if (edits.title !== undefined && isBlank(edits.title)) {
    errors.push({ path: '/body/title', code: 'required', message: 'a project needs a title' });
  }
  if (edits.node !== undefined) {
    next.nodeId =
      edits.node === null ? null : ((await repo.findNodeId(db, strategyId, edits.node))?.id ?? '');
    if (next.nodeId === '')
      errors.push({ path: '/body/node', code: 'unknown', message: `no node ${edits.node}` });
  }
  if (edits.owner !== undefined) {
    next.ownerId = edits.owner === null ? null : ((await repo.findOrganizationId(db, edits.owner))?.id ?? '');
    if (next.ownerId === '') {
      errors.push({ path: '/body/owner', code: 'unknown', message: `unknown organization ${edits.owner}` });
    }
  }
  return next;
}

const EMPTY: repo.ProjectFields = {
  nodeId: null,
  title: {},
  description: null,
  kind: null,
  flagship: false,
  group: null,
  ownerId: null,
  source: null,
};

export async function loadDetail(db: Queryable, strategyId: string, code: string): Promise<Project> {
  const project = await repo.findProjectDetail(db, strategyId, code);
  if (!project) throw notFound('project');
  return project;
}

/** The projects of a strategy, filtered by node, flagship flag or kind; public unless the strategy is a draft. */
export async function listProjects(ctx: Ctx, code: string, filter: ProjectQuery): Promise<Project[]> {
  const strategy = await getStrategy(ctx, code);
  return repo.findProjects(ctx.db, strategy.id, filter);
}

export async function getProject(ctx: Ctx, code: string, projectCode: string): Promise<Project> {
  const strategy = await getStrategy(ctx, code);
  return loadDetail(ctx.db, strategy.id, projectCode);
}

/**
 * Loads a project for a change inside `tx`: 404 when unknown, 403 outside the actor's scope, 409 with the
 * current project when `version` is stale.
 */
export async function loadForChange(
  ctx: Ctx,
  tx: Queryable,
  strategy: StrategyRow,
  code: string,
  version: number,
) {
  const row = await repo.findProject(tx, strategy.id, code, true);
  if (!row) throw notFound('project');
  assertScope(ctx.actor, row.ownerId);
  const before = await loadDetail(tx, strategy.id, code);
  if (row.version !== version) throw versionConflict(before);
  return { row, before };
}

/** Creates a project, with its first milestones if given; codes are unique in the strategy. */
export async function createProject(ctx: Ctx, code: string, input: ProjectInput): Promise<Project> {
  requirePermission(ctx.actor, 'projects.manage');
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    const errors: FieldError[] = [];
    if (await repo.findProject(tx, strategy.id, input.code)) {
      errors.push({
        path: '/body/code',
        code: 'duplicate',
        message: 'this code is already used in the strategy',
      });
    }
    const { code: projectCode, milestones = [], ...edits } = input;
    const fields = await applyEdits(tx, strategy.id, EMPTY, edits, errors);
    for (const [i, m] of milestones.entries()) checkMilestone(m, `/body/milestones/${i}`, errors);
    if (errors.length) throw invalid(errors);
    assertScope(ctx.actor, fields.ownerId);
    const id = await repo.insertProject(tx, strategy.id, projectCode, fields);
    await repo.appendMilestones(tx, id, milestones.map(milestoneFields));
    if (fields.ownerId) await repo.linkStrategyOrganization(tx, strategy.id, fields.ownerId);
    const created = await loadDetail(tx, strategy.id, projectCode);
    await recordAudit(tx, ctx.actor, {
      action: 'project.create',
      subjectType: 'project',
      subjectId: id,
      after: created,
    });
    return created;
  });
}

export const milestoneFields = (m: MilestoneInput): repo.MilestoneFields => ({
  code: m.code ?? null,
  title: m.title,
  plannedDate: m.plannedDate ?? null,
  actualDate: m.actualDate ?? null,
  source: m.source ?? null,
});

/** Edits a project's fields; a stale `version` gets 409 with the current project and changes nothing. */
export async function updateProject(ctx: Ctx, code: string, projectCode: string, patch: ProjectPatch) {
  requirePermission(ctx.actor, 'projects.manage');
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    const { row, before } = await loadForChange(ctx, tx, strategy, projectCode, patch.version);
    const { version: _version, ...edits } = patch;
    const errors: FieldError[] = [];
    const fields = await applyEdits(tx, strategy.id, row, edits, errors);
    if (errors.length) throw invalid(errors);
    if (fields.ownerId !== row.ownerId) assertScope(ctx.actor, fields.ownerId);
    await repo.updateProject(tx, row.id, fields);
    if (fields.ownerId) await repo.linkStrategyOrganization(tx, strategy.id, fields.ownerId);
    const after = await loadDetail(tx, strategy.id, projectCode);
    await recordAudit(tx, ctx.actor, {
      action: 'project.update',
      subjectType: 'project',
      subjectId: row.id,
      before,
      after,
    });
    return after;
  });
}

/** Soft-deletes a project (its milestones stay with it). */
export async function deleteProject(ctx: Ctx, code: string, projectCode: string, version: number) {
  requirePermission(ctx.actor, 'projects.manage');
  const strategy = await getStrategy(ctx, code);
  await ctx.db.tx(async (tx) => {
    const { row, before } = await loadForChange(ctx, tx, strategy, projectCode, version);
    await repo.softDeleteProject(tx, row.id);
    await recordAudit(tx, ctx.actor, {
      action: 'project.delete',
      subjectType: 'project',
      subjectId: row.id,
      before,
    });
  });
}
