import { type TSchema, Type } from '@sinclair/typebox';

/** A problem+json body, as every error is sent (RFC 9457). */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable error code, translated by clients' }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({
            description: 'JSON pointer to the field at fault, e.g. /body/code or /nodes/12/parent',
          }),
          code: Type.String(),
          message: Type.String(),
          sheet: Type.Optional(Type.String({ description: 'for a workbook or CSV: the sheet (or "csv")' })),
          row: Type.Optional(
            Type.Integer({ description: 'for a workbook or CSV: the row as the user sees it' }),
          ),
          column: Type.Optional(Type.String({ description: 'for a workbook or CSV: the column header' })),
        }),
      ),
    ),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'Problem', description: 'application/problem+json' },
);

const problemRef = {
  description: 'Problem (application/problem+json)',
  $ref: 'Problem#',
} as unknown as TSchema;

/** The error responses most routes can give, for the OpenAPI document. */
export const ProblemResponses = {
  400: problemRef,
  401: problemRef,
  403: problemRef,
  404: problemRef,
  409: problemRef,
};

/** Multilingual content typed by users: at least one of fr, ar, en. */
const text = () => Type.Optional(Type.String({ maxLength: 20_000 }));
export const I18nText = Type.Object(
  { fr: text(), ar: text(), en: text() },
  { minProperties: 1, additionalProperties: false, description: 'text in French, Arabic and/or English' },
);

/** A string among fixed values, as a JSON Schema `enum` (readable in the OpenAPI document). */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });

export const Uuid = Type.String({ format: 'uuid' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
