import { budgetExecution } from '../../../domain/budget';
import { requirePermission } from '../../access/permissions';
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

export interface NodeBudget {
  allocated: number;
  committed: number;
  disbursed: number;
  spent: number;
}

/**
 * Each node's own budget (not its subtree's: callers add subtrees up) in the strategy's unit: allocated from the
 * revised lines where there are any, else the original ones, for the fiscal years asked; committed, disbursed
 * and spent from the transactions dated up to `to`. Key `''` is the strategy as a whole (lines without a node).
 */
export async function getBudgetByNode(
  ctx: Ctx,
  strategyId: string,
  options: { years: { from: number; to: number } | null; from: string | null; to: string },
) {
  requirePermission(ctx.actor, 'internal.read');
  const meta = await repo.findBudgetMeta(ctx.db, strategyId);
  const type = meta.types.includes('revised') ? 'revised' : 'original';
  const [lines, transactions] = await Promise.all([
    repo.sumBudgetByNode(ctx.db, strategyId, type, options.years),
    repo.sumTransactionsByNode(ctx.db, strategyId, options.from, options.to),
  ]);
  const byNode = new Map<string, NodeBudget>();
  const entry = (node: string | null) => {
    const key = node ?? '';
    if (!byNode.has(key)) byNode.set(key, { allocated: 0, committed: 0, disbursed: 0, spent: 0 });
    return byNode.get(key)!;
  };
  for (const line of lines) entry(line.node).allocated += line.amount;
  const FIELD = { commitment: 'committed', disbursement: 'disbursed', expenditure: 'spent' } as const;
  for (const t of transactions) entry(t.node)[FIELD[t.type as keyof typeof FIELD]] += t.amount;
  return { currency: meta.currency, scale: meta.scale, type, byNode };
}
