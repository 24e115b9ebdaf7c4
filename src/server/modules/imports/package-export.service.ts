import { canonicalizePackage } from '../../../domain/package/canonical';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type StrategyPackage } from '../../../domain/package/schema';
import { can } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { notFound } from '../../errors';
import type { Ctx } from '../../types';
import * as repo from './package-export.repo';

/** Drops null fields (the package omits what is not known) at every depth; keeps nulls inside `value`. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => v !== null || key === 'value')
        .map(([key, v]) => [key, compact(v)]),
    ) as T;
  }
  return value;
}

/**
 * Builds the strategy package of a strategy from the database, in canonical form: exporting, importing the
 * result into an empty database and exporting again gives the same document.
 */
export async function exportPackage(db: Queryable, code: string): Promise<StrategyPackage> {
  const strategy = await repo.findStrategyRow(db, code);
  if (!strategy) throw notFound('strategy');
  const id = strategy.id;
  const [
    organizations,
    dimensions,
    bodies,
    reportingLines,
    nodes,
    indicators,
    observations,
    lines,
    transactions,
    projects,
  ] = await Promise.all([
    repo.findPackageOrganizations(db, id),
    repo.findPackageDimensions(db, id),
    repo.findPackageBodies(db, id),
    repo.findPackageReportingLines(db, id),
    repo.findPackageNodes(db, id),
    repo.findPackageIndicators(db, id),
    repo.findPackageObservations(db, id),
    repo.findPackageBudgetLines(db, id),
    repo.findPackageTransactions(db, id),
    repo.findPackageProjects(db, id),
  ]);
  const byIndicator = new Map<string, Record<string, unknown>[]>();
  for (const { indicator_id, dimensions: dims, ...observation } of observations) {
    const list = byIndicator.get(indicator_id) ?? [];
    list.push({ ...observation, dimensions: Object.keys(dims as object).length ? dims : null });
    byIndicator.set(indicator_id, list);
  }
  const { id: _id, currency, scale, translations, successors, ...strategyFields } = strategy;
  const pkg = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    translations,
    strategy: { ...strategyFields, successors: (successors as string[]).length ? successors : null },
    organizations,
    dimensions: dimensions.length ? dimensions : null,
    bodies,
    reportingLines: reportingLines.length ? reportingLines : null,
    nodes,
    indicators: indicators.map(({ id: indicatorId, target, dimensions: dims, ...indicator }) => ({
      ...indicator,
      dimensions: (dims as string[]).length ? dims : null,
      target: target
        ? {
            ...(target as Record<string, unknown>),
            milestones: ((target as { milestones: unknown[] }).milestones ?? []).length
              ? (target as { milestones: unknown[] }).milestones
              : null,
          }
        : null,
      observations: byIndicator.get(indicatorId) ?? null,
    })),
    budget: currency
      ? { currency, scale, lines, transactions: transactions.length ? transactions : null }
      : null,
    projects: projects.length ? projects : null,
  };
  const compacted = compact(pkg) as unknown as StrategyPackage;
  // A root node's parent is an explicit null in the package.
  compacted.nodes = compacted.nodes.map((node) => ({ ...node, parent: node.parent ?? null }));
  return canonicalizePackage(compacted);
}

/** A strategy's package for a caller: adopted and closed strategies are public, drafts need an internal role. */
export async function exportStrategy(ctx: Ctx, code: string): Promise<StrategyPackage> {
  const pkg = await exportPackage(ctx.db, code);
  if (pkg.strategy.state === 'draft' && !can(ctx.actor, 'internal.read')) throw notFound('strategy');
  return pkg;
}
