import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '../../../../domain/package/schema';
import type { SheetRow } from './package-rows';
import { type Column, SHEET_BY_NAME, type SheetName } from './sheets';
import type { RowError } from './types';
import type { ReadSheets } from './workbook-read';

// Sheet rows → the package document, before validation. Child rows (members, targets, observations…) are
// attached to their parent by code. Every entity placed records where it came from, keyed by its JSON
// pointer, so that the validator's errors (`/nodes/12/parent`) can be shown at the user's row and column.

/** Where the entity at a JSON pointer came from. */
export interface Location {
  sheet: SheetName;
  row: number;
  /** The column, when the pointer names one cell (a member of a list sheet, a dimension code). */
  column?: string;
  columns: readonly Column[];
  /** For the strategy sheet: the row of each field. */
  fieldRows?: Map<string, number>;
}

type Entity = Record<string, unknown>;

export interface Assembled {
  pkg: Entity;
  locations: Map<string, Location>;
  errors: RowError[];
}

const UNKNOWN: Partial<Record<string, string>> = {
  body: 'reference.unknown_body',
  node: 'reference.unknown_node',
  indicator: 'reference.unknown_indicator',
  project: 'reference.unknown_project',
};

class Assembler {
  readonly locations = new Map<string, Location>();
  readonly errors: RowError[] = [];

  constructor(readonly read: ReadSheets) {}

  rows(sheet: SheetName): SheetRow[] {
    return this.read.tables.get(sheet) ?? [];
  }

  place(pointer: string, sheet: SheetName, row: number, column?: string): void {
    const columns = this.read.columns.get(sheet) ?? SHEET_BY_NAME.get(sheet)!.columns;
    this.locations.set(pointer, { sheet, row, columns, ...(column ? { column } : {}) });
  }

  /** The entities of a table sheet, placed at `base`/i. */
  collect(sheet: SheetName, base: string): Entity[] {
    this.place(base, sheet, 0);
    return this.rows(sheet).map((row, i) => {
      this.place(`${base}/${i}`, sheet, row.row);
      return row.entity;
    });
  }

  /** Appends each row's item to `parents[i][field]`, the parent found by the code in the `link` column. */
  attach(
    sheet: SheetName,
    link: string,
    parents: { base: string; entities: Entity[] },
    field: string,
    item: (row: SheetRow) => unknown = (row) => row.entity,
    itemColumn?: string,
  ): void {
    const index = indexByCode(parents.entities);
    for (const row of this.rows(sheet)) {
      const code = row.links[link];
      if (code === undefined) continue; // already reported as an empty required cell
      const at = index.get(code);
      if (at === undefined) {
        this.error(sheet, row.row, link, UNKNOWN[link] ?? 'reference.unknown', `Unknown ${link} "${code}".`);
        continue;
      }
      const parent = parents.entities[at]!;
      const list = listIn(parent, field);
      this.place(`${parents.base}/${at}/${field}/${list.length}`, sheet, row.row, itemColumn);
      list.push(item(row));
    }
  }

  error(sheet: string, row: number, column: string, code: string, message: string): void {
    this.errors.push({ sheet, row, column, code, message });
  }
}

/** `entity[field]` as a list, created empty if absent. */
function listIn(entity: Entity, field: string): unknown[] {
  if (!Array.isArray(entity[field])) entity[field] = [];
  return entity[field] as unknown[];
}

function indexByCode(entities: Entity[]): Map<string, number> {
  const index = new Map<string, number>();
  entities.forEach((entity, i) => {
    if (typeof entity.code === 'string' && !index.has(entity.code)) index.set(entity.code, i);
  });
  return index;
}

/** Groups the dimensions sheet: the row without a member names the dimension, the others are members. */
function dimensions(a: Assembler): Entity[] {
  const result: Entity[] = [];
  const index = new Map<string, number>();
  for (const row of a.rows('dimensions')) {
    const code = row.links.dimension;
    if (code === undefined) continue;
    let at = index.get(code);
    if (at === undefined) {
      at = result.push({ code, members: [] }) - 1;
      index.set(code, at);
      a.place(`/dimensions/${at}`, 'dimensions', row.row);
      a.place(`/dimensions/${at}/code`, 'dimensions', row.row, 'dimension');
    }
    const dimension = result[at]!;
    const member = row.links.member;
    if (member === undefined) {
      if ('name' in dimension) {
        a.error('dimensions', row.row, 'member', 'row.duplicate', `Dimension ${code} is named twice.`);
      }
      dimension.name = row.entity.name;
      a.place(`/dimensions/${at}`, 'dimensions', row.row);
      a.place(`/dimensions/${at}/code`, 'dimensions', row.row, 'dimension');
      continue;
    }
    const members = dimension.members as Entity[];
    a.place(`/dimensions/${at}/members/${members.length}`, 'dimensions', row.row);
    a.place(`/dimensions/${at}/members/${members.length}/code`, 'dimensions', row.row, 'member');
    members.push({ code: member, ...row.entity });
  }
  a.place('/dimensions', 'dimensions', 0);
  return result;
}

