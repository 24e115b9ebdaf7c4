import type { Computation } from './components';
import { formatNumber } from './components';
import { assertFinite, DomainError } from './errors';
import { dayNumber, type IsoDate, parseIsoDate, periodEnd } from './periods';

/** A declared value for a period: a baseline, a milestone or a final target. */
export interface TargetPoint {
  period: string;
  value: number;
}

/** A measured value for a period; the same shape as a target point, judged at the period's end. */
export type Observation = TargetPoint;

export interface Target {
  baseline: TargetPoint;
  milestones: readonly TargetPoint[];
  final: TargetPoint;
}

export type TrajectoryRole = 'baseline' | 'milestone' | 'final';

/** A declared point placed on the time axis at the end of its period. */
export interface TrajectoryPoint extends TargetPoint {
  role: TrajectoryRole;
  date: IsoDate;
}

export type ExpectedBasis = 'before_baseline' | 'declared' | 'interpolated' | 'after_final';

export interface ExpectedValue {
  /** Null before the baseline: the plan says nothing about a time before its starting point. */
  value: number | null;
  basis: ExpectedBasis;
  date: IsoDate;
  /** The declared points the value came from (one for `declared`/`after_final`, two when interpolated). */
  from: TrajectoryPoint | null;
  to: TrajectoryPoint | null;
}

function place(point: TargetPoint, role: TrajectoryRole, field: string): TrajectoryPoint {
  assertFinite(point.value, `${field}.value`);
  return { period: point.period, value: point.value, role, date: periodEnd(point.period) };
}

/** Places a target's declared points in time order and checks the plan moves forward in time. */
export function trajectoryPoints(target: Target): TrajectoryPoint[] {
  const baseline = place(target.baseline, 'baseline', 'baseline');
  const final = place(target.final, 'final', 'final');
  if (final.date <= baseline.date) {
    throw new DomainError('target.invalid_order', { field: 'final.period', value: target.final.period });
  }
  const milestones = target.milestones
    .map((m, i) => place(m, 'milestone', `milestones.${i}`))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const points = [baseline, ...milestones, final];
  for (let i = 1; i < points.length; i += 1) {
    const previous = points[i - 1]!;
    const current = points[i]!;
    // Two declared values on one day would make the expected value ambiguous.
    if (current.date === previous.date) {
      throw new DomainError('target.duplicate_date', { field: 'milestones', value: current.period });
    }
    if (current.date < previous.date) {
      const misplaced = current.role === 'milestone' ? current : previous;
      throw new DomainError('target.invalid_order', { field: 'milestones', value: misplaced.period });
    }
  }
  return points;
}

function declared(point: TrajectoryPoint, date: IsoDate, basis: ExpectedBasis): ExpectedValue {
  return { value: point.value, basis, date, from: point, to: null };
}

/** Value the plan expects on a date: declared points win, linear interpolation by days in between. */
export function expectedValueAt(target: Target, date: IsoDate): Computation<ExpectedValue> {
  parseIsoDate(date);
  const points = trajectoryPoints(target);
  const baseline = points[0]!;
  const final = points[points.length - 1]!;
  const method = 'trajectory.expected_value';
  const inputs = {
    date,
    points: points.map(({ role, period, value, date: at }) => ({ role, period, value, at })),
  };
  if (date < baseline.date) {
    const result: ExpectedValue = { value: null, basis: 'before_baseline', date, from: null, to: null };
    return {
      method,
      inputs,
      formula: `${date} < baseline end ${baseline.date}`,
      result,
      reason: 'before_baseline',
    };
  }
  if (date > final.date) {
    const formula = `${date} > final end ${final.date} → ${formatNumber(final.value)}`;
    return { method, inputs, formula, result: declared(final, date, 'after_final') };
  }
  const exact = points.find((p) => p.date === date);
  if (exact) {
    const formula = `declared ${exact.role} ${exact.period} = ${formatNumber(exact.value)}`;
    return { method, inputs, formula, result: declared(exact, date, 'declared') };
  }
  const index = points.findIndex((p) => p.date > date);
  const from = points[index - 1]!;
  const to = points[index]!;
  const elapsed = dayNumber(date) - dayNumber(from.date);
  const span = dayNumber(to.date) - dayNumber(from.date);
  const value = from.value + ((to.value - from.value) * elapsed) / span;
  const formula =
    `${formatNumber(from.value)} + (${formatNumber(to.value)} − ${formatNumber(from.value)}) × ` +
    `${elapsed} / ${span} = ${formatNumber(value)}`;
  return { method, inputs, formula, result: { value, basis: 'interpolated', date, from, to } };
}
