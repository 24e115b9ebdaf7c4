/** The three languages of Marsad, in the default fallback order. */
export const LOCALES = ['fr', 'ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Content typed by users (titles, descriptions) is stored in every language it was given in. */
export type I18nText = Partial<Record<Locale, string>>;

/** Fallback when a text is missing in the wanted language: French, then English, then Arabic. */
const FALLBACK: Record<Locale, Locale[]> = {
  fr: ['fr', 'en', 'ar'],
  ar: ['ar', 'fr', 'en'],
  en: ['en', 'fr', 'ar'],
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the text in `locale`, else the first present in that locale's fallback order, with the locale used. */
export function localize(
  text: I18nText | null | undefined,
  locale: Locale,
): { text: string; locale: Locale } | null {
  if (!text) return null;
  for (const candidate of FALLBACK[locale]) {
    const value = text[candidate];
    if (value && value.trim() !== '') return { text: value, locale: candidate };
  }
  return null;
}
