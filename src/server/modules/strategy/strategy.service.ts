import {
  evaluateIndicator,
  evaluatePlan,
  type PartialTarget,
  type PlanNodeEvaluation,
} from '../../../domain/plan-progress';
import type { MissingDataPolicy } from '../../../domain/rollup';
import { DEFAULT_STATUS_THRESHOLDS } from '../../../domain/status';
import { can } from '../../access/permissions';
import { notFound } from '../../errors';
import type { Ctx } from '../../types';
import * as repo from './strategy.repo';

/** Adopted and closed strategies are public; drafts are seen only by the people who work on plans. */
export async function listStrategies(ctx: Ctx) {
  return repo.findStrategies(ctx.db, can(ctx.actor, 'internal.read'));
}

export async function getStrategy(ctx: Ctx, code: string): Promise<repo.StrategyRow> {
  const strategy = await repo.findStrategy(ctx.db, code);
  if (!strategy || (strategy.state === 'draft' && !can(ctx.actor, 'internal.read')))
    throw notFound('strategy');
  return strategy;
}

export const today = () => new Date().toISOString().slice(0, 10);

/** A node as the tree endpoint shows it: its stored fields, and what was computed for it. */
export interface TreeNode
  extends Omit<
      repo.TreeNodeRow,
      'id' | 'parentId' | 'position' | 'owner' | 'plannedStart' | 'plannedEnd' | 'state'
    >,
    Partial<Pick<repo.TreeNodeRow, 'owner' | 'plannedStart' | 'plannedEnd' | 'state'>> {
  progress: number | null;
  performance: number | null;
  status: string;
  statusCounts?: Record<string, number>;
  basis: string;
  indicators: string[];
  components?: unknown;
  children: TreeNode[];
}

/**
 * The strategy's tree with each node's computed progress and status as of a date: indicators are evaluated
 * against the target version then in force and the latest observation by then (national, or of one region
 * when `region` is given); nodes roll them up.
 */
export async function getTree(
  ctx: Ctx,
  code: string,
  options: { asOf?: string; policy?: MissingDataPolicy; explain?: boolean; region?: string },
) {
  const strategy = await getStrategy(ctx, code);
  const asOf = options.asOf ?? today();
  const [nodes, indicators] = await Promise.all([
    repo.findTreeNodes(ctx.db, strategy.id, asOf),
    repo.findIndicatorStates(ctx.db, strategy.id, asOf, options.region ? `region=${options.region}` : ''),
  ]);
  const thresholds = strategy.statusThresholds ?? DEFAULT_STATUS_THRESHOLDS;
  const byNode = new Map<
    string,
    { code: string; evaluation: ReturnType<typeof evaluateIndicator>['result'] }[]
  >();
  for (const indicator of indicators) {
    const evaluation = evaluateIndicator({
      target: indicator.target as PartialTarget | null,
      direction: indicator.direction,
      observations: indicator.latest ? [indicator.latest] : [],
      asOf,
      startDate: strategy.periodStart,
      thresholds,
    }).result;
    for (const nodeId of indicator.nodeIds) {
      const list = byNode.get(nodeId) ?? [];
      list.push({ code: indicator.code, evaluation });
      byNode.set(nodeId, list);
    }
  }
  const children = new Map<string | null, repo.TreeNodeRow[]>();
  for (const node of nodes) {
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  const input = (node: repo.TreeNodeRow): Parameters<typeof evaluatePlan>[0] => ({
    id: node.id,
    weight: node.weight,
    indicators: (byNode.get(node.id) ?? []).map((i) => ({ ...i.evaluation, code: i.code })),
    children: (children.get(node.id) ?? []).map(input),
  });
  const roots = children.get(null) ?? [];
  const evaluation = evaluatePlan(
    { id: strategy.id, weight: 1, indicators: [], children: roots.map(input) },
    options.policy ?? 'exclude',
    thresholds,
    options.explain ?? false,
  );
  const NONE: string[] = [];
  // Built by assignment rather than spreads: trees reach tens of thousands of nodes, and the object is made
  // in the order the response lists its fields.
  const present = (node: repo.TreeNodeRow, result: PlanNodeEvaluation): TreeNode => {
    const kids = children.get(node.id);
    const measured = byNode.get(node.id);
    const out = { code: node.code, level: node.level, title: node.title, weight: node.weight } as TreeNode;
    // Optional facts are left out when unknown rather than sent as null.
    if (node.owner !== null) out.owner = node.owner;
    if (node.plannedStart !== null) out.plannedStart = node.plannedStart;
    if (node.plannedEnd !== null) out.plannedEnd = node.plannedEnd;
    if (node.state !== null) out.state = node.state;
    out.version = node.version;
    out.progress = result.progress;
    out.performance = result.performance;
    out.status = result.status;
    // A leaf's counts are its own status once: sent only for nodes with children, to keep big trees light.
    if (kids) out.statusCounts = result.statusCounts;
    out.basis = result.basis;
    out.indicators = measured ? measured.map((i) => i.code).sort() : NONE;
    if (options.explain) out.components = result.components;
    out.children = kids ? kids.map((child, i) => present(child, result.children[i]!)) : [];
    return out;
  };
  return {
    strategy: { code: strategy.code, title: strategy.title, levels: strategy.levels },
    asOf,
    policy: options.policy ?? 'exclude',
    thresholds,
    progress: evaluation.progress,
    performance: evaluation.performance,
    status: evaluation.status,
    statusCounts: evaluation.statusCounts,
    nodes: roots.map((root, i) => present(root, evaluation.children[i]!)),
  };
}
