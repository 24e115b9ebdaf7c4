import { requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './nodes.repo';
import { levelBelow } from './nodes.rules';
import type { NodeMove, PlanNode } from './nodes.schema';
import { assertScope, loadDetail } from './nodes.service';
import type { StrategyRow } from './strategy.repo';
import { getStrategy } from './strategy.service';

async function codesOf(db: Queryable, ids: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM plan_nodes WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r.code]));
  return ids.map((id) => byId.get(id)!);
}

/** The new parent (null: the roots); refused when unknown, inside the node's own subtree, or at a wrong level. */
async function checkDestination(
  tx: Queryable,
  strategy: StrategyRow,
  node: repo.NodeRow,
  parentCode: string | null,
): Promise<repo.NodeRow | null> {
  const parent = parentCode === null ? null : await repo.findNode(tx, strategy.id, parentCode);
  if (parentCode !== null && !parent) {
    throw invalid([
      { path: '/body/parent', code: 'unknown', message: `no node ${parentCode} in ${strategy.code}` },
    ]);
  }
  if (parent && (await repo.isSelfOrDescendant(tx, node.id, parent.id))) {
    throw invalid([
      { path: '/body/parent', code: 'cycle', message: 'a node cannot go under itself or its descendants' },
    ]);
  }
  const level = levelBelow(strategy, parent?.level ?? null);
  if (level !== node.level) {
    throw invalid([
      {
        path: '/body/parent',
        code: 'level_mismatch',
        message: `a ${node.level} cannot go ${parent ? `under a ${parent.level}` : 'at the top level'}`,
      },
    ]);
  }
  return parent;
}

/**
 * Moves a node under another parent (or to the roots) and/or to another position among its siblings. The
 * level must fit the new parent and a node cannot go under itself or a descendant. Siblings at the origin and
 * at the destination are renumbered 1, 2, 3… in the same transaction.
 */
export async function moveNode(ctx: Ctx, code: string, nodeCode: string, move: NodeMove): Promise<PlanNode> {
  requirePermission(ctx.actor, 'strategy.manage');
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    await repo.lockTree(tx, strategy.id);
    const node = await repo.findNode(tx, strategy.id, nodeCode, true);
    if (!node) throw notFound('node');
    assertScope(ctx.actor, node.ownerId);
    const before = await loadDetail(tx, strategy.id, nodeCode);
    if (node.version !== move.version) throw versionConflict(before);

    const parent = await checkDestination(tx, strategy, node, move.parent);
    const parentId = parent?.id ?? null;
    const sameParent = parentId === node.parentId;
    if (!sameParent) assertScope(ctx.actor, parentId === null ? null : parent!.ownerId);

    const origin = await repo.findSiblingIds(tx, strategy.id, node.parentId);
    const destination = sameParent ? [...origin] : await repo.findSiblingIds(tx, strategy.id, parentId);
    const others = destination.filter((id) => id !== node.id);
    const order = move.order ?? (sameParent ? origin.indexOf(node.id) + 1 : others.length + 1);
    if (order > others.length + 1) {
      throw invalid([{ path: '/body/order', code: 'out_of_range', message: `at most ${others.length + 1}` }]);
    }
    if (sameParent && destination[order - 1] === node.id) return before;

    const placesBefore = { origin: await codesOf(tx, origin), destination: await codesOf(tx, destination) };
    others.splice(order - 1, 0, node.id);
    const originAfter = sameParent ? others : origin.filter((id) => id !== node.id);
    if (sameParent) await repo.bumpVersion(tx, node.id);
    else await repo.setParent(tx, node.id, parentId);
    await repo.setPositions(tx, originAfter);
    if (!sameParent) await repo.setPositions(tx, others);

    const after = await loadDetail(tx, strategy.id, nodeCode);
    const pick = (n: PlanNode) => ({ parent: n.parent, level: n.level, order: n.order, version: n.version });
    await recordAudit(tx, ctx.actor, {
      action: 'plan_node.move',
      subjectType: 'plan_node',
      subjectId: node.id,
      before: { ...pick(before), siblings: placesBefore },
      after: {
        ...pick(after),
        siblings: { origin: await codesOf(tx, originAfter), destination: await codesOf(tx, others) },
      },
    });
    return after;
  });
}
