import type { Queryable } from '../../db/pool';

// Each statement takes a whole entity list as one JSON parameter (jsonb_to_recordset), so that importing a
// strategy of 20,000 nodes is a handful of round trips, not 20,000.

const json = (rows: unknown[]) => JSON.stringify(rows);

export async function upsertDimensions(tx: Queryable, rows: unknown[], builtin: boolean): Promise<void> {
  await tx.query(
    `INSERT INTO dimensions (code, name, is_builtin)
     SELECT x.code, x.name, $2 FROM jsonb_to_recordset($1) AS x(code text, name jsonb)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [json(rows), builtin],
  );
}

export async function upsertDimensionMembers(tx: Queryable, rows: unknown[]): Promise<void> {
  await tx.query(
    `INSERT INTO dimension_members (dimension_id, code, name, position)
     SELECT d.id, x.code, x.name, x.position
       FROM jsonb_to_recordset($1) AS x(dimension text, code text, name jsonb, position int)
       JOIN dimensions d ON d.code = x.dimension
     ON CONFLICT (dimension_id, code) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position`,
    [json(rows)],
  );
}

export async function findDimensions(db: Queryable) {
  return db.query<{
    code: string;
    name: Record<string, string>;
    members: { code: string; name: Record<string, string> }[];
  }>(
    `SELECT d.code, d.name,
            coalesce(json_agg(json_build_object('code', m.code, 'name', m.name) ORDER BY m.position, m.code)
                     FILTER (WHERE m.id IS NOT NULL), '[]') AS members
       FROM dimensions d LEFT JOIN dimension_members m ON m.dimension_id = d.id
      GROUP BY d.id ORDER BY d.code`,
  );
}

export async function findOrganizationCodes(db: Queryable): Promise<string[]> {
  return (await db.query<{ code: string }>('SELECT code FROM organizations WHERE deleted_at IS NULL')).map(
    (r) => r.code,
  );
}

/** Organizations are one registry shared by every strategy: matched by code, case-insensitively. */
export async function upsertOrganizations(tx: Queryable, rows: unknown[]): Promise<void> {
  await tx.query(
    `INSERT INTO organizations (code, name, acronym, type, region_code, website, source)
     SELECT x.code, x.name, x.acronym, x.type, x.region, x.website, x.source
       FROM jsonb_to_recordset($1) AS x(code text, name jsonb, acronym text, type text, region text, website text, source jsonb)
     ON CONFLICT (lower(code)) WHERE deleted_at IS NULL DO UPDATE SET
       name = EXCLUDED.name, acronym = EXCLUDED.acronym, type = EXCLUDED.type, region_code = EXCLUDED.region_code,
       website = EXCLUDED.website, source = EXCLUDED.source, version = organizations.version + 1, updated_at = now()
     WHERE (organizations.name, organizations.acronym, organizations.type, organizations.region_code,
            organizations.website, organizations.source)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.acronym, EXCLUDED.type, EXCLUDED.region_code,
            EXCLUDED.website, EXCLUDED.source)`,
    [json(rows)],
  );
  await tx.query(
    `UPDATE organizations o SET parent_id = p.id, version = o.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1) AS x(code text, parent text)
       LEFT JOIN organizations p ON lower(p.code) = lower(x.parent) AND p.deleted_at IS NULL
      WHERE lower(o.code) = lower(x.code) AND o.deleted_at IS NULL AND o.parent_id IS DISTINCT FROM p.id`,
    [json(rows)],
  );
}

export async function organizationIds(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; id: string }>(
    'SELECT lower(code) AS code, id FROM organizations WHERE deleted_at IS NULL',
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function upsertStrategy(tx: Queryable, s: Record<string, unknown>): Promise<{ id: string }> {
  return tx.one(
    `INSERT INTO strategies (code, title, subtitle, description, vision, period_start, period_end, state, levels,
                             predecessor_code, successor_codes, status_thresholds, fiscal_year_start_month,
                             fiscal_year_named_by, source, translations, budget_currency, budget_scale)
     SELECT x.code, x.title, x.subtitle, x.description, x.vision, x.period_start, x.period_end, x.state, x.levels,
            x.predecessor, coalesce(x.successors, '{}'), x.thresholds, x.fiscal_start, x.fiscal_named, x.source,
            x.translations, x.currency, x.scale
       FROM jsonb_to_record($1) AS x(code text, title jsonb, subtitle jsonb, description jsonb, vision jsonb,
            period_start date, period_end date, state text, levels jsonb, predecessor text, successors text[],
            thresholds jsonb, fiscal_start smallint, fiscal_named text, source jsonb, translations jsonb,
            currency text, scale numeric)
     ON CONFLICT (code) WHERE deleted_at IS NULL DO UPDATE SET
       title = EXCLUDED.title, subtitle = EXCLUDED.subtitle, description = EXCLUDED.description,
       vision = EXCLUDED.vision, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
       state = EXCLUDED.state, levels = EXCLUDED.levels, predecessor_code = EXCLUDED.predecessor_code,
       successor_codes = EXCLUDED.successor_codes, status_thresholds = EXCLUDED.status_thresholds,
       fiscal_year_start_month = EXCLUDED.fiscal_year_start_month, fiscal_year_named_by = EXCLUDED.fiscal_year_named_by,
       source = EXCLUDED.source, translations = EXCLUDED.translations, budget_currency = EXCLUDED.budget_currency,
       budget_scale = EXCLUDED.budget_scale, version = strategies.version + 1, updated_at = now()
     RETURNING id`,
    [JSON.stringify(s)],
  );
}

export async function linkStrategyOrganizations(
  tx: Queryable,
  strategyId: string,
  ids: string[],
): Promise<void> {
  await tx.query(
    `INSERT INTO strategy_organizations (strategy_id, organization_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [strategyId, ids],
  );
}

