import type {
  I18n,
  Indicator,
  Observation,
  PlanNode,
  Source,
  StrategyPackage,
  TargetPoint,
} from '../../../domain/package/schema';
import { comparePeriods, periodEnd, periodStart } from '../../../domain/periods';
import { dimensionKey } from './open-data.tables';

// An IATI 2.03 activity file for a strategy (https://iatistandard.org/en/iati-standard/203/). Each plan node
// from the top down to the level the strategy calls "measure" is an activity, nested under one activity for the
// strategy itself with `hierarchy` and parent/child `related-activity` links, so that an envelope voted for a
// whole priority is reported where it was voted rather than split among measures. Elements follow the order
// of the schema's sequences (the XSD rejects any other order); optional elements without data are left out.

export interface IatiOptions {
  /** The reporting organisation's IATI identifier (`IATI_REPORTING_ORG_REF`). */
  reportingOrgRef: string;
  /** Its name; the strategy's title when not given. */
  reportingOrgName?: string | null;
  generatedAt: string;
}

const LANGS = ['fr', 'ar', 'en'] as const;
// IATI code lists (2.03): OrganisationType 10 = Government; OrganisationRole 2 = Accountable, 4 = Implementing;
// ActivityDateType 1 = Planned start, 3 = Planned end; TransactionType 2/3/4; BudgetType 1/2; BudgetStatus 1/2;
// RelatedActivityType 1 = Parent, 2 = Child; ResultType 9 = Other; IndicatorMeasure 1 = Unit, 2 = Percentage;
// IndicatorVocabulary 99 = the reporting organisation's own codes.
const TRANSACTION_TYPE = { commitment: '2', disbursement: '3', expenditure: '4' } as const;
const BUDGET_TYPE = { original: '1', revised: '2' } as const;
const BUDGET_STATUS = { indicative: '1', committed: '2' } as const;
const NODE_STATUS: Record<string, string> = {
  planned: '1',
  in_progress: '2',
  completed: '4',
  cancelled: '5',
};

const escapeXml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // XML 1.0 forbids most control characters, even escaped.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

type Attrs = Record<string, string | number | boolean | null | undefined>;

function el(name: string, attrs: Attrs, children: string[] | string | null = null): string {
  const attributes = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (children === null || (Array.isArray(children) && !children.length)) return `<${name}${attributes}/>`;
  const inner = Array.isArray(children) ? children.join('') : escapeXml(children);
  return `<${name}${attributes}>${inner}</${name}>`;
}

const narratives = (text: I18n) =>
  LANGS.filter((lang) => text[lang]?.trim()).map((lang) =>
    el('narrative', { 'xml:lang': lang }, text[lang] as string),
  );

const hasText = (text: I18n | undefined | null): text is I18n =>
  !!text && LANGS.some((lang) => text[lang]?.trim());

const sourceText = (source: Source | undefined) =>
  source ? [source.document, source.section, source.url].filter(Boolean).join(' — ') : null;

const comment = (source: Source | undefined) => {
  const text = sourceText(source);
  return text ? [el('comment', {}, [el('narrative', {}, text)])] : [];
};

const amount = (value: number) => String(Math.round(value * 100) / 100);

/** The level a strategy calls "measure" (by key or English name), else its deepest level. */
export function measureLevel(pkg: StrategyPackage): string {
  const levels = pkg.strategy.levels;
  const named =
    levels.find((l) => l.key === 'measure') ??
    levels.find((l) => /^measures?$/i.test(l.name.en?.trim() ?? ''));
  return (named ?? levels[levels.length - 1]!).key;
}

interface Context {
  pkg: StrategyPackage;
  options: IatiOptions;
  identifier: (nodeCode: string | null) => string;
  /** The activity a node's figures belong to: the node itself, or its nearest ancestor exported. */
  activityOf: (nodeCode: string | null) => string | null;
  orgName: (code: string) => I18n;
}

function reportingOrg(ctx: Context): string {
  const name = ctx.options.reportingOrgName
    ? [el('narrative', {}, ctx.options.reportingOrgName)]
    : narratives(ctx.pkg.strategy.title);
  return el('reporting-org', { ref: ctx.options.reportingOrgRef, type: '10' }, name);
}

