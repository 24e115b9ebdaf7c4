import { ApiError, fieldErrorsOf } from '../api/problem';
import type { Translator } from '../i18n/translate';

/** Translated, field-keyed messages a form shows beside its inputs. */
export type FieldMessages = Record<string, string>;

/** The server's error `code` in the person's language (`errors.<code>`), else a generic sentence. */
export function problemMessage(t: Translator, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
    if (t.has(key)) return t(key, { count: minutes });
  }
  return t('errors.generic');
}

/** Server field errors translated by their code (`validation.<code>`), else the server's own sentence. */
export function serverFieldMessages(t: Translator, error: unknown): FieldMessages {
  const out: FieldMessages = {};
  for (const [field, fieldError] of Object.entries(fieldErrorsOf(error))) {
    const key = `validation.${fieldError.code}`;
    out[field] = t.has(key) ? t(key) : fieldError.message;
  }
  return out;
}

/**
 * What a form shows after a failed save: the server's field errors beside the form's own fields, and a
 * message above the form unless every error found its field (a path the form does not have, such as
 * `/body` itself, would otherwise be lost).
 */
export function serverFailure(
  t: Translator,
  error: unknown,
  fields: readonly string[],
): { errors: FieldMessages; failure: string | null } {
  const all = serverFieldMessages(t, error);
  const errors: FieldMessages = {};
  for (const [field, message] of Object.entries(all)) if (fields.includes(field)) errors[field] = message;
  const placed = Object.keys(errors).length;
  return {
    errors,
    failure: placed > 0 && placed === Object.keys(all).length ? null : problemMessage(t, error),
  };
}
