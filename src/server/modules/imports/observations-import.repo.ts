import type { Queryable } from '../../db/pool';

export interface IndicatorForImport {
  id: string;
  code: string;
  dimensions: string[];
  linked: boolean;
  period_start: string;
  period_end: string;
  baseline_period: string | null;
}

/** Every indicator with what a CSV row about it must respect: its dimensions and its strategy's period. */
export function findIndicatorsForImport(db: Queryable): Promise<IndicatorForImport[]> {
  return db.query<IndicatorForImport>(
    `SELECT i.id, i.code, i.dimensions,
            EXISTS (SELECT 1 FROM indicator_nodes x WHERE x.indicator_id = i.id) AS linked,
            to_char(s.period_start, 'YYYY-MM-DD') AS period_start, to_char(s.period_end, 'YYYY-MM-DD') AS period_end,
            (SELECT t.baseline->>'period' FROM target_versions t WHERE t.indicator_id = i.id
              ORDER BY t.version DESC LIMIT 1) AS baseline_period
       FROM indicators i JOIN strategies s ON s.id = i.strategy_id
      WHERE i.deleted_at IS NULL AND s.deleted_at IS NULL`,
  );
}

export function findMembers(db: Queryable): Promise<{ dimension: string; code: string }[]> {
  return db.query(
    'SELECT d.code AS dimension, m.code FROM dimension_members m JOIN dimensions d ON d.id = m.dimension_id',
  );
}

export async function createStaging(tx: Queryable): Promise<void> {
  await tx.query(`CREATE TEMP TABLE observation_staging (
      indicator_id uuid, period text, period_end date, dims jsonb, dims_key text, value numeric, state text,
      source jsonb, confidence text) ON COMMIT DROP`);
}

/** Moves the staged rows into observations: new ones inserted, existing (same indicator, members, period) updated. */
export async function mergeStaging(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH merged AS (
       INSERT INTO observations (indicator_id, period, period_end, dims, dims_key, value, state, source, confidence)
       SELECT DISTINCT ON (indicator_id, dims_key, period)
              indicator_id, period, period_end, dims, dims_key, value, state, source, confidence
         FROM observation_staging
       ON CONFLICT (indicator_id, dims_key, period) DO UPDATE SET
         value = EXCLUDED.value, state = EXCLUDED.state, source = coalesce(EXCLUDED.source, observations.source),
         confidence = coalesce(EXCLUDED.confidence, observations.confidence), updated_at = now()
       RETURNING 1)
     SELECT count(*)::int AS n FROM merged`,
  );
  return rows[0]?.n ?? 0;
}
