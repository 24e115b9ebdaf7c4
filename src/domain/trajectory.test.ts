import { describe, expect, it } from 'vitest';
import { expectedValueAt, type Target, trajectoryPoints } from './trajectory';

// The milestone (100 at end 2010) lies above the straight line from baseline to final (79.956…): it must win.
const target: Target = {
  baseline: { period: '2008', value: 0 },
  milestones: [{ period: '2010', value: 100 }],
  final: { period: '2013', value: 200 },
};

describe('expectedValueAt', () => {
  it.each([
    ['2008-06-30', null, 'before_baseline'],
    ['2008-12-31', 0, 'declared'],
    ['2009-12-31', 50, 'interpolated'],
    ['2010-12-31', 100, 'declared'],
    ['2011-12-31', 133.302919708029, 'interpolated'],
    ['2013-12-31', 200, 'declared'],
    ['2015-06-30', 200, 'after_final'],
  ] as const)('on %s expects %s (%s)', (date, value, basis) => {
    const { result } = expectedValueAt(target, date);
    expect(result.basis).toBe(basis);
    if (value === null) expect(result.value).toBeNull();
    else expect(result.value).toBeCloseTo(value, 12);
  });

  it('interpolates by days along the straight line when no milestone is declared', () => {
    const { result } = expectedValueAt({ ...target, milestones: [] }, '2010-12-31');
    expect(result.value).toBeCloseTo(79.956188389923, 12);
  });

  it('returns components a reader can redo', () => {
    const computation = expectedValueAt(target, '2009-12-31');
    expect(computation.method).toBe('trajectory.expected_value');
    expect(computation.formula).toBe('0 + (100 − 0) × 365 / 730 = 50');
    expect(computation.result.from?.period).toBe('2008');
    expect(computation.result.to?.period).toBe('2010');
    expect(computation.inputs.date).toBe('2009-12-31');
  });

  it('explains a null before the baseline', () => {
    const computation = expectedValueAt(target, '2008-06-30');
    expect(computation.reason).toBe('before_baseline');
    expect(computation.formula).toBe('2008-06-30 < baseline end 2008-12-31');
  });

  it('accepts milestones in any order', () => {
    const unordered: Target = {
      ...target,
      milestones: [
        { period: '2012', value: 150 },
        { period: '2010', value: 100 },
      ],
    };
    expect(trajectoryPoints(unordered).map((p) => p.period)).toEqual(['2008', '2010', '2012', '2013']);
    expect(expectedValueAt(unordered, '2012-12-31').result.value).toBe(150);
  });
});

describe('trajectoryPoints validation', () => {
  it.each([
    ['final before baseline', { ...target, final: { period: '2007', value: 200 } }, 'target.invalid_order'],
    ['final on baseline', { ...target, final: { period: '2008-Q4', value: 200 } }, 'target.invalid_order'],
    [
      'milestone after final',
      { ...target, milestones: [{ period: '2015', value: 1 }] },
      'target.invalid_order',
    ],
    [
      'milestone before baseline',
      { ...target, milestones: [{ period: '2007', value: 1 }] },
      'target.invalid_order',
    ],
    [
      'two milestones on one day',
      {
        ...target,
        milestones: [
          { period: '2010', value: 1 },
          { period: '2010-Q4', value: 2 },
        ],
      },
      'target.duplicate_date',
    ],
    [
      'milestone on final date',
      { ...target, milestones: [{ period: '2013-H2', value: 1 }] },
      'target.duplicate_date',
    ],
    [
      'value not a number',
      { ...target, milestones: [{ period: '2010', value: Number.NaN }] },
      'number.invalid',
    ],
    ['bad period', { ...target, baseline: { period: '2008-Q5', value: 0 } }, 'period.invalid'],
  ] as Array<[string, Target, string]>)('refuses %s', (_name, bad, code) => {
    expect(() => trajectoryPoints(bad)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses an invalid date', () => {
    expect(() => expectedValueAt(target, '2013-13-01')).toThrow(
      expect.objectContaining({ code: 'date.invalid' }),
    );
  });
});
