import { BUILTIN_DIMENSIONS } from '../../../domain/package/builtin-dimensions';
import type { StrategyPackage } from '../../../domain/package/schema';
import { validatePackage } from '../../../domain/package/validate';
import { periodEnd } from '../../../domain/periods';
import { actorUserId } from '../../access/actor';
import { requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, type FieldError } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import type { Progress } from '../operations/operations.service';
import * as repo from './package-import.repo';
import { writeTargets } from './package-targets';

const OBSERVATION_BATCH = 5000;

export interface ImportSummary {
  strategy: string;
  organizations: number;
  nodes: number;
  indicators: number;
  targetVersions: number;
  observations: number;
  budgetLines: number;
  transactions: number;
  projects: number;
  bodies: number;
}

/** The canonical key of a set of dimension members: `region=MA-06;zone=dense`, '' for the national total. */
export function dimsKey(dims: Record<string, string> | undefined): string {
  if (!dims) return '';
  return Object.keys(dims)
    .sort()
    .map((key) => `${key}=${dims[key]}`)
    .join(';');
}

/** Makes sure the dimensions Marsad ships (regions, zone density, income categories) exist. */
export async function ensureBuiltinDimensions(tx: Queryable): Promise<void> {
  await repo.upsertDimensions(
    tx,
    BUILTIN_DIMENSIONS.map((d) => ({ code: d.code, name: d.name })),
    true,
  );
  await repo.upsertDimensionMembers(
    tx,
    BUILTIN_DIMENSIONS.flatMap((d) =>
      d.members.map((m, position) => ({ dimension: d.code, ...m, position })),
    ),
  );
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function invalidPackage(errors: FieldError[]): AppError {
  return new AppError(
    'package_invalid',
    422,
    'The strategy package has errors; nothing was imported',
    {},
    errors,
  );
}

/** Checks a package against the schema and against what the database already holds; throws with every error. */
async function validateAgainstDatabase(tx: Queryable, input: unknown): Promise<StrategyPackage> {
  // The package may (re)declare its own dimensions; the others must already exist.
  const given = (input as { dimensions?: unknown } | null)?.dimensions;
  const declared = new Set(
    Array.isArray(given) ? given.map((d) => (d as { code?: unknown } | null)?.code) : [],
  );
  const dimensions = (await repo.findDimensions(tx)).filter((d) => !declared.has(d.code));
  const result = validatePackage(input, {
    dimensions,
    externalOrganizations: await repo.findOrganizationCodes(tx),
  });
  if (!result.ok) throw invalidPackage(result.errors);
  const pkg = result.pkg;
  const elsewhere = await repo.indicatorsOwnedElsewhere(
    tx,
    pkg.strategy.code,
    pkg.indicators.map((i) => i.code),
  );
  if (elsewhere.length) {
    throw invalidPackage(
      elsewhere.map((row) => ({
        path: `/indicators/${pkg.indicators.findIndex((i) => i.code === row.code)}/code`,
        code: 'code.taken',
        message: `indicator ${row.code} belongs to strategy ${row.strategy}`,
      })),
    );
  }
  return pkg;
}

/**
 * Imports a whole strategy package in one transaction: validated first (every error reported at once), then
 * upserted by stable codes, so importing the same package twice changes nothing the second time. A target that
 * differs from the one in force becomes a new target version. Nothing is ever half-imported.
 */
export async function importPackage(
  ctx: Ctx,
  input: unknown,
  options: { source?: string; progress?: Progress } = {},
): Promise<ImportSummary> {
  requirePermission(ctx.actor, 'imports.run');
  return ctx.db.tx(async (tx) => {
    await ensureBuiltinDimensions(tx);
    const pkg = await validateAgainstDatabase(tx, input);
    const summary = await writePackage(
      tx,
      pkg,
      actorUserId(ctx.actor),
      options.source ?? 'package',
      options.progress,
    );
    await recordAudit(tx, ctx.actor, {
      action: 'strategy.import',
      subjectType: 'strategy',
      subjectId: pkg.strategy.code,
      after: { source: options.source ?? null, ...summary },
    });
    return summary;
  });
}

async function writePackage(
  tx: Queryable,
  pkg: StrategyPackage,
  userId: string | null,
  source: string,
  progress: Progress = async () => undefined,
) {
  const s = pkg.strategy;
  const observationCount = pkg.indicators.reduce((n, i) => n + (i.observations?.length ?? 0), 0);
  const total = 6 + Math.ceil(observationCount / OBSERVATION_BATCH);
  let done = 0;
  const step = () => progress(++done, total);
  for (const dimension of pkg.dimensions ?? []) {
    await repo.upsertDimensions(tx, [{ code: dimension.code, name: dimension.name }], false);
    await repo.upsertDimensionMembers(
      tx,
      dimension.members.map((m, position) => ({ dimension: dimension.code, ...m, position })),
    );
  }
  await repo.upsertOrganizations(
    tx,
    pkg.organizations.map((o) => ({
      ...o,
      acronym: orNull(o.acronym),
      region: orNull(o.region),
      parent: orNull(o.parent),
    })),
  );
  await step();
  const orgs = await repo.organizationIds(tx);
  const org = (code: string | undefined) => (code ? (orgs.get(code.toLowerCase()) ?? null) : null);

  const { id: strategyId } = await repo.upsertStrategy(tx, {
    code: s.code,
    title: s.title,
    subtitle: orNull(s.subtitle),
    description: orNull(s.description),
    vision: orNull(s.vision),
    period_start: s.periodStart,
    period_end: s.periodEnd,
    state: s.state,
    levels: s.levels,
    predecessor: orNull(s.predecessor),
    successors: s.successors ?? [],
    thresholds: orNull(s.statusThresholds),
    fiscal_start: s.fiscalCalendar?.startMonth ?? 1,
    fiscal_named: s.fiscalCalendar?.namedBy ?? 'end',
    source: orNull(s.source),
    translations: orNull(pkg.translations),
    currency: orNull(pkg.budget?.currency),
    scale: orNull(pkg.budget?.scale),
  });
  await repo.linkStrategyOrganizations(
    tx,
    strategyId,
    pkg.organizations.map((o) => org(o.code)).filter((id): id is string => id !== null),
  );
  await repo.linkStrategyDimensions(
    tx,
    strategyId,
    (pkg.dimensions ?? []).map((d) => d.code),
  );

  await repo.upsertNodes(
    tx,
    strategyId,
    pkg.nodes.map((n) => ({
      code: n.code,
      parent: n.parent,
      level: n.level,
      position: n.order,
      title: n.title,
      description: orNull(n.description),
      weight: n.weight ?? 1,
      owner_id: org(n.owner),
      planned_start: orNull(n.plannedStart),
      planned_end: orNull(n.plannedEnd),
      state: orNull(n.state),
      source: orNull(n.source),
      cross_references: orNull(n.crossReferences),
      lineage: orNull(n.lineage),
    })),
  );
  await step();
  const nodes = await repo.nodeIds(tx, strategyId);
  const node = (code: string | undefined) => (code ? (nodes.get(code) ?? null) : null);
  await repo.replaceNodeContributors(
    tx,
    pkg.nodes.flatMap((n) =>
      (n.contributors ?? []).map((c) => ({ node_id: node(n.code)!, organization_id: org(c)! })),
    ),
    pkg.nodes.map((n) => node(n.code)!),
  );

  const indicatorIds = await repo.upsertIndicators(
    tx,
    strategyId,
    pkg.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      description: orNull(i.description),
      unit: i.unit,
      direction: i.direction,
      aggregation: i.aggregation,
      decimals: i.decimals,
      dimensions: i.dimensions ?? [],
      periodicity: orNull(i.periodicity),
      source: orNull(i.source),
    })),
  );
  const ids = [...indicatorIds.values()];
  await repo.replaceIndicatorNodes(
    tx,
    ids,
    pkg.indicators.flatMap((i) =>
      (i.nodes ?? []).map((code) => ({ indicator_id: indicatorIds.get(i.code), node_id: node(code) })),
    ),
  );
  const targetVersions = await writeTargets(tx, pkg, indicatorIds, userId, source);
  await step();

  const observations = pkg.indicators.flatMap((i) =>
    (i.observations ?? []).map((o) => ({
      indicator_id: indicatorIds.get(i.code),
      period: o.period,
      period_end: periodEnd(o.period),
      dims: o.dimensions ?? {},
      dims_key: dimsKey(o.dimensions),
      value: o.value,
      state: o.state ?? 'approved',
      source: o.source,
      confidence: orNull(o.confidence),
      reported: orNull(o.reported),
    })),
  );
  for (let i = 0; i < observations.length; i += OBSERVATION_BATCH) {
    await repo.upsertObservations(tx, observations.slice(i, i + OBSERVATION_BATCH));
    await step();
  }

  const budget = pkg.budget;
  await repo.upsertBudgetLines(
    tx,
    strategyId,
    (budget?.lines ?? []).map((l) => ({
      node_id: node(l.node),
      rubric: l.rubric,
      rubric_label: orNull(l.rubricLabel),
      year: l.year,
      amount: l.amount,
      type: l.type,
      status: l.status,
      source: orNull(l.source),
    })),
  );
  await repo.replaceTransactions(
    tx,
    strategyId,
    (budget?.transactions ?? []).map((t) => ({
      node_id: node(t.node),
      date: t.date,
      type: t.type,
      amount: t.amount,
      description: orNull(t.description),
      source: orNull(t.source),
    })),
  );

  await step();
  const projects = pkg.projects ?? [];
  const projectIds = await repo.upsertProjects(
    tx,
    strategyId,
    projects.map((p) => ({
      code: p.code,
      node_id: node(p.node),
      title: p.title,
      description: orNull(p.description),
      kind: orNull(p.kind),
      flagship: p.flagship ?? false,
      group_label: orNull(p.group),
      owner_id: org(p.owner),
      source: orNull(p.source),
    })),
  );
  await repo.replaceMilestones(
    tx,
    [...projectIds.values()],
    projects.flatMap((p) =>
      (p.milestones ?? []).map((m, position) => ({
        project_id: projectIds.get(p.code),
        code: orNull(m.code),
        position,
        title: m.title,
        planned_date: orNull(m.plannedDate),
        actual_date: orNull(m.actualDate),
        source: orNull(m.source),
      })),
    ),
  );

  await step();
  const bodyIds = await repo.upsertBodies(
    tx,
    strategyId,
    pkg.bodies.map((b) => ({
      code: b.code,
      name: b.name,
      kind: b.kind,
      mandate: orNull(b.mandate),
      chair_id: org(b.chair),
      reports_to: orNull(b.reportsTo),
      source: orNull(b.source),
    })),
  );
  await repo.replaceBodyMembers(
    tx,
    [...bodyIds.values()],
    pkg.bodies.flatMap((b) =>
      b.members.map((m) => ({ body_id: bodyIds.get(b.code), organization_id: org(m) })),
    ),
  );
  await repo.replaceReportingLines(
    tx,
    strategyId,
    (pkg.reportingLines ?? []).map((l) => ({
      organization_id: org(l.organization),
      body_id: bodyIds.get(l.reviewer),
    })),
  );

  await step();
  return {
    strategy: s.code,
    organizations: pkg.organizations.length,
    nodes: pkg.nodes.length,
    indicators: pkg.indicators.length,
    targetVersions,
    observations: observations.length,
    budgetLines: budget?.lines.length ?? 0,
    transactions: budget?.transactions?.length ?? 0,
    projects: projects.length,
    bodies: pkg.bodies.length,
  };
}
