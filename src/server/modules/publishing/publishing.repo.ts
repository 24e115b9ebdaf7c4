import type { Queryable } from '../../db/pool';

/**
 * When each strategy's public data last changed: the latest update of the strategy, its nodes, indicators,
 * observations and budget lines (read-only, for `modified` dates and Last-Modified headers).
 */
export function findLastChanges(
  db: Queryable,
  codes: string[],
): Promise<{ code: string; modified: string }[]> {
  return db.query(
    `SELECT s.code, to_char(greatest(s.updated_at,
              (SELECT max(n.updated_at) FROM plan_nodes n WHERE n.strategy_id = s.id),
              (SELECT max(i.updated_at) FROM indicators i WHERE i.strategy_id = s.id),
              (SELECT max(o.updated_at) FROM observations o JOIN indicators i ON i.id = o.indicator_id
                WHERE i.strategy_id = s.id),
              (SELECT max(l.updated_at) FROM budget_lines l WHERE l.strategy_id = s.id))
              AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS modified
       FROM strategies s WHERE s.code = ANY($1::text[]) AND s.deleted_at IS NULL`,
    [codes],
  );
}
