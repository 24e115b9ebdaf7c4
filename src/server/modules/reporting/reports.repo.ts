import type { Queryable } from '../../db/pool';
import { accessParams, LATE_SQL, reviewerSql, visibleSql } from './cycles.repo';
import { DEFAULT_REASONS } from './reasons';
import type { ReportAccess, ReportFacts } from './reporting.policy';
import type { ReportContent } from './reporting.schema';

export interface ReportRow extends ReportFacts {
  id: string;
  assignmentId: string;
  cycleId: string;
  state: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved';
  content: ReportContent;
  evaluations: unknown[] | null;
  comments: unknown;
  isLate: boolean;
  submittedAt: string | null;
  approvedAt: string | null;
  version: number;
  organization: { code: string; name: Record<string, string> };
}

const REPORT = `r.id, r.assignment_id AS "assignmentId", a.cycle_id AS "cycleId", a.organization_id AS "organizationId",
  r.state, r.content, r.evaluations, r.comments, ${LATE_SQL} AS "isLate",
  r.submitted_at AS "submittedAt", r.approved_at AS "approvedAt", r.submitted_by AS "submittedBy",
  r.updated_by AS "updatedBy", r.version, json_build_object('code', o.code, 'name', o.name) AS organization`;
const JOINS = `JOIN reporting_assignments a ON a.id = r.assignment_id
  JOIN reporting_cycles c ON c.id = a.cycle_id JOIN organizations o ON o.id = a.organization_id`;
const FROM = `FROM reports r ${JOINS}`;

