import { Type } from '@sinclair/typebox';
import { I18nText, Nullable, StringEnum } from '../../schemas';
import { IsoDate } from '../strategy/strategy.schema';

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 64 }) });
export const FileParams = Type.Object({
  code: Type.String({ maxLength: 64 }),
  file: Type.String({ maxLength: 64 }),
});

export const BriefingQuery = Type.Object(
  {
    lang: Type.Optional(StringEnum(['fr', 'ar'] as const)),
    asOf: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const Briefings = Type.Object({
  items: Type.Array(
    Type.Object({ file: Type.String(), date: IsoDate, lang: Type.String(), url: Type.String() }),
  ),
});

export const DashboardQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate),
    priority: Type.Optional(Type.String({ maxLength: 64, description: 'a node code: its subtree only' })),
    organization: Type.Optional(
      Type.String({ maxLength: 64, description: 'an organization code: the nodes it owns' }),
    ),
    region: Type.Optional(
      Type.String({ maxLength: 16, description: 'a region member (MA-01…): its observations' }),
    ),
    period: Type.Optional(
      Type.String({
        maxLength: 16,
        description: 'a period (2012, 2012-Q3): its budget year(s), its cycle, judged at its end',
      }),
    ),
  },
  { additionalProperties: false },
);

const Counts = Type.Record(Type.String(), Type.Integer());
const Rate = Nullable(Type.Number());
const BudgetFigures = Type.Object({
  allocated: Type.Number(),
  committed: Type.Number(),
  disbursed: Type.Number(),
  spent: Type.Number(),
  commitmentRate: Rate,
  disbursementRate: Rate,
  executionRate: Rate,
  financialProgress: Rate,
  physicalProgress: Rate,
  gap: Rate,
  components: Type.Unknown({
    description: 'budget.execution and budget.financial_physical_gap computations',
  }),
});
const Point = Type.Object({ period: Type.String(), value: Nullable(Type.Number()) });

export const Dashboard = Type.Object({
  strategy: Type.Object({
    code: Type.String(),
    title: I18nText,
    levels: Type.Array(Type.Object({ key: Type.String(), name: I18nText })),
    state: Type.String(),
  }),
  asOf: IsoDate,
  filters: Type.Object({
    priority: Nullable(Type.String()),
    organization: Nullable(Type.String()),
    region: Nullable(Type.String()),
    period: Nullable(Type.String()),
  }),
  options: Type.Object({
    priorities: Type.Array(Type.Object({ code: Type.String(), title: I18nText })),
    organizations: Type.Array(Type.String()),
    regions: Type.Array(Type.Object({ code: Type.String(), name: Type.Unknown() })),
  }),
  keyIndicatorRule: Type.String(),
  policy: Type.String(),
  thresholds: Type.Object({ onTrack: Type.Number(), atRisk: Type.Number() }),
  currency: Nullable(Type.String()),
  scale: Nullable(Type.Number()),
  budgetType: Type.String(),
  summary: Type.Object({
    progress: Rate,
    components: Type.Unknown(),
    statusCounts: Counts,
    budget: BudgetFigures,
    strategyWideAllocated: Nullable(
      Type.Number({ description: 'allocated to the strategy as a whole, no node' }),
    ),
  }),
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      level: Type.String(),
      title: I18nText,
      weight: Type.Number(),
      owner: Nullable(Type.String()),
      status: Nullable(Type.String()),
      progress: Rate,
      performance: Rate,
      statusCounts: Counts,
      scope: Type.Array(Type.String(), { description: 'the nodes (with their subtrees) the figures cover' }),
      budget: BudgetFigures,
      components: Type.Unknown({ description: 'the roll-up over `scope` when it is not the node itself' }),
      link: Type.String({ description: 'the node in the plan tree, where "how was this computed" is shown' }),
    }),
  ),
  keyIndicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: I18nText,
      unit: Type.String(),
      decimals: Type.Integer(),
      direction: Type.String(),
      nodes: Type.Array(Type.String()),
      trajectory: Type.Array(
        Type.Object({ period: Type.String(), value: Nullable(Type.Number()), role: Type.String() }),
      ),
      observations: Type.Array(Point),
      actual: Rate,
      judgedPeriod: Nullable(Type.String()),
      expected: Rate,
      status: Type.String(),
      achievement: Rate,
      performance: Rate,
      components: Type.Unknown(),
      link: Type.String(),
    }),
  ),
  attention: Type.Array(
    Type.Object({
      kind: Type.String(),
      code: Type.String(),
      title: I18nText,
      level: Nullable(Type.String()),
      owner: Nullable(Type.String()),
      status: Type.String(),
      progress: Rate,
      performance: Rate,
      explanation: Nullable(
        Type.Object({
          period: Type.String(),
          organization: Type.String(),
          status: Type.String(),
          reasonCode: Type.String(),
          reasonLabel: Nullable(I18nText),
          narrative: Type.String(),
          correctiveAction: Type.String(),
          owner: Type.String(),
          dueDate: Type.String(),
          escalate: Type.Boolean(),
          reportState: Type.String(),
        }),
      ),
      link: Type.String(),
    }),
  ),
  completeness: Nullable(
    Type.Object({
      cycle: Type.Object({
        id: Type.String(),
        period: Type.String(),
        dueDate: Type.String(),
        state: Type.String(),
      }),
      reports: Type.Integer(),
      assigned: Type.Integer(),
      draft: Type.Integer(),
      submitted: Type.Integer(),
      returned: Type.Integer(),
      approved: Type.Integer(),
      late: Type.Integer(),
      submittedRate: Rate,
      approvedRate: Rate,
      organizations: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Integer()]))),
    }),
  ),
});
