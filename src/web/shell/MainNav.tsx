import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/history';
import { href, type RouteId } from '../router/routes';
import { useSession } from '../session/SessionProvider';
import { firstAdminRoute } from './admin-routes';

/**
 * The modules of Marsad in the order of the strategy's life. Those not built yet are shown, disabled, with a
 * "coming soon" label: people see where the platform goes without landing on empty pages.
 */
export function MainNav({ route }: { route: RouteId }) {
  const { t } = useI18n();
  const session = useSession();
  const upcoming = [
    t('nav.strategies'),
    t('nav.indicators'),
    t('nav.budget'),
    t('nav.reporting'),
    t('nav.agreements'),
    t('nav.calls'),
    t('nav.consultation'),
    t('nav.observatory'),
  ];
  const admin = firstAdminRoute(session.can);
  const inAdmin = route === 'organizations' || route === 'users' || route === 'audit';
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <Link href={href('home')} aria-current={route === 'home' ? 'page' : undefined}>
            {t('nav.home')}
          </Link>
        </li>
        {upcoming.map((label) => (
          <li key={label}>
            <span className="nav-disabled" aria-disabled="true">
              {label} <span className="soon">{t('nav.comingSoon')}</span>
            </span>
          </li>
        ))}
        {admin && (
          <li>
            <Link href={href(admin)} aria-current={inAdmin ? 'true' : undefined}>
              {t('nav.administration')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
