import type { Locale } from '../../domain/i18n';

/** The plural categories of CLDR; a catalogue value that is an object of these is one plural message. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };

export type CatalogValue = string | PluralForms | { [key: string]: CatalogValue };
export interface Catalog {
  [key: string]: CatalogValue;
}

/** A catalogue flattened to dotted keys (`nav.strategies`), plural messages kept whole. */
export type Messages = Record<string, string | PluralForms>;
export type Params = Record<string, string | number>;

/** BCP 47 tags used for Intl: Arabic keeps Western digits, as the Maghreb's administrations write them. */
export const INTL_TAG: Record<Locale, string> = { fr: 'fr', ar: 'ar-u-nu-latn', en: 'en' };

/** True for `{ one: '…', other: '…' }`: every key a plural category, `other` present. */
export function isPluralForms(value: unknown): value is PluralForms {
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.entries(value);
  return (
    typeof (value as Record<string, unknown>).other === 'string' &&
    entries.every(([k, v]) => (PLURAL_CATEGORIES as readonly string[]).includes(k) && typeof v === 'string')
  );
}

/** Turns the nested catalogue into dotted keys, so lookups and the completeness test share one shape. */
export function flattenCatalog(catalog: Catalog, prefix = ''): Messages {
  const out: Messages = {};
  for (const [key, value] of Object.entries(catalog)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string' || isPluralForms(value)) out[path] = value;
    else Object.assign(out, flattenCatalog(value, `${path}.`));
  }
  return out;
}

/** Replaces `{name}` by its parameter; numbers are formatted for the locale, unknown names stay visible. */
export function interpolate(template: string, params: Params, numberFormat: Intl.NumberFormat): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? numberFormat.format(value) : value;
  });
}

export interface Translator {
  (key: string, params?: Params): string;
  has(key: string): boolean;
  locale: Locale;
}

/** Builds `t(key, params)`; a plural message picks its form from `params.count` with Intl.PluralRules. */
export function createTranslator(messages: Messages, locale: Locale): Translator {
  const rules = new Intl.PluralRules(INTL_TAG[locale]);
  const numbers = new Intl.NumberFormat(INTL_TAG[locale]);
  const t = (key: string, params: Params = {}): string => {
    const message = messages[key];
    if (message === undefined) return key;
    if (typeof message === 'string') return interpolate(message, params, numbers);
    const count = typeof params.count === 'number' ? params.count : Number(params.count ?? 0);
    // Arabic and French say "zero" differently from their CLDR category: an explicit zero form wins.
    const form = (count === 0 ? message.zero : undefined) ?? message[rules.select(count)] ?? message.other;
    return interpolate(form, params, numbers);
  };
  return Object.assign(t, { has: (key: string) => key in messages, locale });
}
