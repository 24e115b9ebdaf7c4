import type { Queryable } from '../../db/pool';

// One query per entity of a strategy, each returning rows already shaped like the package's fields.

export function findStrategyRow(db: Queryable, code: string) {
  return db.maybeOne<Record<string, unknown> & { id: string }>(
    `SELECT id, code, title, subtitle, description, vision, to_char(period_start, 'YYYY-MM-DD') AS "periodStart",
            to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", state, levels, predecessor_code AS predecessor,
            successor_codes AS successors, status_thresholds AS "statusThresholds",
            CASE WHEN fiscal_year_start_month <> 1 THEN json_build_object('startMonth', fiscal_year_start_month,
              'namedBy', fiscal_year_named_by) END AS "fiscalCalendar",
            source, translations,
            budget_currency AS currency, budget_scale AS scale
       FROM strategies WHERE code = $1 AND deleted_at IS NULL`,
    [code],
  );
}

export function findPackageOrganizations(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown>>(
    `SELECT o.code, o.name, o.acronym, o.type, p.code AS parent, o.region_code AS region, o.website, o.source
       FROM strategy_organizations so JOIN organizations o ON o.id = so.organization_id
       LEFT JOIN organizations p ON p.id = o.parent_id
      WHERE so.strategy_id = $1 AND o.deleted_at IS NULL`,
    [strategyId],
  );
}

export function findPackageDimensions(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown>>(
    `SELECT d.code, d.name,
            json_agg(json_build_object('code', m.code, 'name', m.name) ORDER BY m.position, m.code) AS members
       FROM strategy_dimensions sd JOIN dimensions d ON d.id = sd.dimension_id
       JOIN dimension_members m ON m.dimension_id = d.id
      WHERE sd.strategy_id = $1 GROUP BY d.id`,
    [strategyId],
  );
}

export function findPackageBodies(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown>>(
    `SELECT b.code, b.name, b.kind, b.mandate, c.code AS chair, r.code AS "reportsTo", b.source,
            coalesce((SELECT array_agg(o.code ORDER BY o.code) FROM body_members bm
                        JOIN organizations o ON o.id = bm.organization_id WHERE bm.body_id = b.id), '{}') AS members
       FROM governance_bodies b LEFT JOIN organizations c ON c.id = b.chair_id
       LEFT JOIN governance_bodies r ON r.id = b.reports_to_id
      WHERE b.strategy_id = $1 AND b.deleted_at IS NULL`,
    [strategyId],
  );
}

export function findPackageReportingLines(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown>>(
    `SELECT o.code AS organization, b.code AS reviewer FROM reporting_lines l
       JOIN organizations o ON o.id = l.organization_id JOIN governance_bodies b ON b.id = l.reviewer_body_id
      WHERE l.strategy_id = $1`,
    [strategyId],
  );
}

export function findPackageNodes(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown>>(
    `SELECT n.code, p.code AS parent, n.level, n.position AS "order", n.title, n.description, n.weight,
            o.code AS owner,
            (SELECT array_agg(c.code ORDER BY c.code) FROM plan_node_contributors pc
               JOIN organizations c ON c.id = pc.organization_id WHERE pc.node_id = n.id) AS contributors,
            to_char(n.planned_start, 'YYYY-MM-DD') AS "plannedStart", to_char(n.planned_end, 'YYYY-MM-DD') AS "plannedEnd",
            n.state, n.source, n.cross_references AS "crossReferences", n.lineage
       FROM plan_nodes n LEFT JOIN plan_nodes p ON p.id = n.parent_id LEFT JOIN organizations o ON o.id = n.owner_id
      WHERE n.strategy_id = $1 AND n.deleted_at IS NULL`,
    [strategyId],
  );
}

export function findPackageIndicators(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown> & { id: string }>(
    `SELECT i.id, i.code, i.name, i.unit, i.direction, i.aggregation, i.decimals, i.dimensions, i.periodicity,
            (SELECT array_agg(n.code ORDER BY n.code) FROM indicator_nodes x JOIN plan_nodes n ON n.id = x.node_id
              WHERE x.indicator_id = i.id AND n.deleted_at IS NULL) AS nodes,
            i.source, i.description,
            (SELECT json_build_object('baseline', t.baseline, 'milestones', t.milestones, 'final', t.final)
               FROM target_versions t WHERE t.indicator_id = i.id ORDER BY t.version DESC LIMIT 1) AS target
       FROM indicators i WHERE i.strategy_id = $1 AND i.deleted_at IS NULL`,
    [strategyId],
  );
}

export function findPackageObservations(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown> & { indicator_id: string }>(
    `SELECT o.indicator_id, o.period, o.dims AS dimensions, o.value, o.state, o.source, o.confidence, o.reported
       FROM observations o JOIN indicators i ON i.id = o.indicator_id
      WHERE i.strategy_id = $1 AND i.deleted_at IS NULL`,
    [strategyId],
  );
}

export function findPackageBudgetLines(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown>>(
    `SELECT n.code AS node, l.rubric, l.rubric_label AS "rubricLabel", l.year, l.amount, l.type, l.status, l.source
       FROM budget_lines l LEFT JOIN plan_nodes n ON n.id = l.node_id WHERE l.strategy_id = $1`,
    [strategyId],
  );
}

export function findPackageTransactions(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown>>(
    `SELECT n.code AS node, to_char(t.date, 'YYYY-MM-DD') AS date, t.type, t.amount, t.description, t.source
       FROM transactions t LEFT JOIN plan_nodes n ON n.id = t.node_id WHERE t.strategy_id = $1`,
    [strategyId],
  );
}

export function findPackageProjects(db: Queryable, strategyId: string) {
  return db.query<Record<string, unknown>>(
    `SELECT p.code, n.code AS node, p.title, p.description, p.kind, p.is_flagship AS flagship, p.group_label AS "group",
            o.code AS owner, p.source,
            (SELECT json_agg(json_build_object('code', m.code, 'title', m.title, 'plannedDate', m.planned_date,
                                               'actualDate', m.actual_date, 'source', m.source) ORDER BY m.position)
               FROM project_milestones m WHERE m.project_id = p.id) AS milestones
       FROM projects p LEFT JOIN plan_nodes n ON n.id = p.node_id LEFT JOIN organizations o ON o.id = p.owner_id
      WHERE p.strategy_id = $1 AND p.deleted_at IS NULL`,
    [strategyId],
  );
}
