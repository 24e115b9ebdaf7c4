import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  dateFromDayNumber,
  dayNumber,
  daysBetween,
  isValidPeriod,
  parseIsoDate,
  parsePeriod,
  periodContains,
  periodEnd,
  periodStart,
  toIsoDate,
} from './periods';

describe('parsePeriod', () => {
  it.each([
    ['2013', 'year', '2013-01-01', '2013-12-31'],
    ['2013-H1', 'half', '2013-01-01', '2013-06-30'],
    ['2013-H2', 'half', '2013-07-01', '2013-12-31'],
    ['2013-Q1', 'quarter', '2013-01-01', '2013-03-31'],
    ['2013-Q2', 'quarter', '2013-04-01', '2013-06-30'],
    ['2013-Q3', 'quarter', '2013-07-01', '2013-09-30'],
    ['2013-Q4', 'quarter', '2013-10-01', '2013-12-31'],
    ['2012-02', 'month', '2012-02-01', '2012-02-29'],
    ['2013-02', 'month', '2013-02-01', '2013-02-28'],
    ['2000-02', 'month', '2000-02-01', '2000-02-29'],
    ['2100-02', 'month', '2100-02-01', '2100-02-28'],
    ['2013-11', 'month', '2013-11-01', '2013-11-30'],
    ['2012-02-29', 'day', '2012-02-29', '2012-02-29'],
  ])('%s is a %s from %s to %s', (text, kind, start, end) => {
    expect(parsePeriod(text)).toEqual({ text, kind, year: Number(text.slice(0, 4)), start, end });
    expect(periodStart(text)).toBe(start);
    expect(periodEnd(text)).toBe(end);
  });

  it.each([
    [''],
    ['13'],
    ['0999'],
    [' 2013'],
    ['2013-Q5'],
    ['2013-Q0'],
    ['2013-q1'],
    ['2013-H3'],
    ['2013-S1'],
    ['2013-00'],
    ['2013-13'],
    ['2013-1'],
    ['2013-02-29'],
    ['2013-04-31'],
    ['2013-12-00'],
    ['2013-12-31T00:00'],
  ])('refuses %j with period.invalid', (text) => {
    expect(() => parsePeriod(text)).toThrow(
      expect.objectContaining({ code: 'period.invalid', params: { field: 'period', value: text } }),
    );
    expect(isValidPeriod(text)).toBe(false);
  });

  it('isValidPeriod refuses non-strings', () => {
    expect(isValidPeriod(2013)).toBe(false);
    expect(isValidPeriod(null)).toBe(false);
    expect(isValidPeriod('2013-Q4')).toBe(true);
  });
});

describe('periodContains', () => {
  it.each([
    ['2013', '2013-Q4', true],
    ['2013-Q4', '2013', false],
    ['2013-H2', '2013-Q3', true],
    ['2013-H1', '2013-Q3', false],
    ['2013', '2013-12-31', true],
    ['2013', '2014-01-01', false],
    ['2013-02', '2013-02-28', true],
    ['2013-Q1', '2013-03', true],
    ['2013-Q1', '2013-Q1', true],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(periodContains(outer, inner)).toBe(expected);
  });
});

describe('comparePeriods', () => {
  it('orders by end date, then by start date', () => {
    const periods = ['2014', '2013-Q4', '2013', '2013-H1', '2013-06-30', '2012-12'];
    expect([...periods].sort(comparePeriods)).toEqual([
      '2012-12',
      '2013-H1',
      '2013-06-30',
      '2013',
      '2013-Q4',
      '2014',
    ]);
  });

  it.each([
    ['2013', '2013', 0],
    ['2013', '2014', -1],
    ['2014-Q1', '2013', 1],
    ['2013', '2013-Q4', -1],
  ])('compare(%s, %s) = %i', (a, b, expected) => {
    expect(comparePeriods(a, b)).toBe(expected);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2013-12-31', 16070],
    ['2020-01-01', 18262],
  ])('dayNumber(%s) = %i and back', (date, day) => {
    expect(dayNumber(date)).toBe(day);
    expect(dateFromDayNumber(day)).toBe(date);
  });

  it.each([
    ['2010-12-31', '2014-12-31', 1461],
    ['2010-12-31', '2020-12-31', 3653],
    ['2012-02-28', '2012-03-01', 2],
    ['2013-02-28', '2013-03-01', 1],
    ['2014-01-01', '2013-12-31', -1],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('floors a fractional day number to its day', () => {
    expect(dateFromDayNumber(16070.75)).toBe('2013-12-31');
  });

  it('toIsoDate takes the UTC calendar day', () => {
    expect(toIsoDate(new Date('2013-12-31T23:30:00-02:00'))).toBe('2014-01-01');
    expect(() => toIsoDate(new Date('nope'))).toThrow(expect.objectContaining({ code: 'date.invalid' }));
  });

  it.each([['2013'], ['2013-12'], ['2013-02-30'], ['31/12/2013']])('parseIsoDate refuses %s', (text) => {
    expect(() => parseIsoDate(text, 'asOf')).toThrow(
      expect.objectContaining({ code: 'date.invalid', params: { field: 'asOf', value: text } }),
    );
  });
});
