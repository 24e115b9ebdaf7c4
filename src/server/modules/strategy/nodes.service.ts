import { type Actor, actorUserId } from '../../access/actor';
import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, type FieldError, forbidden, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './nodes.repo';
import { applyEdits, placeNewNode } from './nodes.rules';
import type { NodeInput, NodePatch, PlanNode } from './nodes.schema';
import { getStrategy, today } from './strategy.service';

/** A strategy office scoped to an organization edits only what that organization (or one below it) owns. */
export function assertScope(actor: Actor, ...ownerIds: (string | null)[]): void {
  if (!ownerIds.every((id) => can(actor, 'strategy.manage', id))) throw forbidden('Outside your scope');
}

export async function loadDetail(db: Queryable, strategyId: string, code: string): Promise<PlanNode> {
  const node = await repo.findNodeDetail(db, strategyId, code);
  if (!node) throw notFound('node');
  return node;
}

/** The node's own fields, for the audit trail (what hangs on it is audited where it changes). */
export const snapshot = ({ children: _c, indicators: _i, projects: _p, ...own }: PlanNode) => own;

export const NEW_NODE: repo.NodeFields = {
  title: {},
  description: null,
  weight: 1,
  ownerId: null,
  plannedStart: null,
  plannedEnd: null,
  state: null,
  source: null,
  crossReferences: null,
  lineage: null,
};

/** One node with everything attached to it; public unless its strategy is a draft. */
export async function getNode(ctx: Ctx, code: string, nodeCode: string): Promise<PlanNode> {
  const strategy = await getStrategy(ctx, code);
  return loadDetail(ctx.db, strategy.id, nodeCode);
}

/** Adds a node under `parent` (a root when absent), at the level right below the parent's, last by default. */
export async function createNode(ctx: Ctx, code: string, input: NodeInput): Promise<PlanNode> {
  requirePermission(ctx.actor, 'strategy.manage');
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    await repo.lockTree(tx, strategy.id);
    const errors: FieldError[] = [];
    const { parent, level, siblings } = await placeNewNode(tx, strategy, input, errors);
    const { code: _code, parent: _parent, level: _level, order: _order, ...edits } = input;
    const { fields, contributorIds } = await applyEdits(tx, strategy, NEW_NODE, edits, errors);
    if (errors.length) throw invalid(errors);
    assertScope(ctx.actor, parent?.ownerId ?? null, fields.ownerId);
    const node = {
      strategyId: strategy.id,
      code: input.code,
      parentId: parent?.id ?? null,
      level: level as string,
    };
    const id = await repo.insertNode(tx, { ...node, position: siblings.length + 1 }, fields);
    if (input.order !== undefined) {
      siblings.splice(input.order - 1, 0, id);
      await repo.setPositions(tx, siblings);
    }
    await saveOrganizations(tx, strategy.id, id, fields.ownerId, contributorIds);
    const created = await loadDetail(tx, strategy.id, input.code);
    await recordAudit(tx, ctx.actor, {
      action: 'plan_node.create',
      subjectType: 'plan_node',
      subjectId: id,
      after: snapshot(created),
    });
    return created;
  });
}

async function saveOrganizations(
  tx: Queryable,
  strategyId: string,
  nodeId: string,
  ownerId: string | null,
  contributorIds: string[] | undefined,
) {
  const contributors = contributorIds ? [...new Set(contributorIds)] : undefined;
  if (contributors) await repo.replaceContributors(tx, nodeId, contributors);
  const ids = [...(ownerId ? [ownerId] : []), ...(contributors ?? [])];
  if (ids.length) await repo.linkStrategyOrganizations(tx, strategyId, ids);
}

/** Edits a node's fields; a stale `version` gets 409 with the current node and changes nothing. */
export async function updateNode(ctx: Ctx, code: string, nodeCode: string, patch: NodePatch) {
  requirePermission(ctx.actor, 'strategy.manage');
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    const current = await repo.findNode(tx, strategy.id, nodeCode, true);
    if (!current) throw notFound('node');
    assertScope(ctx.actor, current.ownerId);
    const before = await loadDetail(tx, strategy.id, nodeCode);
    if (current.version !== patch.version) throw versionConflict(before);
    const { version: _version, reason, effectiveFrom, ...edits } = patch;
    const errors: FieldError[] = [];
    const { fields, contributorIds } = await applyEdits(tx, strategy, current, edits, errors);
    // Once a strategy is in force, a new weight is a plan version: it needs its reason.
    const reweighted = strategy.state !== 'draft' && Number(fields.weight) !== Number(current.weight);
    if (reweighted && !reason?.trim()) {
      errors.push({
        path: '/body/reason',
        code: 'plan_version.reason_required',
        message: 'say why the weight changes',
      });
    }
    if (errors.length) throw invalid(errors);
    if (fields.ownerId !== current.ownerId) assertScope(ctx.actor, fields.ownerId);
    await repo.updateNodeFields(tx, current.id, fields);
    if (reweighted) {
      await repo.insertWeightVersion(tx, {
        strategyId: strategy.id,
        nodeId: current.id,
        weight: fields.weight,
        previousWeight: current.weight,
        effectiveFrom: effectiveFrom ?? today(),
        reason: reason!.trim(),
        userId: actorUserId(ctx.actor),
      });
    }
    await saveOrganizations(tx, strategy.id, current.id, fields.ownerId, contributorIds);
    const after = await loadDetail(tx, strategy.id, nodeCode);
    await recordAudit(tx, ctx.actor, {
      action: 'plan_node.update',
      subjectType: 'plan_node',
      subjectId: current.id,
      before: snapshot(before),
      after: reweighted
        ? {
            ...snapshot(after),
            weightVersion: { reason: reason!.trim(), effectiveFrom: effectiveFrom ?? today() },
          }
        : snapshot(after),
    });
    return after;
  });
}

/** Soft-deletes a node without children, then closes the gap among its siblings. */
export async function deleteNode(ctx: Ctx, code: string, nodeCode: string, version: number): Promise<void> {
  requirePermission(ctx.actor, 'strategy.manage');
  const strategy = await getStrategy(ctx, code);
  await ctx.db.tx(async (tx) => {
    await repo.lockTree(tx, strategy.id);
    const current = await repo.findNode(tx, strategy.id, nodeCode, true);
    if (!current) throw notFound('node');
    assertScope(ctx.actor, current.ownerId);
    const before = await loadDetail(tx, strategy.id, nodeCode);
    if (current.version !== version) throw versionConflict(before);
    const { children, ...uses } = await repo.countAttachments(tx, current.id);
    if (children > 0) {
      throw new AppError('has_children', 409, 'Move or delete its child nodes first', { children });
    }
    // Indicators, projects and money still attached would be orphaned or counted against a deleted node.
    if (Object.values(uses).some((n) => n > 0)) {
      throw new AppError('in_use', 409, 'Detach its indicators, projects and budget first', uses);
    }
    await repo.softDeleteNode(tx, current.id);
    await repo.setPositions(tx, await repo.findSiblingIds(tx, strategy.id, current.parentId));
    await recordAudit(tx, ctx.actor, {
      action: 'plan_node.delete',
      subjectType: 'plan_node',
      subjectId: current.id,
      before: snapshot(before),
    });
  });
}
