import { DomainError } from './errors';
import { type IsoDate, type Period, type PeriodLike, parsePeriod } from './periods';

/**
 * A strategy's fiscal calendar: the month its fiscal year starts (1 = January, a calendar year) and which
 * calendar year names a fiscal year that straddles two — the one it starts in (`start`: FY2024 = April 2024 to
 * March 2025) or the one it ends in (`end`: FY2025 = October 2024 to September 2025).
 */
export interface FiscalCalendar {
  startMonth: number;
  namedBy: 'start' | 'end';
}

/** Morocco's budget year, and the default: the calendar year. */
export const CALENDAR_YEAR: FiscalCalendar = { startMonth: 1, namedBy: 'end' };

/** True for a calendar other code can trust: a whole month 1–12 and a known naming rule. */
export function isFiscalCalendar(value: unknown): value is FiscalCalendar {
  const v = value as FiscalCalendar | null;
  return (
    v != null &&
    Number.isInteger(v.startMonth) &&
    v.startMonth >= 1 &&
    v.startMonth <= 12 &&
    (v.namedBy === 'start' || v.namedBy === 'end')
  );
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day before the first day of (year, month), month counted from 1 and allowed to pass 12. */
function dayBefore(year: number, month: number): IsoDate {
  const last = new Date(Date.UTC(year, month - 1, 0));
  return iso(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate());
}

/** First day of the month `offset` months after (year, month), month counted from 1. */
function monthStart(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const SPANS = { year: [0, 12], half: [6, 6], quarter: [3, 3] } as const;

/**
 * The days a reporting period covers under a fiscal calendar. Years, halves and quarters are fiscal (`2024-Q1`
 * is the first quarter of fiscal year 2024); months and days are what they say. Under the calendar year this is
 * exactly `parsePeriod`.
 */
export function fiscalPeriod(period: PeriodLike, calendar: FiscalCalendar = CALENDAR_YEAR): Period {
  if (!isFiscalCalendar(calendar)) {
    throw new DomainError('fiscal_calendar.invalid', { field: 'fiscalCalendar', value: String(calendar) });
  }
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (calendar.startMonth === 1 || !(p.kind in SPANS)) return p;
  const firstYear = calendar.namedBy === 'start' ? p.year : p.year - 1;
  const [step, length] = SPANS[p.kind as keyof typeof SPANS];
  // Which half or quarter: the calendar version of the period tells it by its first month.
  const rank = p.kind === 'year' ? 0 : Math.floor((Number(p.start.slice(5, 7)) - 1) / step);
  const first = monthStart(firstYear, calendar.startMonth, rank * step);
  const next = monthStart(first.year, first.month, length);
  return { ...p, start: iso(first.year, first.month, 1), end: dayBefore(next.year, next.month) };
}

/**
 * True when a figure's period (or a date) lies inside a cycle's days. Under a fiscal calendar a yearly figure
 * `2024` is the calendar year, as everywhere else in Marsad, so it fits no fiscal-year cycle: such a cycle takes
 * calendar months and quarters, or a day such as the fiscal year's last.
 */
export function cycleCovers(
  cycle: { periodStart: IsoDate; periodEnd: IsoDate },
  figure: PeriodLike,
): boolean {
  const p = typeof figure === 'string' ? parsePeriod(figure) : figure;
  return cycle.periodStart <= p.start && p.end <= cycle.periodEnd;
}
