import { requirePermission } from '../../access/permissions';
import type { Tx } from '../../db/pool';
import { type FieldError, invalid, notFound } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { getStrategy } from '../strategy/strategy.service';
import * as repo from './projects.repo';
import type { MilestoneAdd, MilestonePatch, Project } from './projects.schema';
import { checkMilestone, loadDetail, loadForChange, milestoneFields } from './projects.service';

// Milestones are part of their project: each change needs the project's `version`, counts a new one, and is
// audited as a change of the project, so that the project's history reads in one place.

type Change = (tx: Tx, project: repo.ProjectRow) => Promise<void>;

async function changeProject(
  ctx: Ctx,
  code: string,
  projectCode: string,
  version: number,
  action: string,
  change: Change,
): Promise<Project> {
  requirePermission(ctx.actor, 'projects.manage');
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    const { row, before } = await loadForChange(ctx, tx, strategy, projectCode, version);
    await change(tx, row);
    await repo.updateProject(tx, row.id);
    const after = await loadDetail(tx, strategy.id, projectCode);
    await recordAudit(tx, ctx.actor, { action, subjectType: 'project', subjectId: row.id, before, after });
    return after;
  });
}

function throwIfAny(errors: FieldError[]) {
  if (errors.length) throw invalid(errors);
}

/** Adds a milestone after the project's last one. */
export function addMilestone(ctx: Ctx, code: string, projectCode: string, input: MilestoneAdd) {
  const { version, ...milestone } = input;
  return changeProject(ctx, code, projectCode, version, 'project.milestone_add', async (tx, project) => {
    const errors: FieldError[] = [];
    checkMilestone(milestone, '/body', errors);
    throwIfAny(errors);
    await repo.appendMilestones(tx, project.id, [milestoneFields(milestone)]);
  });
}

/** Edits a milestone: title, code, planned and actual dates, source. */
export function updateMilestone(
  ctx: Ctx,
  code: string,
  projectCode: string,
  id: string,
  patch: MilestonePatch,
) {
  const { version, ...edits } = patch;
  return changeProject(ctx, code, projectCode, version, 'project.milestone_update', async (tx, project) => {
    const current = await repo.findMilestone(tx, project.id, id);
    if (!current) throw notFound('milestone');
    const errors: FieldError[] = [];
    checkMilestone(edits, '/body', errors);
    throwIfAny(errors);
    const next = { ...current };
    for (const key of ['code', 'title', 'plannedDate', 'actualDate', 'source'] as const) {
      if (edits[key] !== undefined) (next as Record<string, unknown>)[key] = edits[key];
    }
    await repo.updateMilestone(tx, id, next);
  });
}

/** Removes a milestone. */
export function removeMilestone(ctx: Ctx, code: string, projectCode: string, id: string, version: number) {
  return changeProject(ctx, code, projectCode, version, 'project.milestone_remove', async (tx, project) => {
    if (!(await repo.findMilestone(tx, project.id, id))) throw notFound('milestone');
    await repo.deleteMilestone(tx, id);
  });
}
