import { type Static, Type } from '@sinclair/typebox';
import { CODE_PATTERN } from '../../../domain/package/schema';
import { I18nText, Nullable, StringEnum } from '../../schemas';
import { Source } from '../strategy/nodes.schema';

// Governance as the back office edits it: the vocabulary of the strategy package (FORMAT.md, "bodies" and
// "reportingLines"), with organizations and bodies named by their codes.

const Code = (description: string) => Type.String({ pattern: CODE_PATTERN, description });
const Version = Type.Integer({ minimum: 1, description: 'the version the caller loaded (stale → 409)' });

export const BODY_KINDS = ['council', 'committee', 'steering', 'observatory', 'other'] as const;
export const BodyKind = StringEnum(BODY_KINDS, { description: 'kind of governance body' });

export const StrategyParams = Type.Object({
  code: Type.String({ maxLength: 64, description: 'strategy code, e.g. MN2013' }),
});
export const BodyParams = Type.Composite([
  StrategyParams,
  Type.Object({ bodyCode: Type.String({ maxLength: 64, description: 'body code, e.g. CIGOV' }) }),
]);
export const VersionQuery = Type.Object({ version: Version });

export const Body = Type.Object(
  {
    code: Type.String(),
    strategy: Type.String({ description: 'strategy code' }),
    name: I18nText,
    kind: BodyKind,
    mandate: Nullable(I18nText),
    chair: Nullable(Type.String({ description: 'code of the organization chairing it' })),
    members: Type.Array(Type.String(), { description: 'codes of the member organizations' }),
    reportsTo: Nullable(Type.String({ description: 'code of the body it reports to' })),
    source: Nullable(Source),
    version: Type.Integer(),
  },
  { description: 'A council, committee, steering structure or observatory of a strategy' },
);
export type Body = Static<typeof Body>;

const fields = {
  name: I18nText,
  kind: BodyKind,
  mandate: Type.Optional(Nullable(I18nText)),
  chair: Type.Optional(Nullable(Code('code of the organization chairing it'))),
  members: Type.Optional(
    Type.Array(Code('organization code'), { uniqueItems: true, description: 'member organizations' }),
  ),
  reportsTo: Type.Optional(Nullable(Code('code of the body it reports to, in the same strategy'))),
  source: Type.Optional(Nullable(Source)),
};

export const BodyInput = Type.Object(
  { code: Code('body code, unique in the strategy'), ...fields },
  { additionalProperties: false, description: 'A new governance body' },
);
export type BodyInput = Static<typeof BodyInput>;

export const BodyPatch = Type.Object(
  { ...fields, name: Type.Optional(I18nText), kind: Type.Optional(BodyKind), version: Version },
  { additionalProperties: false, description: 'Fields to change; absent fields are kept, null clears' },
);
export type BodyPatch = Static<typeof BodyPatch>;

export const ReportingLine = Type.Object(
  {
    organization: Code('organization whose reports are reviewed'),
    reviewer: Code('body of this strategy that reviews them'),
  },
  { additionalProperties: false, description: 'Which body reviews which organization’s reports' },
);
export type ReportingLine = Static<typeof ReportingLine>;

export const ReportingLines = Type.Object({ items: Type.Array(ReportingLine) });

export const ReportingLinesPut = Type.Object(
  { lines: Type.Array(ReportingLine, { maxItems: 10_000 }) },
  { additionalProperties: false, description: 'The whole set of reporting lines of the strategy' },
);
export type ReportingLinesPut = Static<typeof ReportingLinesPut>;
