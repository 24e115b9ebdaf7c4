import { describe, expect, it } from 'vitest';
import type { Direction } from './achievement';
import { forecast } from './forecast';
import type { Observation, TargetPoint } from './trajectory';

describe('forecast', () => {
  it('projects an exact line: one unit a day', () => {
    const { result, formula } = forecast({
      observations: [
        { period: '2020-01-01', value: 0 },
        { period: '2020-01-11', value: 10 },
      ],
      final: { period: '2020-02-10', value: 50 },
      direction: 'increase',
    });
    expect(result).toEqual({
      targetDate: '2020-02-10',
      slopePerDay: 1,
      slopePerYear: 365.25,
      intercept: -18262,
      r2: 1,
      valueAtTargetDate: 40,
      reachDate: '2020-02-20',
      reason: null,
    });
    expect(formula).toBe(
      'y = −18262 + 1 × day; y(18302 = 2020-02-10) = 40; day = 18267 + (50 − 5) / 1 = 18312 → 2020-02-20',
    );
  });

  it.each([
    [
      'yearly series with a leap year',
      [
        { period: '2010', value: 100 },
        { period: '2011', value: 200 },
        { period: '2012', value: 300 },
      ],
      { period: '2013', value: 500 },
      'increase',
      { slopePerDay: 0.273597640547844, slopePerYear: 99.9315382101, intercept: -3996.805407576896 },
      0.99999937620237,
      399.908676026958,
      '2015-01-01',
    ],
    [
      // EGDI rank 2010-2014, target 60 by 2020: the pace reaches it in mid-2017.
      'decreasing rank on its way',
      [
        { period: '2010', value: 126 },
        { period: '2012', value: 120 },
        { period: '2014', value: 82 },
      ],
      { period: '2020', value: 60 },
      'decrease',
      { slopePerDay: -0.030111356738216, slopePerYear: -10.998173048633543, intercept: 582.222153788109 },
      0.849834866256278,
      21.337911825352,
      '2017-06-27',
    ],
  ] as Array<
    [string, Observation[], TargetPoint, Direction, Record<string, number>, number, number, string]
  >)('%s', (_name, observations, final, direction, line, r2, valueAtTargetDate, reachDate) => {
    const { result } = forecast({ observations, final, direction });
    expect(result.slopePerDay).toBeCloseTo(line.slopePerDay!, 14);
    expect(result.slopePerYear).toBeCloseTo(line.slopePerYear!, 11);
    expect(result.intercept).toBeCloseTo(line.intercept!, 9);
    expect(result.r2).toBeCloseTo(r2, 13);
    expect(result.valueAtTargetDate).toBeCloseTo(valueAtTargetDate, 10);
    expect(result.reachDate).toBe(reachDate);
    expect(result.reason).toBeNull();
  });

  it.each([
    [
      // EGDI rank 2014-2018 worsens (82, 85, 110) while the plan wants it down to 60.
      'a rank moving the wrong way',
      [
        { period: '2014', value: 82 },
        { period: '2016', value: 85 },
        { period: '2018', value: 110 },
      ],
      { period: '2020', value: 60 },
      'decrease',
      0.019161516930259,
      0.829039651049611,
      120.334696740752,
    ],
    [
      'a flat series',
      [
        { period: '2010', value: 5 },
        { period: '2011', value: 5 },
      ],
      { period: '2013', value: 10 },
      'increase',
      0,
      null,
      5,
    ],
    [
      'a falling series for an increasing indicator',
      [
        { period: '2010', value: 10 },
        { period: '2011', value: 8 },
      ],
      { period: '2013', value: 20 },
      'increase',
      -0.005479452054795,
      1,
      3.994520547945205,
    ],
  ] as Array<[string, Observation[], TargetPoint, Direction, number, number | null, number]>)(
    'never reaches the target with %s',
    (_name, observations, final, direction, slopePerDay, r2, valueAtTargetDate) => {
      const computation = forecast({ observations, final, direction });
      expect(computation.result.reachDate).toBeNull();
      expect(computation.result.reason).toBe('not_at_this_pace');
      expect(computation.reason).toBe('not_at_this_pace');
      expect(computation.result.slopePerDay).toBeCloseTo(slopePerDay, 14);
      if (r2 === null) expect(computation.result.r2).toBeNull();
      else expect(computation.result.r2).toBeCloseTo(r2, 13);
      expect(computation.result.valueAtTargetDate).toBeCloseTo(valueAtTargetDate, 10);
    },
  );

  it.each([
    ['no observation', []],
    ['one observation', [{ period: '2010', value: 1 }]],
    [
      'two observations judged on one day',
      [
        { period: '2013', value: 1 },
        { period: '2013-Q4', value: 2 },
      ],
    ],
  ] as Array<[string, Observation[]]>)('needs two observation dates: %s', (_name, observations) => {
    const computation = forecast({
      observations,
      final: { period: '2015', value: 9 },
      direction: 'increase',
    });
    expect(computation.result).toEqual({
      targetDate: '2015-12-31',
      slopePerDay: null,
      slopePerYear: null,
      intercept: null,
      r2: null,
      valueAtTargetDate: null,
      reachDate: null,
      reason: 'insufficient_data',
    });
  });

  it('refuses two observations for one period', () => {
    const observations = [
      { period: '2010', value: 1 },
      { period: '2010', value: 2 },
    ];
    expect(() =>
      forecast({ observations, final: { period: '2015', value: 9 }, direction: 'increase' }),
    ).toThrow(expect.objectContaining({ code: 'observation.duplicate_period' }));
  });
});
