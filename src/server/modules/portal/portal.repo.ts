import type { Queryable } from '../../db/pool';

/** Codes of the indicators of public strategies that are broken down by region (for the map page). */
export function findRegionalIndicatorCodes(db: Queryable): Promise<{ code: string }[]> {
  return db.query<{ code: string }>(
    `SELECT i.code FROM indicators i JOIN strategies s ON s.id = i.strategy_id
      WHERE i.deleted_at IS NULL AND s.deleted_at IS NULL AND s.state <> 'draft' AND 'region' = ANY(i.dimensions)
      ORDER BY s.period_start, i.code`,
  );
}

/** The distinct sources cited by a public strategy's budget lines of one type, most used first. */
export function findBudgetSources(
  db: Queryable,
  strategyCode: string,
  type: string,
): Promise<{ source: unknown }[]> {
  return db.query<{ source: unknown }>(
    `SELECT l.source FROM budget_lines l JOIN strategies s ON s.id = l.strategy_id
      WHERE s.code = $1 AND s.state <> 'draft' AND s.deleted_at IS NULL AND l.type = $2 AND l.source IS NOT NULL
      GROUP BY l.source ORDER BY count(*) DESC`,
    [strategyCode, type],
  );
}
