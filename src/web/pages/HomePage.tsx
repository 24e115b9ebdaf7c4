import { PageHeader } from '../components/page';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/history';
import { href } from '../router/routes';
import { useSession } from '../session/SessionProvider';
import { RoleLabel } from './admin/labels';

/** Landing page: who you are, what you may do here, where the rest of the platform is heading. */
export function HomePage() {
  const { t } = useI18n();
  const { user, can } = useSession();
  if (!user) return null;
  const adminLinks = [
    {
      route: 'organizations' as const,
      ability: 'organizations.manage',
      label: t('orgs.title'),
      text: t('home.orgsText'),
    },
    { route: 'users' as const, ability: 'users.manage', label: t('users.title'), text: t('home.usersText') },
    { route: 'audit' as const, ability: 'audit.read', label: t('audit.title'), text: t('home.auditText') },
  ].filter((link) => can(link.ability));
  const strategyLinks = [
    { route: 'strategies' as const, label: t('nav.strategies'), text: t('home.strategiesText') },
    { route: 'indicators' as const, label: t('nav.indicators'), text: t('home.indicatorsText') },
    { route: 'budget' as const, label: t('nav.budget'), text: t('home.budgetText') },
    { route: 'observatory' as const, label: t('nav.observatory'), text: t('home.observatoryText') },
    ...(can('imports.run')
      ? [{ route: 'imports' as const, label: t('imports.title'), text: t('home.importsText') }]
      : []),
  ];
  return (
    <div className="page">
      <PageHeader title={t('home.title', { name: user.displayName })} lead={t('home.lead')} />
      <div className="grid">
        <section className="card" aria-labelledby="home-strategy">
          <h2 id="home-strategy">{t('home.strategyTitle')}</h2>
          <ul className="link-list">
            {strategyLinks.map((link) => (
              <li key={link.route}>
                <Link href={href(link.route)}>{link.label}</Link>
                <p className="muted">{link.text}</p>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="home-roles">
          <h2 id="home-roles">{t('home.rolesTitle')}</h2>
          {user.roles.length === 0 ? (
            <p className="muted">{t('home.noRoles')}</p>
          ) : (
            <ul className="plain-list">
              {user.roles.map((grant) => (
                <li key={`${grant.role}-${grant.organizationId ?? 'all'}`}>
                  <RoleLabel role={grant.role} />{' '}
                  <span className="muted">
                    {grant.organizationCode
                      ? t('home.scopeOrganization', { code: grant.organizationCode })
                      : t('home.scopeNational')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {adminLinks.length > 0 && (
          <section className="card" aria-labelledby="home-admin">
            <h2 id="home-admin">{t('nav.administration')}</h2>
            <ul className="link-list">
              {adminLinks.map((link) => (
                <li key={link.route}>
                  <Link href={href(link.route)}>{link.label}</Link>
                  <p className="muted">{link.text}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className="card" aria-labelledby="home-account">
          <h2 id="home-account">{t('home.accountTitle')}</h2>
          <ul className="link-list">
            <li>
              <Link href={href('tokens')}>{t('shell.apiTokens')}</Link>
              <p className="muted">{t('home.tokensText')}</p>
            </li>
            <li>
              <a href="/api/docs">{t('shell.apiDocs')}</a>
              <p className="muted">{t('home.docsText')}</p>
            </li>
          </ul>
        </section>
      </div>
      <section className="roadmap" aria-labelledby="home-roadmap">
        <h2 id="home-roadmap">{t('home.roadmapTitle')}</h2>
        <p className="muted">{t('home.roadmapText')}</p>
      </section>
    </div>
  );
}
