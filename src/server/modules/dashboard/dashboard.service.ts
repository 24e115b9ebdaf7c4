import { isValidPeriod, parseIsoDate, parsePeriod } from '../../../domain/periods';
import { DEFAULT_STATUS_THRESHOLDS } from '../../../domain/status';
import { requirePermission } from '../../access/permissions';
import { type FieldError, invalid } from '../../errors';
import type { Ctx } from '../../types';
import { getBudgetByNode } from '../budget/budget.service';
import { listDimensions, listIndicatorSeries } from '../indicators/indicators.service';
import { cycleCompletenessSummary, latestExplanations } from '../reporting/dashboard.service';
import { getStrategy, getTree, type TreeNode, today } from '../strategy/strategy.service';
import {
  attentionItems,
  budgetFigures,
  budgetsOf,
  buildRows,
  combinedProgress,
  evaluateSeries,
  presentIndicator,
} from './dashboard.figures';
import { addCounts, countsOf, findNode, subtree } from './dashboard.scope';

export interface DashboardQuery {
  asOf?: string;
  priority?: string;
  organization?: string;
  region?: string;
  period?: string;
}

const NO_BUDGET = { allocated: 0, committed: 0, disbursed: 0, spent: 0 };

/** Checks the filters; the period, when given, caps the as-of date at its end. */
async function readFilters(ctx: Ctx, query: DashboardQuery) {
  const errors: FieldError[] = [];
  let asOf = query.asOf ?? today();
  try {
    parseIsoDate(asOf, 'asOf');
  } catch {
    errors.push({ path: '/querystring/asOf', code: 'date.invalid', message: `${asOf} is not a day` });
  }
  const period = query.period ? (isValidPeriod(query.period) ? parsePeriod(query.period) : null) : null;
  if (query.period && !period) {
    errors.push({
      path: '/querystring/period',
      code: 'period.invalid',
      message: `"${query.period}" is not a period`,
    });
  }
  const regions = (await listDimensions(ctx)).find((d) => d.code === 'region')?.members ?? [];
  const regionCodes = (regions as { code: string }[]).map((m) => m.code);
  if (query.region && !regionCodes.includes(query.region)) {
    errors.push({ path: '/querystring/region', code: 'unknown', message: `no region ${query.region}` });
  }
  if (errors.length) throw invalid(errors);
  if (period && period.end < asOf) asOf = period.end;
  return { asOf, period, regions: regions as { code: string; name: Record<string, string> }[] };
}

/**
 * The executive dashboard of a strategy as of a date: per priority (or per child of the chosen node), the
 * status distribution, weighted progress and budget; the key indicators with their trajectory; what is off
 * track and why; and the latest cycle's reporting completeness. Each figure carries its calculation
 * components or a link to the page that explains it.
 */
export async function getDashboard(ctx: Ctx, code: string, query: DashboardQuery) {
  requirePermission(ctx.actor, 'internal.read');
  const strategy = await getStrategy(ctx, code);
  const { asOf, period, regions } = await readFilters(ctx, query);
  const tree = await getTree(ctx, code, { asOf, region: query.region });
  const scopeNode = query.priority ? findNode(tree.nodes, query.priority) : null;
  if (query.priority && !scopeNode) {
    throw invalid([{ path: '/querystring/priority', code: 'unknown', message: `no node ${query.priority}` }]);
  }
  const candidates = scopeNode ? (scopeNode.children.length ? scopeNode.children : [scopeNode]) : tree.nodes;
  const years = period
    ? { from: Number(period.start.slice(0, 4)), to: Number(period.end.slice(0, 4)) }
    : null;
  const [budget, series, explanations, completeness] = await Promise.all([
    getBudgetByNode(ctx, strategy.id, { years, from: period?.start ?? null, to: asOf }),
    listIndicatorSeries(ctx, strategy.id, { asOf, region: query.region }),
    latestExplanations(ctx, strategy.id, asOf),
    cycleCompletenessSummary(ctx, strategy.id, {
      period: period?.text ?? null,
      asOf,
      organization: query.organization,
    }),
  ]);
  const nodeByCode = new Map(tree.nodes.flatMap(subtree).map((n) => [n.code, n]));
  const rows = buildRows({
    strategy: strategy.code,
    candidates,
    organization: query.organization,
    budgets: budget.byNode,
    policy: tree.policy,
  });
  const roots = rows.flatMap((r) => r.scope.map((c) => nodeByCode.get(c)!));
  // The chosen node, shown whole (not only what an organization owns), is the top of the scope: its own
  // indicators, status and budget count.
  const wholeNode = scopeNode && !query.organization ? scopeNode : null;
  const inScope = wholeNode ? subtree(wholeNode) : roots.flatMap(subtree);
  const scopeCodes = new Set(inScope.map((n) => n.code));
  const thresholds = strategy.statusThresholds ?? DEFAULT_STATUS_THRESHOLDS;
  const evaluated = evaluateSeries(series, { asOf, startDate: strategy.periodStart, thresholds });
  const linkedToScope = evaluated.filter((i) => i.nodes.some((n) => scopeCodes.has(n)));
  const rootCodes = new Set([...roots.map((n) => n.code), ...(wholeNode ? [wholeNode.code] : [])]);
  const filtered = Boolean(query.priority || query.organization);
  const overall = wholeNode
    ? { progress: wholeNode.progress, components: null }
    : filtered
      ? combinedProgress('scope', 1, roots, tree.policy)
      : { progress: tree.progress, components: null };
  const summaryBudgets = wholeNode
    ? budgetsOf(budget.byNode, [wholeNode])
    : [...budgetsOf(budget.byNode, roots), ...(filtered ? [] : [budget.byNode.get('') ?? NO_BUDGET])];
  return {
    strategy: { code: strategy.code, title: strategy.title, levels: strategy.levels, state: strategy.state },
    asOf,
    filters: {
      priority: query.priority ?? null,
      organization: query.organization ?? null,
      region: query.region ?? null,
      period: period?.text ?? null,
    },
    options: {
      priorities: tree.nodes.map((n) => ({ code: n.code, title: n.title })),
      organizations: [...new Set(subtreeOwners(tree.nodes))].sort(),
      regions,
    },
    keyIndicatorRule: 'linked to the top-level nodes in scope (the package flags no key indicators)',
    policy: tree.policy,
    thresholds,
    currency: budget.currency,
    scale: budget.scale,
    budgetType: budget.type,
    summary: {
      progress: overall.progress,
      components: overall.components,
      statusCounts: wholeNode ? countsOf(wholeNode) : addCounts(rows.map((r) => r.statusCounts)),
      budget: budgetFigures(summaryBudgets, overall.progress),
      strategyWideAllocated: filtered ? null : (budget.byNode.get('')?.allocated ?? 0),
    },
    rows,
    keyIndicators: linkedToScope
      .filter((i) => i.nodes.some((n) => rootCodes.has(n)))
      .map((i) => presentIndicator(i, rootCodes)),
    attention: attentionItems({
      strategy: strategy.code,
      nodes: inScope,
      indicators: linkedToScope,
      explanations,
    }),
    completeness,
  };
}

function subtreeOwners(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((n) => [...(n.owner ? [n.owner] : []), ...subtreeOwners(n.children)]);
}
