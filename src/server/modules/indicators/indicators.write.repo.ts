import type { Queryable } from '../../db/pool';

export function lockIndicator(db: Queryable, code: string) {
  return db.maybeOne<{
    id: string;
    version: number;
    direction: 'increase' | 'decrease';
    dimensions: string[];
    strategyState: string;
    periodStart: string;
    periodEnd: string;
    linked: boolean;
  }>(
    `SELECT i.id, i.version, i.direction, i.dimensions, s.state AS "strategyState",
            to_char(s.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(s.period_end, 'YYYY-MM-DD') AS "periodEnd",
            EXISTS (SELECT 1 FROM indicator_nodes x WHERE x.indicator_id = i.id) AS linked
       FROM indicators i JOIN strategies s ON s.id = i.strategy_id
      WHERE i.code = $1 AND i.deleted_at IS NULL FOR UPDATE OF i`,
    [code],
  );
}

export function latestTargetVersion(db: Queryable, indicatorId: string) {
  return db.maybeOne<{ version: number; baseline: unknown; milestones: unknown; final: unknown }>(
    'SELECT version, baseline, milestones, final FROM target_versions WHERE indicator_id = $1 ORDER BY version DESC LIMIT 1',
    [indicatorId],
  );
}

export async function insertTargetVersion(
  tx: Queryable,
  row: {
    indicatorId: string;
    version: number;
    baseline: unknown;
    milestones: unknown;
    final: unknown;
    reason: string;
    effectiveFrom: string;
    userId: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO target_versions (indicator_id, version, baseline, milestones, final, reason, effective_from, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      row.indicatorId,
      row.version,
      JSON.stringify(row.baseline),
      JSON.stringify(row.milestones),
      JSON.stringify(row.final),
      row.reason,
      row.effectiveFrom,
      row.userId,
    ],
  );
}

export async function unknownMembers(db: Queryable, dims: Record<string, string>): Promise<string[]> {
  const pairs = Object.entries(dims);
  if (pairs.length === 0) return [];
  const rows = await db.query<{ dimension: string }>(
    `SELECT x.dimension FROM unnest($1::text[], $2::text[]) AS x(dimension, code)
      WHERE NOT EXISTS (SELECT 1 FROM dimension_members m JOIN dimensions d ON d.id = m.dimension_id
                         WHERE d.code = x.dimension AND m.code = x.code)`,
    [pairs.map(([d]) => d), pairs.map(([, c]) => c)],
  );
  return rows.map((r) => r.dimension);
}

export function upsertObservation(
  tx: Queryable,
  row: {
    indicatorId: string;
    period: string;
    periodEnd: string;
    dims: Record<string, string>;
    dimsKey: string;
    value: number | null;
    state: string;
    source: unknown;
    confidence: string | null;
  },
) {
  return tx.one<{ id: number; inserted: boolean }>(
    `INSERT INTO observations (indicator_id, period, period_end, dims, dims_key, value, state, source, confidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (indicator_id, dims_key, period) DO UPDATE SET value = EXCLUDED.value, state = EXCLUDED.state,
       source = EXCLUDED.source, confidence = EXCLUDED.confidence, updated_at = now()
     RETURNING id, (xmax = 0) AS inserted`,
    [
      row.indicatorId,
      row.period,
      row.periodEnd,
      JSON.stringify(row.dims),
      row.dimsKey,
      row.value,
      row.state,
      row.source === null ? null : JSON.stringify(row.source),
      row.confidence,
    ],
  );
}

export function findObservation(db: Queryable, indicatorId: string, dimsKey: string, period: string) {
  return db.maybeOne<Record<string, unknown>>(
    `SELECT period, dims, value, state, source, confidence FROM observations
      WHERE indicator_id = $1 AND dims_key = $2 AND period = $3`,
    [indicatorId, dimsKey, period],
  );
}
