import { type Static, Type } from '@sinclair/typebox';
import { I18nText, Nullable, StringEnum } from '../../schemas';
import { Source } from '../strategy/nodes.schema';

// A cluster's labelled innovation project. The niches are the four of Maroc Numeric 2013 (initiative "Develop
// niches of excellence", action 29, seeds/001_8c9e7c464e2c7c65.txt); the funding sources its action 30.

export const NICHES = [
  'mobile_services',
  'ebanking_rights_security',
  'web_multimedia',
  'domestic_software',
] as const;
export const STAGES = ['proposed', 'labelled', 'in_progress', 'completed', 'abandoned'] as const;
export const FUNDING_SOURCES = ['innovation_fund', 'rnd_fund', 'other'] as const;

const OrgRef = Type.Object({ code: Type.String(), name: I18nText, type: Type.String() });

export const InnovationProject = Type.Object({
  code: Type.String(),
  cluster: OrgRef,
  title: I18nText,
  description: Nullable(I18nText),
  niche: StringEnum(NICHES, {
    description:
      'mobile services; e-banking / digital rights / security; web design / multimedia; domestic software',
  }),
  stage: StringEnum(STAGES),
  fundingSource: Nullable(
    StringEnum(FUNDING_SOURCES, {
      description: 'innovation fund (APEBI progress contract) or R&D fund (telecom operators)',
    }),
  ),
  labelledOn: Nullable(Type.String()),
  members: Type.Array(OrgRef),
  source: Nullable(Source),
  version: Type.Integer(),
});
export type InnovationProject = Static<typeof InnovationProject>;

const fields = {
  cluster: Type.String({ minLength: 1, maxLength: 40, description: 'code of the cluster labelling it' }),
  title: I18nText,
  description: Type.Optional(Nullable(I18nText)),
  niche: StringEnum(NICHES),
  stage: Type.Optional(StringEnum(STAGES)),
  fundingSource: Type.Optional(Nullable(StringEnum(FUNDING_SOURCES))),
  labelledOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  members: Type.Optional(
    Type.Array(Type.String({ maxLength: 40 }), { description: 'member organization codes' }),
  ),
  source: Type.Optional(Nullable(Source)),
};

export const InnovationProjectInput = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }), ...fields },
  { additionalProperties: false },
);
export type InnovationProjectInput = Static<typeof InnovationProjectInput>;

export const InnovationProjectPatch = Type.Composite(
  [Type.Partial(Type.Object(fields)), Type.Object({ version: Type.Integer({ minimum: 1 }) })],
  { additionalProperties: false },
);
export type InnovationProjectPatch = Static<typeof InnovationProjectPatch>;

export const InnovationQuery = Type.Object({
  cluster: Type.Optional(Type.String({ maxLength: 40 })),
  niche: Type.Optional(StringEnum(NICHES)),
  stage: Type.Optional(StringEnum(STAGES)),
});
export type InnovationQuery = Static<typeof InnovationQuery>;