/** One report with what the policy needs; `lock` takes the row lock every transition holds. */
export function findReport(db: Queryable, id: string, access: ReportAccess, lock = false) {
  return db.maybeOne<ReportRow>(
    `SELECT ${REPORT}, ${visibleSql(2)} AS "isVisible", ${reviewerSql(3)} AS "isReviewer"
       ${FROM} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
    [id, ...accessParams(access)],
  );
}

export function findReports(db: Queryable, filter: { cycle?: string; state?: string }, access: ReportAccess) {
  return db.query(
    `SELECT r.id, c.id AS cycle, s.code AS strategy, c.period, to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate",
            o.code AS organization, r.state, ${LATE_SQL} AS "isLate", r.version
       ${FROM} JOIN strategies s ON s.id = c.strategy_id
      WHERE ($1::uuid IS NULL OR c.id = $1) AND ($2::text IS NULL OR r.state = $2) AND ${visibleSql(3)}
      ORDER BY c.period_start DESC, o.code`,
    [filter.cycle ?? null, filter.state ?? null, ...accessParams(access)],
  );
}

export interface ScopeIndicator {
  id: string;
  code: string;
  name: Record<string, string>;
  unit: string;
  dimensions: string[];
  direction: 'increase' | 'decrease';
  aggregation: 'sum' | 'mean' | 'last';
  nodes: string[];
}

export interface ScopeCommitment {
  id: string;
  code: string;
  agreement: string;
  title: Record<string, string>;
  metric: string;
  value: number | null;
  dueYear: number | null;
}
export interface Scope {
  commitments: ScopeCommitment[];
  nodes: {
    id: string;
    code: string;
    title: Record<string, string>;
    plannedStart: string | null;
    plannedEnd: string | null;
  }[];
  indicators: ScopeIndicator[];
  projects: {
    code: string;
    title: Record<string, string>;
    milestones: {
      id: string;
      title: Record<string, string>;
      plannedDate: string | null;
      actualDate: string | null;
    }[];
  }[];
}

/**
 * What an assignment covers, with what checking and judging its figures needs. The queries run one after the
 * other: inside a transaction they share one connection.
 */
export async function findScope(db: Queryable, assignmentId: string): Promise<Scope> {
  const nodes = await db.query<Scope['nodes'][number]>(
    `SELECT n.id, n.code, n.title, to_char(n.planned_start, 'YYYY-MM-DD') AS "plannedStart",
              to_char(n.planned_end, 'YYYY-MM-DD') AS "plannedEnd"
         FROM assignment_items x JOIN plan_nodes n ON n.id = x.node_id
        WHERE x.assignment_id = $1 ORDER BY n.position, n.code`,
    [assignmentId],
  );
  const indicators = await db.query<ScopeIndicator>(
    `SELECT i.id, i.code, i.name, i.unit, i.dimensions, i.direction, i.aggregation,
              coalesce((SELECT array_agg(n.code ORDER BY n.code) FROM indicator_nodes l
                          JOIN assignment_items y ON y.node_id = l.node_id AND y.assignment_id = x.assignment_id
                          JOIN plan_nodes n ON n.id = l.node_id
                         WHERE l.indicator_id = i.id), '{}') AS nodes
         FROM assignment_items x JOIN indicators i ON i.id = x.indicator_id
        WHERE x.assignment_id = $1 ORDER BY i.code`,
    [assignmentId],
  );
  const projects = await db.query<Scope['projects'][number]>(
    `SELECT p.code, p.title,
              coalesce((SELECT json_agg(json_build_object('id', m.id, 'title', m.title, 'plannedDate', m.planned_date,
                                                          'actualDate', m.actual_date) ORDER BY m.position)
                          FROM project_milestones m WHERE m.project_id = p.id), '[]') AS milestones
         FROM assignment_items x JOIN projects p ON p.id = x.project_id
        WHERE x.assignment_id = $1 ORDER BY p.code`,
    [assignmentId],
  );
  const commitments = await db.query<ScopeCommitment>(
    `SELECT c.id, c.code, g.code AS agreement, g.title, c.metric, c.value, c.due_year AS "dueYear"
         FROM assignment_items x JOIN commitments c ON c.id = x.commitment_id
         JOIN agreements g ON g.id = c.agreement_id
        WHERE x.assignment_id = $1 ORDER BY g.code, c.code`,
    [assignmentId],
  );
  return { nodes, indicators, projects, commitments };
}

/** Which of the (dimension, member) pairs are unknown, as `dimension=member` keys. */
export async function findUnknownMembers(db: Queryable, pairs: [string, string][]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db.query<{ key: string }>(
    `SELECT DISTINCT x.dimension || '=' || x.code AS key FROM unnest($1::text[], $2::text[]) AS x(dimension, code)
      WHERE NOT EXISTS (SELECT 1 FROM dimension_members m JOIN dimensions d ON d.id = m.dimension_id
                         WHERE d.code = x.dimension AND m.code = x.code)`,
    [pairs.map(([d]) => d), pairs.map(([, c]) => c)],
  );
  return new Set(rows.map((r) => r.key));
}

/** For each indicator, the target version in force at `asOf` (null when none). */
export async function findTargetsAt(db: Queryable, indicatorIds: string[], asOf: string) {
  const rows = await db.query<{ id: string; target: unknown }>(
    `SELECT i.id, (SELECT json_build_object('baseline', t.baseline, 'milestones', t.milestones, 'final', t.final)
                     FROM target_versions t WHERE t.indicator_id = i.id AND t.effective_from <= $2
                    ORDER BY t.effective_from DESC, t.version DESC LIMIT 1) AS target
       FROM unnest($1::uuid[]) AS i(id)`,
    [indicatorIds, asOf],
  );
  return new Map(rows.map((r) => [r.id, r.target]));
}

export async function findActiveReasons(db: Queryable): Promise<Set<string>> {
  const rows = await findReasons(db);
  return new Set(rows.filter((r) => r.active).map((r) => r.code));
}

export async function saveDraft(
  tx: Queryable,
  id: string,
  content: ReportContent,
  state: string,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE reports SET content = $2, state = $3, updated_by = $4, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, JSON.stringify(content), state, userId],
  );
}

export async function markSubmitted(
  tx: Queryable,
  id: string,
  evaluations: unknown[],
  userId: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE reports SET state = 'submitted', evaluations = $2, submitted_by = $3, submitted_at = now(),
            first_submitted_at = coalesce(first_submitted_at, now()), submissions = submissions + 1,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, JSON.stringify(evaluations), userId],
  );
}

export async function replaceExplanations(
  tx: Queryable,
  reportId: string,
  rows: {
    kind: string;
    code: string;
    status: string;
    e: NonNullable<ReportContent['explanations']>[number];
  }[],
): Promise<void> {
  await tx.query('DELETE FROM variance_explanations WHERE report_id = $1', [reportId]);
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO variance_explanations (report_id, item_kind, item_code, status, reason_code, narrative,
                                       corrective_action, action_owner, action_due, escalate)
     SELECT $1, x.kind, x.code, x.status, x.reason, x.narrative, x.action, x.owner, x.due, x.escalate
       FROM jsonb_to_recordset($2) AS x(kind text, code text, status text, reason text, narrative text,
                                        action text, owner text, due date, escalate boolean)`,
    [
      reportId,
      JSON.stringify(
        rows.map((r) => ({
          kind: r.kind,
          code: r.code,
          status: r.status,
          reason: r.e.reasonCode,
          narrative: r.e.narrative,
          action: r.e.correctiveAction,
          owner: r.e.owner,
          due: r.e.dueDate,
          escalate: r.e.escalate,
        })),
      ),
    ],
  );
}

