import type { Queryable } from '../../db/pool';

export interface IndicatorRow {
  id: string;
  code: string;
  name: Record<string, string>;
  description: Record<string, string> | null;
  unit: string;
  direction: 'increase' | 'decrease';
  aggregation: 'sum' | 'mean' | 'last';
  decimals: number;
  dimensions: string[];
  periodicity: string | null;
  source: Record<string, unknown> | null;
  version: number;
  strategy: {
    code: string;
    title: Record<string, string>;
    state: string;
    periodStart: string;
    thresholds: unknown;
  };
  nodes: { code: string; title: Record<string, string>; level: string }[];
}

export function findIndicator(db: Queryable, code: string): Promise<IndicatorRow | null> {
  return db.maybeOne<IndicatorRow>(
    `SELECT i.id, i.code, i.name, i.description, i.unit, i.direction, i.aggregation, i.decimals, i.dimensions,
            i.periodicity, i.source, i.version,
            json_build_object('code', s.code, 'title', s.title, 'state', s.state,
                              'periodStart', to_char(s.period_start, 'YYYY-MM-DD'), 'thresholds', s.status_thresholds) AS strategy,
            coalesce((SELECT json_agg(json_build_object('code', n.code, 'title', n.title, 'level', n.level) ORDER BY n.code)
                        FROM indicator_nodes x JOIN plan_nodes n ON n.id = x.node_id
                       WHERE x.indicator_id = i.id AND n.deleted_at IS NULL), '[]') AS nodes
       FROM indicators i JOIN strategies s ON s.id = i.strategy_id
      WHERE i.code = $1 AND i.deleted_at IS NULL AND s.deleted_at IS NULL`,
    [code],
  );
}

export interface TargetVersionRow {
  version: number;
  baseline: { period: string; value: number | null; source?: unknown } | null;
  milestones: { period: string; value: number | null; source?: unknown }[];
  final: { period: string; value: number | null; source?: unknown } | null;
  reason: string;
  effectiveFrom: string;
  createdAt: string;
  createdBy: string | null;
}

export function findTargetVersions(db: Queryable, indicatorId: string): Promise<TargetVersionRow[]> {
  return db.query<TargetVersionRow>(
    `SELECT t.version, t.baseline, t.milestones, t.final, t.reason, to_char(t.effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
            t.created_at AS "createdAt", u.username AS "createdBy"
       FROM target_versions t LEFT JOIN users u ON u.id = t.created_by
      WHERE t.indicator_id = $1 ORDER BY t.version`,
    [indicatorId],
  );
}

export interface ObservationRow {
  period: string;
  periodEnd: string;
  dims: Record<string, string>;
  value: number | null;
  state: string;
  source: Record<string, unknown> | null;
  confidence: string | null;
  reported: { value: number; unit?: string; text?: string } | null;
}

/** Observations up to a date, oldest first; `provisional` ones only for those who may see unapproved figures. */
export function findObservations(
  db: Queryable,
  indicatorId: string,
  asOf: string,
  includeProvisional: boolean,
): Promise<ObservationRow[]> {
  return db.query<ObservationRow>(
    `SELECT period, to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", dims, value, state, source, confidence, reported
       FROM observations
      WHERE indicator_id = $1 AND period_end <= $2 AND ($3 OR state = 'approved')
      ORDER BY period_end, period, dims_key`,
    [indicatorId, asOf, includeProvisional],
  );
}

export function findIndicatorList(
  db: Queryable,
  filter: { strategy?: string; q?: string },
  includeDrafts: boolean,
) {
  return db.query<{
    code: string;
    name: Record<string, string>;
    unit: string;
    strategy: string;
    direction: string;
  }>(
    `SELECT i.code, i.name, i.unit, s.code AS strategy, i.direction
       FROM indicators i JOIN strategies s ON s.id = i.strategy_id
      WHERE i.deleted_at IS NULL AND s.deleted_at IS NULL AND ($3 OR s.state <> 'draft')
        AND ($1::text IS NULL OR s.code = $1)
        AND ($2::text IS NULL OR i.code ILIKE '%' || $2 || '%' OR i.name::text ILIKE '%' || $2 || '%')
      ORDER BY s.period_start, i.code`,
    [filter.strategy ?? null, filter.q ?? null, includeDrafts],
  );
}

export function findDimensions(db: Queryable) {
  return db.query<{ code: string; name: Record<string, string>; builtin: boolean; members: unknown[] }>(
    `SELECT d.code, d.name, d.is_builtin AS builtin,
            coalesce(json_agg(json_build_object('code', m.code, 'name', m.name) ORDER BY m.position, m.code)
                     FILTER (WHERE m.id IS NOT NULL), '[]') AS members
       FROM dimensions d LEFT JOIN dimension_members m ON m.dimension_id = d.id
      GROUP BY d.id ORDER BY d.code`,
  );
}

export interface IndicatorSeriesRow {
  code: string;
  name: Record<string, string>;
  unit: string;
  decimals: number;
  direction: 'increase' | 'decrease';
  nodes: string[];
  target: { baseline: unknown; milestones: unknown[]; final: unknown } | null;
  observations: { period: string; value: number }[];
}

/**
 * Every indicator linked to a strategy's nodes with the target version in force at `asOf` and its approved
 * observations by then for one set of dimension members (`''` = national), oldest first: what a sparkline needs.
 */
export function findStrategyIndicatorSeries(
  db: Queryable,
  strategyId: string,
  asOf: string,
  dimsKey: string,
): Promise<IndicatorSeriesRow[]> {
  return db.query<IndicatorSeriesRow>(
    `SELECT i.code, i.name, i.unit, i.decimals, i.direction,
            ARRAY(SELECT n.code FROM indicator_nodes x JOIN plan_nodes n ON n.id = x.node_id AND n.deleted_at IS NULL
                   WHERE x.indicator_id = i.id ORDER BY n.code) AS nodes,
            (SELECT json_build_object('baseline', t.baseline, 'milestones', t.milestones, 'final', t.final)
               FROM target_versions t WHERE t.indicator_id = i.id AND t.effective_from <= $2
              ORDER BY t.effective_from DESC, t.version DESC LIMIT 1) AS target,
            coalesce((SELECT json_agg(json_build_object('period', o.period, 'value', o.value::float8)
                                      ORDER BY o.period_end, o.period)
               FROM observations o WHERE o.indicator_id = i.id AND o.dims_key = $3 AND o.period_end <= $2
                 AND o.value IS NOT NULL AND o.state = 'approved'), '[]') AS observations
       FROM indicators i
      WHERE i.deleted_at IS NULL AND EXISTS (
        SELECT 1 FROM indicator_nodes x JOIN plan_nodes n ON n.id = x.node_id
         WHERE x.indicator_id = i.id AND n.strategy_id = $1 AND n.deleted_at IS NULL)
      ORDER BY i.code`,
    [strategyId, asOf, dimsKey],
  );
}
