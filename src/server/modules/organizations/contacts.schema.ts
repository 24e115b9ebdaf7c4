import { type Static, Type } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../schemas';

// A contact person: personal data, kept to what is needed to reach someone about an agreement or a report.

export const Contact = Type.Object({
  id: Uuid,
  name: Type.String(),
  roleTitle: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  version: Type.Integer(),
});

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  roleTitle: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9 +().-]+$' }))),
};

export const ContactInput = Type.Object(fields, { additionalProperties: false });
export type ContactInput = Static<typeof ContactInput>;

export const ContactPatch = Type.Composite(
  [Type.Partial(Type.Object(fields)), Type.Object({ version: Type.Integer({ minimum: 1 }) })],
  { additionalProperties: false },
);
export type ContactPatch = Static<typeof ContactPatch>;
