import type { Queryable } from '../../db/pool';
import { LATE_SQL } from './cycles.repo';

// What the executive dashboard reads from reporting: figures over whole cycles, not single reports.

export interface LatestExplanationRow {
  kind: 'indicator' | 'node';
  code: string;
  status: string;
  period: string;
  organization: string;
  reasonCode: string;
  narrative: string;
  correctiveAction: string;
  owner: string;
  dueDate: string;
  escalate: boolean;
  reportState: string;
}

/** The latest explanation of each item of a strategy, from submitted or approved reports of cycles up to `asOf`. */
export function findLatestExplanations(db: Queryable, strategyId: string, asOf: string) {
  return db.query<LatestExplanationRow>(
    `SELECT DISTINCT ON (v.item_kind, v.item_code)
            v.item_kind AS kind, v.item_code AS code, v.status, c.period, o.code AS organization,
            v.reason_code AS "reasonCode", v.narrative, v.corrective_action AS "correctiveAction",
            v.action_owner AS owner, to_char(v.action_due, 'YYYY-MM-DD') AS "dueDate", v.escalate,
            r.state AS "reportState"
       FROM variance_explanations v JOIN reports r ON r.id = v.report_id
       JOIN reporting_assignments a ON a.id = r.assignment_id JOIN reporting_cycles c ON c.id = a.cycle_id
       JOIN organizations o ON o.id = a.organization_id
      WHERE c.strategy_id = $1 AND r.state IN ('submitted', 'approved') AND c.period_start <= $2
      ORDER BY v.item_kind, v.item_code, c.period_start DESC, r.submitted_at DESC`,
    [strategyId, asOf],
  );
}

/** The strategy's cycle for `period`, or else its latest one started by `asOf`. */
export function findDashboardCycle(db: Queryable, strategyId: string, period: string | null, asOf: string) {
  return db.maybeOne<{ id: string; period: string; dueDate: string; state: string }>(
    `SELECT c.id, c.period, to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate", c.state FROM reporting_cycles c
      WHERE c.strategy_id = $1 AND ($2::text IS NULL OR c.period = $2) AND ($2::text IS NOT NULL OR c.period_start <= $3)
      ORDER BY c.period_start DESC LIMIT 1`,
    [strategyId, period, asOf],
  );
}

/** A cycle's reports by state and lateness per organization (counts only: no report content). */
export function countCycleReports(db: Queryable, cycleId: string) {
  return db.query<{
    organization: string;
    assigned: number;
    draft: number;
    submitted: number;
    returned: number;
    approved: number;
    late: number;
  }>(
    `SELECT o.code AS organization,
            count(*) FILTER (WHERE r.state = 'assigned')::int AS assigned,
            count(*) FILTER (WHERE r.state = 'draft')::int AS draft,
            count(*) FILTER (WHERE r.state = 'submitted')::int AS submitted,
            count(*) FILTER (WHERE r.state = 'returned')::int AS returned,
            count(*) FILTER (WHERE r.state = 'approved')::int AS approved,
            count(*) FILTER (WHERE ${LATE_SQL})::int AS late
       FROM reporting_assignments a JOIN reporting_cycles c ON c.id = a.cycle_id
       JOIN reports r ON r.assignment_id = a.id JOIN organizations o ON o.id = a.organization_id
      WHERE c.id = $1 GROUP BY o.code ORDER BY o.code`,
    [cycleId],
  );
}
