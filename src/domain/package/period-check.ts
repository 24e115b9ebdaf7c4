import { isValidPeriod, periodEnd, periodStart } from '../periods';

// Non-throwing views of src/domain/periods.ts for the validator, which reports instead of throwing.

export { isValidPeriod };

/** First and last day (ISO dates, comparable as strings) of a period, or null when it is not one. */
export function periodSpan(period: string): { start: string; end: string } | null {
  return isValidPeriod(period) ? { start: periodStart(period), end: periodEnd(period) } : null;
}

/** True for a YYYY-MM-DD string naming a day that exists (no 2013-02-30). */
export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isValidPeriod(date);
}
