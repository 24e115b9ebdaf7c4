import { describe, expect, it } from 'vitest';
import { createTranslator, flattenCatalog } from './translate';

const messages = flattenCatalog({
  greet: { hello: 'Hello, {name}' },
  files: {
    zero: 'none',
    one: '{count} file',
    two: 'two files',
    few: '{count} few files',
    many: '{count} many files',
    other: '{count} files',
  },
});

describe('t()', () => {
  it('interpolates named parameters and leaves unknown ones visible', () => {
    const t = createTranslator(messages, 'en');
    expect(t('greet.hello', { name: 'Amina' })).toBe('Hello, Amina');
    expect(t('greet.hello')).toBe('Hello, {name}');
  });

  it('returns the key itself when it is missing, and says so through has()', () => {
    const t = createTranslator(messages, 'fr');
    expect(t('nope.missing')).toBe('nope.missing');
    expect(t.has('nope.missing')).toBe(false);
    expect(t.has('greet.hello')).toBe(true);
  });

  it.each([
    [0, 'none'],
    [1, '1 file'],
    [2, 'two files'],
    [3, '3 few files'],
    [10, '10 few files'],
    [11, '11 many files'],
    [99, '99 many files'],
    [100, '100 files'],
    [102, '102 files'],
    [103, '103 few files'],
  ])('picks the Arabic plural form for %i', (count, expected) => {
    expect(createTranslator(messages, 'ar')(`files`, { count })).toBe(expected);
  });

  it.each([
    [0, 'none'],
    [1, '1 file'],
    [2, '2 files'],
    [1000000, '1,000,000 many files'],
  ])('picks the English/French form for %i', (count, expected) => {
    const locale = count === 1000000 ? 'fr' : 'en';
    const result = createTranslator(messages, locale)('files', { count });
    expect(result.replace(/\s/g, ',')).toBe(expected.replace(/\s/g, ','));
  });

  it('formats numbers with Western digits in Arabic', () => {
    expect(createTranslator(messages, 'ar')('files', { count: 1500 })).toBe('1,500 files');
  });
});
