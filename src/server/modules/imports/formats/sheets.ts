import { LOCALES } from '../../../../domain/i18n';

// The workbook layout of a strategy package, as one table that both the writer and the reader follow, so
// that the two cannot drift apart. A column either carries a field of the entity its row describes (`path`,
// relative to that entity) or, without a path, links the row to another sheet's entity (`indicator`, `node`…).

/** How a cell is read and written. */
export type CellKind = 'text' | 'code' | 'enum' | 'number' | 'date' | 'period' | 'boolean' | 'list' | 'page';

export interface Column {
  header: string;
  kind: CellKind;
  /** Where the value sits in the row's entity; absent for a link column. */
  path?: readonly string[];
  /** `true`: the cell must be filled; `'group'`: one of the columns sharing the first path segment must be. */
  required?: boolean | 'group';
  /** An empty cell means `null` rather than absent (a root node's parent, a missing target value). */
  nullable?: boolean;
  /** Values a link column accepts (entity fields are checked by the package schema instead). */
  values?: readonly string[];
  width: number;
  rtl?: boolean;
}

export type SheetName =
  | 'strategy'
  | 'levels'
  | 'organizations'
  | 'dimensions'
  | 'bodies'
  | 'body_members'
  | 'reporting_lines'
  | 'nodes'
  | 'node_contributors'
  | 'node_cross_references'
  | 'node_lineage'
  | 'indicators'
  | 'indicator_nodes'
  | 'targets'
  | 'observations'
  | 'budget_lines'
  | 'transactions'
  | 'projects'
  | 'project_milestones';

export interface SheetDef {
  name: SheetName;
  /** `fields`: one `field | value` row per column (the strategy); `table`: one row per entity. */
  layout: 'fields' | 'table';
  columns: readonly Column[];
}

/** Prefix of the observation columns that give a dimension member, e.g. `dim:region`. */
export const DIMENSION_PREFIX = 'dim:';

const WIDTH = { code: 14, short: 12, text: 40, enum: 14 } as const;

function column(
  header: string,
  kind: CellKind,
  path?: readonly string[],
  extra: Partial<Column> = {},
): Column {
  const width = kind === 'text' ? WIDTH.text : kind === 'enum' ? WIDTH.enum : WIDTH.code;
  return { header, kind, ...(path ? { path } : {}), width, ...extra };
}

const required = { required: true } as const;

/** Link to an entity of another sheet by its code. */
const link = (header: string) => column(header, 'code', undefined, required);

/** Three columns `<prefix>_fr`, `<prefix>_ar`, `<prefix>_en`; Arabic reads right to left. */
function i18n(prefix: string, path: readonly string[], isRequired = false): Column[] {
  return LOCALES.map((locale) =>
    column(`${prefix}_${locale}`, 'text', [...path, locale], {
      ...(isRequired ? { required: 'group' as const } : {}),
      ...(locale === 'ar' ? { rtl: true } : {}),
    }),
  );
}

/** The eight `source_*` columns of a Source object at `path`. */
function source(path: readonly string[] = ['source'], isRequired = false): Column[] {
  const at = (field: string) => [...path, field];
  return [
    column('source_document', 'text', at('document'), isRequired ? required : {}),
    column('source_section', 'text', at('section')),
    column('source_page', 'page', at('page'), { width: 10 }),
    column('source_url', 'text', at('url'), { width: 30 }),
    column('source_publisher', 'text', at('publisher'), { width: 24 }),
    column('source_date', 'period', at('date')),
    column('source_note', 'text', at('note')),
    column('source_confidence', 'enum', at('confidence')),
  ];
}

const strategy: SheetDef = {
  name: 'strategy',
  layout: 'fields',
  columns: [
    column('code', 'code', ['strategy', 'code'], required),
    ...i18n('title', ['strategy', 'title'], true),
    ...i18n('subtitle', ['strategy', 'subtitle']),
    ...i18n('description', ['strategy', 'description']),
    ...i18n('vision', ['strategy', 'vision']),
    column('period_start', 'date', ['strategy', 'periodStart'], required),
    column('period_end', 'date', ['strategy', 'periodEnd'], required),
    column('state', 'enum', ['strategy', 'state'], required),
    column('predecessor', 'code', ['strategy', 'predecessor']),
    column('successors', 'list', ['strategy', 'successors']),
    column('status_on_track', 'number', ['strategy', 'statusThresholds', 'onTrack']),
    column('status_at_risk', 'number', ['strategy', 'statusThresholds', 'atRisk']),
    column('fiscal_year_start_month', 'number', ['strategy', 'fiscalCalendar', 'startMonth']),
    column('fiscal_year_named_by', 'enum', ['strategy', 'fiscalCalendar', 'namedBy']),
    ...source(['strategy', 'source']),
    column('translations_source', 'enum', ['translations', 'source']),
    column('translations_unofficial', 'list', ['translations', 'unofficial']),
    column('budget_currency', 'code', ['budget', 'currency']),
    column('budget_scale', 'number', ['budget', 'scale']),
  ],
};

const table = (name: SheetName, columns: Column[]): SheetDef => ({ name, layout: 'table', columns });
const code = column('code', 'code', ['code'], required);

