import type { I18nText } from '../../../domain/i18n';
import type { AgreementList } from '../../api/agreements-types';
import { api, apiPath } from '../../api/client';
import type { Source } from '../../api/strategy-types';
import type { ListOf, Organization, OrganizationType } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { LocalText, localText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { SourceCitation } from '../../components/SourceCitation';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { useSession } from '../../session/SessionProvider';
import { organizationTypeLabels } from '../admin/labels';

interface Related {
  code: string;
  name: I18nText;
  type: OrganizationType;
}
interface Membership {
  id: string;
  organization: Related;
  role: string;
  since: string | null;
  source: Source | null;
}
interface Partnership {
  id: string;
  partner: Related;
  kind: string;
  description: I18nText | null;
  source: Source | null;
}
interface InnovationProject {
  code: string;
  title: I18nText;
  niche: string;
  stage: string;
  fundingSource: string | null;
  members: Related[];
}
interface Contact {
  id: string;
  name: string;
  roleTitle: string | null;
  email: string | null;
  phone: string | null;
}

/** An organization in the ecosystem: its agreements, members, partnerships, a cluster's projects, contacts. */
export function OrganizationProfilePage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const found = useLoad(
    () => api<ListOf<Organization>>('GET', apiPath('/api/organizations', { q: code })),
    code,
  );
  const org = found.data?.items.find((o) => o.code.toLowerCase() === code.toLowerCase());
  if (found.error) return <Alert kind="error">{problemMessage(t, found.error)}</Alert>;
  if (!found.data) return <Loading />;
  if (!org) return <Alert kind="error">{t('errors.not_found')}</Alert>;
  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link href={href('agreements')}>{t('agreements.title')}</Link>
      </nav>
      <PageHeader
        title={localText(org.name, locale, org.code)}
        lead={`${org.code} · ${organizationTypeLabels(t)[org.type] ?? org.type}`}
      />
      <Profile org={org} />
    </div>
  );
}

function Profile({ org }: { org: Organization }) {
  const { t } = useI18n();
  const { can } = useSession();
  const types = organizationTypeLabels(t);
  const base = `/api/organizations/${org.id}`;
  const agreements = useLoad(
    () => api<AgreementList>('GET', apiPath('/api/agreements', { party: org.code })),
    org.id,
  );
  const memberships = useLoad(
    () => api<{ members: Membership[]; memberOf: Membership[] }>('GET', `${base}/memberships`),
    org.id,
  );
  const partnerships = useLoad(() => api<ListOf<Partnership>>('GET', `${base}/partnerships`), org.id);
  const projects = useLoad(
    () =>
      org.type === 'cluster'
        ? api<ListOf<InnovationProject>>('GET', apiPath('/api/innovation-projects', { cluster: org.code }))
        : Promise.resolve({ items: [] }),
    org.id,
  );
  const seesContacts = can('organizations.contacts');
  const contacts = useLoad(
    () => (seesContacts ? api<ListOf<Contact>>('GET', `${base}/contacts`) : Promise.resolve({ items: [] })),
    `${org.id}|${seesContacts}`,
  );
  const orgList = (list: Membership[]) =>
    list.length === 0 ? (
      <p className="muted">{t('agreements.profile.none')}</p>
    ) : (
      <ul className="plain-list">
        {list.map((m) => (
          <li key={m.id}>
            <Link href={href('organization', { code: m.organization.code })}>
              <LocalText text={m.organization.name} />
            </Link>{' '}
            <span className="muted small">({types[m.organization.type] ?? m.organization.type})</span>
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <section aria-labelledby="profile-agreements">
        <h2 id="profile-agreements">{t('agreements.title')}</h2>
        {(agreements.data?.items ?? []).length === 0 ? (
          <p className="muted">{t('agreements.profile.none')}</p>
        ) : (
          <ul className="plain-list">
            {agreements.data?.items.map((a) => (
              <li key={a.code}>
                <Link href={href('agreement', { code: a.code })}>
                  <LocalText text={a.title} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="profile-members">
        <h2 id="profile-members">{t('agreements.profile.members')}</h2>
        {orgList(memberships.data?.members ?? [])}
        <h3>{t('agreements.profile.memberOf')}</h3>
        {orgList(memberships.data?.memberOf ?? [])}
      </section>
      <section aria-labelledby="profile-partnerships">
        <h2 id="profile-partnerships">{t('agreements.profile.partnerships')}</h2>
        {(partnerships.data?.items ?? []).length === 0 ? (
          <p className="muted">{t('agreements.profile.none')}</p>
        ) : (
          <ul className="plain-list">
            {partnerships.data?.items.map((p) => (
              <li key={p.id}>
                <Link href={href('organization', { code: p.partner.code })}>
                  <LocalText text={p.partner.name} />
                </Link>
                {p.description && (
                  <>
                    {' — '}
                    <LocalText text={p.description} />
                  </>
                )}{' '}
                <SourceCitation source={p.source} compact />
              </li>
            ))}
          </ul>
        )}
      </section>
      {org.type === 'cluster' && (
        <section aria-labelledby="profile-projects">
          <h2 id="profile-projects">{t('agreements.profile.projects')}</h2>
          {(projects.data?.items ?? []).length === 0 ? (
            <p className="muted">{t('agreements.profile.noProjects')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('agreements.profile.projects')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agreements.code')}</th>
                    <th scope="col">{t('agreements.profile.project')}</th>
                    <th scope="col">{t('agreements.profile.niche')}</th>
                    <th scope="col">{t('agreements.profile.stage')}</th>
                    <th scope="col">{t('agreements.profile.members')}</th>
                  </tr>
                </thead>
                <tbody>
                  {projects.data?.items.map((p) => (
                    <tr key={p.code}>
                      <td>
                        <code>{p.code}</code>
                      </td>
                      <td>
                        <LocalText text={p.title} />
                      </td>
                      <td>
                        <bdi>{p.niche}</bdi>
                      </td>
                      <td>
                        <bdi>{p.stage}</bdi>
                      </td>
                      <td>{p.members.map((m) => m.code).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {seesContacts && (
        <section aria-labelledby="profile-contacts">
          <h2 id="profile-contacts">{t('agreements.profile.contacts')}</h2>
          <p className="hint">{t('agreements.profile.contactsHint')}</p>
          {(contacts.data?.items ?? []).length === 0 ? (
            <p className="muted">{t('agreements.profile.none')}</p>
          ) : (
            <ul className="plain-list">
              {contacts.data?.items.map((c) => (
                <li key={c.id} dir="auto">
                  {c.name}
                  {c.roleTitle ? ` — ${c.roleTitle}` : ''}
                  {c.email ? ` · ${c.email}` : ''}
                  {c.phone ? ` · ${c.phone}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
