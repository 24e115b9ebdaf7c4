import { type Computation, formatNumber, roundTo } from './components';
import { assertFinite, DomainError } from './errors';

/**
 * Amounts of a node's budget in integer minor units (centimes for MAD): sums over thousands of transactions
 * stay exact, which binary fractions of dirhams would not.
 */
export interface BudgetAmounts {
  allocated: number;
  committed: number;
  disbursed: number;
  spent: number;
}

export interface BudgetExecution extends BudgetAmounts {
  /** committed / allocated */
  commitmentRate: number | null;
  /** disbursed / committed */
  disbursementRate: number | null;
  /** spent / allocated */
  executionRate: number | null;
}

export interface ProgressGap {
  /** spent / allocated */
  financial: number | null;
  physical: number | null;
  /** financial − physical: positive when money runs ahead of the work. */
  gap: number | null;
}

const FIELDS = ['allocated', 'committed', 'disbursed', 'spent'] as const;

/** Accepts a non-negative integer of minor units; anything else is a unit mistake upstream. */
export function assertAmount(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DomainError('budget.invalid_amount', { field, value });
  }
}

/** Converts an amount in major units (e.g. 12.34 MAD) to minor units (1234), rounding to the nearest unit. */
export function toMinorUnits(major: number): number {
  assertFinite(major, 'amount');
  return roundTo(major * 100, 0);
}

/** Converts minor units back to major units for display. */
export function fromMinorUnits(minor: number): number {
  assertAmount(minor, 'amount');
  return minor / 100;
}

/** Adds budgets field by field, exactly, for a roll-up of a subtree. */
export function sumBudgets(items: readonly BudgetAmounts[]): BudgetAmounts {
  const total: BudgetAmounts = { allocated: 0, committed: 0, disbursed: 0, spent: 0 };
  for (const [i, item] of items.entries()) {
    for (const field of FIELDS) {
      assertAmount(item[field], `${i}.${field}`);
      total[field] += item[field];
      assertAmount(total[field], `total.${field}`);
    }
  }
  return total;
}

function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function rateText(name: string, numerator: number, denominator: number, value: number | null): string {
  const result = value === null ? 'undefined' : formatNumber(value);
  return `${name} = ${formatNumber(numerator)} / ${formatNumber(denominator)} = ${result}`;
}

/** Execution rates of a budget; a rate over a zero denominator is null, not 0 or infinity. */
export function budgetExecution(amounts: BudgetAmounts): Computation<BudgetExecution> {
  for (const field of FIELDS) assertAmount(amounts[field], field);
  const { allocated, committed, disbursed, spent } = amounts;
  const commitmentRate = rate(committed, allocated);
  const disbursementRate = rate(disbursed, committed);
  const executionRate = rate(spent, allocated);
  const formula = [
    rateText('committed / allocated', committed, allocated, commitmentRate),
    rateText('disbursed / committed', disbursed, committed, disbursementRate),
    rateText('spent / allocated', spent, allocated, executionRate),
  ].join('; ');
  return {
    method: 'budget.execution',
    inputs: { allocated, committed, disbursed, spent, unit: 'minor' },
    formula,
    result: { allocated, committed, disbursed, spent, commitmentRate, disbursementRate, executionRate },
  };
}

/** Financial progress (spent / allocated) against physical progress (0..1), and the gap between them. */
export function financialPhysicalGap(input: {
  allocated: number;
  spent: number;
  physicalProgress: number | null;
}): Computation<ProgressGap> {
  const { allocated, spent, physicalProgress } = input;
  assertAmount(allocated, 'allocated');
  assertAmount(spent, 'spent');
  if (physicalProgress !== null) assertFinite(physicalProgress, 'physicalProgress');
  const financial = rate(spent, allocated);
  const gap = financial === null || physicalProgress === null ? null : financial - physicalProgress;
  const physicalText = physicalProgress === null ? 'unknown' : formatNumber(physicalProgress);
  const gapText = gap === null ? 'undefined' : formatNumber(gap);
  const formula = `${rateText('financial', spent, allocated, financial)}; gap = financial − ${physicalText} = ${gapText}`;
  const reason =
    allocated === 0 ? 'zero_allocation' : physicalProgress === null ? 'no_physical_progress' : undefined;
  return {
    method: 'budget.financial_physical_gap',
    inputs: { allocated, spent, physicalProgress, unit: 'minor' },
    formula,
    result: { financial, physical: physicalProgress, gap },
    ...(reason ? { reason } : {}),
  };
}
