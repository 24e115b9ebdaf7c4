import { type Computation, formatNumber } from './components';
import { assertFinite, DomainError } from './errors';

export interface YearValue {
  year: number;
  value: number;
}

export interface YearOnYear {
  year: number;
  previousYear: number;
  /** (value − previous) / |previous|; null when the previous year is missing or zero. */
  rate: number | null;
}

function checkYear(point: YearValue, field: string): void {
  if (!Number.isInteger(point.year))
    throw new DomainError('growth.invalid_year', { field, value: point.year });
  assertFinite(point.value, `${field}.value`);
}

/** Growth of each year over the one before; a year whose predecessor is absent gets a null rate, not a guess. */
export function yearOnYearGrowth(series: readonly YearValue[]): Computation<YearOnYear>[] {
  const byYear = new Map<number, number>();
  for (const [i, point] of series.entries()) {
    checkYear(point, `series.${i}.year`);
    if (byYear.has(point.year)) {
      throw new DomainError('growth.duplicate_year', { field: `series.${i}.year`, value: point.year });
    }
    byYear.set(point.year, point.value);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return years.slice(1).map((year) => {
    const value = byYear.get(year)!;
    const previousYear = year - 1;
    const previous = byYear.get(previousYear);
    const method = 'growth.year_on_year';
    const inputs = { year, value, previousYear, previous: previous ?? null };
    if (previous === undefined) {
      const result = { year, previousYear, rate: null };
      return {
        method,
        inputs,
        formula: `no value for ${previousYear}`,
        result,
        reason: 'missing_previous_year',
      };
    }
    if (previous === 0) {
      const result = { year, previousYear, rate: null };
      return { method, inputs, formula: `${previousYear} value is 0`, result, reason: 'zero_base' };
    }
    // Dividing by |previous| keeps a rise positive even for a negative base (e.g. a net balance).
    const rate = (value - previous) / Math.abs(previous);
    const formula = `(${formatNumber(value)} − ${formatNumber(previous)}) / |${formatNumber(previous)}| = ${formatNumber(rate)}`;
    return { method, inputs, formula, result: { year, previousYear, rate } };
  });
}

/** Compound annual growth rate between two years: (end / start)^(1 / years) − 1; null for a start ≤ 0. */
export function cagr(start: YearValue, end: YearValue): Computation<number | null> {
  checkYear(start, 'start');
  checkYear(end, 'end');
  if (end.year <= start.year)
    throw new DomainError('growth.invalid_year', { field: 'end.year', value: end.year });
  const years = end.year - start.year;
  const method = 'growth.cagr';
  const inputs = { start, end, years };
  // A compound rate from a zero or negative start, or towards a negative end, has no real value.
  if (start.value <= 0 || end.value < 0) {
    const formula = `undefined for start ${formatNumber(start.value)} and end ${formatNumber(end.value)}`;
    return { method, inputs, formula, result: null, reason: 'non_positive_value' };
  }
  const rate = (end.value / start.value) ** (1 / years) - 1;
  const formula = `(${formatNumber(end.value)} / ${formatNumber(start.value)})^(1 / ${years}) − 1 = ${formatNumber(rate)}`;
  return { method, inputs, formula, result: rate };
}
