import { describe, expect, it } from 'vitest';
import {
  type BudgetAmounts,
  budgetExecution,
  financialPhysicalGap,
  fromMinorUnits,
  sumBudgets,
  toMinorUnits,
} from './budget';

describe('budgetExecution', () => {
  it.each([
    // 1,000,000.00 MAD allocated, in centimes.
    [
      { allocated: 100_000_000, committed: 75_000_000, disbursed: 60_000_000, spent: 45_000_000 },
      0.75,
      0.8,
      0.45,
    ],
    [{ allocated: 0, committed: 0, disbursed: 0, spent: 0 }, null, null, null],
    [{ allocated: 300, committed: 0, disbursed: 0, spent: 0 }, 0, null, 0],
    [{ allocated: 300, committed: 100, disbursed: 100, spent: 100 }, 0.333333333333333, 1, 0.333333333333333],
    // Commitments can exceed the allocation; the rate shows it rather than hiding it.
    [{ allocated: 1000, committed: 1200, disbursed: 600, spent: 500 }, 1.2, 0.5, 0.5],
  ] as Array<[BudgetAmounts, number | null, number | null, number | null]>)(
    '%j → %s / %s / %s',
    (amounts, commitmentRate, disbursementRate, executionRate) => {
      const { result } = budgetExecution(amounts);
      for (const [actual, expected] of [
        [result.commitmentRate, commitmentRate],
        [result.disbursementRate, disbursementRate],
        [result.executionRate, executionRate],
      ] as const) {
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 15);
      }
      expect(result.allocated).toBe(amounts.allocated);
    },
  );

  it('writes its formula', () => {
    const { formula } = budgetExecution({ allocated: 0, committed: 0, disbursed: 0, spent: 0 });
    expect(formula).toBe(
      'committed / allocated = 0 / 0 = undefined; disbursed / committed = 0 / 0 = undefined; ' +
        'spent / allocated = 0 / 0 = undefined',
    );
  });

  it.each([[12.5], [-1], [Number.NaN], [2 ** 53]])('refuses an amount of %d', (allocated) => {
    expect(() => budgetExecution({ allocated, committed: 0, disbursed: 0, spent: 0 })).toThrow(
      expect.objectContaining({
        code: 'budget.invalid_amount',
        params: { field: 'allocated', value: allocated },
      }),
    );
  });
});

describe('money in minor units', () => {
  it.each([
    [12.34, 1234],
    [0.1 + 0.2, 30],
    [1.005, 101],
    [635_000_000, 63_500_000_000],
  ])('toMinorUnits(%d) = %i', (major, minor) => {
    expect(toMinorUnits(major)).toBe(minor);
  });

  it('fromMinorUnits gives major units back', () => {
    expect(fromMinorUnits(1234)).toBe(12.34);
  });

  it('sums budgets exactly', () => {
    const total = sumBudgets([
      { allocated: 10, committed: 20, disbursed: 1, spent: 0 },
      { allocated: 20, committed: 10, disbursed: 2, spent: 3 },
      { allocated: 63_500_000_000, committed: 0, disbursed: 0, spent: 0 },
    ]);
    expect(total).toEqual({ allocated: 63_500_000_030, committed: 30, disbursed: 3, spent: 3 });
    expect(sumBudgets([])).toEqual({ allocated: 0, committed: 0, disbursed: 0, spent: 0 });
  });
});

describe('financialPhysicalGap', () => {
  it.each([
    // Money ahead of the work: 45 % spent for 30 % done.
    [1000, 450, 0.3, 0.45, 0.15, undefined],
    [1000, 200, 0.5, 0.2, -0.3, undefined],
    [1000, 450, null, 0.45, null, 'no_physical_progress'],
    [0, 0, 0.5, null, null, 'zero_allocation'],
  ])(
    'allocated %i, spent %i, physical %s → financial %s, gap %s',
    (allocated, spent, physical, financial, gap, reason) => {
      const computation = financialPhysicalGap({ allocated, spent, physicalProgress: physical });
      const { result } = computation;
      if (financial === null) expect(result.financial).toBeNull();
      else expect(result.financial).toBeCloseTo(financial, 15);
      if (gap === null) expect(result.gap).toBeNull();
      else expect(result.gap).toBeCloseTo(gap, 15);
      expect(result.physical).toBe(physical);
      expect(computation.reason).toBe(reason);
    },
  );

  it('writes its formula', () => {
    expect(financialPhysicalGap({ allocated: 1000, spent: 450, physicalProgress: 0.3 }).formula).toBe(
      'financial = 450 / 1000 = 0.45; gap = financial − 0.3 = 0.15',
    );
  });
});
