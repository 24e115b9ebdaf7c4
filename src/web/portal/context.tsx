import { createContext, useContext } from 'react';
import { type I18nText, type Locale, localize } from '../../domain/i18n';
import { createFormatters, type Formatters } from '../components/format';
import { DIRECTION, MESSAGES } from '../i18n/messages';
import { createTranslator, type Translator } from '../i18n/translate';

/** What every portal component needs: the language, its words and figure formats, and the current path. */
export interface PortalEnv {
  locale: Locale;
  t: Translator;
  f: Formatters;
  /** The page's path without its language prefix, e.g. `/strategies/MN2013`, for the language switch. */
  path: string;
  /** The query string of the page, with its `?`, kept by the language switch. */
  query: string;
  /** Parts of the platform the portal links to only when they exist (agreements come from another module). */
  features: { agreements: boolean };
}

const translators = new Map<Locale, { t: Translator; f: Formatters }>();

/** The portal environment of one request; translators and formatters are built once per language. */
export function portalEnv(
  locale: Locale,
  path: string,
  query = '',
  features: PortalEnv['features'] = { agreements: false },
): PortalEnv {
  let tools = translators.get(locale);
  if (!tools) {
    const t = createTranslator(MESSAGES[locale], locale);
    tools = { t, f: createFormatters(locale, t) };
    translators.set(locale, tools);
  }
  return { locale, ...tools, path, query, features };
}

const PortalContext = createContext<PortalEnv | null>(null);
export const PortalProvider = PortalContext.Provider;

export function usePortal(): PortalEnv {
  const env = useContext(PortalContext);
  if (!env) throw new Error('usePortal outside PortalProvider');
  return env;
}

/** A portal address in the page's language. */
export function useHref(): (path: string) => string {
  const { locale } = usePortal();
  return (path: string) => `/${locale}${path}`;
}

/** Multilingual content in the page's language, with `lang`/`dir` when it falls back to another one. */
export function Local({ text, fallback = '—' }: { text: I18nText | null | undefined; fallback?: string }) {
  const { locale } = usePortal();
  const found = localize(text, locale);
  if (!found) return <>{fallback}</>;
  if (found.locale === locale) return <>{found.text}</>;
  return (
    <span lang={found.locale} dir={DIRECTION[found.locale]}>
      {found.text}
    </span>
  );
}

/** Plain-text version of multilingual content, for titles and attributes. */
export function localText(text: I18nText | null | undefined, locale: Locale, fallback = ''): string {
  return localize(text, locale)?.text ?? fallback;
}