/** Every sheet, in workbook order (after the README). */
export const SHEETS: readonly SheetDef[] = [
  strategy,
  table('levels', [column('key', 'code', ['key'], required), ...i18n('name', ['name'], true)]),
  table('organizations', [
    code,
    ...i18n('name', ['name'], true),
    column('acronym', 'text', ['acronym'], { width: WIDTH.code }),
    column('type', 'enum', ['type'], { ...required, width: 20 }),
    column('parent', 'code', ['parent']),
    column('region', 'code', ['region']),
    column('website', 'text', ['website'], { width: 30 }),
    ...source(),
  ]),
  // A row without `member` names the dimension itself; member rows keep their order, the display order.
  table('dimensions', [link('dimension'), column('member', 'code'), ...i18n('name', ['name'])]),
  table('bodies', [
    code,
    ...i18n('name', ['name'], true),
    column('kind', 'enum', ['kind'], required),
    ...i18n('mandate', ['mandate']),
    column('chair', 'code', ['chair']),
    column('reports_to', 'code', ['reportsTo']),
    ...source(),
  ]),
  table('body_members', [link('body'), column('organization', 'code', ['item'], required)]),
  table('reporting_lines', [
    column('organization', 'code', ['organization'], required),
    column('reviewer', 'code', ['reviewer'], required),
  ]),
  table('nodes', [
    code,
    column('parent', 'code', ['parent'], { nullable: true }),
    column('level', 'code', ['level'], required),
    column('order', 'number', ['order'], { ...required, width: 8 }),
    ...i18n('title', ['title'], true),
    ...i18n('description', ['description']),
    column('weight', 'number', ['weight'], { width: 8 }),
    column('owner', 'code', ['owner']),
    column('planned_start', 'date', ['plannedStart']),
    column('planned_end', 'date', ['plannedEnd']),
    column('state', 'enum', ['state']),
    ...source(),
  ]),
  table('node_contributors', [link('node'), column('organization', 'code', ['item'], required)]),
  // `label_text` holds a label given as plain text rather than in languages.
  table('node_cross_references', [
    link('node'),
    ...i18n('label', ['label']),
    column('label_text', 'text', ['labelText']),
    column('reference', 'text', ['reference'], { width: 20 }),
  ]),
  table('node_lineage', [
    link('node'),
    column('strategy', 'code', ['strategy'], required),
    column('other_node', 'code', ['node'], required),
    column('relation', 'enum', ['relation'], required),
  ]),
  table('indicators', [
    code,
    ...i18n('name', ['name'], true),
    column('unit', 'text', ['unit'], { ...required, width: WIDTH.short }),
    column('direction', 'enum', ['direction'], required),
    column('aggregation', 'enum', ['aggregation'], required),
    column('decimals', 'number', ['decimals'], { ...required, width: 10 }),
    column('dimensions', 'list', ['dimensions'], { width: 20 }),
    column('periodicity', 'enum', ['periodicity']),
    ...i18n('description', ['description']),
    ...source(),
  ]),
  table('indicator_nodes', [link('indicator'), column('node', 'code', ['item'], required)]),
  table('targets', [
    link('indicator'),
    column('kind', 'enum', undefined, { ...required, values: ['baseline', 'milestone', 'final'] }),
    column('period', 'period', ['period'], required),
    column('value', 'number', ['value'], { nullable: true }),
    ...source(),
  ]),
  // `dim:<dimension>` columns are added per workbook, between `period` and `value` (see dimensionColumn).
  table('observations', [
    link('indicator'),
    column('period', 'period', ['period'], required),
    column('value', 'number', ['value'], { nullable: true }),
    column('state', 'enum', ['state']),
    column('confidence', 'enum', ['confidence']),
    ...source(['source'], true),
    column('reported_value', 'number', ['reported', 'value']),
    column('reported_unit', 'text', ['reported', 'unit'], { width: WIDTH.short }),
    column('reported_text', 'text', ['reported', 'text']),
  ]),
  table('budget_lines', [
    column('node', 'code', ['node']),
    column('rubric', 'code', ['rubric'], required),
    ...i18n('rubric_label', ['rubricLabel']),
    column('year', 'number', ['year'], { ...required, width: 8 }),
    column('amount', 'number', ['amount'], required),
    column('type', 'enum', ['type'], required),
    column('status', 'enum', ['status'], required),
    ...source(),
  ]),
  table('transactions', [
    column('node', 'code', ['node']),
    column('date', 'date', ['date'], required),
    column('type', 'enum', ['type'], required),
    column('amount', 'number', ['amount'], required),
    ...i18n('description', ['description']),
    ...source(),
  ]),
  table('projects', [
    code,
    column('node', 'code', ['node']),
    ...i18n('title', ['title'], true),
    ...i18n('description', ['description']),
    column('kind', 'enum', ['kind']),
    column('flagship', 'boolean', ['flagship'], { width: 10 }),
    ...i18n('group', ['group']),
    column('owner', 'code', ['owner']),
    ...source(),
  ]),
  table('project_milestones', [
    link('project'),
    column('code', 'code', ['code']),
    ...i18n('title', ['title'], true),
    column('planned_date', 'period', ['plannedDate']),
    column('actual_date', 'period', ['actualDate']),
    ...source(),
  ]),
];

export const SHEET_BY_NAME = new Map(SHEETS.map((sheet) => [sheet.name, sheet]));

/** The column of one dimension in the observations sheet. */
export function dimensionColumn(dimension: string): Column {
  return column(`${DIMENSION_PREFIX}${dimension}`, 'code', ['dimensions', dimension]);
}

/** The observations sheet's columns with one `dim:` column per dimension, after `period`. */
export function observationColumns(dimensions: readonly string[]): Column[] {
  const base = SHEET_BY_NAME.get('observations')!.columns;
  return [...base.slice(0, 2), ...dimensions.map(dimensionColumn), ...base.slice(2)];
}