function participatingOrgs(ctx: Context, node: PlanNode | null): string[] {
  if (!node?.owner)
    return [el('participating-org', { ref: ctx.options.reportingOrgRef, role: '2', type: '10' }, null)];
  return [
    el('participating-org', { role: '2' }, narratives(ctx.orgName(node.owner))),
    ...(node.contributors ?? []).map((c) =>
      el('participating-org', { role: '4' }, narratives(ctx.orgName(c))),
    ),
  ];
}

/** A node's own state when known; otherwise the strategy's: a closed strategy's activities are closed. */
function activityStatus(ctx: Context, node: PlanNode | null): string {
  const known = node?.state ? NODE_STATUS[node.state] : undefined;
  if (known) return known;
  return ctx.pkg.strategy.state === 'closed' ? '4' : '2';
}

function budgets(ctx: Context, nodeCode: string | null): string[] {
  const budget = ctx.pkg.budget;
  if (!budget) return [];
  const sums = new Map<string, { year: number; type: string; status: string; amount: number }>();
  for (const line of budget.lines) {
    if (ctx.activityOf(line.node ?? null) !== nodeCode) continue;
    const key = `${line.year}|${line.type}|${line.status}`;
    const sum = sums.get(key) ?? { year: line.year, type: line.type, status: line.status, amount: 0 };
    sum.amount += line.amount * budget.scale;
    sums.set(key, sum);
  }
  return [...sums.values()]
    .sort((a, b) => a.year - b.year || a.type.localeCompare(b.type) || a.status.localeCompare(b.status))
    .map((b) =>
      el(
        'budget',
        {
          type: BUDGET_TYPE[b.type as keyof typeof BUDGET_TYPE],
          status: BUDGET_STATUS[b.status as keyof typeof BUDGET_STATUS],
        },
        [
          el('period-start', { 'iso-date': `${b.year}-01-01` }),
          el('period-end', { 'iso-date': `${b.year}-12-31` }),
          el('value', { 'value-date': `${b.year}-01-01` }, amount(b.amount)),
        ],
      ),
    );
}

function transactions(ctx: Context, nodeCode: string | null): string[] {
  const budget = ctx.pkg.budget;
  if (!budget) return [];
  return (budget.transactions ?? [])
    .filter((t) => ctx.activityOf(t.node ?? null) === nodeCode)
    .sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type))
    .map((t) =>
      el('transaction', {}, [
        el('transaction-type', { code: TRANSACTION_TYPE[t.type] }),
        el('transaction-date', { 'iso-date': t.date }),
        el('value', { 'value-date': t.date }, amount(t.amount * budget.scale)),
        ...(hasText(t.description) ? [el('description', {}, narratives(t.description))] : []),
      ]),
    );
}

/** Target and actual values of an indicator per period, in time order; values the sources lack are left out. */
function periods(indicator: Indicator): string[] {
  const byPeriod = new Map<string, { targets: TargetPoint[]; actuals: Observation[] }>();
  const entry = (period: string) => {
    const found = byPeriod.get(period) ?? { targets: [], actuals: [] };
    byPeriod.set(period, found);
    return found;
  };
  const target = indicator.target;
  for (const point of [...(target?.milestones ?? []), ...(target?.final ? [target.final] : [])]) {
    if (point.value !== null) entry(point.period).targets.push(point);
  }
  for (const o of indicator.observations ?? []) {
    if ((o.state ?? 'approved') === 'approved' && o.value !== null) entry(o.period).actuals.push(o);
  }
  return [...byPeriod.keys()].sort(comparePeriods).map((period) => {
    const { targets, actuals } = byPeriod.get(period)!;
    return el('period', {}, [
      el('period-start', { 'iso-date': periodStart(period) }),
      el('period-end', { 'iso-date': periodEnd(period) }),
      ...targets.map((t) => el('target', { value: t.value }, comment(t.source))),
      ...actuals
        .sort((a, b) => dimensionKey(a.dimensions).localeCompare(dimensionKey(b.dimensions)))
        .map((o) =>
          el('actual', { value: o.value }, [
            ...Object.entries(o.dimensions ?? {})
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([name, value]) => el('dimension', { name, value })),
            ...comment(o.source),
          ]),
        ),
    ]);
  });
}

