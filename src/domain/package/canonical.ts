import { LOCALES } from '../i18n';
import { periodSpan } from './period-check';
import type { Indicator, Observation, PlanNode, StrategyPackage, Target } from './schema';
import { StrategyPackageSchema } from './schema';

// The canonical form makes export → import → export byte-identical, so that two releases of a package
// can be diffed and hashed. Sets of entities are sorted by their identity; sequences whose order means
// something (levels, dimension members, milestones of a project, cross-references) keep their order.
// Strings are compared by code unit, never with localeCompare, whose result depends on the machine's ICU.

type Key = string | number;

function compareKeys(a: readonly Key[], b: readonly Key[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) {
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x) < String(y) ? -1 : 1;
    }
  }
  return 0;
}

/** JSON with object keys sorted at every depth: the same value gives the same text whatever its key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** Sorts a copy by the keys `by` gives, then by the whole item, so that even ties have one order. */
function sortBy<T>(items: readonly T[] | undefined, by: (item: T) => Key[]): T[] | undefined {
  if (!items) return undefined;
  const keyed = items.map((item) => ({ item, keys: [...by(item), stableJson(item)] }));
  return keyed.sort((a, b) => compareKeys(a.keys, b.keys)).map(({ item }) => item);
}

const sortCodes = (codes: readonly string[] | undefined) => sortBy(codes, (code) => [code]);

/** Chronological by first day; a longer period before the shorter ones it starts with (2012 before 2012-H1). */
function periodKeys(period: string): Key[] {
  const span = periodSpan(period);
  if (!span) return [period, 0, period];
  return [span.start, -Date.parse(span.end), period];
}

/** Depth-first from the roots, siblings by `order` then code; nodes caught in a loop come last, by code. */
function treeOrder(nodes: readonly PlanNode[]): PlanNode[] {
  const known = new Set(nodes.map((n) => n.code));
  const children = new Map<string | null, PlanNode[]>();
  for (const node of nodes) {
    const parent = node.parent !== null && known.has(node.parent) ? node.parent : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(node);
    else children.set(parent, [node]);
  }
  const ordered: PlanNode[] = [];
  const placed = new Set<PlanNode>();
  const visit = (parent: string | null) => {
    for (const child of sortBy(children.get(parent) ?? [], (n) => [n.order, n.code]) ?? []) {
      if (placed.has(child)) continue;
      placed.add(child);
      ordered.push(child);
      visit(child.code);
    }
  };
  visit(null);
  const rest = nodes.filter((n) => !placed.has(n));
  return [...ordered, ...(sortBy(rest, (n) => [n.code]) ?? [])];
}

function canonicalTarget(target: Target | undefined): Target | undefined {
  if (!target) return undefined;
  return { ...target, milestones: sortBy(target.milestones, (m) => periodKeys(m.period)) };
}

function observationKeys(observation: Observation): Key[] {
  const members = Object.entries(observation.dimensions ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return [...periodKeys(observation.period), JSON.stringify(members)];
}

function canonicalIndicator(indicator: Indicator): Indicator {
  return {
    ...indicator,
    dimensions: sortCodes(indicator.dimensions),
    nodes: sortCodes(indicator.nodes),
    target: canonicalTarget(indicator.target),
    observations: sortBy(indicator.observations, observationKeys),
  };
}

/** Sorts entities and code lists; key order and undefined removal are left to `orderKeys`. */
function sortEntities(pkg: StrategyPackage): StrategyPackage {
  const budget = pkg.budget;
  return {
    ...pkg,
    translations: pkg.translations && {
      ...pkg.translations,
      unofficial: sortBy(pkg.translations.unofficial, (l) => [LOCALES.indexOf(l)]) ?? [],
    },
    strategy: { ...pkg.strategy, successors: sortCodes(pkg.strategy.successors) },
    organizations: sortBy(pkg.organizations, (o) => [o.code]) ?? [],
    dimensions: sortBy(pkg.dimensions, (d) => [d.code]),
    bodies: (sortBy(pkg.bodies, (b) => [b.code]) ?? []).map((b) => ({
      ...b,
      members: sortCodes(b.members) ?? [],
    })),
    reportingLines: sortBy(pkg.reportingLines, (l) => [l.organization, l.reviewer]),
    nodes: treeOrder(pkg.nodes).map((n) => ({
      ...n,
      contributors: sortCodes(n.contributors),
      lineage: sortBy(n.lineage, (l) => [l.strategy, l.node, l.relation]),
    })),
    indicators: (sortBy(pkg.indicators, (i) => [i.code]) ?? []).map(canonicalIndicator),
    budget: budget && {
      ...budget,
      lines: sortBy(budget.lines, (l) => [l.node ?? '', l.year, l.rubric, l.type, l.status, l.amount]) ?? [],
      transactions: sortBy(budget.transactions, (t) => [t.date, t.node ?? '', t.type, t.amount]),
    },
    projects: sortBy(pkg.projects, (p) => [p.code]),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parts of a JSON Schema that decide key order. */
interface SchemaNode {
  type?: unknown;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
}

/** The union member a value belongs to, judged by its JSON type (enough for this schema's unions). */
function variantFor(variants: SchemaNode[], value: unknown): SchemaNode | undefined {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return variants.find((v) => v.type === type || (type === 'number' && v.type === 'integer'));
}

/** Rebuilds `value` with object keys in schema order (record keys sorted) and undefined entries dropped. */
function orderKeys(schema: SchemaNode, value: unknown): unknown {
  if (schema.anyOf) {
    const variant = variantFor(schema.anyOf, value);
    return variant ? orderKeys(variant, value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => orderKeys(schema.items ?? {}, item));
  if (!isPlainObject(value)) return value;
  const properties = schema.properties ?? {};
  const recordSchema = Object.values(schema.patternProperties ?? {})[0];
  const known = Object.keys(properties);
  // Keys the schema does not know (only in unvalidated input) are kept, sorted, after the known ones.
  const others = Object.keys(value)
    .filter((key) => !known.includes(key))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...others]) {
    if (value[key] === undefined) continue;
    out[key] = orderKeys(properties[key] ?? recordSchema ?? {}, value[key]);
  }
  return out;
}

/** The canonical form of a package: entities in a deterministic order, keys in schema order, no undefined. */
export function canonicalizePackage(pkg: StrategyPackage): StrategyPackage {
  return orderKeys(StrategyPackageSchema as SchemaNode, sortEntities(pkg)) as StrategyPackage;
}

/** The package file's bytes: canonical JSON, 2-space indent, trailing newline. */
export function serializePackage(pkg: StrategyPackage): string {
  return `${JSON.stringify(canonicalizePackage(pkg), null, 2)}\n`;
}
