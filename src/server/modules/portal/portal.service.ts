import { anonymous } from '../../access/actor';
import type { Db } from '../../db/pool';
import { notFound } from '../../errors';
import type { Ctx } from '../../types';
import { getBudget } from '../budget/budget.service';
import { getIndicator, listIndicators } from '../indicators/indicators.service';
import { getProject, listProjects } from '../projects/projects.service';
import { getNode } from '../strategy/nodes.service';
import { getStrategy, getTree, listStrategies, type TreeNode } from '../strategy/strategy.service';
import * as repo from './portal.repo';

// What each portal page shows, read through the other modules' services as the public sees them: the
// anonymous actor, whoever is signed in, so a page never shows a draft or an unapproved figure.

const publicCtx = (db: Db): Ctx => ({ actor: anonymous, db });

/** Only what the portal prints of a strategy (no ids, no internal notes). */
function strategySummary(s: Awaited<ReturnType<typeof getStrategy>>) {
  return {
    code: s.code,
    title: s.title,
    subtitle: s.subtitle,
    description: s.description,
    vision: s.vision,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    state: s.state,
    levels: s.levels,
    predecessor: s.predecessor,
    successors: s.successors,
    source: s.source,
  };
}
export type StrategySummary = ReturnType<typeof strategySummary>;

/** The public strategies, each with its overall progress and status as of today. */
export async function loadHome(db: Db) {
  const ctx = publicCtx(db);
  const strategies = await listStrategies(ctx);
  const trees = await Promise.all(strategies.map((s) => getTree(ctx, s.code, {})));
  return {
    strategies: strategies.map((s, i) => ({
      ...strategySummary(s),
      progress: trees[i]!.progress,
      status: trees[i]!.status,
    })),
  };
}

export async function loadDataPage(db: Db) {
  return { strategies: (await listStrategies(publicCtx(db))).map(strategySummary) };
}

export async function loadStrategy(db: Db, code: string) {
  const ctx = publicCtx(db);
  const strategy = await getStrategy(ctx, code);
  const [tree, projects, indicators] = await Promise.all([
    getTree(ctx, code, {}),
    listProjects(ctx, code, {}),
    listIndicators(ctx, { strategy: strategy.code }),
  ]);
  return { strategy: strategySummary(strategy), tree, projects, indicators };
}
export type StrategyPageData = Awaited<ReturnType<typeof loadStrategy>>;

/** The path from a root to the node with `code`, or null. */
function pathTo(nodes: TreeNode[], code: string): TreeNode[] | null {
  for (const node of nodes) {
    if (node.code === code) return [node];
    const below = pathTo(node.children, code);
    if (below) return [node, ...below];
  }
  return null;
}

export async function loadNode(db: Db, code: string, nodeCode: string) {
  const ctx = publicCtx(db);
  const [node, tree] = await Promise.all([
    getNode(ctx, code, nodeCode),
    getTree(ctx, code, { explain: true }),
  ]);
  const path = pathTo(tree.nodes, node.code);
  if (!path) throw notFound('node');
  const evaluated = path.at(-1)!;
  const indicators = await Promise.all(node.indicators.map((i) => getIndicator(ctx, i.code, {})));
  return { strategy: tree.strategy, asOf: tree.asOf, node, evaluated, path, indicators };
}
export type NodePageData = Awaited<ReturnType<typeof loadNode>>;

export async function loadIndicator(db: Db, code: string) {
  return { indicator: await getIndicator(publicCtx(db), code, {}) };
}
export type IndicatorDetail = Awaited<ReturnType<typeof getIndicator>>;

export async function loadBudget(db: Db, code: string) {
  const ctx = publicCtx(db);
  const strategy = await getStrategy(ctx, code);
  const budget = await getBudget(ctx, code, { by: ['rubric', 'year'] });
  const sources = await repo.findBudgetSources(db, strategy.code, budget.type);
  return { strategy: strategySummary(strategy), budget, sources: sources.map((row) => row.source) };
}
export type BudgetPageData = Awaited<ReturnType<typeof loadBudget>>;

export async function loadProject(db: Db, code: string, projectCode: string) {
  const ctx = publicCtx(db);
  const strategy = await getStrategy(ctx, code);
  const project = await getProject(ctx, code, projectCode);
  return { strategy: strategySummary(strategy), project };
}
export type ProjectPageData = Awaited<ReturnType<typeof loadProject>>;

/** Accents and case set aside, so that "developpement" finds "Développement". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const matches = (needle: string, ...texts: (Record<string, string> | string | null | undefined)[]) =>
  texts.some((text) =>
    typeof text === 'string'
      ? fold(text).includes(needle)
      : Object.values(text ?? {}).some((value) => fold(value).includes(needle)),
  );

/** Strategies, plan elements, indicators and projects whose code or title (in any language) holds `q`. */
export async function search(db: Db, q: string) {
  const needle = fold(q.trim());
  if (needle.length < 2) return { q, strategies: [], nodes: [], indicators: [], projects: [] };
  const ctx = publicCtx(db);
  const strategies = await listStrategies(ctx);
  const perStrategy = await Promise.all(
    strategies.map(async (s) => {
      const [tree, projects] = await Promise.all([getTree(ctx, s.code, {}), listProjects(ctx, s.code, {})]);
      const nodes: { strategy: string; code: string; level: string; title: Record<string, string> }[] = [];
      const walk = (list: TreeNode[]) => {
        for (const n of list) {
          if (matches(needle, n.code, n.title))
            nodes.push({ strategy: s.code, code: n.code, level: n.level, title: n.title });
          walk(n.children);
        }
      };
      walk(tree.nodes);
      return { nodes, projects: projects.filter((p) => matches(needle, p.code, p.title)) };
    }),
  );
  const indicators = (await listIndicators(ctx, {})).filter((i) => matches(needle, i.code, i.name));
  return {
    q,
    strategies: strategies.filter((s) => matches(needle, s.code, s.title)).map(strategySummary),
    nodes: perStrategy.flatMap((r) => r.nodes).slice(0, 100),
    indicators: indicators.slice(0, 100),
    projects: perStrategy.flatMap((r) => r.projects).slice(0, 100),
  };
}
export type SearchResults = Awaited<ReturnType<typeof search>>;

/** The public indicators broken down by region, each with its regional figures of its latest such period. */
export async function loadRegional(db: Db) {
  const ctx = publicCtx(db);
  const codes = await repo.findRegionalIndicatorCodes(db);
  const indicators = await Promise.all(codes.map(({ code }) => getIndicator(ctx, code, {})));
  return { indicators: indicators.map((indicator) => ({ indicator, regional: latestRegional(indicator) })) };
}

/**
 * The latest period with figures by region (and no other breakdown), as region code → value, with the
 * observations' sources: what the map of an indicator shows.
 */
export function latestRegional(indicator: IndicatorDetail) {
  const rows = indicator.observations.filter(
    (o) => o.value !== null && Object.keys(o.dims).length === 1 && o.dims.region !== undefined,
  );
  const period = rows.at(-1)?.period ?? null;
  const values: Record<string, number> = {};
  for (const row of rows) if (row.period === period) values[row.dims.region!] = row.value!;
  const sources = rows
    .filter((r) => r.period === period)
    .map((r) => ({ region: r.dims.region!, source: r.source, confidence: r.confidence }));
  return { period, values, sources };
}
