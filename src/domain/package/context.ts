import type { Dimension } from './schema';
import type { RawCode, UsablePackage } from './usable';

/** Codes of package errors; the client translates the code, the message is for logs and the CLI. */
export type PackageErrorCode =
  | 'schema.type'
  | 'schema.const'
  | 'schema.enum'
  | 'schema.required'
  | 'schema.unknown_property'
  | 'schema.pattern'
  | 'schema.min_length'
  | 'schema.minimum'
  | 'schema.maximum'
  | 'schema.min_items'
  | 'schema.min_properties'
  | 'schema.unique_items'
  | 'schema.invalid'
  | 'code.duplicate'
  | 'reference.unknown_node'
  | 'reference.unknown_organization'
  | 'reference.unknown_body'
  | 'reference.unknown_dimension'
  | 'reference.unknown_member'
  | 'reference.unknown_level'
  | 'reference.self'
  | 'tree.cycle'
  | 'tree.level_order'
  | 'date.invalid'
  | 'date.order'
  | 'period.invalid'
  | 'period.outside_strategy'
  | 'target.invalid_order'
  | 'target.duplicate_period'
  | 'target.null_without_source'
  | 'observation.duplicate'
  | 'observation.undeclared_dimension'
  | 'budget.duplicate_line'
  | 'status.invalid_thresholds'
  | 'translations.conflict';

/** One problem in a package: where (a JSON pointer into the file), what (a code) and a readable message. */
export interface PackageError {
  path: string;
  code: PackageErrorCode;
  message: string;
}

/** What the referential rules share: the usable package, the known codes and the error sink. */
export interface RuleContext {
  pkg: UsablePackage;
  organizations: Set<string>;
  bodies: Set<string>;
  nodes: Set<string>;
  /** Dimension code → its member codes: the caller's (built-in) dimensions plus the package's own. */
  dimensions: Map<string, Set<string>>;
  report: (path: string, code: PackageErrorCode, message: string) => void;
}

export interface RuleOptions {
  dimensions: readonly Dimension[];
  externalOrganizations: readonly string[];
}

const codeSet = (codes: RawCode[]) => new Set(codes.map((c) => c.code));

/** Builds the rule context; the package's dimensions come after the caller's, which they may not redefine. */
export function createContext(pkg: UsablePackage, options: RuleOptions, errors: PackageError[]): RuleContext {
  const dimensions = new Map<string, Set<string>>();
  for (const dimension of [...options.dimensions, ...pkg.dimensions.map((d) => d.value)]) {
    if (!dimensions.has(dimension.code)) {
      dimensions.set(dimension.code, new Set(dimension.members.map((m) => m.code)));
    }
  }
  return {
    pkg,
    organizations: new Set([...codeSet(pkg.codes.organizations), ...options.externalOrganizations]),
    bodies: codeSet(pkg.codes.bodies),
    nodes: codeSet(pkg.codes.nodes),
    dimensions,
    report: (path, code, message) => errors.push({ path, code, message }),
  };
}

/** Reports each reference in `codes` (at `path`/i, or at `path` for a single code) that is not in `known`. */
function checkReferences(
  ctx: RuleContext,
  known: Set<string>,
  code: PackageErrorCode,
  what: string,
  path: string,
  codes: Codes,
): void {
  if (codes === undefined || codes === null) return;
  const entries: Array<[string, string]> =
    typeof codes === 'string' ? [[path, codes]] : codes.map((c, i) => [`${path}/${i}`, c]);
  for (const [at, value] of entries) {
    if (!known.has(value)) ctx.report(at, code, `Unknown ${what} "${value}".`);
  }
}

type Codes = string | readonly string[] | undefined | null;

/** Reference checks by target entity: `refs.node(ctx, '/nodes/3/parent', 'I1')`. */
export const refs = {
  node: (ctx: RuleContext, path: string, codes: Codes) =>
    checkReferences(ctx, ctx.nodes, 'reference.unknown_node', 'node', path, codes),
  organization: (ctx: RuleContext, path: string, codes: Codes) =>
    checkReferences(ctx, ctx.organizations, 'reference.unknown_organization', 'organization', path, codes),
  body: (ctx: RuleContext, path: string, codes: Codes) =>
    checkReferences(ctx, ctx.bodies, 'reference.unknown_body', 'governance body', path, codes),
  dimension: (ctx: RuleContext, path: string, codes: Codes) =>
    checkReferences(
      ctx,
      new Set(ctx.dimensions.keys()),
      'reference.unknown_dimension',
      'dimension',
      path,
      codes,
    ),
  member: (ctx: RuleContext, dimension: string, path: string, codes: Codes) =>
    checkReferences(
      ctx,
      ctx.dimensions.get(dimension) ?? new Set(),
      'reference.unknown_member',
      `member of dimension "${dimension}"`,
      path,
      codes,
    ),
};