export async function linkStrategyDimensions(
  tx: Queryable,
  strategyId: string,
  codes: string[],
): Promise<void> {
  await tx.query(
    `INSERT INTO strategy_dimensions (strategy_id, dimension_id)
     SELECT $1, d.id FROM dimensions d WHERE d.code = ANY($2) ON CONFLICT DO NOTHING`,
    [strategyId, codes],
  );
}

export async function upsertNodes(tx: Queryable, strategyId: string, rows: unknown[]): Promise<void> {
  await tx.query(
    `INSERT INTO plan_nodes (strategy_id, code, level, position, title, description, weight, owner_id, planned_start,
                             planned_end, state, source, cross_references, lineage)
     SELECT $1, x.code, x.level, x.position, x.title, x.description, x.weight, x.owner_id, x.planned_start,
            x.planned_end, x.state, x.source, x.cross_references, x.lineage
       FROM jsonb_to_recordset($2) AS x(code text, level text, position int, title jsonb, description jsonb,
            weight numeric, owner_id uuid, planned_start date, planned_end date, state text, source jsonb,
            cross_references jsonb, lineage jsonb)
     ON CONFLICT (strategy_id, code) WHERE deleted_at IS NULL DO UPDATE SET
       level = EXCLUDED.level, position = EXCLUDED.position, title = EXCLUDED.title,
       description = EXCLUDED.description, weight = EXCLUDED.weight, owner_id = EXCLUDED.owner_id,
       planned_start = EXCLUDED.planned_start, planned_end = EXCLUDED.planned_end, state = EXCLUDED.state,
       source = EXCLUDED.source, cross_references = EXCLUDED.cross_references, lineage = EXCLUDED.lineage,
       version = plan_nodes.version + 1, updated_at = now()
     WHERE (plan_nodes.level, plan_nodes.position, plan_nodes.title, plan_nodes.description, plan_nodes.weight,
            plan_nodes.owner_id, plan_nodes.planned_start, plan_nodes.planned_end, plan_nodes.state,
            plan_nodes.source, plan_nodes.cross_references, plan_nodes.lineage)
           IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.position, EXCLUDED.title, EXCLUDED.description,
            EXCLUDED.weight, EXCLUDED.owner_id, EXCLUDED.planned_start, EXCLUDED.planned_end, EXCLUDED.state,
            EXCLUDED.source, EXCLUDED.cross_references, EXCLUDED.lineage)`,
    [strategyId, json(rows)],
  );
  await tx.query(
    `UPDATE plan_nodes n SET parent_id = p.id
       FROM jsonb_to_recordset($2) AS x(code text, parent text)
       LEFT JOIN plan_nodes p ON p.strategy_id = $1 AND p.code = x.parent AND p.deleted_at IS NULL
      WHERE n.strategy_id = $1 AND n.code = x.code AND n.deleted_at IS NULL AND n.parent_id IS DISTINCT FROM p.id`,
    [strategyId, json(rows)],
  );
}

