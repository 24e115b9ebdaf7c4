import { assertFinite, DomainError } from './errors';

/** Everything a reader needs to redo a computed figure by hand; every domain computation returns one. */
export interface Computation<T> {
  /** Stable code of the rule applied, e.g. 'achievement.linear'; the client translates it. */
  method: string;
  inputs: Record<string, unknown>;
  thresholds?: Record<string, number>;
  /** The arithmetic with the actual numbers, e.g. "(147277 − 0) / (200000 − 0)". */
  formula: string;
  result: T;
  /** Stable code saying why the result is null or special, e.g. 'no_observation'. */
  reason?: string;
  /** The computations this one was built from, in the order they were used. */
  steps?: Computation<unknown>[];
}

/** Rounds half away from zero, as people round by hand (1.005 → 1.01), for display and comparisons. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // The epsilon nudge corrects binary forms like 1.00499999… that stand for a typed 1.005.
  const rounded = Math.round(Math.abs(value) * factor * (1 + Number.EPSILON)) / factor;
  if (rounded === 0) return 0;
  return value < 0 ? -rounded : rounded;
}

/** Writes a number for a formula: 12 significant digits hide binary noise yet let a reader redo the sum. */
export function formatNumber(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** A figure as a source published it, e.g. { value: 70, unit: '%', text: '70 %' }. */
export interface ReportedFigure {
  value: number;
  text?: string;
  /** '%' (the default) or 'ratio' (0..1); computed figures in the domain are ratios. */
  unit?: string;
}

export interface ReportedComparison {
  /** The computed ratio as a percentage, rounded as displayed; null when nothing could be computed. */
  computedPercent: number | null;
  reportedPercent: number;
  /** computed − reported, in percentage points. */
  gapPoints: number | null;
  mismatch: boolean;
  reported: ReportedFigure;
}

export interface CompareReportedOptions {
  /** Decimals of the displayed computed percentage; the comparison uses what the reader sees. */
  decimals?: number;
  /** A gap strictly larger than this many points is a mismatch. */
  tolerancePoints?: number;
  /** The computation that produced the ratio, kept as a step so the comparison can be traced back. */
  basis?: Computation<unknown>;
}

export const DEFAULT_REPORTED_DECIMALS = 1;
export const DEFAULT_REPORTED_TOLERANCE_POINTS = 1;

function reportedAsPercent(reported: ReportedFigure): number {
  assertFinite(reported.value, 'reported.value');
  const unit = reported.unit ?? '%';
  if (unit === '%') return reported.value;
  if (unit === 'ratio') return reported.value * 100;
  throw new DomainError('reported.unsupported_unit', { field: 'reported.unit', value: unit });
}

/** Keeps a source's published figure beside the computed ratio and flags a gap above the tolerance. */
export function compareReported(
  computed: number | null,
  reported: ReportedFigure,
  options: CompareReportedOptions = {},
): Computation<ReportedComparison> {
  const decimals = options.decimals ?? DEFAULT_REPORTED_DECIMALS;
  const tolerancePoints = options.tolerancePoints ?? DEFAULT_REPORTED_TOLERANCE_POINTS;
  const reportedPercent = roundTo(reportedAsPercent(reported), 10);
  const base = {
    method: 'reported.compare',
    inputs: { computedRatio: computed, reported, decimals },
    thresholds: { tolerancePoints },
    ...(options.basis ? { steps: [options.basis] } : {}),
  };
  if (computed === null) {
    const result = { computedPercent: null, reportedPercent, gapPoints: null, mismatch: false, reported };
    return { ...base, formula: 'no computed figure to compare', result, reason: 'no_computed_value' };
  }
  assertFinite(computed, 'computed');
  const computedPercent = roundTo(computed * 100, decimals);
  // Rounding the difference removes binary noise such as 73.6 − 70 = 3.5999999999999943.
  const gapPoints = roundTo(computedPercent - reportedPercent, 10);
  const mismatch = Math.abs(gapPoints) > tolerancePoints;
  const comparison = mismatch ? '>' : '≤';
  const formula =
    `${formatNumber(computed)} × 100 = ${formatNumber(computedPercent)} % (to ${decimals} decimal); ` +
    `${formatNumber(computedPercent)} − ${formatNumber(reportedPercent)} = ${formatNumber(gapPoints)} points; ` +
    `|${formatNumber(gapPoints)}| ${comparison} ${formatNumber(tolerancePoints)}`;
  return { ...base, formula, result: { computedPercent, reportedPercent, gapPoints, mismatch, reported } };
}
