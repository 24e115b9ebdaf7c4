import { Type } from '@sinclair/typebox';
import { I18nText, Nullable, StringEnum, Uuid } from '../../schemas';
import { Source } from '../strategy/nodes.schema';

export const MEMBERSHIP_ROLES = ['member', 'founding_member', 'board_member', 'partner'] as const;
export const PARTNERSHIP_KINDS = ['cooperation', 'cluster_partnership', 'other'] as const;

const RelatedOrg = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: I18nText,
  type: Type.String({ description: 'the organization type: enterprise, sme, university, association, …' }),
  regionCode: Nullable(Type.String()),
});

export const Membership = Type.Object({
  id: Uuid,
  organization: RelatedOrg,
  role: StringEnum(MEMBERSHIP_ROLES),
  since: Nullable(Type.String()),
  source: Nullable(Source),
});

export const Memberships = Type.Object({
  members: Type.Array(Membership, {
    description: 'organizations that are members of this one (e.g. a cluster)',
  }),
  memberOf: Type.Array(Membership, { description: 'groups this organization belongs to' }),
});

export const MembershipInput = Type.Object(
  {
    member: Type.String({ minLength: 1, maxLength: 40, description: 'code of the member organization' }),
    role: Type.Optional(StringEnum(MEMBERSHIP_ROLES)),
    since: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    source: Type.Optional(Nullable(Source)),
  },
  { additionalProperties: false },
);

export const Partnership = Type.Object({
  id: Uuid,
  partner: RelatedOrg,
  kind: StringEnum(PARTNERSHIP_KINDS),
  description: Nullable(I18nText),
  since: Nullable(Type.String()),
  source: Nullable(Source),
});

export const PartnershipInput = Type.Object(
  {
    partner: Type.String({ minLength: 1, maxLength: 40, description: 'code of the partner organization' }),
    kind: Type.Optional(StringEnum(PARTNERSHIP_KINDS)),
    description: Type.Optional(Nullable(I18nText)),
    since: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    source: Type.Optional(Nullable(Source)),
  },
  { additionalProperties: false },
);
