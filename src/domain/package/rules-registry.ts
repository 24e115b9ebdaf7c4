import { type RuleContext, refs } from './context';
import { findCycles } from './graph';
import type { RawCode } from './usable';

function reportDuplicates(ctx: RuleContext, collection: string, codes: RawCode[], path = 'code'): void {
  const seen = new Set<string>();
  for (const { code, index } of codes) {
    if (seen.has(code))
      ctx.report(`/${collection}/${index}/${path}`, 'code.duplicate', `Duplicate code "${code}".`);
    seen.add(code);
  }
}

/** Codes are unique per entity type: they are the stable ids other files and URLs cite. */
export function checkUniqueCodes(ctx: RuleContext): void {
  const { codes } = ctx.pkg;
  reportDuplicates(ctx, 'organizations', codes.organizations);
  reportDuplicates(ctx, 'dimensions', codes.dimensions);
  reportDuplicates(ctx, 'bodies', codes.bodies);
  reportDuplicates(ctx, 'nodes', codes.nodes);
  reportDuplicates(ctx, 'indicators', codes.indicators);
  reportDuplicates(ctx, 'projects', codes.projects);
}

/** Reports each loop once, at the `field` of its first member in file order. */
function reportCycles(ctx: RuleContext, parents: Map<string, string>, at: Map<string, string>, what: string) {
  for (const cycle of findCycles(parents)) {
    const path = at.get(cycle[0]!)!;
    ctx.report(path, 'tree.cycle', `${what} loops: ${[...cycle, cycle[0]].join(' → ')}.`);
  }
}

/** Organizations: parent and region exist, and the parent chain has no loop. */
export function checkOrganizations(ctx: RuleContext): void {
  const parents = new Map<string, string>();
  const at = new Map<string, string>();
  for (const { value: org, index } of ctx.pkg.organizations) {
    const base = `/organizations/${index}`;
    refs.organization(ctx, `${base}/parent`, org.parent);
    refs.member(ctx, 'region', `${base}/region`, org.region);
    if (org.parent !== undefined && !parents.has(org.code)) {
      parents.set(org.code, org.parent);
      at.set(org.code, `${base}/parent`);
    }
  }
  reportCycles(ctx, parents, at, 'Organization parent chain');
}

/** Declared dimensions: no clash with the caller's dimensions, member codes unique. */
export function checkDimensions(ctx: RuleContext, builtin: ReadonlySet<string>): void {
  for (const { value: dimension, index } of ctx.pkg.dimensions) {
    const base = `/dimensions/${index}`;
    if (builtin.has(dimension.code)) {
      ctx.report(
        `${base}/code`,
        'code.duplicate',
        `Dimension "${dimension.code}" is built in; use another code.`,
      );
    }
    reportDuplicates(
      ctx,
      `dimensions/${index}/members`,
      dimension.members.map((m, i) => ({ code: m.code, index: i })),
    );
  }
}

/** Bodies: chair, members and reportsTo exist, and the reporting chain has no loop; reporting lines resolve. */
export function checkBodies(ctx: RuleContext): void {
  const parents = new Map<string, string>();
  const at = new Map<string, string>();
  for (const { value: body, index } of ctx.pkg.bodies) {
    const base = `/bodies/${index}`;
    refs.organization(ctx, `${base}/chair`, body.chair);
    refs.organization(ctx, `${base}/members`, body.members);
    refs.body(ctx, `${base}/reportsTo`, body.reportsTo);
    if (body.reportsTo !== undefined && !parents.has(body.code)) {
      parents.set(body.code, body.reportsTo);
      at.set(body.code, `${base}/reportsTo`);
    }
  }
  reportCycles(ctx, parents, at, 'Body reporting chain');
  for (const { value: line, index } of ctx.pkg.reportingLines) {
    const base = `/reportingLines/${index}`;
    refs.organization(ctx, `${base}/organization`, line.organization);
    refs.body(ctx, `${base}/reviewer`, line.reviewer);
  }
}

/** The source language cannot also be an unofficial translation. */
export function checkTranslations(ctx: RuleContext): void {
  const translations = ctx.pkg.translations;
  if (!translations) return;
  const at = translations.unofficial.indexOf(translations.source);
  if (at >= 0) {
    ctx.report(
      `/translations/unofficial/${at}`,
      'translations.conflict',
      `"${translations.source}" is the source language, so it cannot be an unofficial translation.`,
    );
  }
}
