import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { LOCALES } from '../i18n';

// The strategy package: one JSON document holding a whole strategy. This schema is both the published
// JSON Schema (GET /api/schemas/strategy-package.json) and, through Static<>, the TypeScript types.
// Every object is closed (additionalProperties: false) so that a misspelt field is an error, not silently
// dropped data. Property order here is the key order of the canonical file (see canonical.ts).
// FORMAT.md documents the format for people.

const closed = { additionalProperties: false } as const;

/** Stable human code: letters, digits, '.', '_' and '-', starting with a letter or digit. */
export const CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
/** YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD; the day is checked against the calendar by the validator. */
export const PERIOD_PATTERN = '^\\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?))?$';
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

const Code = (description: string) => Type.String({ pattern: CODE_PATTERN, description });
const Period = (description: string) => Type.String({ pattern: PERIOD_PATTERN, description });
const IsoDate = (description: string) => Type.String({ pattern: DATE_PATTERN, description });
const Text = (description: string) => Type.String({ minLength: 1, description });
const Enum = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );
const Described = <T extends TSchema>(schema: T, description: string): T => ({ ...schema, description });

export const I18nSchema = Type.Object(
  {
    fr: Type.Optional(Text('French')),
    ar: Type.Optional(Text('Arabic')),
    en: Type.Optional(Text('English')),
  },
  { ...closed, minProperties: 1, description: 'Text in one or more of the languages fr, ar, en.' },
);

export const LocaleSchema = Enum(LOCALES, 'A language of Marsad.');

export const ConfidenceSchema = Enum(
  ['high', 'medium', 'low', 'unverified'] as const,
  'How far the figure or statement can be trusted, as judged by whoever recorded it.',
);

export const SourceSchema = Type.Object(
  {
    document: Text('The document cited, e.g. "Maroc Numeric 2013 strategy" or a seed file path.'),
    section: Type.Optional(Text('Section, table or chapter within the document.')),
    page: Type.Optional(
      Type.Union([Text('Page label'), Type.Integer({ minimum: 1 })], { description: 'Page.' }),
    ),
    url: Type.Optional(
      Type.String({ pattern: '^https?://', description: 'Where the document can be read.' }),
    ),
    publisher: Type.Optional(Text('Who published the document.')),
    date: Type.Optional(Period('Publication date of the document, as a period (2009, 2009-10, 2009-10-12).')),
    note: Type.Optional(Text('Anything a reader needs to judge the figure, e.g. why a value is null.')),
    confidence: Type.Optional(ConfidenceSchema),
  },
  { ...closed, description: 'Where a statement or figure comes from.' },
);

export const TranslationsSchema = Type.Object(
  {
    source: Described(LocaleSchema, 'Language the content was written in.'),
    unofficial: Type.Array(LocaleSchema, {
      uniqueItems: true,
      description: 'Languages whose texts are unofficial translations made for Marsad.',
    }),
  },
  { ...closed, description: 'Which languages are originals and which are unofficial translations.' },
);

export const LevelSchema = Type.Object(
  { key: Code('Level key used by nodes, e.g. "priority".'), name: I18nSchema },
  { ...closed, description: 'One level of the plan tree.' },
);

export const StrategySchema = Type.Object(
  {
    code: Code('Strategy code, e.g. "MN2013".'),
    title: I18nSchema,
    subtitle: Type.Optional(I18nSchema),
    description: Type.Optional(I18nSchema),
    vision: Type.Optional(I18nSchema),
    periodStart: IsoDate('First day of the strategy period.'),
    periodEnd: IsoDate('Last day of the strategy period.'),
    state: Enum(['draft', 'adopted', 'closed'] as const, 'Life-cycle state of the strategy.'),
    levels: Type.Array(LevelSchema, {
      minItems: 1,
      description: 'Levels of the plan tree, top level first.',
    }),
    predecessor: Type.Optional(Code('Code of the strategy this one follows.')),
    successors: Type.Optional(
      Type.Array(Code('Strategy code'), { description: 'Strategies that follow this one.' }),
    ),
    statusThresholds: Type.Optional(
      Type.Object(
        {
          onTrack: Type.Number({
            minimum: 0,
            description: 'Share of the expected progress from which on track.',
          }),
          atRisk: Type.Number({
            minimum: 0,
            description: 'Share of the expected progress from which at risk.',
          }),
        },
        { ...closed, description: 'Status thresholds as shares of expected progress (e.g. 0.9 and 0.7).' },
      ),
    ),
    fiscalCalendar: Type.Optional(
      Type.Object(
        {
          startMonth: Type.Integer({
            minimum: 1,
            maximum: 12,
            description: 'Month the fiscal year starts (1 = January).',
          }),
          namedBy: Enum(
            ['start', 'end'] as const,
            'A fiscal year straddling two calendar years is named by the year it starts or ends in.',
          ),
        },
        {
          ...closed,
          description:
            'Fiscal calendar of the reporting cycles (years, halves, quarters); absent: the calendar year.',
        },
      ),
    ),
    source: Type.Optional(SourceSchema),
  },
  { ...closed, description: 'The strategy itself.' },
);

