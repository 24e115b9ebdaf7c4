import { type Static, Type } from '@sinclair/typebox';
import { COMMITMENT_METRICS, REALISATION_STATES } from '../../../domain/agreements';
import { STATUSES } from '../../../domain/status';
import { I18nText, Nullable, StringEnum, Uuid } from '../../schemas';
import { Source } from '../strategy/nodes.schema';

// Agreements with partners, their commitments and the realisations reported against them, as the API shows
// and takes them. Organizations and plan nodes are named by their codes.

export const AGREEMENT_KINDS = ['mou', 'convention', 'progress_contract'] as const;
export const PARTY_ROLES = ['government', 'partner', 'witness'] as const;
export const QUALIFIERS = ['exact', 'at_least', 'about'] as const;

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' });
const OrgCode = Type.String({ minLength: 1, maxLength: 40, description: 'organization code, e.g. MTNRA' });
const Version = Type.Integer({ minimum: 1, description: 'the version the caller loaded (stale → 409)' });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: 1900, maximum: 2200 });

export const Metric = StringEnum(COMMITMENT_METRICS, {
  description: 'direct_jobs, investment_mad (Moroccan dirhams), people_trained, centres_opened, other',
});
export const Document = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    url: Type.String({ pattern: '^https?://', maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const MetricTotal = Type.Object({
  metric: Metric,
  commitments: Type.Integer(),
  withoutValue: Type.Integer({ description: 'commitments whose source gives no figure' }),
  committed: Type.Number(),
  achieved: Type.Number({ description: 'verified realisations only' }),
  reported: Type.Number({ description: 'reported, not yet verified' }),
  disputed: Type.Number(),
});

export const Party = Type.Object({
  code: Type.String(),
  name: I18nText,
  type: Type.String(),
  regionCode: Nullable(Type.String()),
  role: StringEnum(PARTY_ROLES),
});

export const NodeRef = Type.Object({
  strategy: Type.String({ description: 'strategy code' }),
  code: Type.String({ description: 'plan node code' }),
});
export const LinkedNode = Type.Composite([NodeRef, Type.Object({ title: I18nText })]);

export const Realisation = Type.Object({
  id: Uuid,
  agreement: Type.String(),
  commitment: Type.String(),
  period: Type.String(),
  value: Type.Number(),
  state: StringEnum(REALISATION_STATES),
  evidence: Type.Array(Document),
  note: Nullable(Type.String()),
  reportedAt: Type.String(),
  verifiedAt: Nullable(Type.String()),
  verifiedBy: Nullable(Type.String({ description: 'who verified or disputed it (signed-in readers only)' })),
  verificationNote: Nullable(Type.String()),
  version: Type.Integer(),
});
export type Realisation = Static<typeof Realisation>;

export const Risk = Type.Object({
  status: StringEnum([...STATUSES, 'no_target'] as const),
  atRisk: Type.Boolean(),
  achieved: Type.Number(),
  expected: Nullable(Type.Number()),
  progress: Nullable(Type.Number()),
  formula: Type.String(),
});

export const Commitment = Type.Object({
  id: Uuid,
  code: Type.String(),
  party: Type.Object({ code: Type.String(), name: I18nText }),
  metric: Metric,
  value: Nullable(Type.Number({ description: 'null when the source gives no figure' })),
  qualifier: StringEnum(QUALIFIERS),
  dueYear: Nullable(Type.Integer()),
  description: Nullable(I18nText),
  source: Nullable(Source),
  achieved: Type.Number(),
  reported: Type.Number(),
  disputed: Type.Number(),
  risk: Risk,
  attributions: Type.Array(Type.Composite([NodeRef, Type.Object({ share: Type.Number() })])),
  realisations: Type.Array(Realisation, {
    description:
      'verified ones for everyone; reported and disputed ones for the party and the strategy office',
  }),
  version: Type.Integer(),
});
export type Commitment = Static<typeof Commitment>;

export const Agreement = Type.Object({
  code: Type.String(),
  kind: StringEnum(AGREEMENT_KINDS),
  title: I18nText,
  scope: Nullable(I18nText),
  signedOn: Nullable(Type.String()),
  signedOnText: Nullable(Type.String({ description: 'the date as the source gives it, when not one day' })),
  event: Nullable(Type.String()),
  signingPlace: Nullable(Type.String()),
  place: Nullable(Type.String({ description: 'where the commitments are delivered' })),
  regionCode: Nullable(Type.String({ description: 'ISO 3166-2 region, e.g. MA-06' })),
  regionName: Nullable(I18nText),
  parties: Type.Array(Party),
  nodes: Type.Array(LinkedNode),
  documents: Type.Array(Document),
  sources: Type.Array(Source),
  commitments: Type.Array(Commitment),
  totals: Type.Array(MetricTotal),
  version: Type.Integer(),
});
export type Agreement = Static<typeof Agreement>;

export const AgreementList = Type.Object({ items: Type.Array(Agreement), totals: Type.Array(MetricTotal) });

export const AgreementQuery = Type.Object({
  event: Type.Optional(
    Type.String({ maxLength: 200, description: 'exact event name, e.g. GITEX Africa 2025' }),
  ),
  region: Type.Optional(Type.String({ maxLength: 10, description: 'region code, e.g. MA-06' })),
  party: Type.Optional(Type.String({ maxLength: 40, description: 'organization code of a party' })),
  metric: Type.Optional(Metric),
  asOf: Type.Optional(IsoDate),
});
export type AgreementQuery = Static<typeof AgreementQuery>;

export const CommitmentInput = Type.Object(
  {
    code: Code,
    party: OrgCode,
    metric: Metric,
    value: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
    qualifier: Type.Optional(StringEnum(QUALIFIERS)),
    dueYear: Type.Optional(Nullable(Year)),
    description: Type.Optional(Nullable(I18nText)),
    source: Type.Optional(Nullable(Source)),
  },
  { additionalProperties: false },
);
export type CommitmentInput = Static<typeof CommitmentInput>;

export const CommitmentPatch = Type.Composite(
  [Type.Partial(Type.Omit(CommitmentInput, ['code'])), Type.Object({ version: Version })],
  { additionalProperties: false },
);
export type CommitmentPatch = Static<typeof CommitmentPatch>;

const PartyInput = Type.Object(
  { organization: OrgCode, role: Type.Optional(StringEnum(PARTY_ROLES)) },
  { additionalProperties: false },
);

const agreementFields = {
  kind: StringEnum(AGREEMENT_KINDS),
  title: I18nText,
  scope: Type.Optional(Nullable(I18nText)),
  signedOn: Type.Optional(Nullable(IsoDate)),
  signedOnText: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  event: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  signingPlace: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  regionCode: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$' }))),
  parties: Type.Array(PartyInput, { description: 'at least one organization' }),
  nodes: Type.Optional(Type.Array(NodeRef)),
  documents: Type.Optional(Type.Array(Document)),
  sources: Type.Optional(Type.Array(Source)),
};

export const AgreementInput = Type.Object(
  { code: Code, ...agreementFields, commitments: Type.Optional(Type.Array(CommitmentInput)) },
  { additionalProperties: false },
);
export type AgreementInput = Static<typeof AgreementInput>;

export const AgreementPatch = Type.Composite(
  [Type.Partial(Type.Object(agreementFields)), Type.Object({ version: Version })],
  { additionalProperties: false },
);
export type AgreementPatch = Static<typeof AgreementPatch>;

export const AttributionsInput = Type.Object(
  {
    version: Version,
    items: Type.Array(
      Type.Object(
        {
          strategy: Type.String({ maxLength: 64 }),
          node: Type.String({ maxLength: 64 }),
          share: Type.Number(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AttributionsInput = Static<typeof AttributionsInput>;

export const RealisationInput = Type.Object(
  {
    agreement: Type.String({ maxLength: 64, description: 'agreement code' }),
    commitment: Type.String({ maxLength: 64, description: 'commitment code within the agreement' }),
    period: Type.String({ maxLength: 10, description: 'YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-MM-DD' }),
    value: Type.Number({ minimum: 0 }),
    evidence: Type.Optional(Type.Array(Document)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type RealisationInput = Static<typeof RealisationInput>;

export const RealisationPatch = Type.Object(
  {
    version: Version,
    period: Type.Optional(Type.String({ maxLength: 10 })),
    value: Type.Optional(Type.Number({ minimum: 0 })),
    evidence: Type.Optional(Type.Array(Document)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type RealisationPatch = Static<typeof RealisationPatch>;

export const VerificationInput = Type.Object(
  {
    state: StringEnum(['verified', 'disputed'] as const),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    version: Version,
  },
  { additionalProperties: false },
);
export type VerificationInput = Static<typeof VerificationInput>;

export const AgreementParams = Type.Object({ code: Type.String({ maxLength: 64 }) });
export const CommitmentParams = Type.Object({
  code: Type.String({ maxLength: 64 }),
  commitmentCode: Type.String({ maxLength: 64 }),
});
export const VersionQuery = Type.Object({ version: Version });
