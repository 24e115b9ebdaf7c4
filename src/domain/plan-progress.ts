import type { Direction } from './achievement';
import { type Computation, formatNumber, roundTo } from './components';
import { isDomainError } from './errors';
import type { IsoDate } from './periods';
import {
  emptyStatusCounts,
  type MissingDataPolicy,
  rollUp,
  type StatusCounts,
  weightedProgress,
} from './rollup';
import {
  DEFAULT_STATUS_THRESHOLDS,
  indicatorStatus,
  STATUSES,
  type Status,
  type StatusThresholds,
} from './status';
import type { TargetPoint } from './trajectory';

/** A target as stored: any of its values may be unknown (the source gave none). */
export interface PartialTarget {
  baseline: { period: string; value: number | null } | null;
  milestones: readonly { period: string; value: number | null }[];
  final: { period: string; value: number | null } | null;
}

export interface IndicatorEvaluation {
  status: Status;
  /** (actual − baseline) / (final − baseline): how far along to the final target, 0..1 and beyond. */
  achievement: number | null;
  /** (actual − baseline) / (expected − baseline): progress as a share of what the trajectory expects now. */
  performance: number | null;
  judgedPeriod: string | null;
  actual: number | null;
  expected: number | null;
}

const known = (point: { period: string; value: number | null } | null): point is TargetPoint =>
  point !== null && point.value !== null;

/**
 * Evaluates one indicator at a date: its status against the trajectory, its achievement against the final
 * target. A target without a known baseline or final value cannot be judged: status `no_data`, reason given.
 */
export function evaluateIndicator(input: {
  target: PartialTarget | null;
  direction: Direction;
  observations: readonly { period: string; value: number | null }[];
  asOf: IsoDate;
  startDate?: IsoDate | null;
  thresholds?: StatusThresholds;
}): Computation<IndicatorEvaluation> {
  const empty: IndicatorEvaluation = {
    status: 'no_data',
    achievement: null,
    performance: null,
    judgedPeriod: null,
    actual: null,
    expected: null,
  };
  const target = input.target;
  if (!target || !known(target.baseline) || !known(target.final)) {
    return {
      method: 'indicator.evaluation',
      inputs: { target, observations: input.observations.length },
      formula: 'the target has no known baseline or final value, so progress cannot be judged',
      result: empty,
      reason: 'incomplete_target',
    };
  }
  const observations = input.observations.filter((o): o is TargetPoint => o.value !== null);
  try {
    const status = indicatorStatus({
      target: { baseline: target.baseline, final: target.final, milestones: target.milestones.filter(known) },
      direction: input.direction,
      observations,
      asOf: input.asOf,
      startDate: input.startDate ?? null,
      thresholds: input.thresholds ?? DEFAULT_STATUS_THRESHOLDS,
    });
    const r = status.result;
    return {
      method: 'indicator.evaluation',
      inputs: status.inputs,
      thresholds: status.thresholds,
      formula: status.formula,
      result: {
        status: r.status,
        achievement: r.achievement,
        performance: r.progress,
        judgedPeriod: r.observation?.period ?? null,
        actual: r.observation?.value ?? null,
        expected: r.expected,
      },
      ...(status.reason ? { reason: status.reason } : {}),
      steps: [status],
    };
  } catch (error) {
    // A target on the wrong side of its baseline, or milestones out of order: shown, not judged.
    if (!isDomainError(error)) throw error;
    return {
      method: 'indicator.evaluation',
      inputs: { target },
      formula: `the target cannot be judged: ${error.code}`,
      result: empty,
      reason: error.code,
    };
  }
}

export interface PlanNodeInput {
  id: string;
  weight: number;
  /** The evaluations of the node's own indicators; `code` names each in the calculation components. */
  indicators: readonly (IndicatorEvaluation & { code?: string })[];
  children: readonly PlanNodeInput[];
}

export interface PlanNodeEvaluation {
  id: string;
  /** Physical progress 0..1: own indicators' mean achievement, else the weighted roll-up of the children. */
  progress: number | null;
  /** Share of the expected progress reached; sets the status. */
  performance: number | null;
  status: Status;
  statusCounts: StatusCounts;
  basis: 'indicators' | 'children' | 'none';
  /** Absent when the evaluation was asked without explanations (the fast path for large trees). */
  components?: Computation<{ progress: number | null; performance: number | null; status: Status }>;
  children: PlanNodeEvaluation[];
}

