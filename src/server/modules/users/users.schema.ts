import { type Static, Type } from '@sinclair/typebox';
import { LOCALES } from '../../../domain/i18n';
import { ROLES } from '../../access/actor';
import { Nullable, StringEnum, Uuid } from '../../schemas';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords';

export const RoleName = StringEnum(ROLES);
export const LocaleName = StringEnum(LOCALES);

export const RoleGrantInput = Type.Object(
  { role: RoleName, organizationId: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  locale: Type.String(),
  isActive: Type.Boolean(),
  version: Type.Integer(),
  roles: Type.Array(
    Type.Object({
      role: Type.String(),
      organizationId: Nullable(Type.String()),
      organizationCode: Nullable(Type.String()),
    }),
  ),
});
export type User = Static<typeof User>;

export const UserInput = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 80, pattern: '^[A-Za-z0-9][A-Za-z0-9_.@-]*$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
    password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 }),
    locale: Type.Optional(LocaleName),
    roles: Type.Array(RoleGrantInput, { maxItems: 50, default: [] }),
  },
  { additionalProperties: false },
);
export type UserInput = Static<typeof UserInput>;

export const UserPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
    locale: Type.Optional(LocaleName),
    isActive: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 })),
    roles: Type.Optional(Type.Array(RoleGrantInput, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type UserPatch = Static<typeof UserPatch>;