/** Moves a report to `state` after a review (returned, approved) or a reopening, with the comments given. */
export async function markReviewed(
  tx: Queryable,
  id: string,
  state: 'returned' | 'approved',
  comments: unknown,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE reports SET state = $2, comments = $3, reviewed_by = $4, reviewed_at = now(),
            approved_at = CASE WHEN $2 = 'approved' THEN now() END, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, state, comments === null ? null : JSON.stringify(comments), userId],
  );
}

/** The list in force: the stored one, or Marsad's defaults while the strategy office has set none. */
export async function findReasons(db: Queryable) {
  const rows = await db.query<{ code: string; label: Record<string, string>; active: boolean }>(
    'SELECT code, label, is_active AS active FROM variance_reasons ORDER BY position, code',
  );
  return rows.length ? rows : DEFAULT_REASONS;
}

export async function replaceReasons(
  tx: Queryable,
  items: { code: string; label: Record<string, string>; active: boolean }[],
): Promise<void> {
  // Codes are kept once used (explanations refer to them): an unlisted code becomes inactive. The defaults are
  // stored first, so that the first list the office sets retires the defaults it leaves out.
  await tx.query(
    `INSERT INTO variance_reasons (code, label, position, is_active)
     SELECT x.code, x.label, x.position, true FROM jsonb_to_recordset($1) AS x(code text, label jsonb, position int)
      WHERE NOT EXISTS (SELECT 1 FROM variance_reasons)`,
    [JSON.stringify(DEFAULT_REASONS.map((r, i) => ({ code: r.code, label: r.label, position: i + 1 })))],
  );
  await tx.query('UPDATE variance_reasons SET is_active = false WHERE NOT (code = ANY($1))', [
    items.map((i) => i.code),
  ]);
  await tx.query(
    `INSERT INTO variance_reasons (code, label, position, is_active)
     SELECT x.code, x.label, x.position, x.active FROM jsonb_to_recordset($1)
         AS x(code text, label jsonb, position int, active boolean)
     ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position,
                                      is_active = EXCLUDED.is_active`,
    [JSON.stringify(items.map((item, i) => ({ ...item, position: i + 1 })))],
  );
}

/** The escalated explanations of submitted or approved reports: the inter-ministerial committee's agenda. */
export function findAgenda(db: Queryable, strategyCode: string | null, access: ReportAccess) {
  return db.query(
    `SELECT r.id AS report, s.code AS strategy, c.period, o.code AS organization, v.item_kind AS kind,
            v.item_code AS code, v.status, v.reason_code AS "reasonCode", v.narrative,
            v.corrective_action AS "correctiveAction", v.action_owner AS owner,
            to_char(v.action_due, 'YYYY-MM-DD') AS "dueDate", r.state AS "reportState"
       FROM variance_explanations v JOIN reports r ON r.id = v.report_id ${JOINS}
       JOIN strategies s ON s.id = c.strategy_id
      WHERE v.escalate AND r.state IN ('submitted', 'approved') AND ($1::text IS NULL OR s.code = $1)
        AND ${visibleSql(2)}
      ORDER BY c.period_start DESC, o.code, v.item_kind, v.item_code`,
    [strategyCode, ...accessParams(access)],
  );
}

/**
 * The corrective actions this organization promised in the strategy's earlier cycles: followed up in the next
 * report, which shows them to its reporter and reviewer.
 */
export function findFollowUps(db: Queryable, cycleId: string, organizationId: string) {
  return db.query<{
    period: string;
    kind: 'indicator' | 'node';
    code: string;
    correctiveAction: string;
    owner: string;
    dueDate: string;
    escalated: boolean;
  }>(
    `SELECT pc.period, v.item_kind AS kind, v.item_code AS code, v.corrective_action AS "correctiveAction",
            v.action_owner AS owner, to_char(v.action_due, 'YYYY-MM-DD') AS "dueDate", v.escalate AS escalated
       FROM reporting_cycles c
       JOIN reporting_cycles pc ON pc.strategy_id = c.strategy_id AND pc.period_end < c.period_start
       JOIN reporting_assignments pa ON pa.cycle_id = pc.id AND pa.organization_id = $2
       JOIN reports pr ON pr.assignment_id = pa.id AND pr.state IN ('submitted', 'approved')
       JOIN variance_explanations v ON v.report_id = pr.id
      WHERE c.id = $1
      ORDER BY pc.period_end DESC, v.item_kind, v.item_code`,
    [cycleId, organizationId],
  );
}

/** The commitments among `ids` that already have a verified realisation for `period`. */
export async function findVerifiedRealisations(
  db: Queryable,
  ids: string[],
  period: string,
): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT commitment_id AS id FROM realisations
      WHERE commitment_id = ANY($1::uuid[]) AND period = $2 AND state = 'verified' AND deleted_at IS NULL`,
    [ids, period],
  );
  return new Set(rows.map((r) => r.id));
}
