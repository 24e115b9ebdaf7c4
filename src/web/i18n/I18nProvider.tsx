import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import type { Locale } from '../../domain/i18n';
import { applyDocumentLocale, browserLocale, readStoredLocale, storeLocale } from './locale-store';
import { MESSAGES } from './messages';
import { createTranslator, INTL_TAG, type Translator } from './translate';

export interface I18n {
  locale: Locale;
  t: Translator;
  /** Explicit choice by the person: stored, and it wins over their profile's language from then on. */
  setLocale(locale: Locale): void;
  /** Language to use when nothing was chosen on this browser (the signed-in user's profile). */
  suggestLocale(locale: Locale): void;
  formatDateTime(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => readStoredLocale() ?? browserLocale());

  useLayoutEffect(() => applyDocumentLocale(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const suggestLocale = useCallback((next: Locale) => {
    if (readStoredLocale() === null) setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      t: createTranslator(MESSAGES[locale], locale),
      setLocale,
      suggestLocale,
      formatDateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [locale, setLocale, suggestLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
