import { Type } from '@sinclair/typebox';
import { STATUSES } from '../../../domain/status';
import { I18nText, Nullable, StringEnum } from '../../schemas';

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const StatusName = StringEnum(STATUSES);
const StatusCounts = Type.Record(Type.String(), Type.Integer());

export const FiscalCalendar = Type.Object(
  {
    startMonth: Type.Integer({
      minimum: 1,
      maximum: 12,
      description: 'month the fiscal year starts (1 = January)',
    }),
    namedBy: StringEnum(
      ['start', 'end'] as const,
      {
        description: 'a fiscal year straddling two calendar years is named by the year it starts or ends in',
      } as never,
    ),
  },
  { additionalProperties: false, description: 'the fiscal calendar its reporting cycles follow' },
);

export const Strategy = Type.Object({
  code: Type.String(),
  title: I18nText,
  subtitle: Nullable(I18nText),
  description: Nullable(I18nText),
  vision: Nullable(I18nText),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  state: StringEnum(['draft', 'adopted', 'closed'] as const),
  levels: Type.Array(Type.Object({ key: Type.String(), name: I18nText })),
  predecessor: Nullable(Type.String()),
  successors: Type.Array(Type.String()),
  statusThresholds: Nullable(Type.Object({ onTrack: Type.Number(), atRisk: Type.Number() })),
  fiscalCalendar: FiscalCalendar,
  source: Nullable(Type.Record(Type.String(), Type.Unknown())),
  translations: Nullable(Type.Record(Type.String(), Type.Unknown())),
  version: Type.Integer(),
});

export const TreeNode = Type.Recursive(
  (Self) =>
    Type.Object({
      code: Type.String(),
      level: Type.String(),
      title: I18nText,
      weight: Type.Number(),
      owner: Type.Optional(Type.String({ description: 'owner organization code (absent when none)' })),
      plannedStart: Type.Optional(Type.String({ description: 'absent when not planned' })),
      plannedEnd: Type.Optional(Type.String({ description: 'absent when not planned' })),
      state: Type.Optional(Type.String({ description: 'absent when unknown' })),
      version: Type.Integer(),
      progress: Nullable(Type.Number({ description: 'physical progress 0..1' })),
      performance: Nullable(Type.Number({ description: 'share of the progress expected at this date' })),
      status: StatusName,
      statusCounts: Type.Optional(
        Type.Record(Type.String(), Type.Integer(), {
          description: 'statuses of the nodes of this subtree (nodes with children)',
        }),
      ),
      basis: StringEnum(['indicators', 'children', 'none'] as const),
      indicators: Type.Array(Type.String()),
      components: Type.Optional(Type.Unknown()),
      children: Type.Array(Self),
    }),
  { $id: 'TreeNode' },
);

export const Tree = Type.Object({
  strategy: Type.Object({ code: Type.String(), title: I18nText, levels: Type.Array(Type.Unknown()) }),
  asOf: Type.String(),
  policy: Type.String(),
  thresholds: Type.Object({ onTrack: Type.Number(), atRisk: Type.Number() }),
  progress: Nullable(Type.Number()),
  performance: Nullable(Type.Number()),
  status: StatusName,
  statusCounts: StatusCounts,
  nodes: Type.Array(TreeNode),
});

export const AsOfQuery = Type.Object({
  asOf: Type.Optional(IsoDate),
});
