import { budgetExecution, financialPhysicalGap, sumBudgets } from '../../../domain/budget';
import type { Computation } from '../../../domain/components';
import {
  evaluateIndicator,
  type IndicatorEvaluation,
  type PartialTarget,
} from '../../../domain/plan-progress';
import { type MissingDataPolicy, rollUp } from '../../../domain/rollup';
import type { StatusThresholds } from '../../../domain/status';
import type { NodeBudget } from '../budget/budget.service';
import type { IndicatorSeriesRow } from '../indicators/indicators.repo';
import type { TreeNode } from '../strategy/strategy.service';
import { addCounts, countsOf, NEEDS_ATTENTION, scopeRoots, subtree } from './dashboard.scope';

// The dashboard's figures from what the services loaded: pure functions, each figure computed by the domain
// library and returned with its calculation components (or a link to the page that shows them).

const toMinor = (amount: number) => Math.round(amount * 100);
const fromMinor = (minor: number) => minor / 100;
const NONE: NodeBudget = { allocated: 0, committed: 0, disbursed: 0, spent: 0 };

export const nodeLink = (strategy: string, node: string) =>
  `/app/strategies/${encodeURIComponent(strategy)}?node=${encodeURIComponent(node)}`;
const indicatorLink = (code: string) => `/app/indicators/${encodeURIComponent(code)}`;

/** The budgets of the subtrees of `nodes`, one entry per node (key `''` = the strategy as a whole). */
export function budgetsOf(byNode: Map<string, NodeBudget>, nodes: readonly TreeNode[]): NodeBudget[] {
  return nodes.flatMap(subtree).map((n) => byNode.get(n.code) ?? NONE);
}

/** A budget in the strategy's unit with its execution rates and its financial vs physical progress. */
export function budgetFigures(items: readonly NodeBudget[], physical: number | null) {
  const total = sumBudgets(
    items.map((a) => ({
      allocated: toMinor(a.allocated),
      committed: toMinor(a.committed),
      disbursed: toMinor(a.disbursed),
      spent: toMinor(a.spent),
    })),
  );
  const execution = budgetExecution(total);
  const gap = financialPhysicalGap({
    allocated: total.allocated,
    spent: total.spent,
    physicalProgress: physical,
  });
  return {
    allocated: fromMinor(total.allocated),
    committed: fromMinor(total.committed),
    disbursed: fromMinor(total.disbursed),
    spent: fromMinor(total.spent),
    commitmentRate: execution.result.commitmentRate,
    disbursementRate: execution.result.disbursementRate,
    executionRate: execution.result.executionRate,
    financialProgress: gap.result.financial,
    physicalProgress: gap.result.physical,
    gap: gap.result.gap,
    components: { execution, gap },
  };
}

/** The weighted progress of some nodes taken together, by the roll-up the plan tree uses. */
export function combinedProgress(
  id: string,
  weight: number,
  nodes: readonly TreeNode[],
  policy: MissingDataPolicy,
) {
  const roll = rollUp(
    { id, weight, children: nodes.map((n) => ({ id: n.code, weight: n.weight, progress: n.progress })) },
    policy,
  );
  return { progress: roll.progress, components: roll.components };
}

/**
 * One row per candidate node (a priority, or a child of the chosen node) that the organization filter keeps:
 * its subtree's status counts, progress and budget; `scope` names the nodes the figures cover.
 */
export function buildRows(input: {
  strategy: string;
  candidates: readonly TreeNode[];
  organization: string | undefined;
  budgets: Map<string, NodeBudget>;
  policy: MissingDataPolicy;
}) {
  return input.candidates.flatMap((node) => {
    const roots = scopeRoots(node, input.organization);
    if (roots.length === 0) return [];
    const whole = roots.length === 1 && roots[0] === node;
    // An organization owning only parts of a priority: its parts' weighted progress, by the same roll-up.
    const partial = whole ? null : combinedProgress(node.code, node.weight, roots, input.policy);
    const progress = partial ? partial.progress : node.progress;
    return [
      {
        code: node.code,
        level: node.level,
        title: node.title,
        weight: node.weight,
        owner: node.owner ?? null,
        status: whole ? node.status : null,
        progress,
        performance: whole ? node.performance : null,
        statusCounts: addCounts(roots.map(countsOf)),
        scope: roots.map((r) => r.code),
        budget: budgetFigures(budgetsOf(input.budgets, roots), progress),
        components: partial?.components ?? null,
        link: nodeLink(input.strategy, node.code),
      },
    ];
  });
}