export const ORGANIZATION_TYPES = [
  'ministry',
  'agency',
  'enterprise',
  'sme',
  'startup',
  'university',
  'association',
  'federation',
  'cluster',
  'international_partner',
  'public_body',
  'other',
] as const;

export const OrganizationSchema = Type.Object(
  {
    code: Code('Organization code, e.g. "ANRT".'),
    name: I18nSchema,
    acronym: Type.Optional(Text('Acronym as commonly written.')),
    type: Enum(ORGANIZATION_TYPES, 'Kind of organization.'),
    parent: Type.Optional(Code('Code of the parent organization (e.g. the ministry of an agency).')),
    region: Type.Optional(Code('Member of the "region" dimension where it is based, e.g. "MA-06".')),
    website: Type.Optional(Type.String({ pattern: '^https?://', description: 'Website.' })),
    source: Type.Optional(SourceSchema),
  },
  { ...closed, description: 'An organization that owns, contributes to, chairs or reviews.' },
);

export const DimensionMemberSchema = Type.Object(
  { code: Code('Member code.'), name: I18nSchema },
  { ...closed, description: 'One member of a dimension.' },
);

export const DimensionSchema = Type.Object(
  {
    code: Code('Dimension code, e.g. "sex".'),
    name: I18nSchema,
    members: Type.Array(DimensionMemberSchema, { description: 'Members, in display order.' }),
  },
  { ...closed, description: 'A disaggregation dimension beyond those Marsad ships (region, zone, income).' },
);

export const BodySchema = Type.Object(
  {
    code: Code('Governance body code.'),
    name: I18nSchema,
    kind: Enum(['council', 'committee', 'steering', 'observatory', 'other'] as const, 'Kind of body.'),
    mandate: Type.Optional(I18nSchema),
    chair: Type.Optional(Code('Organization chairing the body.')),
    members: Type.Array(Code('Organization code'), { description: 'Member organizations.' }),
    reportsTo: Type.Optional(Code('Body this one reports to.')),
    source: Type.Optional(SourceSchema),
  },
  { ...closed, description: 'A council, committee, steering structure or observatory.' },
);

export const ReportingLineSchema = Type.Object(
  {
    organization: Code('Organization whose reports are reviewed.'),
    reviewer: Code('Body that reviews them.'),
  },
  { ...closed, description: 'Which body reviews which organization’s reports.' },
);

export const CrossReferenceSchema = Type.Object(
  {
    label: Type.Union([I18nSchema, Text('Label')], { description: 'What is referred to.' }),
    reference: Type.Optional(Text('Identifier in the other document, e.g. "measure 58".')),
  },
  { ...closed, description: 'A reference to another plan or document.' },
);

export const LineageSchema = Type.Object(
  {
    strategy: Code('Code of the other strategy.'),
    node: Code('Code of the node in that strategy.'),
    relation: Enum(['continues', 'replaces', 'derived_from'] as const, 'How this node relates to that one.'),
  },
  { ...closed, description: 'A link to a node of another strategy.' },
);

export const NODE_STATES = ['planned', 'in_progress', 'completed', 'cancelled', 'unknown'] as const;

export const NodeSchema = Type.Object(
  {
    code: Code('Node code, unique in the package, e.g. "M01".'),
    parent: Type.Union([Code('Parent node code'), Type.Null()], {
      description: 'Parent node; null for a root.',
    }),
    level: Code('Key of one of the strategy levels; one level below the parent’s.'),
    order: Type.Integer({ minimum: 0, description: 'Position among siblings.' }),
    title: I18nSchema,
    description: Type.Optional(I18nSchema),
    weight: Type.Optional(
      Type.Number({ minimum: 0, default: 1, description: 'Weight in roll-ups; 1 if absent.' }),
    ),
    owner: Type.Optional(Code('Organization accountable for the node.')),
    contributors: Type.Optional(
      Type.Array(Code('Organization code'), { description: 'Contributing organizations.' }),
    ),
    plannedStart: Type.Optional(IsoDate('Planned start date.')),
    plannedEnd: Type.Optional(IsoDate('Planned end date.')),
    state: Type.Optional(Enum(NODE_STATES, 'Implementation state as last known.')),
    source: Type.Optional(SourceSchema),
    crossReferences: Type.Optional(Type.Array(CrossReferenceSchema)),
    lineage: Type.Optional(Type.Array(LineageSchema)),
  },
  { ...closed, description: 'One node of the plan tree (priority, initiative, measure, action…).' },
);

