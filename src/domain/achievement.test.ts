import { describe, expect, it } from 'vitest';
import { achievement, type Direction, isAtOrBetter, validateTarget } from './achievement';

describe('achievement', () => {
  it.each([
    // MN-K9 teachers trained: 147,277 of 200,000.
    [0, 200000, 147277, 'increase', 0.736385, false],
    // MN-K7 internet subscribers, 2009 baseline.
    [1186923, 6000000, 5770000, 'increase', 0.952213521620369, false],
    [0, 200000, 210000, 'increase', 1.05, true],
    [0, 200000, 200000, 'increase', 1, true],
    // A rank improves downwards: 126 → 90 covers 36 of the 66 places planned.
    [126, 60, 90, 'decrease', 0.545454545454545, false],
    [126, 60, 55, 'decrease', 1.075757575757576, true],
    [126, 60, 60, 'decrease', 1, true],
    [126, 60, 130, 'decrease', -0.060606060606061, false],
  ] as Array<[number, number, number, Direction, number, boolean]>)(
    'baseline %d, target %d, actual %d (%s) → %d',
    (baseline, target, actual, direction, ratio, achieved) => {
      const { result, method } = achievement({ baseline, target, actual, direction });
      expect(method).toBe('achievement.linear');
      expect(result.ratio).toBeCloseTo(ratio, 14);
      expect(result.achieved).toBe(achieved);
    },
  );

  it.each([
    // Target equals baseline ("hold the line"): 1 when at or better than the target, else 0.
    [100, 100, 'increase', 1, true],
    [100, 120, 'increase', 1, true],
    [100, 99, 'increase', 0, false],
    [50, 49, 'decrease', 1, true],
    [50, 50, 'decrease', 1, true],
    [50, 51, 'decrease', 0, false],
  ] as Array<[number, number, Direction, number, boolean]>)(
    'flat target %d, actual %d (%s) → %d',
    (level, actual, direction, ratio, achieved) => {
      const computation = achievement({ baseline: level, target: level, actual, direction });
      expect(computation.method).toBe('achievement.flat_target');
      expect(computation.result).toEqual({ ratio, achieved });
    },
  );

  it.each([[null], [undefined]])('no observation (%s) → null with a reason', (actual) => {
    const computation = achievement({ baseline: 0, target: 10, actual, direction: 'increase' });
    expect(computation.result).toEqual({ ratio: null, achieved: null });
    expect(computation.reason).toBe('no_observation');
  });

  it('writes the formula with the actual numbers', () => {
    const computation = achievement({ baseline: 0, target: 200000, actual: 147277, direction: 'increase' });
    expect(computation.formula).toBe('(147277 − 0) / (200000 − 0) = 0.736385');
    expect(computation.inputs).toEqual({
      baseline: 0,
      target: 200000,
      actual: 147277,
      direction: 'increase',
    });
    const flat = achievement({ baseline: 50, target: 50, actual: 51, direction: 'decrease' });
    expect(flat.formula).toBe('51 ≤ 50 ? 1 : 0');
  });

  it.each([
    [10, 5, 'increase'],
    [60, 126, 'decrease'],
  ] as Array<[number, number, Direction]>)(
    'refuses a target against the direction (%d → %d, %s)',
    (b, t, d) => {
      expect(() => achievement({ baseline: b, target: t, actual: 7, direction: d })).toThrow(
        expect.objectContaining({ code: 'target.against_direction' }),
      );
    },
  );

  it('refuses a non-finite actual', () => {
    expect(() => achievement({ baseline: 0, target: 1, actual: Number.NaN, direction: 'increase' })).toThrow(
      expect.objectContaining({ code: 'number.invalid', params: { field: 'actual', value: Number.NaN } }),
    );
  });
});

describe('isAtOrBetter', () => {
  it.each([
    [5, 4, 'increase', true],
    [4, 4, 'increase', true],
    [3, 4, 'increase', false],
    [3, 4, 'decrease', true],
    [5, 4, 'decrease', false],
  ] as Array<[number, number, Direction, boolean]>)(
    '%d vs %d (%s) → %s',
    (value, reference, direction, expected) => {
      expect(isAtOrBetter(value, reference, direction)).toBe(expected);
    },
  );
});

describe('validateTarget', () => {
  it('refuses a milestone on the worse side of the baseline', () => {
    const target = {
      baseline: { period: '2010', value: 126 },
      milestones: [{ period: '2014', value: 130 }],
      final: { period: '2020', value: 60 },
    };
    expect(() => validateTarget(target, 'decrease')).toThrow(
      expect.objectContaining({
        code: 'target.against_direction',
        params: expect.objectContaining({ period: '2014' }),
      }),
    );
  });

  it('returns the ordered points of a sound target', () => {
    const target = {
      baseline: { period: '2010', value: 126 },
      milestones: [],
      final: { period: '2020', value: 60 },
    };
    expect(validateTarget(target, 'decrease').map((p) => p.date)).toEqual(['2010-12-31', '2020-12-31']);
  });
});
