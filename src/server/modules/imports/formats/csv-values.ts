import { isValidPeriod } from '../../../../domain/periods';

// Reading the cells of an observations CSV, a million times over: each helper here sits on the hot path.

export const isConfidence = (text: string) =>
  text === 'high' || text === 'medium' || text === 'low' || text === 'unverified';
const RADIX_PREFIX = /^[+-]?0[xXbBoO]/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** Memoizes a check: files repeat a few indicators, periods and members millions of times. */
export function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  // Files are usually sorted: comparing with the previous key is cheaper than hashing a new string.
  let lastKey: string | undefined;
  let lastResult: T;
  return (key) => {
    if (key === lastKey) return lastResult;
    let result = cache.get(key);
    if (result === undefined && !cache.has(key)) {
      result = compute(key);
      cache.set(key, result);
    }
    lastKey = key;
    lastResult = result as T;
    return lastResult;
  };
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Plain decimals of up to 15 digits (nearly every value in a statistical file), about twice as fast as
 * Number(): the digits fit a double exactly, and so does 10^decimals, so one division rounds correctly and
 * gives exactly what Number() would. Anything else is left to Number().
 */
export function plainDecimal(text: string): number | undefined {
  const length = text.length;
  const first = text.charCodeAt(0);
  let i = first === 45 || first === 43 ? 1 : 0;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return first === 45 ? -value : value;
}

export function parseValue(text: string): number | null | undefined {
  if (text === '') return null;
  const plain = plainDecimal(text);
  if (plain !== undefined) return plain;
  const value = Number(text);
  // Number() also reads 0x1F, 0b11 and 0o17, which no statistical file means.
  if (Number.isFinite(value) && !RADIX_PREFIX.test(text)) return value;
  return DECIMAL_COMMA.test(text) ? Number(text.replace(',', '.')) : undefined;
}

/** What is wrong with a source cell, or null when it is fine. */
export function sourceProblem(field: string, text: string): { code: string; message: string } | null {
  if (field === 'url' && !/^https?:\/\//.test(text)) {
    return { code: 'cell.bad_url', message: 'is not an http(s):// address' };
  }
  if (field === 'date' && !isValidPeriod(text)) return { code: 'period.invalid', message: 'is not a period' };
  if (field === 'confidence' && !isConfidence(text)) {
    return { code: 'cell.not_allowed', message: 'is not high, medium, low or unverified' };
  }
  return null;
}
