import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf, type Problem } from '../api/problem';
import { MESSAGES } from '../i18n/messages';
import { createTranslator } from '../i18n/translate';
import { problemMessage, serverFailure } from './errors';

const t = createTranslator(MESSAGES.en, 'en');
const problem = (code: string, errors?: Problem['errors']): Problem => ({
  type: `urn:marsad:problem:${code}`,
  title: code,
  status: 400,
  code,
  ...(errors ? { errors } : {}),
});

describe('server errors in forms', () => {
  it('keys field errors by form field, dropping the /body prefix', () => {
    const error = new ApiError(
      problem('validation_failed', [
        { path: '/body/code', code: 'duplicate', message: 'taken' },
        { path: '/body/roles/0/organizationId', code: 'format', message: 'bad uuid' },
        { path: '/name/fr', code: 'maxLength', message: 'long' },
      ]),
    );
    expect(Object.keys(fieldErrorsOf(error))).toEqual(['code', 'roles.0.organizationId', 'name.fr']);
  });

  it('translates field codes it knows and keeps the server sentence otherwise', () => {
    const error = new ApiError(
      problem('validation_failed', [
        { path: '/body/code', code: 'duplicate', message: 'taken' },
        { path: '/body/type', code: 'somethingNew', message: 'server says no' },
      ]),
    );
    expect(serverFailure(t, error, ['code', 'type'])).toEqual({
      errors: { code: MESSAGES.en['validation.duplicate'], type: 'server says no' },
      failure: null,
    });
  });

  it('says so above the form when an error has no field to sit beside', () => {
    const error = new ApiError(
      problem('validation_failed', [{ path: '/body', code: 'additionalProperties', message: 'extra' }]),
    );
    const outcome = serverFailure(t, error, ['code']);
    expect(outcome.errors).toEqual({});
    expect(outcome.failure).toBe(MESSAGES.en['errors.validation_failed']);
  });

  it('gives the wait in minutes for too many attempts, rounded up', () => {
    const error = new ApiError({ ...problem('too_many_attempts'), status: 429 }, 61);
    expect(problemMessage(t, error)).toBe('Too many failed attempts. Try again in 2 minutes.');
  });

  it('falls back to a generic sentence for an unknown code or a non-API error', () => {
    expect(problemMessage(t, new ApiError(problem('brand_new_code')))).toBe(MESSAGES.en['errors.generic']);
    expect(problemMessage(t, new TypeError('x'))).toBe(MESSAGES.en['errors.generic']);
  });
});
