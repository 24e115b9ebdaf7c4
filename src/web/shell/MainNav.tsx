import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/history';
import { href, type RouteId } from '../router/routes';
import { useSession } from '../session/SessionProvider';
import { firstAdminRoute } from './admin-routes';

type Entry =
  | {
      kind: 'link';
      route: Exclude<
        RouteId,
        | 'notFound'
        | 'strategy'
        | 'indicator'
        | 'cycle'
        | 'report'
        | 'dashboard'
        | 'agreement'
        | 'agreementsSummary'
        | 'call'
      >;
      label: string;
      current: boolean;
    }
  | { kind: 'soon'; label: string };

/**
 * The modules of Marsad in the order of the strategy's life. Those not built yet are shown, disabled, with a
 * "coming soon" label: people see where the platform goes without landing on empty pages.
 */
export function MainNav({ route }: { route: RouteId }) {
  const { t } = useI18n();
  const session = useSession();
  const admin = firstAdminRoute(session.can);
  const inAdmin = route === 'organizations' || route === 'users' || route === 'audit' || route === 'outbox';
  const canReport = ['reporting.manage', 'reporting.report', 'reporting.review'].some(session.can);
  const entries: Entry[] = [
    { kind: 'link', route: 'home', label: t('nav.home'), current: route === 'home' },
    {
      kind: 'link',
      route: 'strategies',
      label: t('nav.strategies'),
      current: route === 'strategies' || route === 'strategy',
    },
    {
      kind: 'link',
      route: 'dashboards',
      label: t('dashboard.nav'),
      current: route === 'dashboards' || route === 'dashboard',
    },
    {
      kind: 'link',
      route: 'indicators',
      label: t('nav.indicators'),
      current: route === 'indicators' || route === 'indicator',
    },
    { kind: 'link', route: 'budget', label: t('nav.budget'), current: route === 'budget' },
    canReport
      ? {
          kind: 'link',
          route: 'reporting',
          label: t('nav.reporting'),
          current:
            route === 'reporting' ||
            route === 'cycle' ||
            route === 'report' ||
            route === 'agenda' ||
            route === 'reasons',
        }
      : { kind: 'soon', label: t('nav.reporting') },
    {
      kind: 'link',
      route: 'agreements',
      label: t('nav.agreements'),
      current: route === 'agreements' || route === 'agreement' || route === 'agreementsSummary',
    },
    { kind: 'link', route: 'calls', label: t('nav.calls'), current: route === 'calls' || route === 'call' },
    {
      kind: 'link',
      route: 'consultation',
      label: t('nav.consultation'),
      current: route === 'consultation',
    },
    { kind: 'link', route: 'observatory', label: t('nav.observatory'), current: route === 'observatory' },
  ];
  if (session.can('imports.run')) {
    entries.push({ kind: 'link', route: 'imports', label: t('nav.imports'), current: route === 'imports' });
  }
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {entries.map((entry) =>
          entry.kind === 'link' ? (
            <li key={entry.route}>
              <Link href={href(entry.route)} aria-current={entry.current ? 'page' : undefined}>
                {entry.label}
              </Link>
            </li>
          ) : (
            <li key={entry.label}>
              <span className="nav-disabled" aria-disabled="true">
                {entry.label} <span className="soon">{t('nav.comingSoon')}</span>
              </span>
            </li>
          ),
        )}
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
