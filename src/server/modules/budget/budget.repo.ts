import type { Queryable } from '../../db/pool';

export const BUDGET_DIMENSIONS = ['rubric', 'year', 'node'] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];

const EXPRESSIONS: Record<BudgetDimension, string> = {
  rubric: 'l.rubric',
  year: 'l.year',
  node: 'n.code',
};

export interface BudgetRow {
  rubric?: string;
  rubricLabel?: Record<string, string> | null;
  year?: number;
  node?: string | null;
  amount: number;
}

/** Budget amounts of a strategy grouped by the chosen dimensions (a fixed list: no SQL is built from input). */
export function sumBudget(
  db: Queryable,
  strategyId: string,
  by: BudgetDimension[],
  type: string,
): Promise<BudgetRow[]> {
  const columns = by.map((d) => `${EXPRESSIONS[d]} AS "${d}"`);
  if (by.includes('rubric'))
    columns.push(`(array_agg(l.rubric_label) FILTER (WHERE l.rubric_label IS NOT NULL))[1] AS "rubricLabel"`);
  const groups = by.map((d) => EXPRESSIONS[d]);
  return db.query<BudgetRow>(
    `SELECT ${[...columns, 'sum(l.amount)::float8 AS amount'].join(', ')}
       FROM budget_lines l LEFT JOIN plan_nodes n ON n.id = l.node_id
      WHERE l.strategy_id = $1 AND l.type = $2
      ${groups.length ? `GROUP BY ${groups.join(', ')} ORDER BY ${groups.join(', ')}` : ''}`,
    [strategyId, type],
  );
}

export function sumTransactions(
  db: Queryable,
  strategyId: string,
): Promise<{ type: string; amount: number }[]> {
  return db.query(
    `SELECT type, sum(amount)::float8 AS amount FROM transactions WHERE strategy_id = $1 GROUP BY type`,
    [strategyId],
  );
}

export function findBudgetMeta(db: Queryable, strategyId: string) {
  return db.one<{ currency: string | null; scale: number | null; types: string[] }>(
    `SELECT s.budget_currency AS currency, s.budget_scale::float8 AS scale,
            ARRAY(SELECT DISTINCT type FROM budget_lines WHERE strategy_id = s.id ORDER BY type) AS types
       FROM strategies s WHERE s.id = $1`,
    [strategyId],
  );
}
