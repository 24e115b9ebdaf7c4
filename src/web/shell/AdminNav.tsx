import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/history';
import { href, type RouteId } from '../router/routes';
import { useSession } from '../session/SessionProvider';

/** Tabs between the administration screens the person may open. */
export function AdminNav({ route }: { route: RouteId }) {
  const { t } = useI18n();
  const { can } = useSession();
  const entries = [
    { route: 'organizations' as const, ability: 'organizations.manage', label: t('orgs.title') },
    { route: 'users' as const, ability: 'users.manage', label: t('users.title') },
    { route: 'audit' as const, ability: 'audit.read', label: t('audit.title') },
    { route: 'outbox' as const, ability: 'mail.outbox', label: t('outbox.title') },
  ].filter((entry) => can(entry.ability));
  return (
    <nav className="sub-nav" aria-label={t('nav.administration')}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.route}>
            <Link href={href(entry.route)} aria-current={entry.route === route ? 'page' : undefined}>
              {entry.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
