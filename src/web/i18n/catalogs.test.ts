import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/i18n';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { type Catalog, flattenCatalog, INTL_TAG, isPluralForms } from './translate';

const catalogs = {
  fr: flattenCatalog(fr as Catalog),
  ar: flattenCatalog(ar as Catalog),
  en: flattenCatalog(en as Catalog),
};
const WEB = join(import.meta.dirname, '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return name.endsWith('.tsx') || (name.endsWith('.ts') && !name.endsWith('.test.ts')) ? [path] : [];
  });
}

/** Every literal key passed to `t(…)`, with the file it is used in. */
function usedKeys(): { key: string; file: string }[] {
  const pattern = /\bt\(\s*['"`]([A-Za-z0-9_.]+)['"`]/g;
  return sourcesUnder(WEB).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => ({ key: match[1] ?? '', file })),
  );
}

describe('i18n catalogues', () => {
  it('have exactly the same keys in fr, ar and en', () => {
    const reference = Object.keys(catalogs.fr).sort();
    for (const locale of LOCALES) expect(Object.keys(catalogs[locale]).sort(), locale).toEqual(reference);
  });

  it('have no empty message', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(catalogs[locale])) {
        const texts = typeof value === 'string' ? [value] : Object.values(value);
        for (const text of texts) expect(text?.trim(), `${locale}: ${key}`).not.toBe('');
      }
    }
  });

  it('give every plural message the forms its language needs', () => {
    for (const locale of LOCALES) {
      const needed = new Intl.PluralRules(INTL_TAG[locale]).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(catalogs[locale])) {
        if (!isPluralForms(value)) continue;
        for (const category of needed) expect(value[category], `${locale}: ${key}.${category}`).toBeTruthy();
      }
    }
  });

  it('use the same {placeholders} in every language', () => {
    const names = (value: unknown) => [...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [key, value] of Object.entries(catalogs.en)) {
      const expected = new Set(names(value));
      for (const locale of LOCALES) {
        // Plural forms may spell a number out ("دقيقتين"), so they may drop {count}, never add a name.
        for (const name of names(catalogs[locale][key]))
          expect(expected, `${locale}: ${key}`).toContain(name);
      }
    }
  });

  it('contain every key the sources pass to t()', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(50);
    const missing = used
      .filter(({ key }) => !(key in catalogs.fr))
      .map(({ key, file }) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
