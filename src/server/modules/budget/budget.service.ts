import { budgetExecution } from '../../../domain/budget';
import type { Ctx } from '../../types';
import { getStrategy } from '../strategy/strategy.service';
import * as repo from './budget.repo';

/** Minor units (centimes) keep sums exact in the domain library; amounts here are in the strategy's unit. */
const toMinor = (amount: number) => Math.round(amount * 100);
const fromMinor = (minor: number) => minor / 100;

/**
 * The budget of a strategy grouped as asked (e.g. by rubric and year), with totals per year and per rubric,
 * and its execution (committed / disbursed / spent) against the total allocated.
 */
export async function getBudget(
  ctx: Ctx,
  code: string,
  options: { by: repo.BudgetDimension[]; type?: 'original' | 'revised' },
) {
  const strategy = await getStrategy(ctx, code);
  const meta = await repo.findBudgetMeta(ctx.db, strategy.id);
  const type = options.type ?? (meta.types.includes('revised') ? 'revised' : 'original');
  const by = [...new Set(options.by)];
  const [rows, byYear, byRubric, total, transactions] = await Promise.all([
    repo.sumBudget(ctx.db, strategy.id, by, type),
    repo.sumBudget(ctx.db, strategy.id, ['year'], type),
    repo.sumBudget(ctx.db, strategy.id, ['rubric'], type),
    repo.sumBudget(ctx.db, strategy.id, [], type),
    repo.sumTransactions(ctx.db, strategy.id),
  ]);
  const allocated = total[0]?.amount ?? 0;
  const spentBy = (kind: string) => transactions.find((t) => t.type === kind)?.amount ?? 0;
  const execution = budgetExecution({
    allocated: toMinor(allocated),
    committed: toMinor(spentBy('commitment')),
    disbursed: toMinor(spentBy('disbursement')),
    spent: toMinor(spentBy('expenditure')),
  });
  return {
    strategy: strategy.code,
    currency: meta.currency,
    scale: meta.scale,
    type,
    by,
    rows,
    totals: { total: allocated, byYear, byRubric },
    execution: {
      allocated,
      committed: fromMinor(execution.result.committed),
      disbursed: fromMinor(execution.result.disbursed),
      spent: fromMinor(execution.result.spent),
      commitmentRate: execution.result.commitmentRate,
      disbursementRate: execution.result.disbursementRate,
      executionRate: execution.result.executionRate,
      components: execution,
    },
  };
}
