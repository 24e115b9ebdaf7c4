import { LOCALES, type Locale } from '../../domain/i18n';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { type Catalog, flattenCatalog, type Messages } from './translate';

/** The catalogues are small: all three ship in the bundle, so switching language never waits. */
export const MESSAGES: Record<Locale, Messages> = {
  fr: flattenCatalog(fr as Catalog),
  ar: flattenCatalog(ar as Catalog),
  en: flattenCatalog(en as Catalog),
};

/** Native names, written in their own script whatever the interface language. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

export const DIRECTION: Record<Locale, 'ltr' | 'rtl'> = { fr: 'ltr', ar: 'rtl', en: 'ltr' };

export { LOCALES };
