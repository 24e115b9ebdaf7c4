import { type Static, Type } from '@sinclair/typebox';
import { I18nText, Nullable, StringEnum } from '../../schemas';
import { Source } from '../strategy/nodes.schema';

const Code = (description: string) =>
  Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$', description });
export const RESPONSES = ['accepted', 'modified', 'rejected'] as const;
const NodeRef = Type.Object(
  { strategy: Code('strategy code'), node: Code('node code') },
  { additionalProperties: false },
);

export const Proposal = Type.Object({
  code: Type.String(),
  title: I18nText,
  body: Nullable(I18nText),
  lang: StringEnum(['fr', 'ar', 'en'] as const, { description: 'the language it was written in' }),
  organization: Type.String({ description: 'the submitting organization' }),
  coauthors: Type.Array(Type.String()),
  strategy: Nullable(Type.String()),
  submittedOn: Type.String(),
  endorsements: Type.Array(Type.Object({ organization: Type.String(), at: Type.String() })),
  comments: Type.Array(
    Type.Object({ id: Type.String(), organization: Type.String(), body: Type.String(), at: Type.String() }),
  ),
  response: Nullable(
    Type.Object({
      decision: StringEnum(RESPONSES),
      reason: I18nText,
      at: Type.String(),
    }),
  ),
  nodes: Type.Array(Type.Object({ strategy: Type.String(), node: Type.String(), title: I18nText })),
  source: Nullable(Source),
  version: Type.Integer(),
});
export type Proposal = Static<typeof Proposal>;

export const ProposalInput = Type.Object(
  {
    code: Code('proposal code'),
    title: I18nText,
    body: Type.Optional(Nullable(I18nText)),
    lang: Type.Optional(StringEnum(['fr', 'ar', 'en'] as const)),
    organization: Code('the organization the author speaks for'),
    coauthors: Type.Optional(Type.Array(Code('organization code'), { uniqueItems: true, maxItems: 20 })),
    strategy: Type.Optional(Nullable(Code('strategy it addresses'))),
  },
  { additionalProperties: false },
);
export type ProposalInput = Static<typeof ProposalInput>;
export const OrganizationBody = Type.Object(
  { organization: Code('organization code') },
  { additionalProperties: false },
);
export const CommentInput = Type.Object(
  { organization: Code('organization code'), body: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
);
export const ResponseInput = Type.Object(
  {
    version: Type.Integer(),
    decision: StringEnum(RESPONSES),
    reason: I18nText,
    nodes: Type.Optional(
      Type.Array(NodeRef, {
        maxItems: 50,
        description: 'plan nodes the proposal became (accepted or modified)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ResponseInput = Static<typeof ResponseInput>;
export const ProposalParams = Type.Object({ code: Type.String() });
export const ProposalQuery = Type.Object({
  strategy: Type.Optional(Type.String()),
  answered: Type.Optional(Type.Boolean()),
});

export const Trace = Type.Object({
  proposal: Type.Object({
    code: Type.String(),
    title: I18nText,
    organization: Type.String(),
    submittedOn: Type.String(),
  }),
  response: Type.Object({ decision: StringEnum(RESPONSES), reason: I18nText, at: Type.String() }),
  nodes: Type.Array(
    Type.Object({
      strategy: Type.String(),
      node: Type.String(),
      title: I18nText,
      level: Type.String(),
      indicators: Type.Array(Type.Object({ code: Type.String(), name: I18nText })),
      projects: Type.Array(Type.Object({ code: Type.String(), title: I18nText })),
      budget: Type.Object({
        currency: Nullable(Type.String()),
        total: Type.Number({ description: 'budget lines recorded on the node itself' }),
        byYear: Type.Array(Type.Object({ year: Type.Integer(), amount: Type.Number() })),
      }),
    }),
  ),
});
