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

/** Allocated amounts per node (null = the strategy as a whole) of one budget type, for the years asked. */
export function sumBudgetByNode(
  db: Queryable,
  strategyId: string,
  type: string,
  years: { from: number; to: number } | null,
): Promise<{ node: string | null; amount: number }[]> {
  return db.query(
    `SELECT n.code AS node, sum(l.amount)::float8 AS amount
       FROM budget_lines l LEFT JOIN plan_nodes n ON n.id = l.node_id
      WHERE l.strategy_id = $1 AND l.type = $2 AND ($3::int IS NULL OR l.year BETWEEN $3 AND $4)
      GROUP BY n.code ORDER BY n.code`,
    [strategyId, type, years?.from ?? null, years?.to ?? null],
  );
}

/** Commitments, disbursements and expenditure per node, dated within [from, to] (from null = no lower bound). */
export function sumTransactionsByNode(
  db: Queryable,
  strategyId: string,
  from: string | null,
  to: string,
): Promise<{ node: string | null; type: string; amount: number }[]> {
  return db.query(
    `SELECT n.code AS node, t.type, sum(t.amount)::float8 AS amount
       FROM transactions t LEFT JOIN plan_nodes n ON n.id = t.node_id
      WHERE t.strategy_id = $1 AND ($2::date IS NULL OR t.date >= $2) AND t.date <= $3
      GROUP BY n.code, t.type ORDER BY n.code, t.type`,
    [strategyId, from, to],
  );
}