const TargetPointSchema = Type.Object(
  {
    period: Period('Period the value is for.'),
    value: Type.Union([Type.Number(), Type.Null()], {
      description: 'Value; null when the source gives none.',
    }),
    source: Type.Optional(SourceSchema),
  },
  { ...closed, description: 'A (period, value) point of a target; a null value needs a source saying why.' },
);

export const TargetSchema = Type.Object(
  {
    baseline: Type.Optional(Described(TargetPointSchema, 'Starting point; may precede the strategy period.')),
    milestones: Type.Optional(
      Type.Array(TargetPointSchema, { description: 'Intermediate targets, in time order.' }),
    ),
    final: Type.Optional(Described(TargetPointSchema, 'Final target.')),
  },
  { ...closed, description: 'Baseline, milestones and final target of an indicator.' },
);

export const ObservationSchema = Type.Object(
  {
    period: Period('Period observed.'),
    dimensions: Type.Optional(
      Type.Record(Type.String(), Code('Member code'), {
        description: 'Dimension code → member code, e.g. {"region": "MA-06"}; absent for the national total.',
      }),
    ),
    value: Type.Union([Type.Number(), Type.Null()], {
      description: 'Value; null when the source gives none.',
    }),
    state: Type.Optional(Enum(['provisional', 'approved'] as const, 'Approved if absent.')),
    source: SourceSchema,
    confidence: Type.Optional(ConfidenceSchema),
    reported: Type.Optional(
      Type.Object(
        {
          value: Type.Number({ description: 'The figure as the source printed it.' }),
          unit: Type.Optional(Text('Its unit, e.g. "%".')),
          text: Type.Optional(Text('The source’s wording.')),
        },
        { ...closed, description: 'A figure as reported by the source, kept beside the computed one.' },
      ),
    ),
  },
  { ...closed, description: 'A measured value of an indicator.' },
);

export const IndicatorSchema = Type.Object(
  {
    code: Code('Indicator code.'),
    name: I18nSchema,
    unit: Text('Unit, e.g. "%", "services", "MAD million".'),
    direction: Enum(['increase', 'decrease'] as const, 'Which way is better (a rank improves downwards).'),
    aggregation: Enum(['sum', 'mean', 'last'] as const, 'How values combine over members or time.'),
    decimals: Type.Integer({ minimum: 0, maximum: 10, description: 'Decimals to display.' }),
    dimensions: Type.Optional(
      Type.Array(Code('Dimension code'), { description: 'Disaggregation dimensions.' }),
    ),
    periodicity: Type.Optional(
      Enum(
        ['annual', 'semiannual', 'quarterly', 'monthly', 'irregular'] as const,
        'How often it is measured.',
      ),
    ),
    nodes: Type.Optional(
      Type.Array(Code('Node code'), {
        description: 'Plan nodes it measures; none for an observatory series.',
      }),
    ),
    source: Type.Optional(SourceSchema),
    description: Type.Optional(I18nSchema),
    target: Type.Optional(TargetSchema),
    observations: Type.Optional(Type.Array(ObservationSchema)),
  },
  { ...closed, description: 'An indicator, linked to plan nodes or standalone (observatory series).' },
);

export const BudgetLineSchema = Type.Object(
  {
    node: Type.Optional(Code('Node the envelope is for; absent for the whole strategy.')),
    rubric: Code('Budget rubric code, e.g. "opex".'),
    rubricLabel: Type.Optional(I18nSchema),
    year: Type.Integer({ description: 'Fiscal year, within the strategy period.' }),
    amount: Type.Number({ minimum: 0, description: 'Amount in currency × scale.' }),
    type: Enum(['original', 'revised'] as const, 'Original or revised budget.'),
    status: Enum(['indicative', 'committed'] as const, 'Indicative or committed.'),
    source: Type.Optional(SourceSchema),
  },
  { ...closed, description: 'A budget envelope: (node, fiscal year, rubric) → amount.' },
);

