import type { Direction } from './achievement';
import { type Computation, formatNumber, roundTo } from './components';
import { assertFinite, DomainError } from './errors';
import { dateFromDayNumber, dayNumber, type IsoDate, periodEnd } from './periods';
import type { Observation, TargetPoint } from './trajectory';

/** Average year length, so that a slope per year does not depend on leap years. */
export const DAYS_PER_YEAR = 365.25;

export type ForecastReason = 'insufficient_data' | 'not_at_this_pace';

export interface ForecastInput {
  observations: readonly Observation[];
  /** The final target: its period end is the target date. */
  final: TargetPoint;
  direction: Direction;
}

export interface ForecastResult {
  targetDate: IsoDate;
  slopePerDay: number | null;
  slopePerYear: number | null;
  /** Trend value on day 0 (1970-01-01), as x counts days since then. */
  intercept: number | null;
  /** Share of the variance the line explains; null when the values do not vary. */
  r2: number | null;
  valueAtTargetDate: number | null;
  /** First day on which the trend is at or better than the target. */
  reachDate: IsoDate | null;
  reason: ForecastReason | null;
}

interface Fit {
  slope: number;
  intercept: number;
  meanX: number;
  meanY: number;
  r2: number | null;
}

function points(observations: readonly Observation[]): Array<{ x: number; y: number }> {
  const seen = new Set<string>();
  return observations.map((o, i) => {
    assertFinite(o.value, `observations.${i}.value`);
    if (seen.has(o.period)) {
      throw new DomainError('observation.duplicate_period', { field: `observations.${i}`, value: o.period });
    }
    seen.add(o.period);
    return { x: dayNumber(periodEnd(o.period)), y: o.value };
  });
}

/** Ordinary least squares around the means, which keeps day numbers near 15 000 from losing precision. */
function leastSquares(data: ReadonlyArray<{ x: number; y: number }>): Fit {
  const meanX = data.reduce((sum, p) => sum + p.x, 0) / data.length;
  const meanY = data.reduce((sum, p) => sum + p.y, 0) / data.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of data) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
    syy += (p.y - meanY) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residual = data.reduce((sum, p) => sum + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { slope, intercept, meanX, meanY, r2: syy === 0 ? null : 1 - residual / syy };
}

/** Projects the least-squares trend of the observations to the target date and to the target value. */
export function forecast(input: ForecastInput): Computation<ForecastResult> {
  const { final, direction } = input;
  assertFinite(final.value, 'final.value');
  const targetDate = periodEnd(final.period);
  const targetDay = dayNumber(targetDate);
  const data = points(input.observations);
  const method = 'forecast.least_squares';
  const inputs = { observations: input.observations, final, direction, targetDate };
  if (new Set(data.map((p) => p.x)).size < 2) {
    const result: ForecastResult = {
      targetDate,
      slopePerDay: null,
      slopePerYear: null,
      intercept: null,
      r2: null,
      valueAtTargetDate: null,
      reachDate: null,
      reason: 'insufficient_data',
    };
    return { method, inputs, formula: 'fewer than 2 observation dates', result, reason: 'insufficient_data' };
  }
  const fit = leastSquares(data);
  const valueAtTargetDate = fit.intercept + fit.slope * targetDay;
  const headline =
    `y = ${formatNumber(fit.intercept)} + ${formatNumber(fit.slope)} × day; ` +
    `y(${targetDay} = ${targetDate}) = ${formatNumber(valueAtTargetDate)}`;
  const base = {
    targetDate,
    slopePerDay: fit.slope,
    slopePerYear: fit.slope * DAYS_PER_YEAR,
    intercept: fit.intercept,
    r2: fit.r2,
    valueAtTargetDate,
  };
  const improving = direction === 'increase' ? fit.slope > 0 : fit.slope < 0;
  if (!improving) {
    const result = { ...base, reachDate: null, reason: 'not_at_this_pace' as const };
    const formula = `${headline}; slope ${formatNumber(fit.slope)} does not ${direction}`;
    return { method, inputs, formula, result, reason: 'not_at_this_pace' };
  }
  const crossing = fit.meanX + (final.value - fit.meanY) / fit.slope;
  // Rounding first keeps a crossing computed as 16070.000000001 on its own day.
  const reachDay = Math.ceil(roundTo(crossing, 6));
  const reachDate = dateFromDayNumber(reachDay);
  const formula =
    `${headline}; day = ${formatNumber(fit.meanX)} + (${formatNumber(final.value)} − ${formatNumber(fit.meanY)})` +
    ` / ${formatNumber(fit.slope)} = ${formatNumber(crossing)} → ${reachDate}`;
  return { method, inputs, formula, result: { ...base, reachDate, reason: null } };
}
