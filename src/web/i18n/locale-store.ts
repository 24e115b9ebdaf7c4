import { isLocale, LOCALES, type Locale } from '../../domain/i18n';
import { DIRECTION } from './messages';

const STORAGE_KEY = 'marsad_locale';
const COOKIE = 'marsad_locale';
const ONE_YEAR = 60 * 60 * 24 * 365;

/** The language the person chose explicitly on this browser, if any (localStorage first, then the cookie). */
export function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode, policy): the cookie still carries the choice.
  }
  const match = document.cookie.match(/(?:^|;\s*)marsad_locale=([^;]+)/);
  const fromCookie = match?.[1];
  return isLocale(fromCookie) ? fromCookie : null;
}

/** Keeps the choice in localStorage for the app and in a cookie so the server renders the same language. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See readStoredLocale.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari.
  document.cookie = `${COOKIE}=${locale}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
}

/** The first of the browser's preferred languages that Marsad speaks, else French. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? []): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return LOCALES[0];
}

/** Sets `<html lang dir>`: the whole layout mirrors from `dir`, through CSS logical properties. */
export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = DIRECTION[locale];
}