export const TransactionSchema = Type.Object(
  {
    node: Type.Optional(Code('Node charged.')),
    date: IsoDate('Transaction date.'),
    type: Enum(['commitment', 'disbursement', 'expenditure'] as const, 'IATI transaction type.'),
    amount: Type.Number({ minimum: 0, description: 'Amount in currency × scale.' }),
    description: Type.Optional(I18nSchema),
    source: Type.Optional(SourceSchema),
  },
  { ...closed, description: 'A commitment, disbursement or expenditure.' },
);

export const BudgetSchema = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code, e.g. "MAD".' }),
    scale: Type.Number({
      exclusiveMinimum: 0,
      description: 'Amounts are multiples of this: 1000000 = millions.',
    }),
    lines: Type.Array(BudgetLineSchema),
    transactions: Type.Optional(Type.Array(TransactionSchema)),
  },
  { ...closed, description: 'Budget envelopes and transactions.' },
);

export const PROJECT_KINDS = [
  'infrastructure',
  'informational',
  'interactive',
  'transactional',
  'integrated',
  'programme',
  'other',
] as const;

export const ProjectMilestoneSchema = Type.Object(
  {
    code: Type.Optional(Code('Milestone code.')),
    title: I18nSchema,
    plannedDate: Type.Optional(Period('Planned date or period.')),
    actualDate: Type.Optional(Period('Actual date or period.')),
    source: Type.Optional(SourceSchema),
  },
  { ...closed, description: 'A project milestone.' },
);

export const ProjectSchema = Type.Object(
  {
    code: Code('Project code.'),
    node: Type.Optional(Code('Node it delivers.')),
    title: I18nSchema,
    description: Type.Optional(I18nSchema),
    kind: Type.Optional(
      Enum(PROJECT_KINDS, 'Kind of deliverable (e-government maturity stages and others).'),
    ),
    flagship: Type.Optional(Type.Boolean({ description: 'A flagship project of the strategy.' })),
    group: Type.Optional(I18nSchema),
    owner: Type.Optional(Code('Organization delivering it.')),
    milestones: Type.Optional(Type.Array(ProjectMilestoneSchema, { description: 'Milestones, in order.' })),
    source: Type.Optional(SourceSchema),
  },
  {
    ...closed,
    description: 'A deliverable under a node: an e-government service, a technopark, a programme.',
  },
);

export const PACKAGE_FORMAT = 'marsad.strategy-package';
export const PACKAGE_FORMAT_VERSION = 1;

export const StrategyPackageSchema = Type.Object(
  {
    format: Type.Literal(PACKAGE_FORMAT),
    formatVersion: Type.Literal(PACKAGE_FORMAT_VERSION),
    translations: Type.Optional(TranslationsSchema),
    strategy: StrategySchema,
    organizations: Type.Array(OrganizationSchema),
    dimensions: Type.Optional(Type.Array(DimensionSchema)),
    bodies: Type.Array(BodySchema),
    reportingLines: Type.Optional(Type.Array(ReportingLineSchema)),
    nodes: Type.Array(NodeSchema),
    indicators: Type.Array(IndicatorSchema),
    budget: Type.Optional(BudgetSchema),
    projects: Type.Optional(Type.Array(ProjectSchema)),
  },
  {
    ...closed,
    $id: 'urn:marsad:schema:strategy-package:1',
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Marsad strategy package',
    description: 'One JSON document holding a whole strategy: plan tree, organizations, indicators, budget.',
  },
);

export type I18n = Static<typeof I18nSchema>;
export type Confidence = Static<typeof ConfidenceSchema>;
export type Source = Static<typeof SourceSchema>;
export type Strategy = Static<typeof StrategySchema>;
export type Level = Static<typeof LevelSchema>;
export type Organization = Static<typeof OrganizationSchema>;
export type Dimension = Static<typeof DimensionSchema>;
export type DimensionMember = Static<typeof DimensionMemberSchema>;
export type GovernanceBody = Static<typeof BodySchema>;
export type ReportingLine = Static<typeof ReportingLineSchema>;
export type PlanNode = Static<typeof NodeSchema>;
export type Target = Static<typeof TargetSchema>;
export type TargetPoint = Static<typeof TargetPointSchema>;
export type Observation = Static<typeof ObservationSchema>;
export type Indicator = Static<typeof IndicatorSchema>;
export type Budget = Static<typeof BudgetSchema>;
export type BudgetLine = Static<typeof BudgetLineSchema>;
export type Transaction = Static<typeof TransactionSchema>;
export type Project = Static<typeof ProjectSchema>;
export type ProjectMilestone = Static<typeof ProjectMilestoneSchema>;
export type StrategyPackage = Static<typeof StrategyPackageSchema>;
