import type { Queryable } from '../../db/pool';
import type { ReportAccess } from './reporting.policy';

/** A report is late when it was not submitted by the due date, or first submitted after it. */
export const LATE_SQL = `((r.first_submitted_at IS NULL AND c.due_date < current_date)
  OR r.first_submitted_at::date > c.due_date)`;

/**
 * SQL condition: the actor may see the report of assignment `a` in cycle `c`. Parameters $n, $n+1, $n+2 are the
 * report, review and manage scopes (null = everywhere); a reviewer sees what reports to its bodies.
 */
export function visibleSql(n: number): string {
  return `(($${n}::uuid[] IS NULL OR a.organization_id = ANY($${n}))
    OR ($${n + 2}::uuid[] IS NULL OR a.organization_id = ANY($${n + 2}))
    OR ${reviewerSql(n + 1)})`;
}

/** SQL condition: a body that the reporting line of `a`'s organization names has the actor among its members. */
export function reviewerSql(n: number): string {
  return `($${n}::uuid[] IS NULL OR EXISTS (
    SELECT 1 FROM reporting_lines l JOIN governance_bodies b ON b.id = l.reviewer_body_id AND b.deleted_at IS NULL
     WHERE l.strategy_id = c.strategy_id AND l.organization_id = a.organization_id
       AND (b.chair_id = ANY($${n})
            OR EXISTS (SELECT 1 FROM body_members m WHERE m.body_id = b.id AND m.organization_id = ANY($${n})))))`;
}

export const accessParams = (access: ReportAccess) => [access.report, access.review, access.manage];

export interface CycleRow {
  id: string;
  strategyId: string;
  strategy: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  state: 'open' | 'closed';
  version: number;
}

const CYCLE = `c.id, c.strategy_id AS "strategyId", s.code AS strategy, c.period,
  to_char(c.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd",
  to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate", c.state, c.version`;

const COUNTS = `(SELECT jsonb_build_object('assignments', count(*),
    'assigned', count(*) FILTER (WHERE r.state = 'assigned'), 'draft', count(*) FILTER (WHERE r.state = 'draft'),
    'submitted', count(*) FILTER (WHERE r.state = 'submitted'),
    'returned', count(*) FILTER (WHERE r.state = 'returned'),
    'approved', count(*) FILTER (WHERE r.state = 'approved'), 'late', count(*) FILTER (WHERE ${LATE_SQL}))
   FROM reporting_assignments a JOIN reports r ON r.assignment_id = a.id WHERE a.cycle_id = c.id) AS counts`;

export function findCycles(db: Queryable, strategyCode: string | null) {
  return db.query<CycleRow & { counts: Record<string, number> }>(
    `SELECT ${CYCLE}, ${COUNTS} FROM reporting_cycles c JOIN strategies s ON s.id = c.strategy_id
      WHERE ($1::text IS NULL OR s.code = $1) AND s.deleted_at IS NULL
      ORDER BY c.period_start DESC, s.code`,
    [strategyCode],
  );
}

export function findCycle(db: Queryable, id: string, lock: '' | 'FOR UPDATE' | 'FOR SHARE' = '') {
  return db.maybeOne<CycleRow & { counts: Record<string, number> }>(
    `SELECT ${CYCLE}, ${COUNTS} FROM reporting_cycles c JOIN strategies s ON s.id = c.strategy_id
      WHERE c.id = $1 ${lock ? `${lock} OF c` : ''}`,
    [id],
  );
}

export async function findCycleByPeriod(db: Queryable, strategyId: string, period: string) {
  return db.maybeOne<{ id: string }>(
    'SELECT id FROM reporting_cycles WHERE strategy_id = $1 AND period = $2',
    [strategyId, period],
  );
}

/** Serializes the opening of cycles of one strategy: two at once could both pass the duplicate check. */
export async function lockStrategyCycles(tx: Queryable, strategyId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('reporting_cycles:' || $1::text))`, [strategyId]);
}

export async function insertCycle(
  tx: Queryable,
  row: { strategyId: string; period: string; start: string; end: string; due: string; userId: string | null },
): Promise<string> {
  const { id } = await tx.one<{ id: string }>(
    `INSERT INTO reporting_cycles (strategy_id, period, period_start, period_end, due_date, opened_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [row.strategyId, row.period, row.start, row.end, row.due, row.userId],
  );
  return id;
}

/**
 * Creates one assignment (and its empty report) per organization that owns something in the strategy: the
 * nodes it owns, the indicators linked to those nodes, the projects it owns, and the commitments it made in
 * agreements signed by the cycle's end that serve the strategy (linked, or credited, to one of its nodes).
 * Returns the number created.
 */