function result(indicator: Indicator): string {
  const baseline = indicator.target?.baseline;
  return el('result', { type: '9' }, [
    el('title', {}, narratives(indicator.name)),
    el(
      'indicator',
      { measure: indicator.unit.trim() === '%' ? '2' : '1', ascending: indicator.direction === 'increase' },
      [
        el('title', {}, narratives(indicator.name)),
        ...(hasText(indicator.description) ? [el('description', {}, narratives(indicator.description))] : []),
        el('reference', { vocabulary: '99', code: indicator.code }),
        ...(baseline
          ? [
              el(
                'baseline',
                { year: Number(baseline.period.slice(0, 4)), value: baseline.value },
                comment(baseline.source),
              ),
            ]
          : []),
        ...periods(indicator),
      ],
    ),
  ]);
}

/** The description of a node, or one made of its level, code and strategy when it has none. */
function describe(ctx: Context, node: PlanNode | null): I18n {
  const strategy = ctx.pkg.strategy;
  if (!node) return hasText(strategy.description) ? strategy.description : strategy.title;
  if (hasText(node.description)) return node.description;
  const level = strategy.levels.find((l) => l.key === node.level)?.name ?? {};
  const made: I18n = {};
  for (const lang of LANGS) {
    const title = strategy.title[lang];
    if (title) made[lang] = `${level[lang] ?? node.level} ${node.code} — ${title}`;
  }
  return hasText(made) ? made : strategy.title;
}

function activity(
  ctx: Context,
  node: PlanNode | null,
  depth: number,
  parent: string | null,
  children: string[],
  indicators: Indicator[],
): string {
  const strategy = ctx.pkg.strategy;
  const code = node?.code ?? null;
  const start = node?.plannedStart ?? strategy.periodStart;
  const end = node?.plannedEnd ?? strategy.periodEnd;
  return el(
    'iati-activity',
    {
      'default-currency': ctx.pkg.budget?.currency,
      hierarchy: depth,
    },
    [
      el('iati-identifier', {}, ctx.identifier(code)),
      reportingOrg(ctx),
      el('title', {}, narratives(node?.title ?? strategy.title)),
      el('description', { type: '1' }, narratives(describe(ctx, node))),
      ...participatingOrgs(ctx, node),
      el('activity-status', { code: activityStatus(ctx, node) }),
      el('activity-date', { type: '1', 'iso-date': start }),
      el('activity-date', { type: '3', 'iso-date': end }),
      ...budgets(ctx, code),
      ...transactions(ctx, code),
      ...(node ? [el('related-activity', { ref: ctx.identifier(parent), type: '1' })] : []),
      ...children.map((child) => el('related-activity', { ref: ctx.identifier(child), type: '2' })),
      ...indicators.map(result),
    ],
  );
}

/** The IATI 2.03 activities document of a strategy package (public data only: approved observations). */
export function iatiActivities(pkg: StrategyPackage, options: IatiOptions): string {
  const orgs = new Map(pkg.organizations.map((o) => [o.code, o.name]));
  const levelKeys = pkg.strategy.levels.map((l) => l.key);
  const deepest = levelKeys.indexOf(measureLevel(pkg));
  const included = pkg.nodes.filter((n) => levelKeys.indexOf(n.level) <= deepest);
  const kept = new Set(included.map((n) => n.code));
  const parents = new Map(pkg.nodes.map((n) => [n.code, n.parent ?? null]));
  const activityOf = (code: string | null): string | null => {
    let current = code;
    while (current !== null && !kept.has(current)) current = parents.get(current) ?? null;
    return current;
  };
  const ctx: Context = {
    pkg,
    options,
    identifier: (nodeCode) =>
      [options.reportingOrgRef, pkg.strategy.code, nodeCode].filter((p) => p !== null).join('-'),
    activityOf,
    orgName: (code) => orgs.get(code) ?? { en: code },
  };
  const childrenOf = (code: string | null) =>
    included.filter((n) => (n.parent ?? null) === code).map((n) => n.code);
  // An indicator of an action below the measures is reported with its measure.
  const measuredBy = (code: string | null) =>
    pkg.indicators.filter((i) =>
      code === null ? !i.nodes?.length : (i.nodes ?? []).some((n) => activityOf(n) === code),
    );
  const activities = [activity(ctx, null, 1, null, childrenOf(null), measuredBy(null))];
  for (const node of included) {
    const depth = levelKeys.indexOf(node.level) + 2;
    activities.push(activity(ctx, node, depth, node.parent, childrenOf(node.code), measuredBy(node.code)));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    'iati-activities',
    { version: '2.03', 'generated-datetime': options.generatedAt },
    activities.map((a) => `\n${a}`).concat('\n'),
  )}\n`;
}
