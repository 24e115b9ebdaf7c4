import type { I18n, Source, StrategyPackage, TargetPoint } from '../../../domain/package/schema';

// The public datasets of a strategy as flat tables. Every row is identified by codes that survive a
// re-import (strategy, node, indicator, period, dimension members), never by database ids. Multilingual
// text gets one column per language, and the source of each figure stays on the figure's row.

export const DATASET_KINDS = ['nodes', 'indicators', 'observations', 'budget'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export type Cell = string | number | null;
export interface Table {
  columns: string[];
  rows: Record<string, Cell>[];
}

const LANGS = ['fr', 'ar', 'en'] as const;
const SOURCE_COLUMNS = [
  'source_document',
  'source_section',
  'source_page',
  'source_url',
  'source_note',
  'source_confidence',
];
const i18nColumns = (name: string) => LANGS.map((lang) => `${name}_${lang}`);

function i18nCells(name: string, text: I18n | undefined | null): Record<string, Cell> {
  return Object.fromEntries(LANGS.map((lang) => [`${name}_${lang}`, text?.[lang] ?? null]));
}

function sourceCells(source: Source | undefined | null): Record<string, Cell> {
  return {
    source_document: source?.document ?? null,
    source_section: source?.section ?? null,
    source_page: source?.page ?? null,
    source_url: source?.url ?? null,
    source_note: source?.note ?? null,
    source_confidence: source?.confidence ?? null,
  };
}

const joined = (values: string[] | undefined | null) => (values?.length ? values.join(';') : null);
const point = (p: TargetPoint | undefined) => ({ period: p?.period ?? null, value: p?.value ?? null });

function nodesTable(pkg: StrategyPackage): Table {
  const columns = [
    'strategy',
    'code',
    'parent',
    'level',
    'order',
    ...i18nColumns('title'),
    ...i18nColumns('description'),
    'weight',
    'owner',
    'contributors',
    'planned_start',
    'planned_end',
    'state',
    ...SOURCE_COLUMNS,
  ];
  const rows = pkg.nodes.map((node) => ({
    strategy: pkg.strategy.code,
    code: node.code,
    parent: node.parent,
    level: node.level,
    order: node.order,
    ...i18nCells('title', node.title),
    ...i18nCells('description', node.description),
    weight: node.weight ?? 1,
    owner: node.owner ?? null,
    contributors: joined(node.contributors),
    planned_start: node.plannedStart ?? null,
    planned_end: node.plannedEnd ?? null,
    state: node.state ?? null,
    ...sourceCells(node.source),
  }));
  return { columns, rows };
}

function indicatorsTable(pkg: StrategyPackage): Table {
  const columns = [
    'strategy',
    'code',
    ...i18nColumns('name'),
    'unit',
    'direction',
    'aggregation',
    'decimals',
    'dimensions',
    'periodicity',
    'nodes',
    'baseline_period',
    'baseline_value',
    'milestones',
    'target_period',
    'target_value',
    'target_source_document',
    'target_source_section',
    ...SOURCE_COLUMNS,
  ];
  const rows = pkg.indicators.map((indicator) => {
    const target = indicator.target;
    const baseline = point(target?.baseline);
    const final = point(target?.final);
    const targetSource = target?.final?.source ?? target?.baseline?.source;
    return {
      strategy: pkg.strategy.code,
      code: indicator.code,
      ...i18nCells('name', indicator.name),
      unit: indicator.unit,
      direction: indicator.direction,
      aggregation: indicator.aggregation,
      decimals: indicator.decimals,
      dimensions: joined(indicator.dimensions),
      periodicity: indicator.periodicity ?? null,
      nodes: joined(indicator.nodes),
      baseline_period: baseline.period,
      baseline_value: baseline.value,
      milestones: joined(target?.milestones?.map((m) => `${m.period}=${m.value ?? ''}`)),
      target_period: final.period,
      target_value: final.value,
      target_source_document: targetSource?.document ?? null,
      target_source_section: targetSource?.section ?? null,
      ...sourceCells(indicator.source),
    };
  });
  return { columns, rows };
}

/** Dimension members as `dimension=member` pairs in dimension order, e.g. `region=MA-06`; empty for a total. */
export function dimensionKey(dimensions: Record<string, string> | undefined | null): string {
  return Object.keys(dimensions ?? {})
    .sort()
    .map((d) => `${d}=${dimensions?.[d]}`)
    .join(';');
}

/** Approved observations only: provisional figures are not published. */
function observationsTable(pkg: StrategyPackage): Table {
  const columns = [
    'strategy',
    'indicator',
    'period',
    'dimensions',
    'value',
    'unit',
    'confidence',
    'reported_value',
    'reported_unit',
    'reported_text',
    ...SOURCE_COLUMNS,
  ];
  const rows = pkg.indicators.flatMap((indicator) =>
    (indicator.observations ?? [])
      .filter((o) => (o.state ?? 'approved') === 'approved')
      .map((o) => ({
        strategy: pkg.strategy.code,
        indicator: indicator.code,
        period: o.period,
        dimensions: dimensionKey(o.dimensions),
        value: o.value,
        unit: indicator.unit,
        confidence: o.confidence ?? null,
        reported_value: o.reported?.value ?? null,
        reported_unit: o.reported?.unit ?? null,
        reported_text: o.reported?.text ?? null,
        ...sourceCells(o.source),
      })),
  );
  return { columns, rows };
}

/** Budget envelopes and transactions in one table; amounts in currency units (scale applied). */
function budgetTable(pkg: StrategyPackage): Table {
  const columns = [
    'strategy',
    'entry',
    'node',
    'year',
    'date',
    'rubric',
    ...i18nColumns('rubric_label'),
    'type',
    'status',
    'amount',
    'currency',
    ...i18nColumns('description'),
    ...SOURCE_COLUMNS,
  ];
  const budget = pkg.budget;
  if (!budget) return { columns, rows: [] };
  const amount = (value: number) => Math.round(value * budget.scale * 100) / 100;
  const lines = budget.lines.map((line) => ({
    strategy: pkg.strategy.code,
    entry: 'budget_line',
    node: line.node ?? null,
    year: line.year,
    date: null,
    rubric: line.rubric,
    ...i18nCells('rubric_label', line.rubricLabel),
    type: line.type,
    status: line.status,
    amount: amount(line.amount),
    currency: budget.currency,
    ...i18nCells('description', null),
    ...sourceCells(line.source),
  }));
  const transactions = (budget.transactions ?? []).map((t) => ({
    strategy: pkg.strategy.code,
    entry: 'transaction',
    node: t.node ?? null,
    year: Number(t.date.slice(0, 4)),
    date: t.date,
    rubric: null,
    ...i18nCells('rubric_label', null),
    type: t.type,
    status: null,
    amount: amount(t.amount),
    currency: budget.currency,
    ...i18nCells('description', t.description),
    ...sourceCells(t.source),
  }));
  return { columns, rows: [...lines, ...transactions] };
}

const BUILDERS: Record<DatasetKind, (pkg: StrategyPackage) => Table> = {
  nodes: nodesTable,
  indicators: indicatorsTable,
  observations: observationsTable,
  budget: budgetTable,
};

/** The table of one public dataset of a strategy package. */
export function datasetTable(pkg: StrategyPackage, kind: DatasetKind): Table {
  return BUILDERS[kind](pkg);
}
