import type { Queryable } from '../../db/pool';

export interface PendingReport {
  report: string;
  strategyId: string;
  organizationId: string;
  strategy: string;
  period: string;
  dueDate: string;
  organization: Record<string, string>;
  /** Days from `today` to the due date: negative once late. */
  daysLeft: number;
  neverSubmitted: boolean;
}

/** Reports of open cycles that still wait on their reporter and are due within `daysBefore` days, or late. */
export function findPendingReports(db: Queryable, today: string, daysBefore: number) {
  return db.query<PendingReport>(
    `SELECT r.id AS report, c.strategy_id AS "strategyId", a.organization_id AS "organizationId",
            s.code AS strategy, c.period, to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate", o.name AS organization,
            (c.due_date - $1::date) AS "daysLeft", r.first_submitted_at IS NULL AS "neverSubmitted"
       FROM reports r JOIN reporting_assignments a ON a.id = r.assignment_id
       JOIN reporting_cycles c ON c.id = a.cycle_id JOIN strategies s ON s.id = c.strategy_id
       JOIN organizations o ON o.id = a.organization_id
      WHERE c.state = 'open' AND r.state IN ('assigned', 'draft', 'returned')
        AND c.due_date - $1::date <= $2
      ORDER BY c.due_date, o.code`,
    [today, daysBefore],
  );
}

export interface Recipient {
  id: string;
  email: string;
  locale: string;
}

const USERS = `SELECT DISTINCT u.id, u.email, u.locale FROM role_assignments ra JOIN users u ON u.id = ra.user_id
  WHERE u.is_active AND u.email IS NOT NULL`;

/** The reporters of an organization: the reporter role held on it or on an organization above it. */
export function findReporters(db: Queryable, organizationId: string) {
  return db.query<Recipient>(
    `WITH RECURSIVE up(id) AS (
       SELECT $1::uuid UNION SELECT o.parent_id FROM organizations o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
     ${USERS} AND ra.role = 'reporter' AND ra.organization_id IN (SELECT id FROM up) ORDER BY u.id`,
    [organizationId],
  );
}

/**
 * The reviewers of the bodies that review an organization's reports (reporting lines), by the membership rule
 * of reporting.policy.ts: the reviewer role held on the body's chair or a member, or above it, or everywhere.
 */
export function findReviewers(db: Queryable, strategyId: string, organizationId: string) {
  return db.query<Recipient>(
    `WITH RECURSIVE bodies AS (
       SELECT b.id, b.chair_id FROM reporting_lines l
         JOIN governance_bodies b ON b.id = l.reviewer_body_id AND b.deleted_at IS NULL
        WHERE l.strategy_id = $1 AND l.organization_id = $2),
     seats AS (
       SELECT chair_id AS id FROM bodies WHERE chair_id IS NOT NULL
       UNION SELECT m.organization_id FROM body_members m JOIN bodies ON bodies.id = m.body_id),
     up(id) AS (
       SELECT id FROM seats UNION SELECT o.parent_id FROM organizations o JOIN up ON o.id = up.id
        WHERE o.parent_id IS NOT NULL)
     ${USERS} AND ra.role = 'reviewer' AND EXISTS (SELECT 1 FROM bodies)
       AND (ra.organization_id IS NULL OR ra.organization_id IN (SELECT id FROM up)) ORDER BY u.id`,
    [strategyId, organizationId],
  );
}
