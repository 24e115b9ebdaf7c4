import type { Queryable } from '../../db/pool';

export interface TargetVersionRow {
  indicator: string;
  name: Record<string, string>;
  version: number;
  baseline: unknown;
  milestones: unknown[];
  final: unknown;
  reason: string;
  effectiveFrom: string;
  createdAt: string;
  createdBy: string | null;
}

/** Every target version of the indicators measuring the strategy (its own and those linked to its nodes). */
export function findTargetVersions(db: Queryable, strategyId: string): Promise<TargetVersionRow[]> {
  return db.query<TargetVersionRow>(
    `SELECT i.code AS indicator, i.name, t.version, t.baseline, t.milestones, t.final, t.reason,
            to_char(t.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", t.created_at AS "createdAt",
            u.username AS "createdBy"
       FROM target_versions t JOIN indicators i ON i.id = t.indicator_id AND i.deleted_at IS NULL
       LEFT JOIN users u ON u.id = t.created_by
      WHERE i.strategy_id = $1
         OR i.id IN (SELECT x.indicator_id FROM indicator_nodes x JOIN plan_nodes n ON n.id = x.node_id
                      WHERE n.strategy_id = $1)
      ORDER BY i.code, t.effective_from, t.version`,
    [strategyId],
  );
}

export interface WeightVersionRow {
  node: string;
  from: number;
  to: number;
  reason: string;
  effectiveFrom: string;
  at: string;
  by: string | null;
}

/**
 * Weight versions of the strategy's nodes: the weight before and after, the reason, the day it takes effect,
 * when and by whom. `after`/`until` keep those taking effect after the first day and by the second.
 */
export function findWeightVersions(
  db: Queryable,
  strategyId: string,
  after: string | null,
  until: string | null,
): Promise<WeightVersionRow[]> {
  return db.query<WeightVersionRow>(
    `SELECT n.code AS node, w.previous_weight::float8 AS "from", w.weight::float8 AS "to", w.reason,
            to_char(w.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", w.created_at AS at, u.username AS by
       FROM node_weight_versions w JOIN plan_nodes n ON n.id = w.node_id
       LEFT JOIN users u ON u.id = w.created_by
      WHERE w.strategy_id = $1
        AND ($2::date IS NULL OR w.effective_from > $2::date) AND ($3::date IS NULL OR w.effective_from <= $3::date)
      ORDER BY w.effective_from, w.created_at`,
    [strategyId, after, until],
  );
}
