import { budgetExecution, financialPhysicalGap, sumBudgets } from '../../../domain/budget';
import type { Computation } from '../../../domain/components';
import { isValidPeriod, parseIsoDate, parsePeriod } from '../../../domain/periods';
import { evaluateIndicator, type PartialTarget } from '../../../domain/plan-progress';
import { rollUp } from '../../../domain/rollup';
import { DEFAULT_STATUS_THRESHOLDS } from '../../../domain/status';
import { requirePermission } from '../../access/permissions';
import { type FieldError, invalid } from '../../errors';
import type { Ctx } from '../../types';
import { getBudgetByNode, type NodeBudget } from '../budget/budget.service';
import { listDimensions, listIndicatorSeries } from '../indicators/indicators.service';
import { cycleCompletenessSummary, latestExplanations } from '../reporting/dashboard.service';
import { getStrategy, getTree, type TreeNode, today } from '../strategy/strategy.service';
import { addCounts, countsOf, findNode, NEEDS_ATTENTION, scopeRoots, subtree } from './dashboard.scope';

export interface DashboardQuery {
  asOf?: string;
  priority?: string;
  organization?: string;
  region?: string;
  period?: string;
}

const toMinor = (amount: number) => Math.round(amount * 100);
const fromMinor = (minor: number) => minor / 100;
const nodeLink = (strategy: string, node: string) =>
  `/app/strategies/${encodeURIComponent(strategy)}?node=${encodeURIComponent(node)}`;

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

type Amounts = NodeBudget;

/** A budget in the strategy's unit with its execution rates and its financial vs physical progress. */
function budgetFigures(items: Amounts[], physical: number | null) {
  const total = sumBudgets(
    items.map((a) => ({
      allocated: toMinor(a.allocated),
      committed: toMinor(a.committed),
      disbursed: toMinor(a.disbursed),
      spent: toMinor(a.spent),
    })),
  );
  const execution = budgetExecution(total);
  const gap = financialPhysicalGap({
    allocated: total.allocated,
    spent: total.spent,
    physicalProgress: physical,
  });
  return {
    allocated: fromMinor(total.allocated),
    committed: fromMinor(total.committed),
    disbursed: fromMinor(total.disbursed),
    spent: fromMinor(total.spent),
    commitmentRate: execution.result.commitmentRate,
    disbursementRate: execution.result.disbursementRate,
    executionRate: execution.result.executionRate,
    financialProgress: gap.result.financial,
    physicalProgress: gap.result.physical,
    gap: gap.result.gap,
    components: { execution, gap },
  };
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
  const none: Amounts = { allocated: 0, committed: 0, disbursed: 0, spent: 0 };
  const budgetOf = (nodes: TreeNode[]) =>
    nodes.flatMap((n) => subtree(n)).map((n) => budget.byNode.get(n.code) ?? none);

  const rows = candidates.flatMap((node) => {
    const roots = scopeRoots(node, query.organization);
    if (roots.length === 0) return [];
    const whole = roots.length === 1 && roots[0] === node;
    // An organization owning only parts of a priority: its parts' weighted progress, by the same roll-up.
    const partial = whole
      ? null
      : rollUp(
          {
            id: node.code,
            weight: node.weight,
            children: roots.map((r) => ({ id: r.code, weight: r.weight, progress: r.progress })),
          },
          tree.policy,
        );
    const progress = partial ? partial.progress : node.progress;
    return [
      {
        code: node.code,
        level: node.level,
        title: node.title,
        weight: node.weight,
        owner: node.owner ?? null,
        status: whole ? node.status : null,
        progress,
        performance: whole ? node.performance : null,
        statusCounts: addCounts(roots.map(countsOf)),
        scope: roots.map((r) => r.code),
        budget: budgetFigures(budgetOf(roots), progress),
        components: partial?.components ?? null,
        link: nodeLink(strategy.code, node.code),
      },
    ];
  });

  // The chosen node itself is the top of the scope when the whole of it is shown (not only what an
  // organization owns): its own indicators and status count.
  const wholeNode = scopeNode && !query.organization ? scopeNode : null;
  const inScope = wholeNode
    ? subtree(wholeNode)
    : rows.flatMap((r) => r.scope.map((c) => findNode(tree.nodes, c)!)).flatMap(subtree);
  const scopeCodes = new Set(inScope.map((n) => n.code));
  const thresholds = strategy.statusThresholds ?? DEFAULT_STATUS_THRESHOLDS;
  const evaluated = series.map((s) => {
    const last = s.observations.at(-1) ?? null;
    const evaluation = evaluateIndicator({
      target: s.target as PartialTarget | null,
      direction: s.direction,
      // The latest observation by `asOf`, as the plan tree judges it.
      observations: last ? [last] : [],
      asOf,
      startDate: strategy.periodStart,
      thresholds,
    });
    return { ...s, evaluation };
  });
  const linkedToScope = evaluated.filter((i) => i.nodes.some((n) => scopeCodes.has(n)));
  const rootCodes = new Set([...rows.flatMap((r) => r.scope), ...(wholeNode ? [wholeNode.code] : [])]);
  const keyIndicators = linkedToScope
    .filter((i) => i.nodes.some((n) => rootCodes.has(n)))
    .map((i) => presentIndicator(i, rootCodes));

  const explanationOf = (kind: string, itemCode: string) => explanations.get(`${kind}:${itemCode}`) ?? null;
  const attention = [
    ...inScope
      .filter((n) => NEEDS_ATTENTION.includes(n.status))
      .map((n) => ({
        kind: 'node' as const,
        code: n.code,
        title: n.title,
        level: n.level as string | null,
        owner: n.owner ?? null,
        status: n.status,
        progress: n.progress,
        performance: n.performance,
        explanation: explanationOf('node', n.code),
        link: nodeLink(strategy.code, n.code),
      })),
    ...linkedToScope
      .filter((i) => NEEDS_ATTENTION.includes(i.evaluation.result.status))
      .map((i) => ({
        kind: 'indicator' as const,
        code: i.code,
        title: i.name,
        level: null,
        owner: null,
        status: i.evaluation.result.status as string,
        progress: i.evaluation.result.achievement,
        performance: i.evaluation.result.performance,
        explanation: explanationOf('indicator', i.code),
        link: `/app/indicators/${encodeURIComponent(i.code)}`,
      })),
  ].sort((a, b) => NEEDS_ATTENTION.indexOf(a.status) - NEEDS_ATTENTION.indexOf(b.status));

  const filtered = Boolean(query.priority || query.organization);
  const overallProgress = filtered
    ? scopeNode && !query.organization
      ? { progress: scopeNode.progress, components: null }
      : (() => {
          const roll = rollUp(
            {
              id: 'scope',
              weight: 1,
              children: rows.map((r) => ({ id: r.code, weight: r.weight, progress: r.progress })),
            },
            tree.policy,
          );
          return { progress: roll.progress, components: roll.components };
        })()
    : { progress: tree.progress, components: null };
  const strategyWide = filtered ? [] : [budget.byNode.get('') ?? none];
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
      progress: overallProgress.progress,
      components: overallProgress.components,
      statusCounts: addCounts(rows.map((r) => r.statusCounts)),
      budget: budgetFigures(
        wholeNode
          ? budgetOf([wholeNode])
          : [...rows.flatMap((r) => budgetOf(r.scope.map((c) => findNode(tree.nodes, c)!))), ...strategyWide],
        overallProgress.progress,
      ),
      strategyWideAllocated: filtered ? null : (budget.byNode.get('')?.allocated ?? 0),
    },
    rows,
    keyIndicators,
    attention,
    completeness,
  };
}