/** Baseline, milestones and final target rows into each indicator's `target`. */
function targets(a: Assembler, indicators: Entity[]): void {
  const index = indexByCode(indicators);
  for (const row of a.rows('targets')) {
    const { indicator: code, kind } = row.links;
    if (code === undefined || kind === undefined) continue;
    const at = index.get(code);
    if (at === undefined) {
      a.error('targets', row.row, 'indicator', 'reference.unknown_indicator', `Unknown indicator "${code}".`);
      continue;
    }
    const indicator = indicators[at]!;
    if (!indicator.target) indicator.target = {};
    const target = indicator.target as Entity;
    const base = `/indicators/${at}/target`;
    if (!a.locations.has(base)) a.place(base, 'targets', row.row);
    if (kind === 'milestone') {
      const milestones = listIn(target, 'milestones');
      a.place(`${base}/milestones/${milestones.length}`, 'targets', row.row);
      milestones.push(row.entity);
    } else if (kind in target) {
      a.error('targets', row.row, 'kind', 'row.duplicate', `Indicator ${code} has a second ${kind}.`);
    } else {
      a.place(`${base}/${kind}`, 'targets', row.row);
      target[kind] = row.entity;
    }
  }
}

/** A cross-reference label is given in languages or as plain text, not both. */
function crossReference(a: Assembler) {
  return (row: SheetRow) => {
    const { label, labelText, reference } = row.entity;
    if (label !== undefined && labelText !== undefined) {
      a.error('node_cross_references', row.row, 'label_text', 'cell.conflict', 'Give label_text or label_*.');
    }
    return { label: labelText ?? label, reference };
  };
}

/** Builds the package document from the rows read, recording where each entity came from. */
export function assemblePackage(read: ReadSheets): Assembled {
  const a = new Assembler(read);
  const root = read.root.entity;
  a.locations.set('', {
    sheet: 'strategy',
    row: 0,
    columns: SHEET_BY_NAME.get('strategy')!.columns,
    fieldRows: read.fieldRows,
  });
  const strategy = (root.strategy ?? {}) as Entity;
  strategy.levels = a.collect('levels', '/strategy/levels');
  const translations = root.translations as Entity | undefined;
  if (translations) translations.unofficial ??= [];

  const organizations = a.collect('organizations', '/organizations');
  const bodies = a.collect('bodies', '/bodies').map((body) => Object.assign(body, { members: [] }));
  const item = (row: SheetRow) => row.entity.item;
  a.attach('body_members', 'body', { base: '/bodies', entities: bodies }, 'members', item, 'organization');
  const nodes = a.collect('nodes', '/nodes');
  const nodeParents = { base: '/nodes', entities: nodes };
  a.attach('node_contributors', 'node', nodeParents, 'contributors', item, 'organization');
  a.attach('node_cross_references', 'node', nodeParents, 'crossReferences', crossReference(a));
  a.attach('node_lineage', 'node', nodeParents, 'lineage');
  const indicators = a.collect('indicators', '/indicators');
  const indicatorParents = { base: '/indicators', entities: indicators };
  a.attach('indicator_nodes', 'indicator', indicatorParents, 'nodes', item, 'node');
  targets(a, indicators);
  a.attach('observations', 'indicator', indicatorParents, 'observations');
  const projects = a.collect('projects', '/projects');
  a.attach('project_milestones', 'project', { base: '/projects', entities: projects }, 'milestones');

  const pkg: Entity = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    ...(translations ? { translations } : {}),
    strategy,
    organizations,
    bodies,
    nodes,
    indicators,
  };
  const declared = dimensions(a);
  if (declared.length > 0) pkg.dimensions = declared;
  const reportingLines = a.collect('reporting_lines', '/reportingLines');
  if (reportingLines.length > 0) pkg.reportingLines = reportingLines;
  if (projects.length > 0) pkg.projects = projects;
  const lines = a.collect('budget_lines', '/budget/lines');
  const transactions = a.collect('transactions', '/budget/transactions');
  if (root.budget || lines.length > 0 || transactions.length > 0) {
    pkg.budget = { ...(root.budget as Entity), lines, ...(transactions.length > 0 ? { transactions } : {}) };
  }
  return { pkg, locations: a.locations, errors: a.errors };
}
