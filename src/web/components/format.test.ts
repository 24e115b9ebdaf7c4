import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/messages';
import { createTranslator } from '../i18n/translate';
import { createFormatters } from './format';

const formatters = (locale: 'fr' | 'ar' | 'en') =>
  createFormatters(locale, createTranslator(MESSAGES[locale], locale));
/** Intl spaces differ between ICU versions (U+00A0, U+202F): compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');

describe('figures in each language', () => {
  it('writes Arabic figures the Moroccan way, with Western digits', () => {
    const ar = formatters('ar');
    expect(ar.number(5187)).toBe('5.187');
    expect(ar.number(1234567.5)).toBe('1.234.567,5');
    expect(plain(ar.percent(0.736385))).toBe('73,6%');
    expect(ar.number(5187)).not.toMatch(/[٠-٩]/);
  });

  it('writes French and English figures as usual', () => {
    expect(plain(formatters('fr').number(5187))).toBe('5 187');
    expect(plain(formatters('fr').percent(0.736385))).toBe('73,6 %');
    expect(formatters('en').number(200000)).toBe('200,000');
    expect(formatters('en').percent(0.7)).toBe('70%');
    expect(formatters('en').points(73.6)).toBe('73.6%');
  });

  it('keeps the decimals asked for, and shows a dash for no value', () => {
    expect(formatters('en').number(0.736385, 1)).toBe('0.7');
    expect(formatters('en').number(null)).toBe('—');
    expect(formatters('en').percent(Number.NaN)).toBe('—');
  });
});

describe('periods in words', () => {
  it.each([
    ['2013', '2013', '2013'],
    ['2013-Q4', 'T4 2013', 'Q4 2013'],
    ['2013-H1', 'S1 2013', 'H1 2013'],
    ['2008-03', 'mars 2008', 'March 2008'],
    ['2013-12-31', '31 déc. 2013', 'Dec 31, 2013'],
  ])('%s → %s / %s', (period, french, english) => {
    expect(plain(formatters('fr').period(period))).toBe(french);
    expect(plain(formatters('en').period(period))).toBe(english);
  });

  it('names Arabic quarters in words', () => {
    expect(formatters('ar').period('2013-Q1')).toBe('الربع 1 من 2013');
  });
});