/** How many nodes of a subtree (the node itself included) have each status. */
function countStatuses(own: Status, children: readonly PlanNodeEvaluation[]): StatusCounts {
  const counts = emptyStatusCounts();
  counts[own] += 1;
  for (const child of children) for (const s of STATUSES) counts[s] += child.statusCounts[s];
  return counts;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Status of a share of expected progress, by the strategy's thresholds. */
export function statusOfPerformance(performance: number, thresholds: StatusThresholds): Status {
  if (performance >= thresholds.onTrack) return 'on_track';
  if (performance >= thresholds.atRisk) return 'at_risk';
  return 'off_track';
}

function combinedStatus(
  statuses: Status[],
  performance: number | null,
  thresholds: StatusThresholds,
): Status {
  const judged = statuses.filter((s) => s !== 'no_data' && s !== 'not_started');
  if (judged.length === 0) return statuses.includes('not_started') ? 'not_started' : 'no_data';
  if (judged.every((s) => s === 'achieved')) return 'achieved';
  return performance === null ? 'no_data' : statusOfPerformance(performance, thresholds);
}

/**
 * Evaluates a plan tree. A node measured by its own indicators is judged by them (they are how the plan defines
 * its success); a node without judged indicators takes the weighted roll-up of its children under the
 * missing-data policy. Performance is capped at 1 per item so that one item ahead cannot hide another behind.
 * With `explain` false the figures are the same, without the calculation components (a 20,000-node tree
 * would spend most of its time writing formulas nobody asked for).
 */
export function evaluatePlan(
  node: PlanNodeInput,
  policy: MissingDataPolicy = 'exclude',
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
  explain = true,
): PlanNodeEvaluation {
  const children = node.children.map((child) => evaluatePlan(child, policy, thresholds, explain));
  const judged = node.indicators.filter((i) => i.status !== 'no_data' && i.status !== 'not_started');
  if (judged.length > 0) {
    const progress = mean(judged.flatMap((i) => (i.achievement === null ? [] : [clamp01(i.achievement)])));
    const performance = mean(
      judged.flatMap((i) => (i.performance === null ? [] : [Math.min(1, Math.max(0, i.performance))])),
    );
    const status = combinedStatus(
      judged.map((i) => i.status),
      performance,
      thresholds,
    );
    return {
      id: node.id,
      progress,
      performance,
      status,
      statusCounts: countStatuses(status, children),
      basis: 'indicators',
      components: explain
        ? indicatorComponents(judged, thresholds, progress, performance, status)
        : undefined,
      children,
    };
  }
  if (!explain) {
    const terms = (pick: 'progress' | 'performance') =>
      children.map((c, i) => ({ id: c.id, weight: node.children[i]!.weight, progress: c[pick] }));
    const progress = children.length ? weightedProgress(terms('progress'), policy).progress : null;
    const performance = children.length ? weightedProgress(terms('performance'), policy).progress : null;
    const status =
      children.length === 0
        ? 'no_data'
        : combinedStatus(
            children.map((c) => c.status),
            performance,
            thresholds,
          );
    return {
      id: node.id,
      progress,
      performance,
      status,
      statusCounts: countStatuses(status, children),
      basis: children.length ? 'children' : 'none',
      children,
    };
  }
  return explainedRollup(node, children, policy, thresholds);
}

function indicatorComponents(
  judged: readonly (IndicatorEvaluation & { code?: string })[],
  thresholds: StatusThresholds,
  progress: number | null,
  performance: number | null,
  status: Status,
): NonNullable<PlanNodeEvaluation['components']> {
  return {
    method: 'plan.node.indicators',
    inputs: {
      indicators: judged.map((i) => ({
        achievement: i.achievement,
        performance: i.performance,
        status: i.status,
      })),
    },
    thresholds: { ...thresholds },
    formula:
      `progress = mean of ${judged.length} indicator achievement(s) = ${progress === null ? '—' : formatNumber(roundTo(progress, 4))}; ` +
      `performance = ${performance === null ? '—' : formatNumber(roundTo(performance, 4))} → ${status}`,
    result: { progress, performance, status },
  };
}

function explainedRollup(
  node: PlanNodeInput,
  children: PlanNodeEvaluation[],
  policy: MissingDataPolicy,
  thresholds: StatusThresholds,
): PlanNodeEvaluation {
  const tree = {
    id: node.id,
    weight: node.weight,
    children: children.map((c, i) => ({
      id: c.id,
      weight: node.children[i]!.weight,
      progress: c.progress,
      status: c.status,
    })),
  };
  const progressRoll = rollUp(tree, policy);
  const performanceRoll = rollUp(
    { ...tree, children: children.map((c, i) => ({ ...tree.children[i]!, progress: c.performance })) },
    policy,
  );
  const status =
    children.length === 0
      ? 'no_data'
      : combinedStatus(
          children.map((c) => c.status),
          performanceRoll.progress,
          thresholds,
        );
  return {
    id: node.id,
    progress: progressRoll.progress,
    performance: performanceRoll.progress,
    status,
    statusCounts: countStatuses(status, children),
    basis: children.length ? 'children' : 'none',
    components: {
      method: 'plan.node.rollup',
      inputs: { policy, children: children.length },
      thresholds: { ...thresholds },
      formula: `progress: ${progressRoll.components.formula}; performance: ${performanceRoll.components.formula} → ${status}`,
      result: { progress: progressRoll.progress, performance: performanceRoll.progress, status },
      steps: [progressRoll.components, performanceRoll.components],
    },
    children,
  };
}
