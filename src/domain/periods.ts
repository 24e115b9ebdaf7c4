import { DomainError } from './errors';

/** A calendar day in UTC written `YYYY-MM-DD`; every date in the domain travels in this form. */
export type IsoDate = string;

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'day';

/** A parsed period; `start` and `end` are its first and last days, both inclusive. */
export interface Period {
  text: string;
  kind: PeriodKind;
  year: number;
  start: IsoDate;
  end: IsoDate;
}

/** A period string (`2013`, `2013-Q4`, `2013-H1`, `2013-06`, `2013-06-30`) or one already parsed. */
export type PeriodLike = string | Period;

const MS_PER_DAY = 86_400_000;
// Years below 1000 are refused: `Date.UTC` maps 0–99 to 1900–1999, and no strategy lives there.
const YEAR = '([1-9]\\d{3})';
const PATTERNS: ReadonlyArray<[PeriodKind, RegExp]> = [
  ['year', new RegExp(`^${YEAR}$`)],
  ['half', new RegExp(`^${YEAR}-H([12])$`)],
  ['quarter', new RegExp(`^${YEAR}-Q([1-4])$`)],
  ['month', new RegExp(`^${YEAR}-(\\d{2})$`)],
  ['day', new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`)],
];

function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(text: string, kind: PeriodKind, year: number, first: number, count: number): Period {
  const last = first + count - 1;
  return {
    text,
    kind,
    year,
    start: isoFromParts(year, first, 1),
    end: isoFromParts(year, last, lastDayOfMonth(year, last)),
  };
}

function invalid(text: unknown): DomainError {
  return new DomainError('period.invalid', { field: 'period', value: text });
}

// Parsed periods, by their text: a plan evaluation asks for the same few periods tens of thousands of times.
// Periods are immutable values, so sharing them is safe; the cache is bounded so it cannot grow without end.
const parsed = new Map<string, Period>();
const PARSED_CACHE_SIZE = 10_000;

/** Parses a period string; throws `period.invalid` for anything else, including impossible dates. */
export function parsePeriod(text: string): Period {
  if (typeof text !== 'string') throw invalid(text);
  const cached = parsed.get(text);
  if (cached) return cached;
  const period = Object.freeze(parseUncached(text));
  if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
  parsed.set(text, period);
  return period;
}

function parseUncached(text: string): Period {
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const year = Number(match[1]);
    const part = Number(match[2]);
    if (kind === 'year') return monthSpan(text, kind, year, 1, 12);
    if (kind === 'half') return monthSpan(text, kind, year, part * 6 - 5, 6);
    if (kind === 'quarter') return monthSpan(text, kind, year, part * 3 - 2, 3);
    if (part < 1 || part > 12) throw invalid(text);
    if (kind === 'month') return monthSpan(text, kind, year, part, 1);
    const day = Number(match[3]);
    if (day < 1 || day > lastDayOfMonth(year, part)) throw invalid(text);
    return { text, kind, year, start: text, end: text };
  }
  throw invalid(text);
}

/** Tells whether a value is a period string this module accepts. */
export function isValidPeriod(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    parsePeriod(text);
    return true;
  } catch {
    return false;
  }
}

function toPeriod(period: PeriodLike): Period {
  return typeof period === 'string' ? parsePeriod(period) : period;
}

/** First day of a period. */
export function periodStart(period: PeriodLike): IsoDate {
  return toPeriod(period).start;
}

/** Last day of a period: the date at which an observation or a target for that period is judged. */
export function periodEnd(period: PeriodLike): IsoDate {
  return toPeriod(period).end;
}

/** True when `inner` (a period or a date) lies wholly inside `outer`, bounds included. */
export function periodContains(outer: PeriodLike, inner: PeriodLike): boolean {
  const a = toPeriod(outer);
  const b = toPeriod(inner);
  return a.start <= b.start && b.end <= a.end;
}

/** Orders periods by end date (when they are judged), then by start date, so `2013` sorts before `2013-Q4`. */
export function comparePeriods(a: PeriodLike, b: PeriodLike): number {
  const x = toPeriod(a);
  const y = toPeriod(b);
  // Fixed-width ISO strings order like the dates they name.
  if (x.end !== y.end) return x.end < y.end ? -1 : 1;
  if (x.start !== y.start) return x.start < y.start ? -1 : 1;
  return 0;
}

/** Checks a `YYYY-MM-DD` date and returns it; throws `date.invalid` otherwise. */
export function parseIsoDate(date: string, field = 'date'): IsoDate {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValidPeriod(date)) {
    throw new DomainError('date.invalid', { field, value: date });
  }
  return date;
}

/** Days since 1970-01-01: the x axis of interpolation and trends, free of time zones and DST. */
export function dayNumber(date: IsoDate): number {
  const valid = parseIsoDate(date);
  return (
    Date.UTC(Number(valid.slice(0, 4)), Number(valid.slice(5, 7)) - 1, Number(valid.slice(8, 10))) /
    MS_PER_DAY
  );
}

/** The date of a day number; fractional days are floored to the day they fall in. */
export function dateFromDayNumber(day: number): IsoDate {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The UTC calendar day of a Date, for callers holding timestamps. */
export function toIsoDate(date: Date): IsoDate {
  if (Number.isNaN(date.getTime()))
    throw new DomainError('date.invalid', { field: 'date', value: String(date) });
  return date.toISOString().slice(0, 10);
}