export async function insertAssignments(
  tx: Queryable,
  cycleId: string,
  strategyId: string,
  periodEnd: string,
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `WITH owned AS (
       SELECT n.owner_id AS org, n.id AS node_id, NULL::uuid AS indicator_id, NULL::uuid AS project_id,
              NULL::uuid AS commitment_id
         FROM plan_nodes n WHERE n.strategy_id = $2 AND n.deleted_at IS NULL AND n.owner_id IS NOT NULL
       UNION
       SELECT n.owner_id, NULL, x.indicator_id, NULL, NULL
         FROM plan_nodes n JOIN indicator_nodes x ON x.node_id = n.id
         JOIN indicators i ON i.id = x.indicator_id AND i.deleted_at IS NULL
        WHERE n.strategy_id = $2 AND n.deleted_at IS NULL AND n.owner_id IS NOT NULL
       UNION
       SELECT p.owner_id, NULL, NULL, p.id, NULL
         FROM projects p WHERE p.strategy_id = $2 AND p.deleted_at IS NULL AND p.owner_id IS NOT NULL
       UNION
       SELECT c.party_id, NULL, NULL, NULL, c.id
         FROM commitments c JOIN agreements g ON g.id = c.agreement_id AND g.deleted_at IS NULL
        WHERE c.deleted_at IS NULL AND (g.signed_on IS NULL OR g.signed_on <= $3::date)
          AND (EXISTS (SELECT 1 FROM agreement_nodes an JOIN plan_nodes n ON n.id = an.node_id
                        WHERE an.agreement_id = g.id AND n.strategy_id = $2 AND n.deleted_at IS NULL)
               OR EXISTS (SELECT 1 FROM commitment_attributions ca JOIN plan_nodes n ON n.id = ca.node_id
                           WHERE ca.commitment_id = c.id AND n.strategy_id = $2 AND n.deleted_at IS NULL))),
     a AS (INSERT INTO reporting_assignments (cycle_id, organization_id)
           SELECT DISTINCT $1::uuid, org FROM owned RETURNING id, organization_id),
     items AS (INSERT INTO assignment_items (assignment_id, node_id, indicator_id, project_id, commitment_id)
               SELECT a.id, o.node_id, o.indicator_id, o.project_id, o.commitment_id
                 FROM owned o JOIN a ON a.organization_id = o.org)
     INSERT INTO reports (assignment_id) SELECT id FROM a RETURNING id`,
    [cycleId, strategyId, periodEnd],
  );
  return rows.length;
}

export async function closeCycle(tx: Queryable, id: string, userId: string | null): Promise<void> {
  await tx.query(
    `UPDATE reporting_cycles SET state = 'closed', closed_at = now(), closed_by = $2, version = version + 1,
            updated_at = now() WHERE id = $1`,
    [id, userId],
  );
}

export function findAssignments(db: Queryable, cycleId: string, access: ReportAccess) {
  return db.query(
    `SELECT r.id AS report, o.code AS organization, o.name AS "organizationName", r.state,
            ${LATE_SQL} AS "isLate", r.submitted_at AS "submittedAt", r.approved_at AS "approvedAt",
            (SELECT jsonb_build_object('nodes', count(node_id), 'indicators', count(indicator_id),
                                       'projects', count(project_id))
               FROM assignment_items i WHERE i.assignment_id = a.id) AS items
       FROM reporting_assignments a JOIN reporting_cycles c ON c.id = a.cycle_id
       JOIN reports r ON r.assignment_id = a.id JOIN organizations o ON o.id = a.organization_id
      WHERE a.cycle_id = $1 AND ${visibleSql(2)}
      ORDER BY o.code`,
    [cycleId, ...accessParams(access)],
  );
}

/** Completeness per organization over the cycles matched (one cycle, or all of a strategy's). */
export function countCompleteness(
  db: Queryable,
  filter: { cycleId?: string; strategyId?: string },
  access: ReportAccess,
) {
  return db.query(
    `SELECT o.code AS organization,
            count(*) FILTER (WHERE r.state = 'assigned')::int AS assigned,
            count(*) FILTER (WHERE r.state = 'draft')::int AS draft,
            count(*) FILTER (WHERE r.state = 'submitted')::int AS submitted,
            count(*) FILTER (WHERE r.state = 'returned')::int AS returned,
            count(*) FILTER (WHERE r.state = 'approved')::int AS approved,
            count(*) FILTER (WHERE ${LATE_SQL})::int AS late,
            count(*) FILTER (WHERE r.first_submitted_at::date <= c.due_date)::int AS "onTime"
       FROM reporting_assignments a JOIN reporting_cycles c ON c.id = a.cycle_id
       JOIN reports r ON r.assignment_id = a.id JOIN organizations o ON o.id = a.organization_id
      WHERE ($1::uuid IS NULL OR c.id = $1) AND ($2::uuid IS NULL OR c.strategy_id = $2) AND ${visibleSql(3)}
      GROUP BY o.code ORDER BY o.code`,
    [filter.cycleId ?? null, filter.strategyId ?? null, ...accessParams(access)],
  );
}
