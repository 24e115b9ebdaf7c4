import type { Queryable } from '../../db/pool';

export interface StrategyRow {
  id: string;
  code: string;
  title: Record<string, string>;
  subtitle: Record<string, string> | null;
  description: Record<string, string> | null;
  vision: Record<string, string> | null;
  periodStart: string;
  periodEnd: string;
  state: 'draft' | 'adopted' | 'closed';
  levels: { key: string; name: Record<string, string> }[];
  predecessor: string | null;
  successors: string[];
  statusThresholds: { onTrack: number; atRisk: number } | null;
  fiscalCalendar: { startMonth: number; namedBy: 'start' | 'end' };
  source: Record<string, unknown> | null;
  translations: Record<string, unknown> | null;
  version: number;
}

// Successors are those a strategy names and those that name it as their predecessor.
const COLUMNS = `s.id, s.code, s.title, s.subtitle, s.description, s.vision,
  to_char(s.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(s.period_end, 'YYYY-MM-DD') AS "periodEnd",
  s.state, s.levels, s.predecessor_code AS predecessor,
  ARRAY(SELECT DISTINCT c FROM unnest(s.successor_codes || ARRAY(
    SELECT n.code FROM strategies n WHERE n.predecessor_code = s.code AND n.deleted_at IS NULL)) AS c ORDER BY c) AS successors,
  s.status_thresholds AS "statusThresholds",
  json_build_object('startMonth', s.fiscal_year_start_month, 'namedBy', s.fiscal_year_named_by) AS "fiscalCalendar",
  s.source, s.translations, s.version`;

export function findStrategies(db: Queryable, includeDrafts: boolean): Promise<StrategyRow[]> {
  return db.query<StrategyRow>(
    `SELECT ${COLUMNS} FROM strategies s WHERE s.deleted_at IS NULL AND ($1 OR s.state <> 'draft')
      ORDER BY s.period_start, s.code`,
    [includeDrafts],
  );
}

export function findStrategy(db: Queryable, code: string, forUpdate = false): Promise<StrategyRow | null> {
  return db.maybeOne<StrategyRow>(
    `SELECT ${COLUMNS} FROM strategies s WHERE s.code = $1 AND s.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE' : ''}`,
    [code],
  );
}

export async function hasReportingCycles(db: Queryable, strategyId: string): Promise<boolean> {
  const row = await db.one<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM reporting_cycles WHERE strategy_id = $1) AS found',
    [strategyId],
  );
  return row.found;
}

export async function updateFiscalCalendar(
  tx: Queryable,
  strategyId: string,
  calendar: { startMonth: number; namedBy: 'start' | 'end' },
): Promise<void> {
  await tx.query(
    `UPDATE strategies SET fiscal_year_start_month = $2, fiscal_year_named_by = $3,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [strategyId, calendar.startMonth, calendar.namedBy],
  );
}

export interface TreeNodeRow {
  id: string;
  code: string;
  parentId: string | null;
  level: string;
  position: number;
  title: Record<string, string>;
  weight: number;
  owner: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  state: string | null;
  version: number;
}

/**
 * The strategy's nodes with the weight in force at `asOf`: the latest weight version effective by then, else
 * the weight before the node's first version, else the node's own (never re-weighted).
 */
export function findTreeNodes(db: Queryable, strategyId: string, asOf: string): Promise<TreeNodeRow[]> {
  return db.query<TreeNodeRow>(
    `WITH in_force AS (
       SELECT DISTINCT ON (node_id) node_id, weight FROM node_weight_versions
        WHERE strategy_id = $1 AND effective_from <= $2::date
        ORDER BY node_id, effective_from DESC, created_at DESC),
     original AS (
       SELECT DISTINCT ON (node_id) node_id, previous_weight FROM node_weight_versions
        WHERE strategy_id = $1 ORDER BY node_id, effective_from, created_at)
     SELECT n.id, n.code, n.parent_id AS "parentId", n.level, n.position, n.title,
            COALESCE(f.weight, g.previous_weight, n.weight) AS weight, o.code AS owner,
            to_char(n.planned_start, 'YYYY-MM-DD') AS "plannedStart", to_char(n.planned_end, 'YYYY-MM-DD') AS "plannedEnd",
            n.state, n.version
       FROM plan_nodes n LEFT JOIN organizations o ON o.id = n.owner_id
       LEFT JOIN in_force f ON f.node_id = n.id LEFT JOIN original g ON g.node_id = n.id
      WHERE n.strategy_id = $1 AND n.deleted_at IS NULL
      ORDER BY n.position, n.code`,
    [strategyId, asOf],
  );
}

export interface IndicatorStateRow {
  id: string;
  code: string;
  direction: 'increase' | 'decrease';
  target: { baseline: unknown; milestones: unknown[]; final: unknown } | null;
  latest: { period: string; value: number | null } | null;
  nodeIds: string[];
}

/**
 * For every indicator linked to the strategy's nodes: the target version in force at `asOf`, the latest national
 * observation by then (or, with `dimsKey`, the latest of those dimension members, e.g. `region=MA-06`), and the
 * nodes it measures — all the tree's computation needs, in one query.
 */
export function findIndicatorStates(
  db: Queryable,
  strategyId: string,
  asOf: string,
  dimsKey = '',
): Promise<IndicatorStateRow[]> {
  return db.query<IndicatorStateRow>(
    `WITH linked AS (
       SELECT x.indicator_id, array_agg(x.node_id) AS node_ids
         FROM indicator_nodes x JOIN plan_nodes n ON n.id = x.node_id
        WHERE n.strategy_id = $1 AND n.deleted_at IS NULL GROUP BY x.indicator_id)
     SELECT i.id, i.code, i.direction, l.node_ids AS "nodeIds",
            (SELECT json_build_object('baseline', t.baseline, 'milestones', t.milestones, 'final', t.final)
               FROM target_versions t WHERE t.indicator_id = i.id AND t.effective_from <= $2
              ORDER BY t.effective_from DESC, t.version DESC LIMIT 1) AS target,
            (SELECT json_build_object('period', o.period, 'value', o.value)
               FROM observations o WHERE o.indicator_id = i.id AND o.dims_key = $3 AND o.period_end <= $2
                 AND o.value IS NOT NULL AND o.state = 'approved'
              ORDER BY o.period_end DESC LIMIT 1) AS latest
       FROM linked l JOIN indicators i ON i.id = l.indicator_id AND i.deleted_at IS NULL`,
    [strategyId, asOf, dimsKey],
  );
}
