import { describe, expect, it } from 'vitest';
import { assertFinite, DomainError, isDomainError } from './errors';

describe('DomainError', () => {
  it('carries a code and params for the client to translate', () => {
    const error = new DomainError('period.invalid', { field: 'period', value: '2013-Q5' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('period.invalid');
    expect(error.params).toEqual({ field: 'period', value: '2013-Q5' });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], ['12'], [null]])('assertFinite refuses %s', (value) => {
    expect(() => assertFinite(value, 'actual')).toThrow(expect.objectContaining({ code: 'number.invalid' }));
  });

  it.each([[0], [-3.5], [147277]])('assertFinite accepts %s', (value) => {
    expect(() => assertFinite(value, 'actual')).not.toThrow();
  });
});
