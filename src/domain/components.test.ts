import { describe, expect, it } from 'vitest';
import { achievement } from './achievement';
import { compareReported, formatNumber, type ReportedFigure, roundTo } from './components';

describe('compareReported', () => {
  it.each([
    // MN-K9: 147,277 / 200,000 = 73.6 %, the press said 70 %.
    [147277 / 200000, { value: 70, unit: '%', text: '70 %' }, 73.6, 70, 3.6, true],
    [147277 / 200000, { value: 73.0, unit: '%' }, 73.6, 73, 0.6, false],
    [147277 / 200000, { value: 0.7, unit: 'ratio' }, 73.6, 70, 3.6, true],
    // MN-K10: 295 / 3,000 = 9.8 %, reported as 10 %.
    [295 / 3000, { value: 10, text: '10%' }, 9.8, 10, -0.2, false],
    // MN-K12: 74 / 400 = 18.5 %, reported as 18 %.
    [74 / 400, { value: 18 }, 18.5, 18, 0.5, false],
    // A gap of exactly one point is within tolerance; the rule is "larger than one point".
    [0.71, { value: 70 }, 71, 70, 1, false],
    [0.711, { value: 70 }, 71.1, 70, 1.1, true],
    [0.689, { value: 70 }, 68.9, 70, -1.1, true],
  ] as Array<[number, ReportedFigure, number, number, number, boolean]>)(
    '%d vs %j → %d % (gap %d points)',
    (computed, reported, computedPercent, reportedPercent, gapPoints, mismatch) => {
      const { result } = compareReported(computed, reported);
      expect(result).toEqual({ computedPercent, reportedPercent, gapPoints, mismatch, reported });
    },
  );

  it('keeps the calculation behind the computed figure', () => {
    const basis = achievement({ baseline: 0, target: 200000, actual: 147277, direction: 'increase' });
    const computation = compareReported(
      basis.result.ratio,
      { value: 70, unit: '%', text: '70 %' },
      { basis },
    );
    expect(computation.method).toBe('reported.compare');
    expect(computation.thresholds).toEqual({ tolerancePoints: 1 });
    expect(computation.formula).toBe(
      '0.736385 × 100 = 73.6 % (to 1 decimal); 73.6 − 70 = 3.6 points; |3.6| > 1',
    );
    expect(computation.steps?.[0]?.formula).toBe('(147277 − 0) / (200000 − 0) = 0.736385');
  });

  it('takes the tolerance and display decimals as options', () => {
    const { result } = compareReported(147277 / 200000, { value: 70 }, { decimals: 2, tolerancePoints: 5 });
    expect(result.computedPercent).toBe(73.64);
    expect(result.gapPoints).toBe(3.64);
    expect(result.mismatch).toBe(false);
  });

  it('has nothing to flag without a computed figure', () => {
    const computation = compareReported(null, { value: 70 });
    expect(computation.result).toEqual({
      computedPercent: null,
      reportedPercent: 70,
      gapPoints: null,
      mismatch: false,
      reported: { value: 70 },
    });
    expect(computation.reason).toBe('no_computed_value');
  });

  it('refuses a unit it cannot compare', () => {
    expect(() => compareReported(0.5, { value: 147000, unit: 'teachers' })).toThrow(
      expect.objectContaining({ code: 'reported.unsupported_unit' }),
    );
  });
});

describe('roundTo', () => {
  it.each([
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [73.6385, 1, 73.6],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.736385 * 100, 1, 73.6],
    [1234.5678, -2, 1200],
  ])('roundTo(%d, %i) = %d', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it('never returns a negative zero', () => {
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });
});

describe('formatNumber', () => {
  it.each([
    [147277, '147277'],
    [0.1 + 0.2, '0.3'],
    [-5, '−5'],
    [2 / 3, '0.666666666667'],
    [1e-7, '1e-7'],
  ])('%d → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});
