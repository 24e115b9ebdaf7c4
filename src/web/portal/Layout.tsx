import type { ReactNode } from 'react';
import { LOCALES } from '../../domain/i18n';
import { DIRECTION, LOCALE_NAMES } from '../i18n/messages';
import { useHref, usePortal } from './context';
import { MAP_ATTRIBUTION } from './map/regions';

/** The whole document: skip link, header with the language switch, the page, and the footer. */
export function Layout({ title, css, children }: { title: string; css: string; children: ReactNode }) {
  const { locale, t } = usePortal();
  return (
    <html lang={locale} dir={DIRECTION[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('portal.brand')}`}</title>
        <meta name="description" content={t('portal.tagline')} />
        {/* No icon to fetch: one request less on a slow line. */}
        <link rel="icon" href="data:," />
        <AlternateLinks />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own stylesheet, inlined to save a round trip */}
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <a className="skip" href="#main">
          {t('shell.skipToContent')}
        </a>
        <Header />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <Footer />
      </body>
    </html>
  );
}

function AlternateLinks() {
  const { path, query } = usePortal();
  return (
    <>
      {LOCALES.map((other) => (
        <link key={other} rel="alternate" hrefLang={other} href={`/${other}${path}${query}`} />
      ))}
    </>
  );
}

function Header() {
  const { t, features } = usePortal();
  const href = useHref();
  return (
    <header className="site-header">
      <div className="bar">
        <a className="brand" href={href('/')}>
          <span className="brand-name">{t('portal.brand')}</span>
          <span className="brand-tag">{t('portal.tagline')}</span>
        </a>
        <LanguageSwitch />
        <a className="signin" href="/app/login">
          {t('portal.signIn')}
        </a>
      </div>
      <nav aria-label={t('portal.navLabel')} className="site-nav">
        <ul>
          <li>
            <a href={href('/')}>{t('portal.nav.strategies')}</a>
          </li>
          <li>
            <a href={href('/map')}>{t('portal.nav.map')}</a>
          </li>
          {features.agreements && (
            <li>
              <a href={href('/agreements')}>{t('portal.nav.agreements')}</a>
            </li>
          )}
          <li>
            <a href={href('/calls')}>{t('portalCalls.nav.calls')}</a>
          </li>
          <li>
            <a href={href('/proposals')}>{t('portalCalls.nav.consultation')}</a>
          </li>
          <li>
            <a href={href('/data')}>{t('portal.nav.data')}</a>
          </li>
        </ul>
        {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for older phones' browsers */}
        <form role="search" method="get" action={href('/search')} className="search-form">
          <label htmlFor="site-q">{t('portal.search.label')}</label>
          <input id="site-q" name="q" type="search" maxLength={200} />
          <button type="submit">{t('portal.search.submit')}</button>
        </form>
      </nav>
    </header>
  );
}

/** Plain links to the same page in each language: no script, and the page keeps its place. */
function LanguageSwitch() {
  const { locale, path, query, t } = usePortal();
  return (
    <nav aria-label={t('shell.language')} className="lang-switch">
      <ul>
        {LOCALES.map((other) => (
          <li key={other}>
            {other === locale ? (
              <span aria-current="true" lang={other}>
                {LOCALE_NAMES[other]}
              </span>
            ) : (
              <a href={`/${other}${path}${query}`} lang={other} hrefLang={other}>
                {LOCALE_NAMES[other]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Footer() {
  const { t } = usePortal();
  const href = useHref();
  return (
    <footer className="site-footer">
      <p>{t('portal.footer.sources')}</p>
      <p>
        {t('portal.footer.mapSource')}{' '}
        <a href={MAP_ATTRIBUTION.url} dir="ltr">
          {MAP_ATTRIBUTION.text}
        </a>{' '}
        (<a href={MAP_ATTRIBUTION.licenceUrl}>ODbL</a>)
      </p>
      <ul className="footer-links">
        <li>
          <a href="/api/docs">{t('shell.apiDocs')}</a>
        </li>
        <li>
          <a href={href('/data')}>{t('portal.nav.data')}</a>
        </li>
        <li>
          <a href="/app/login">{t('portal.signIn')}</a>
        </li>
      </ul>
      <p className="muted">{t('shell.footer')}</p>
    </footer>
  );
}
