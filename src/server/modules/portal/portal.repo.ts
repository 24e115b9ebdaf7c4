import type { Queryable } from '../../db/pool';

/** Codes of the indicators of public strategies that are broken down by region (for the map page). */
export function findRegionalIndicatorCodes(db: Queryable): Promise<{ code: string }[]> {
  return db.query<{ code: string }>(
    `SELECT i.code FROM indicators i JOIN strategies s ON s.id = i.strategy_id
      WHERE i.deleted_at IS NULL AND s.deleted_at IS NULL AND s.state <> 'draft' AND 'region' = ANY(i.dimensions)
      ORDER BY s.period_start, i.code`,
  );
}
