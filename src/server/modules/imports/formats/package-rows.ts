import type { StrategyPackage } from '../../../../domain/package/schema';
import type { Column, SheetName } from './sheets';

// Package → sheet rows: the inverse of package-assemble.ts. A row is the entity its columns' paths read
// from, plus the values of its link columns (the code of the entity it belongs to).

export interface SheetRow {
  /** Row number in the sheet (reading only; 0 when writing). */
  row: number;
  entity: Record<string, unknown>;
  links: Record<string, string | undefined>;
}

const row = (entity: object, links: Record<string, string> = {}): SheetRow => ({
  row: 0,
  entity: entity as Record<string, unknown>,
  links,
});

/** The value a column shows for a row. */
export function valueAt(sheetRow: SheetRow, column: Column): unknown {
  if (!column.path) return sheetRow.links[column.header];
  let value: unknown = sheetRow.entity;
  for (const key of column.path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The rows of every table sheet; the strategy sheet reads the package itself. */
export function packageRows(pkg: StrategyPackage): Record<Exclude<SheetName, 'strategy'>, SheetRow[]> {
  const indicators = pkg.indicators;
  return {
    levels: pkg.strategy.levels.map((level) => row(level)),
    organizations: pkg.organizations.map((organization) => row(organization)),
    dimensions: (pkg.dimensions ?? []).flatMap((dimension) => [
      row({ name: dimension.name }, { dimension: dimension.code }),
      ...dimension.members.map((m) => row({ name: m.name }, { dimension: dimension.code, member: m.code })),
    ]),
    bodies: pkg.bodies.map((body) => row(body)),
    body_members: pkg.bodies.flatMap((body) =>
      body.members.map((item) => row({ item }, { body: body.code })),
    ),
    reporting_lines: (pkg.reportingLines ?? []).map((line) => row(line)),
    nodes: pkg.nodes.map((node) => row(node)),
    node_contributors: pkg.nodes.flatMap((node) =>
      (node.contributors ?? []).map((item) => row({ item }, { node: node.code })),
    ),
    node_cross_references: pkg.nodes.flatMap((node) =>
      (node.crossReferences ?? []).map(({ label, reference }) =>
        row(typeof label === 'string' ? { labelText: label, reference } : { label, reference }, {
          node: node.code,
        }),
      ),
    ),
    node_lineage: pkg.nodes.flatMap((node) => (node.lineage ?? []).map((l) => row(l, { node: node.code }))),
    indicators: indicators.map((indicator) => row(indicator)),
    indicator_nodes: indicators.flatMap((indicator) =>
      (indicator.nodes ?? []).map((item) => row({ item }, { indicator: indicator.code })),
    ),
    targets: indicators.flatMap(({ code, target }) => [
      ...(target?.baseline ? [row(target.baseline, { indicator: code, kind: 'baseline' })] : []),
      ...(target?.milestones ?? []).map((point) => row(point, { indicator: code, kind: 'milestone' })),
      ...(target?.final ? [row(target.final, { indicator: code, kind: 'final' })] : []),
    ]),
    observations: indicators.flatMap((indicator) =>
      (indicator.observations ?? []).map((observation) => row(observation, { indicator: indicator.code })),
    ),
    budget_lines: (pkg.budget?.lines ?? []).map((line) => row(line)),
    transactions: (pkg.budget?.transactions ?? []).map((transaction) => row(transaction)),
    projects: (pkg.projects ?? []).map((project) => row(project)),
    project_milestones: (pkg.projects ?? []).flatMap((project) =>
      (project.milestones ?? []).map((milestone) => row(milestone, { project: project.code })),
    ),
  };
}

/** Dimensions the observations sheet needs a column for: those declared on indicators or used, sorted. */
export function observationDimensions(pkg: StrategyPackage): string[] {
  const codes = new Set<string>();
  for (const indicator of pkg.indicators) {
    for (const code of indicator.dimensions ?? []) codes.add(code);
    for (const observation of indicator.observations ?? []) {
      for (const code of Object.keys(observation.dimensions ?? {})) codes.add(code);
    }
  }
  return [...codes].sort();
}
