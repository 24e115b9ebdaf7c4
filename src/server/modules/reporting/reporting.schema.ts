import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { NODE_STATES } from '../../../domain/package/schema';
import { I18nText, Nullable, StringEnum, Uuid } from '../../schemas';

// Reporting cycles, assignments and reports as the API speaks of them. Organizations, nodes, indicators and
// projects are named by their codes; reports by their id.

const IsoDate = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description} (YYYY-MM-DD)` });
const Version = Type.Integer({ minimum: 1, description: 'the version the caller loaded (stale → 409)' });
const Text = (maxLength: number, description: string) =>
  Type.String({ minLength: 1, maxLength, description });

/**
 * A nullable input field as one multi-type schema rather than a union: with the app's type coercion, a union's
 * number branch would turn null into 0 (see nodes.schema.ts).
 */
function OrNull<T extends TSchema>(schema: T) {
  const { type, enum: values, ...rest } = schema as unknown as { type: string; enum?: unknown[] };
  return Type.Unsafe<Static<T> | null>({
    ...rest,
    type: [type, 'null'],
    ...(values ? { enum: [...values, null] } : {}),
  });
}

export const REPORT_STATES = ['assigned', 'draft', 'submitted', 'returned', 'approved'] as const;
export const ReportState = StringEnum(REPORT_STATES, {
  description:
    'assigned (nothing saved yet), draft, submitted, returned (to the reporter), approved (locked)',
});
export const CycleState = StringEnum(['open', 'closed'] as const);
export const ItemKind = StringEnum(['indicator', 'node'] as const, { description: 'what is explained' });

export const IdParams = Type.Object({ id: Uuid });
export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export const CycleInput = Type.Object(
  {
    strategy: Type.String({ maxLength: 64, description: 'strategy code, e.g. MN2013' }),
    period: Type.String({
      pattern: '^[1-9]\\d{3}(-H[12]|-Q[1-4])?$',
      description: 'period reported on: a year (2010), a half-year (2010-H1) or a quarter (2010-Q3)',
    }),
    dueDate: IsoDate('day the reports are due'),
  },
  { additionalProperties: false, description: 'A new reporting cycle (data call)' },
);
export type CycleInput = Static<typeof CycleInput>;

export const CycleQuery = Type.Object({
  strategy: Type.Optional(Type.String({ maxLength: 64, description: 'only this strategy’s cycles' })),
});

const Counts = Type.Record(Type.String(), Type.Integer(), {
  description: 'number of assignments per state (assigned, draft, submitted, returned, approved) and late',
});

export const Cycle = Type.Object(
  {
    id: Uuid,
    strategy: Type.String({ description: 'strategy code' }),
    period: Type.String(),
    periodStart: Type.String(),
    periodEnd: Type.String(),
    dueDate: Type.String(),
    state: CycleState,
    counts: Counts,
    version: Type.Integer(),
  },
  { description: 'A reporting cycle with the count of its assignments by state' },
);
export type Cycle = Static<typeof Cycle>;

export const AssignmentSummary = Type.Object({
  report: Uuid,
  organization: Type.String({ description: 'organization code' }),
  organizationName: I18nText,
  state: ReportState,
  isLate: Type.Boolean({ description: 'not submitted by the due date (or submitted after it)' }),
  submittedAt: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  items: Type.Object({ nodes: Type.Integer(), indicators: Type.Integer(), projects: Type.Integer() }),
});

export const CycleDetail = Type.Composite([
  Cycle,
  Type.Object({
    assignments: Type.Array(AssignmentSummary, { description: 'the assignments the caller may see' }),
  }),
]);

const NodeReport = Type.Object(
  {
    node: Type.String({ description: 'node code, one the assignment covers' }),
    progress: Type.Optional(OrNull(Type.Number({ minimum: 0, maximum: 100, description: 'physical %' }))),
    state: Type.Optional(OrNull(StringEnum(NODE_STATES, { description: 'implementation state' }))),
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);

const MilestoneReport = Type.Object(
  {
    milestone: Uuid,
    actualDate: OrNull(IsoDate('day the milestone was reached; null if not reached')),
  },
  { additionalProperties: false, description: 'a milestone of a project the assignment covers' },
);

const Figure = Type.Object(
  {
    indicator: Type.String({ description: 'indicator code, one the assignment covers' }),
    period: Type.String({ maxLength: 10, description: 'a period inside the cycle’s (2010, 2010-Q2…)' }),
    dimensions: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 40 }), {
        description: 'dimension → member code, e.g. {"region": "MA-06"}; absent for the national figure',
      }),
    ),
    value: OrNull(Type.Number({ description: 'null: not available (then a note says why)' })),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);

const TransactionReport = Type.Object(
  {
    node: Type.String({ description: 'node code, one the assignment covers' }),
    date: IsoDate('day of the transaction, inside the cycle period'),
    type: StringEnum(['commitment', 'disbursement', 'expenditure'] as const),
    amount: Type.Number({ minimum: 0, description: 'in the strategy’s budget currency' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const RealisationReport = Type.Object(
  {
    commitment: Uuid,
    value: Type.Number({
      minimum: 0,
      description: 'delivered during the cycle’s period (a flow: periods add up)',
    }),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  {
    additionalProperties: false,
    description:
      'what the organization delivered on one of its commitments; a realisation to verify once approved',
  },
);

export const Explanation = Type.Object(
  {
    kind: ItemKind,
    code: Type.String({ description: 'indicator or node code' }),
    reasonCode: Type.String({ description: 'one of GET /api/reporting/reasons' }),
    narrative: Text(10_000, 'what happened'),
    correctiveAction: Text(10_000, 'what will be done'),
    owner: Text(200, 'who carries the corrective action'),
    dueDate: IsoDate('when the corrective action is due'),
    escalate: Type.Boolean({ description: 'put it on the inter-ministerial committee’s agenda' }),
  },
  { additionalProperties: false, description: 'A variance explanation for an item at risk or off track' },
);

const contentFields = {
  narrative: Type.Optional(Type.String({ maxLength: 50_000, description: 'the report’s narrative' })),
  nodes: Type.Optional(Type.Array(NodeReport, { maxItems: 2000 })),
  milestones: Type.Optional(Type.Array(MilestoneReport, { maxItems: 2000 })),
  figures: Type.Optional(Type.Array(Figure, { maxItems: 20_000 })),
  transactions: Type.Optional(Type.Array(TransactionReport, { maxItems: 5000 })),
  realisations: Type.Optional(Type.Array(RealisationReport, { maxItems: 2000 })),
  explanations: Type.Optional(Type.Array(Explanation, { maxItems: 2000 })),
};
export const ReportContent = Type.Object(contentFields);
export type ReportContent = Static<typeof ReportContent>;

export const ReportDraft = Type.Object(
  { ...contentFields, version: Version },
  { additionalProperties: false, description: 'The whole draft; it replaces the saved one' },
);
export type ReportDraft = Static<typeof ReportDraft>;

export const ReturnInput = Type.Object(
  {
    version: Version,
    message: Type.Optional(Type.String({ maxLength: 10_000, description: 'overall comment' })),
    comments: Type.Array(
      Type.Object(
        {
          item: Type.String({
            maxLength: 100,
            description: 'what the comment is about: indicator:CODE, node:CODE, narrative, …',
          }),
          comment: Text(10_000, 'what to fix'),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500, description: 'comments per item' },
    ),
  },
  { additionalProperties: false },
);
export type ReturnInput = Static<typeof ReturnInput>;

export const ReopenInput = Type.Object(
  { version: Version, reason: Text(5000, 'why the approved report is reopened') },
  { additionalProperties: false },
);

const ScopeItem = Type.Object({ code: Type.String(), title: I18nText });
export const Report = Type.Object(
  {
    id: Uuid,
    cycle: Type.Object({
      id: Uuid,
      strategy: Type.String(),
      period: Type.String(),
      dueDate: Type.String(),
      state: CycleState,
    }),
    organization: Type.Object({ code: Type.String(), name: I18nText }),
    state: ReportState,
    isLate: Type.Boolean(),
    scope: Type.Object(
      {
        nodes: Type.Array(ScopeItem),
        indicators: Type.Array(
          Type.Object({
            code: Type.String(),
            name: I18nText,
            unit: Type.String(),
            dimensions: Type.Array(Type.String()),
          }),
        ),
        projects: Type.Array(
          Type.Object({
            code: Type.String(),
            title: I18nText,
            milestones: Type.Array(
              Type.Object({
                id: Uuid,
                title: I18nText,
                plannedDate: Nullable(Type.String()),
                actualDate: Nullable(Type.String()),
              }),
            ),
          }),
        ),
        commitments: Type.Array(
          Type.Object({
            id: Uuid,
            code: Type.String(),
            agreement: Type.String({ description: 'agreement code' }),
            title: I18nText,
            metric: Type.String(),
            value: Nullable(Type.Number()),
            dueYear: Nullable(Type.Integer()),
          }),
          { description: 'the organization’s commitments in agreements serving the strategy' },
        ),
      },
      { description: 'what the assignment covers, fixed when the cycle opened' },
    ),
    content: ReportContent,
    evaluations: Nullable(
      Type.Array(
        Type.Object({
          kind: ItemKind,
          code: Type.String(),
          status: Type.String(),
          performance: Nullable(Type.Number()),
          needsExplanation: Type.Boolean(),
        }),
        { description: 'status of each item by the computation library, as of the last submission' },
      ),
    ),
    comments: Nullable(Type.Unknown({ description: 'the reviewer’s comments when returned' })),
    followUps: Type.Array(
      Type.Object({
        period: Type.String({ description: 'the earlier cycle' }),
        kind: ItemKind,
        code: Type.String(),
        correctiveAction: Type.String(),
        owner: Type.String(),
        dueDate: Type.String(),
        escalated: Type.Boolean(),
      }),
      { description: 'corrective actions promised in the strategy’s earlier cycles, to follow up now' },
    ),
    submittedAt: Nullable(Type.String()),
    approvedAt: Nullable(Type.String()),
    abilities: Type.Object(
      {
        edit: Type.Boolean(),
        submit: Type.Boolean(),
        review: Type.Boolean(),
        reopen: Type.Boolean(),
      },
      { description: 'what the caller may do now; the UI reads only this' },
    ),
    version: Type.Integer(),
  },
  { description: 'One organization’s report for a cycle' },
);
export type Report = Static<typeof Report>;

export const ReportQuery = Type.Object({
  cycle: Type.Optional(Uuid),
  state: Type.Optional(ReportState),
});

export const Reason = Type.Object({ code: Type.String(), label: I18nText, active: Type.Boolean() });
export const ReasonsPut = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
          label: I18nText,
          active: Type.Optional(Type.Boolean({ default: true })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false, description: 'The whole list; codes no longer listed become inactive' },
);
export type ReasonsPut = Static<typeof ReasonsPut>;

export const AgendaItem = Type.Object({
  report: Uuid,
  strategy: Type.String(),
  period: Type.String(),
  organization: Type.String(),
  kind: ItemKind,
  code: Type.String(),
  status: Type.String(),
  reasonCode: Type.String(),
  narrative: Type.String(),
  correctiveAction: Type.String(),
  owner: Type.String(),
  dueDate: Type.String(),
  reportState: ReportState,
});

export const CompletenessRow = Type.Object({
  organization: Type.String(),
  assigned: Type.Integer(),
  draft: Type.Integer(),
  submitted: Type.Integer(),
  returned: Type.Integer(),
  approved: Type.Integer(),
  late: Type.Integer({ description: 'not submitted by the due date, or submitted after it' }),
  onTime: Type.Integer({ description: 'first submitted by the due date' }),
});
export const HistoryQuery = Type.Object({ strategy: Type.String({ maxLength: 64 }) });
