import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/history';
import { href, type RouteId } from '../router/routes';
import { useSession } from '../session/SessionProvider';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';

/** Skip link, header, navigation, main and footer around every screen. */
export function Shell({ route, path, children }: { route: RouteId; path: string; children: ReactNode }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  useFocusOnNavigation(path);
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link href={href('home')} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">
              {/* Both names always; the one of the page's script comes first in reading order. */}
              {locale === 'ar' ? (
                <>
                  <span lang="ar">مرصد</span> / <span lang="en">Marsad</span>
                </>
              ) : (
                <>
                  <span lang="en">Marsad</span> / <span lang="ar">مرصد</span>
                </>
              )}
            </span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            {user && <AccountMenu user={user} />}
          </div>
        </div>
        {user && <MainNav route={route} />}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>{t('shell.footer')}</p>
          <ul>
            <li>
              <a href="/api/docs">{t('shell.apiDocs')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </div>
  );
}

/**
 * After a client-side navigation, screen readers hear nothing by themselves: focus moves to the new page's
 * title so its name is read and the tab order starts from the content, as after a full page load.
 */
function useFocusOnNavigation(path: string): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect must run on each new path.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    (heading ?? document.getElementById('main'))?.focus();
  }, [path]);
}