function subtreeOwners(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((n) => [...(n.owner ? [n.owner] : []), ...subtreeOwners(n.children)]);
}

type EvaluatedSeries = Awaited<ReturnType<typeof listIndicatorSeries>>[number] & {
  evaluation: Computation<ReturnType<typeof evaluateIndicator>['result']>;
};

/** A key indicator card: its trajectory's declared points, its observations and how it was judged. */
function presentIndicator(i: EvaluatedSeries, rootCodes: Set<string>) {
  const target = i.target as PartialTarget | null;
  const points = target
    ? [
        ...(target.baseline ? [{ ...pick(target.baseline), role: 'baseline' }] : []),
        ...target.milestones.map((m) => ({ ...pick(m), role: 'milestone' })),
        ...(target.final ? [{ ...pick(target.final), role: 'final' }] : []),
      ]
    : [];
  const r = i.evaluation.result;
  return {
    code: i.code,
    name: i.name,
    unit: i.unit,
    decimals: i.decimals,
    direction: i.direction,
    nodes: i.nodes.filter((n) => rootCodes.has(n)),
    trajectory: points,
    observations: i.observations,
    actual: r.actual,
    judgedPeriod: r.judgedPeriod,
    expected: r.expected,
    status: r.status,
    achievement: r.achievement,
    performance: r.performance,
    components: i.evaluation,
    link: `/app/indicators/${encodeURIComponent(i.code)}`,
  };
}

const pick = (p: { period: string; value: number | null }) => ({ period: p.period, value: p.value });
