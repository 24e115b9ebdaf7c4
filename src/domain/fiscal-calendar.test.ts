import { describe, expect, it } from 'vitest';
import {
  CALENDAR_YEAR,
  cycleCovers,
  type FiscalCalendar,
  fiscalPeriod,
  isFiscalCalendar,
} from './fiscal-calendar';
import { parsePeriod } from './periods';

const APRIL_START: FiscalCalendar = { startMonth: 4, namedBy: 'start' }; // India, Japan: FY2024 = Apr 2024–Mar 2025
const OCTOBER_END: FiscalCalendar = { startMonth: 10, namedBy: 'end' }; // US federal: FY2025 = Oct 2024–Sep 2025
const JULY_END: FiscalCalendar = { startMonth: 7, namedBy: 'end' };

describe('fiscalPeriod', () => {
  it.each([
    ['2010', CALENDAR_YEAR, '2010-01-01', '2010-12-31'],
    ['2010-Q3', CALENDAR_YEAR, '2010-07-01', '2010-09-30'],
    ['2024', APRIL_START, '2024-04-01', '2025-03-31'],
    ['2024-H1', APRIL_START, '2024-04-01', '2024-09-30'],
    ['2024-H2', APRIL_START, '2024-10-01', '2025-03-31'],
    ['2024-Q1', APRIL_START, '2024-04-01', '2024-06-30'],
    ['2024-Q4', APRIL_START, '2025-01-01', '2025-03-31'],
    ['2025', OCTOBER_END, '2024-10-01', '2025-09-30'],
    ['2025-Q1', OCTOBER_END, '2024-10-01', '2024-12-31'],
    ['2025-Q2', OCTOBER_END, '2025-01-01', '2025-03-31'],
    ['2025-H2', OCTOBER_END, '2025-04-01', '2025-09-30'],
    ['2024', JULY_END, '2023-07-01', '2024-06-30'],
    ['2024-Q3', JULY_END, '2024-01-01', '2024-03-31'],
    ['2024-Q4', { startMonth: 6, namedBy: 'start' }, '2025-03-01', '2025-05-31'],
    ['2023-Q3', { startMonth: 12, namedBy: 'start' }, '2024-06-01', '2024-08-31'],
    // A leap February closes the quarter that ends with it.
    ['2024-Q1', { startMonth: 12, namedBy: 'end' }, '2023-12-01', '2024-02-29'],
  ] as const)('%s under %o covers %s … %s', (text, calendar, start, end) => {
    const period = fiscalPeriod(text, calendar);
    expect([period.start, period.end]).toEqual([start, end]);
    expect(period.text).toBe(text);
  });

  it('leaves months and days alone', () => {
    expect(fiscalPeriod('2024-05', APRIL_START)).toEqual(parsePeriod('2024-05'));
    expect(fiscalPeriod('2024-05-31', OCTOBER_END)).toEqual(parsePeriod('2024-05-31'));
  });

  it('is parsePeriod under the calendar year', () => {
    for (const text of ['2013', '2013-H2', '2013-Q4', '2013-06'])
      expect(fiscalPeriod(text)).toEqual(parsePeriod(text));
  });

  it('refuses a calendar that is not one', () => {
    expect(() => fiscalPeriod('2024', { startMonth: 13, namedBy: 'start' })).toThrow(
      'fiscal_calendar.invalid',
    );
    expect(isFiscalCalendar({ startMonth: 0, namedBy: 'end' })).toBe(false);
    expect(isFiscalCalendar({ startMonth: 2.5, namedBy: 'end' })).toBe(false);
    expect(isFiscalCalendar({ startMonth: 2, namedBy: 'middle' })).toBe(false);
    expect(isFiscalCalendar({ startMonth: 2, namedBy: 'end' })).toBe(true);
  });
});

describe('cycleCovers', () => {
  const fy2024 = fiscalPeriod('2024', JULY_END);
  const cycle = { periodStart: fy2024.start, periodEnd: fy2024.end };
  it.each([
    ['2023-Q3', true],
    ['2024-Q2', true],
    ['2024-06-30', true],
    ['2024-H1', true],
    ['2024', false],
    ['2023', false],
    ['2024-07', false],
  ] as const)('a July–June fiscal year 2024 takes %s: %s', (figure, covered) => {
    expect(cycleCovers(cycle, figure)).toBe(covered);
  });
});
