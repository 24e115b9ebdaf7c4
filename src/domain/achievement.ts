import type { Computation } from './components';
import { formatNumber } from './components';
import { assertFinite, DomainError } from './errors';
import { type Target, type TrajectoryPoint, trajectoryPoints } from './trajectory';

/** Which way an indicator improves; a rank improves by going down. */
export type Direction = 'increase' | 'decrease';

export interface AchievementInput {
  baseline: number;
  target: number;
  /** Null or undefined when nothing has been observed. */
  actual: number | null | undefined;
  direction: Direction;
}

export interface AchievementResult {
  /** Share of the way from baseline to target covered: 0 at baseline, 1 at target; may leave 0..1. */
  ratio: number | null;
  /** Actual at or better than target for the direction; null without an observation. */
  achieved: boolean | null;
}

/** True when `value` is at least as good as `reference` for the direction. */
export function isAtOrBetter(value: number, reference: number, direction: Direction): boolean {
  return direction === 'increase' ? value >= reference : value <= reference;
}

/** Refuses a target that lies on the worse side of its baseline: such a plan cannot be judged by direction. */
export function assertTargetFollowsDirection(baseline: number, target: number, direction: Direction): void {
  if (!isAtOrBetter(target, baseline, direction)) {
    throw new DomainError('target.against_direction', {
      field: 'target',
      value: target,
      baseline,
      direction,
    });
  }
}

/**
 * Achievement = (actual − baseline) / (target − baseline). The ratio needs no sign flip for a decreasing
 * indicator (both differences are negative when a rank improves); direction decides `achieved` and the
 * flat-target rule: when target equals baseline, the ratio is 1 if actual is at or better than target, else 0.
 */
export function achievement(input: AchievementInput): Computation<AchievementResult> {
  const { baseline, target, actual, direction } = input;
  assertFinite(baseline, 'baseline');
  assertFinite(target, 'target');
  assertTargetFollowsDirection(baseline, target, direction);
  const inputs = { baseline, target, actual: actual ?? null, direction };
  if (actual === null || actual === undefined) {
    const result = { ratio: null, achieved: null };
    return {
      method: 'achievement.linear',
      inputs,
      formula: 'no observation',
      result,
      reason: 'no_observation',
    };
  }
  assertFinite(actual, 'actual');
  const achieved = isAtOrBetter(actual, target, direction);
  if (target === baseline) {
    const sign = direction === 'increase' ? '≥' : '≤';
    const formula = `${formatNumber(actual)} ${sign} ${formatNumber(target)} ? 1 : 0`;
    const result = { ratio: achieved ? 1 : 0, achieved };
    return { method: 'achievement.flat_target', inputs, formula, result };
  }
  const ratio = (actual - baseline) / (target - baseline);
  const formula =
    `(${formatNumber(actual)} − ${formatNumber(baseline)}) / (${formatNumber(target)} − ${formatNumber(baseline)})` +
    ` = ${formatNumber(ratio)}`;
  return { method: 'achievement.linear', inputs, formula, result: { ratio, achieved } };
}

/** Checks a whole target for saving or judging: points in time order, none on the worse side of the baseline. */
export function validateTarget(target: Target, direction: Direction): TrajectoryPoint[] {
  const points = trajectoryPoints(target);
  for (const point of points.slice(1)) {
    if (!isAtOrBetter(point.value, target.baseline.value, direction)) {
      throw new DomainError('target.against_direction', {
        field: point.role === 'final' ? 'final.value' : 'milestones',
        value: point.value,
        period: point.period,
        baseline: target.baseline.value,
        direction,
      });
    }
  }
  return points;
}
