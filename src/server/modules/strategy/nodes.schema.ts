import { type Static, Type } from '@sinclair/typebox';
import {
  CODE_PATTERN,
  CrossReferenceSchema,
  LineageSchema,
  NODE_STATES,
  SourceSchema,
} from '../../../domain/package/schema';
import { I18nText, Nullable, StringEnum } from '../../schemas';
import { IsoDate } from './strategy.schema';

// The plan node as the back office edits it: the vocabulary of the strategy package (FORMAT.md, "nodes"),
// with organizations and nodes named by their codes.

const Code = (description: string) => Type.String({ pattern: CODE_PATTERN, description });
const Version = Type.Integer({ minimum: 1, description: 'the version the caller loaded (stale → 409)' });
const Order = Type.Integer({ minimum: 1, description: 'position among siblings, 1 = first' });

/**
 * A source citation (FORMAT.md, "Sources"). The page is one multi-type schema rather than a union: with the
 * app's type coercion, a union's string branch would turn page 33 into "33".
 */
export const Source = Type.Object(
  {
    ...SourceSchema.properties,
    page: Type.Optional(
      Type.Unsafe<string | number>({
        type: ['string', 'integer'],
        minLength: 1,
        minimum: 1,
        description: 'Page.',
      }),
    ),
  },
  { additionalProperties: false, description: SourceSchema.description },
);

export const NodeState = StringEnum(NODE_STATES, { description: 'implementation state as last known' });

export const NodeParams = Type.Object({
  code: Type.String({ maxLength: 64, description: 'strategy code, e.g. MN2013' }),
  nodeCode: Type.String({ maxLength: 64, description: 'node code, e.g. M12' }),
});
export const StrategyParams = Type.Pick(NodeParams, ['code']);
export const VersionQuery = Type.Object({ version: Version });

export const PlanNode = Type.Object(
  {
    code: Type.String(),
    strategy: Type.String({ description: 'strategy code' }),
    parent: Nullable(Type.String({ description: 'parent node code; null for a root' })),
    level: Type.String({ description: 'key of one of the strategy levels' }),
    order: Type.Integer({ description: 'position among siblings, 1 = first' }),
    title: I18nText,
    description: Nullable(I18nText),
    weight: Type.Number({ description: 'weight in roll-ups' }),
    owner: Nullable(Type.String({ description: 'code of the accountable organization' })),
    contributors: Type.Array(Type.String(), { description: 'codes of contributing organizations' }),
    plannedStart: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
    plannedEnd: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
    state: Nullable(NodeState),
    source: Nullable(Source),
    crossReferences: Type.Array(CrossReferenceSchema),
    lineage: Type.Array(LineageSchema),
    children: Type.Array(Type.String(), { description: 'codes of the child nodes, in order' }),
    indicators: Type.Array(Type.Object({ code: Type.String(), name: I18nText }), {
      description: 'indicators measuring this node',
    }),
    projects: Type.Array(Type.Object({ code: Type.String(), title: I18nText, flagship: Type.Boolean() }), {
      description: 'projects delivering this node',
    }),
    version: Type.Integer(),
  },
  { description: 'One node of a strategy’s plan tree, with everything attached to it' },
);
export type PlanNode = Static<typeof PlanNode>;

const editable = {
  title: I18nText,
  description: Type.Optional(Nullable(I18nText)),
  weight: Type.Optional(Type.Number({ minimum: 0, description: 'weight in roll-ups (default 1)' })),
  owner: Type.Optional(Nullable(Code('code of the accountable organization'))),
  contributors: Type.Optional(
    Type.Array(Code('organization code'), { uniqueItems: true, description: 'contributing organizations' }),
  ),
  plannedStart: Type.Optional(Nullable(IsoDate)),
  plannedEnd: Type.Optional(Nullable(IsoDate)),
  state: Type.Optional(Nullable(NodeState)),
  source: Type.Optional(Nullable(Source)),
  crossReferences: Type.Optional(Type.Array(CrossReferenceSchema)),
  lineage: Type.Optional(
    Type.Array(LineageSchema, { description: 'links to existing nodes of other strategies' }),
  ),
};

export const NodeInput = Type.Object(
  {
    code: Code('node code, unique in the strategy'),
    parent: Type.Optional(Nullable(Code('parent node code; null or absent for a root'))),
    level: Type.Optional(Code('level key; must be the level right below the parent’s (derived if absent)')),
    order: Type.Optional(Order),
    ...editable,
  },
  { additionalProperties: false, description: 'A new plan node; it goes last among its siblings by default' },
);
export type NodeInput = Static<typeof NodeInput>;

export const NodePatch = Type.Object(
  {
    ...editable,
    title: Type.Optional(I18nText),
    reason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'why the weight changes: required to re-weight a node of an adopted strategy',
      }),
    ),
    effectiveFrom: Type.Optional(
      Type.Unsafe<string>({ ...IsoDate, description: 'day a new weight takes effect (default: today)' }),
    ),
    version: Version,
  },
  { additionalProperties: false, description: 'Fields to change; absent fields are kept, null clears' },
);
export type NodePatch = Static<typeof NodePatch>;

export const NodeMove = Type.Object(
  {
    parent: Nullable(Code('new parent node code; null makes it a root')),
    order: Type.Optional({
      ...Order,
      description:
        'position among the siblings at the destination (default: last under a new parent, unchanged under the same one)',
    }),
    version: Version,
  },
  {
    additionalProperties: false,
    description: 'Moves a node under another parent and/or to another position among its siblings',
  },
);
export type NodeMove = Static<typeof NodeMove>;
