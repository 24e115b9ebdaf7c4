import { describe, expect, it } from 'vitest';
import { cagr, type YearValue, yearOnYearGrowth } from './growth';

describe('yearOnYearGrowth', () => {
  it('grows each year over the previous one, in year order', () => {
    const series = [
      { year: 2014, value: 120 },
      { year: 2010, value: 100 },
      { year: 2012, value: 99 },
      { year: 2011, value: 110 },
    ];
    const growth = yearOnYearGrowth(series);
    expect(growth.map((g) => g.result.year)).toEqual([2011, 2012, 2014]);
    expect(growth[0]!.result.rate).toBeCloseTo(0.1, 15);
    expect(growth[1]!.result.rate).toBeCloseTo(-0.1, 15);
    expect(growth[2]!.result).toEqual({ year: 2014, previousYear: 2013, rate: null });
    expect(growth[2]!.reason).toBe('missing_previous_year');
    expect(growth[0]!.formula).toBe('(110 − 100) / |100| = 0.1');
  });

  it.each([
    [[0, 5], null, 'zero_base'],
    [[-100, -50], 0.5, undefined],
    [[1186923, 5770000], 3.861309453098474, undefined],
  ] as Array<[[number, number], number | null, string | undefined]>)('%j → %s', ([a, b], rate, reason) => {
    const [growth] = yearOnYearGrowth([
      { year: 2012, value: a },
      { year: 2013, value: b },
    ]);
    if (rate === null) expect(growth!.result.rate).toBeNull();
    else expect(growth!.result.rate).toBeCloseTo(rate, 14);
    expect(growth!.reason).toBe(reason);
  });

  it.each([
    [
      [
        { year: 2010, value: 1 },
        { year: 2010, value: 2 },
      ],
      'growth.duplicate_year',
    ],
    [[{ year: 2010.5, value: 1 }], 'growth.invalid_year'],
    [[{ year: 2010, value: Number.NaN }], 'number.invalid'],
  ] as Array<[YearValue[], string]>)('refuses %j', (series, code) => {
    expect(() => yearOnYearGrowth(series)).toThrow(expect.objectContaining({ code }));
  });
});

describe('cagr', () => {
  it.each([
    // MN-K7 internet subscribers, 2009 → 2013.
    [{ year: 2009, value: 1186923 }, { year: 2013, value: 5770000 }, 0.484869603196363],
    [{ year: 2008, value: 1000 }, { year: 2013, value: 2000 }, 0.148698354997035],
    [{ year: 2010, value: 200 }, { year: 2012, value: 50 }, -0.5],
    [{ year: 2010, value: 200 }, { year: 2011, value: 200 }, 0],
    [{ year: 2010, value: 200 }, { year: 2014, value: 0 }, -1],
  ])('%j → %j: %d', (start, end, rate) => {
    expect(cagr(start, end).result).toBeCloseTo(rate, 15);
  });

  it('writes its formula', () => {
    expect(cagr({ year: 2008, value: 1000 }, { year: 2013, value: 2000 }).formula).toBe(
      '(2000 / 1000)^(1 / 5) − 1 = 0.148698354997',
    );
  });

  it.each([
    [0, 10],
    [-5, 10],
    [5, -10],
  ])('is null from %d to %d', (a, b) => {
    const computation = cagr({ year: 2010, value: a }, { year: 2013, value: b });
    expect(computation.result).toBeNull();
    expect(computation.reason).toBe('non_positive_value');
  });

  it.each([[2013], [2012]])('refuses an end year %i not after the start year 2013', (year) => {
    expect(() => cagr({ year: 2013, value: 1 }, { year, value: 2 })).toThrow(
      expect.objectContaining({ code: 'growth.invalid_year' }),
    );
  });
});