export type EvaluatedSeries = IndicatorSeriesRow & { evaluation: Computation<IndicatorEvaluation> };

/** Each indicator judged on its latest observation by `asOf`, as the plan tree judges it. */
export function evaluateSeries(
  series: readonly IndicatorSeriesRow[],
  context: { asOf: string; startDate: string; thresholds: StatusThresholds },
): EvaluatedSeries[] {
  return series.map((s) => {
    const last = s.observations.at(-1) ?? null;
    const evaluation = evaluateIndicator({
      target: s.target as PartialTarget | null,
      direction: s.direction,
      observations: last ? [last] : [],
      asOf: context.asOf,
      startDate: context.startDate,
      thresholds: context.thresholds,
    });
    return { ...s, evaluation };
  });
}

const pick = (p: { period: string; value: number | null }) => ({ period: p.period, value: p.value });

/** A key indicator card: its trajectory's declared points, its observations and how it was judged. */
export function presentIndicator(i: EvaluatedSeries, rootCodes: Set<string>) {
  const target = i.target as PartialTarget | null;
  const trajectory = target
    ? [
        ...(target.baseline ? [{ ...pick(target.baseline), role: 'baseline' }] : []),
        ...target.milestones.map((m) => ({ ...pick(m), role: 'milestone' })),
        ...(target.final ? [{ ...pick(target.final), role: 'final' }] : []),
      ]
    : [];
  const r = i.evaluation.result;
  return {
    code: i.code,
    name: i.name,
    unit: i.unit,
    decimals: i.decimals,
    direction: i.direction,
    nodes: i.nodes.filter((n) => rootCodes.has(n)),
    trajectory,
    observations: i.observations,
    actual: r.actual,
    judgedPeriod: r.judgedPeriod,
    expected: r.expected,
    status: r.status,
    achievement: r.achievement,
    performance: r.performance,
    components: i.evaluation,
    link: indicatorLink(i.code),
  };
}

/** Nodes and indicators at risk or off track (off track first), each with its latest variance explanation. */
export function attentionItems<E>(input: {
  strategy: string;
  nodes: readonly TreeNode[];
  indicators: readonly EvaluatedSeries[];
  explanations: Map<string, E>;
}) {
  const explanationOf = (key: string) => input.explanations.get(key) ?? null;
  const nodes = input.nodes
    .filter((n) => NEEDS_ATTENTION.includes(n.status))
    .map((n) => ({
      kind: 'node' as const,
      code: n.code,
      title: n.title,
      level: n.level as string | null,
      owner: n.owner ?? null,
      status: n.status,
      progress: n.progress,
      performance: n.performance,
      explanation: explanationOf(`node:${n.code}`),
      link: nodeLink(input.strategy, n.code),
    }));
  const indicators = input.indicators
    .filter((i) => NEEDS_ATTENTION.includes(i.evaluation.result.status))
    .map((i) => ({
      kind: 'indicator' as const,
      code: i.code,
      title: i.name,
      level: null,
      owner: null,
      status: i.evaluation.result.status as string,
      progress: i.evaluation.result.achievement,
      performance: i.evaluation.result.performance,
      explanation: explanationOf(`indicator:${i.code}`),
      link: indicatorLink(i.code),
    }));
  return [...nodes, ...indicators].sort(
    (a, b) => NEEDS_ATTENTION.indexOf(a.status) - NEEDS_ATTENTION.indexOf(b.status),
  );
}