export async function nodeIds(db: Queryable, strategyId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; id: string }>(
    'SELECT code, id FROM plan_nodes WHERE strategy_id = $1 AND deleted_at IS NULL',
    [strategyId],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function replaceNodeContributors(
  tx: Queryable,
  rows: { node_id: string; organization_id: string }[],
  nodeIdsToReset: string[],
) {
  await tx.query('DELETE FROM plan_node_contributors WHERE node_id = ANY($1::uuid[])', [nodeIdsToReset]);
  await tx.query(
    `INSERT INTO plan_node_contributors (node_id, organization_id)
     SELECT x.node_id, x.organization_id FROM jsonb_to_recordset($1) AS x(node_id uuid, organization_id uuid)
     ON CONFLICT DO NOTHING`,
    [json(rows)],
  );
}

/** Indicator codes of this package that another strategy already owns. */
export async function indicatorsOwnedElsewhere(db: Queryable, strategyCode: string, codes: string[]) {
  return db.query<{ code: string; strategy: string }>(
    `SELECT i.code, s.code AS strategy FROM indicators i JOIN strategies s ON s.id = i.strategy_id
      WHERE i.code = ANY($1) AND i.deleted_at IS NULL AND s.code <> $2`,
    [codes, strategyCode],
  );
}

export async function upsertIndicators(
  tx: Queryable,
  strategyId: string,
  rows: unknown[],
): Promise<Map<string, string>> {
  const result = await tx.query<{ code: string; id: string }>(
    `INSERT INTO indicators (strategy_id, code, name, description, unit, direction, aggregation, decimals, dimensions,
                             periodicity, source)
     SELECT $1, x.code, x.name, x.description, x.unit, x.direction, x.aggregation, x.decimals,
            coalesce(x.dimensions, '{}'), x.periodicity, x.source
       FROM jsonb_to_recordset($2) AS x(code text, name jsonb, description jsonb, unit text, direction text,
            aggregation text, decimals int, dimensions text[], periodicity text, source jsonb)
     ON CONFLICT (code) WHERE deleted_at IS NULL DO UPDATE SET
       name = EXCLUDED.name, description = EXCLUDED.description, unit = EXCLUDED.unit,
       direction = EXCLUDED.direction, aggregation = EXCLUDED.aggregation, decimals = EXCLUDED.decimals,
       dimensions = EXCLUDED.dimensions, periodicity = EXCLUDED.periodicity, source = EXCLUDED.source,
       version = indicators.version + 1, updated_at = now()
     RETURNING code, id`,
    [strategyId, json(rows)],
  );
  return new Map(result.map((r) => [r.code, r.id]));
}

export async function replaceIndicatorNodes(
  tx: Queryable,
  indicatorIds: string[],
  rows: unknown[],
): Promise<void> {
  await tx.query('DELETE FROM indicator_nodes WHERE indicator_id = ANY($1::uuid[])', [indicatorIds]);
  await tx.query(
    `INSERT INTO indicator_nodes (indicator_id, node_id)
     SELECT x.indicator_id, x.node_id FROM jsonb_to_recordset($1) AS x(indicator_id uuid, node_id uuid)
     ON CONFLICT DO NOTHING`,
    [json(rows)],
  );
}

export async function currentTargets(db: Queryable, indicatorIds: string[]) {
  return db.query<{
    indicator_id: string;
    version: number;
    baseline: unknown;
    milestones: unknown;
    final: unknown;
  }>(
    `SELECT DISTINCT ON (indicator_id) indicator_id, version, baseline, milestones, final
       FROM target_versions WHERE indicator_id = ANY($1::uuid[])
      ORDER BY indicator_id, version DESC`,
    [indicatorIds],
  );
}

export async function insertTargetVersions(
  tx: Queryable,
  rows: unknown[],
  userId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO target_versions (indicator_id, version, baseline, milestones, final, reason, effective_from, created_by)
     SELECT x.indicator_id, x.version, x.baseline, coalesce(x.milestones, '[]'), x.final, x.reason, x.effective_from, $2
       FROM jsonb_to_recordset($1) AS x(indicator_id uuid, version int, baseline jsonb, milestones jsonb,
            final jsonb, reason text, effective_from date)`,
    [json(rows), userId],
  );
}

export async function upsertObservations(tx: Queryable, rows: unknown[]): Promise<void> {
  await tx.query(
    `INSERT INTO observations (indicator_id, period, period_end, dims, dims_key, value, state, source, confidence, reported)
     SELECT x.indicator_id, x.period, x.period_end, coalesce(x.dims, '{}'), x.dims_key, x.value,
            coalesce(x.state, 'approved'), x.source, x.confidence, x.reported
       FROM jsonb_to_recordset($1) AS x(indicator_id uuid, period text, period_end date, dims jsonb, dims_key text,
            value numeric, state text, source jsonb, confidence text, reported jsonb)
     ON CONFLICT (indicator_id, dims_key, period) DO UPDATE SET
       value = EXCLUDED.value, state = EXCLUDED.state, source = EXCLUDED.source, confidence = EXCLUDED.confidence,
       reported = EXCLUDED.reported, period_end = EXCLUDED.period_end, dims = EXCLUDED.dims, updated_at = now()
     WHERE (observations.value, observations.state, observations.source, observations.confidence, observations.reported)
           IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.state, EXCLUDED.source, EXCLUDED.confidence, EXCLUDED.reported)`,
    [json(rows)],
  );
}

export async function upsertBudgetLines(tx: Queryable, strategyId: string, rows: unknown[]): Promise<void> {
  await tx.query(
    `INSERT INTO budget_lines (strategy_id, node_id, rubric, rubric_label, year, amount, type, status, source)
     SELECT $1, x.node_id, x.rubric, x.rubric_label, x.year, x.amount, x.type, x.status, x.source
       FROM jsonb_to_recordset($2) AS x(node_id uuid, rubric text, rubric_label jsonb, year int, amount numeric,
            type text, status text, source jsonb)
     ON CONFLICT (strategy_id, coalesce(node_id, '00000000-0000-0000-0000-000000000000'::uuid), rubric, year, type)
     DO UPDATE SET rubric_label = EXCLUDED.rubric_label, amount = EXCLUDED.amount, status = EXCLUDED.status,
                   source = EXCLUDED.source, updated_at = now()`,
    [strategyId, json(rows)],
  );
}

/** Transactions have no natural key: a package's list replaces those of the strategy not from a report. */
export async function replaceTransactions(tx: Queryable, strategyId: string, rows: unknown[]): Promise<void> {
  await tx.query('DELETE FROM transactions WHERE strategy_id = $1 AND report_id IS NULL', [strategyId]);
  await tx.query(
    `INSERT INTO transactions (strategy_id, node_id, date, type, amount, description, source)
     SELECT $1, x.node_id, x.date, x.type, x.amount, x.description, x.source
       FROM jsonb_to_recordset($2) AS x(node_id uuid, date date, type text, amount numeric, description jsonb, source jsonb)`,
    [strategyId, json(rows)],
  );
}

export async function upsertProjects(
  tx: Queryable,
  strategyId: string,
  rows: unknown[],
): Promise<Map<string, string>> {
  const result = await tx.query<{ code: string; id: string }>(
    `INSERT INTO projects (strategy_id, code, node_id, title, description, kind, is_flagship, group_label, owner_id, source)
     SELECT $1, x.code, x.node_id, x.title, x.description, x.kind, coalesce(x.flagship, false), x.group_label,
            x.owner_id, x.source
       FROM jsonb_to_recordset($2) AS x(code text, node_id uuid, title jsonb, description jsonb, kind text,
            flagship boolean, group_label jsonb, owner_id uuid, source jsonb)
     ON CONFLICT (strategy_id, code) WHERE deleted_at IS NULL DO UPDATE SET
       node_id = EXCLUDED.node_id, title = EXCLUDED.title, description = EXCLUDED.description, kind = EXCLUDED.kind,
       is_flagship = EXCLUDED.is_flagship, group_label = EXCLUDED.group_label, owner_id = EXCLUDED.owner_id,
       source = EXCLUDED.source, version = projects.version + 1, updated_at = now()
     RETURNING code, id`,
    [strategyId, json(rows)],
  );
  return new Map(result.map((r) => [r.code, r.id]));
}

export async function replaceMilestones(tx: Queryable, projectIds: string[], rows: unknown[]): Promise<void> {
  await tx.query('DELETE FROM project_milestones WHERE project_id = ANY($1::uuid[])', [projectIds]);
  await tx.query(
    `INSERT INTO project_milestones (project_id, code, position, title, planned_date, actual_date, source)
     SELECT x.project_id, x.code, x.position, x.title, x.planned_date, x.actual_date, x.source
       FROM jsonb_to_recordset($1) AS x(project_id uuid, code text, position int, title jsonb, planned_date text,
            actual_date text, source jsonb)`,
    [json(rows)],
  );
}

export async function upsertBodies(
  tx: Queryable,
  strategyId: string,
  rows: unknown[],
): Promise<Map<string, string>> {
  const result = await tx.query<{ code: string; id: string }>(
    `INSERT INTO governance_bodies (strategy_id, code, name, kind, mandate, chair_id, source)
     SELECT $1, x.code, x.name, x.kind, x.mandate, x.chair_id, x.source
       FROM jsonb_to_recordset($2) AS x(code text, name jsonb, kind text, mandate jsonb, chair_id uuid, source jsonb)
     ON CONFLICT (coalesce(strategy_id, '00000000-0000-0000-0000-000000000000'::uuid), code) DO UPDATE SET
       name = EXCLUDED.name, kind = EXCLUDED.kind, mandate = EXCLUDED.mandate, chair_id = EXCLUDED.chair_id,
       source = EXCLUDED.source, deleted_at = NULL, version = governance_bodies.version + 1, updated_at = now()
     RETURNING code, id`,
    [strategyId, json(rows)],
  );
  await tx.query(
    `UPDATE governance_bodies b SET reports_to_id = p.id
       FROM jsonb_to_recordset($2) AS x(code text, reports_to text)
       LEFT JOIN governance_bodies p ON p.strategy_id = $1 AND p.code = x.reports_to
      WHERE b.strategy_id = $1 AND b.code = x.code`,
    [strategyId, json(rows)],
  );
  return new Map(result.map((r) => [r.code, r.id]));
}

export async function replaceBodyMembers(tx: Queryable, bodyIds: string[], rows: unknown[]): Promise<void> {
  await tx.query('DELETE FROM body_members WHERE body_id = ANY($1::uuid[])', [bodyIds]);
  await tx.query(
    `INSERT INTO body_members (body_id, organization_id)
     SELECT x.body_id, x.organization_id FROM jsonb_to_recordset($1) AS x(body_id uuid, organization_id uuid)
     ON CONFLICT DO NOTHING`,
    [json(rows)],
  );
}

export async function replaceReportingLines(
  tx: Queryable,
  strategyId: string,
  rows: unknown[],
): Promise<void> {
  await tx.query('DELETE FROM reporting_lines WHERE strategy_id = $1', [strategyId]);
  await tx.query(
    `INSERT INTO reporting_lines (strategy_id, organization_id, reviewer_body_id)
     SELECT $1, x.organization_id, x.body_id FROM jsonb_to_recordset($2) AS x(organization_id uuid, body_id uuid)
     ON CONFLICT DO NOTHING`,
    [strategyId, json(rows)],
  );
}
