import { type Static, Type } from '@sinclair/typebox';
import { I18nText, Nullable, StringEnum, Uuid } from '../../schemas';

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

export const OrganizationType = StringEnum(ORGANIZATION_TYPES);
export const RegionCode = Type.String({
  pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$',
  description: 'ISO 3166-2 code of a member of the `region` dimension, e.g. MA-06',
});

export const Organization = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: I18nText,
  acronym: Nullable(Type.String()),
  type: OrganizationType,
  parentId: Nullable(Uuid),
  regionCode: Nullable(Type.String()),
  website: Nullable(Type.String()),
  version: Type.Integer(),
});
export type Organization = Static<typeof Organization>;

export const OrganizationInput = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }),
    name: I18nText,
    acronym: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    type: OrganizationType,
    parentId: Type.Optional(Nullable(Uuid)),
    regionCode: Type.Optional(Nullable(RegionCode)),
    website: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type OrganizationInput = Static<typeof OrganizationInput>;

export const OrganizationPatch = Type.Composite(
  [
    Type.Partial(Type.Omit(OrganizationInput, ['code'])),
    Type.Object({ version: Type.Integer({ minimum: 1 }) }),
  ],
  { additionalProperties: false },
);
export type OrganizationPatch = Static<typeof OrganizationPatch>;

export const OrganizationQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  type: Type.Optional(OrganizationType),
});
