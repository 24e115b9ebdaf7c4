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

/**
 * Changes of node weights, read from the audit trail (a weight has no version of its own): the node, the
 * weight before and after, when and by whom. `from`/`to` bound the day of the change, both included.
 */
export function findWeightChanges(db: Queryable, strategyId: string, from: string | null, to: string | null) {
  return db.query<{ node: string; from: number; to: number; at: string; by: string | null }>(
    `SELECT e.after->>'code' AS node, (e.before->>'weight')::float8 AS "from", (e.after->>'weight')::float8 AS "to",
            e.at, u.username AS by
       FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE e.action = 'plan_node.update' AND e.before->>'weight' IS DISTINCT FROM e.after->>'weight'
        AND e.subject_id IN (SELECT id::text FROM plan_nodes WHERE strategy_id = $1)
        AND ($2::date IS NULL OR e.at >= $2::date) AND ($3::date IS NULL OR e.at < $3::date + 1)
      ORDER BY e.at, e.id`,
    [strategyId, from, to],
  );
}
