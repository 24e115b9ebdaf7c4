import { useEffect, useState } from 'react';
import { api, apiPath } from '../../api/client';
import { type ListOf, ORGANIZATION_TYPES, type Organization } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { AdminNav } from '../../shell/AdminNav';
import { OrganizationName, organizationTypeLabels } from './labels';
import { OrganizationForm } from './OrganizationForm';

type Editor = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; organization: Organization };

/** Organizations: filtered list, create and edit (with optimistic locking on `version`). */
export function OrganizationsPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [debouncedQuery, setDebouncedQuery] = useState('');
  const [type, setType] = useState('');
  const [editor, setEditor] = useState<Editor>({ mode: 'closed' });
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const types = organizationTypeLabels(t);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebouncedQuery(query.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  const list = useLoad(
    () => api<ListOf<Organization>>('GET', apiPath('/api/organizations', { q: debouncedQuery, type })),
    `${debouncedQuery}|${type}`,
  );
  const all = useLoad(() => api<ListOf<Organization>>('GET', '/api/organizations'), 'all');
  const byId = new Map((all.data?.items ?? []).map((organization) => [organization.id, organization]));

  const saved = (organization: Organization, created: boolean) => {
    setEditor({ mode: 'closed' });
    setNotice({
      kind: 'success',
      text: created
        ? t('orgs.created', { code: organization.code })
        : t('orgs.updated', { code: organization.code }),
    });
    void list.reload();
    void all.reload();
  };

  const conflict = async (id: string) => {
    await list.reload();
    const fresh = (await all.reload())?.items.find((organization) => organization.id === id);
    setNotice({ kind: 'error', text: t('orgs.conflict') });
    setEditor(fresh ? { mode: 'edit', organization: fresh } : { mode: 'closed' });
  };

  const items = list.data?.items ?? [];
  return (
    <div className="page">
      <AdminNav route="organizations" />
      <PageHeader title={t('orgs.title')} lead={t('orgs.lead')}>
        {editor.mode === 'closed' && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setEditor({ mode: 'create' });
            }}
          >
            {t('orgs.new')}
          </button>
        )}
      </PageHeader>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {editor.mode !== 'closed' && (
        <OrganizationForm
          key={editor.mode === 'edit' ? `${editor.organization.id}@${editor.organization.version}` : 'new'}
          editing={editor.mode === 'edit' ? editor.organization : null}
          organizations={all.data?.items ?? []}
          onSaved={saved}
          onCancel={() => setEditor({ mode: 'closed' })}
          onConflict={() => editor.mode === 'edit' && void conflict(editor.organization.id)}
        />
      )}
      <search className="filters" aria-label={t('common.filters')}>
        <div className="field">
          <label htmlFor="orgs-q">{t('orgs.search')}</label>
          <input id="orgs-q" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="orgs-type">{t('orgs.filterType')}</label>
          <select id="orgs-type" value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">{t('orgs.allTypes')}</option>
            {ORGANIZATION_TYPES.map((option) => (
              <option key={option} value={option}>
                {types[option]}
              </option>
            ))}
          </select>
        </div>
      </search>
      {list.error ? <Alert kind="error">{problemMessage(t, list.error)}</Alert> : null}
      {list.data === undefined && list.loading ? (
        <Loading />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('orgs.count', { count: items.length })}
          </p>
          {items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('orgs.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('orgs.code')}</th>
                    <th scope="col">{t('orgs.name')}</th>
                    <th scope="col">{t('orgs.type')}</th>
                    <th scope="col">{t('orgs.parent')}</th>
                    <th scope="col">{t('orgs.region')}</th>
                    <th scope="col">{t('orgs.website')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((organization) => {
                    const parent = organization.parentId ? byId.get(organization.parentId) : undefined;
                    return (
                      <tr key={organization.id}>
                        <td>
                          <code>{organization.code}</code>
                        </td>
                        <td>
                          <OrganizationName organization={organization} />
                        </td>
                        <td>{types[organization.type] ?? organization.type}</td>
                        <td>{parent ? <code>{parent.code}</code> : <span className="muted">—</span>}</td>
                        <td>{organization.regionCode ?? <span className="muted">—</span>}</td>
                        <td>
                          {organization.website ? (
                            <a
                              href={organization.website}
                              rel="noopener noreferrer"
                              target="_blank"
                              dir="ltr"
                            >
                              {hostOf(organization.website)}
                              <span className="visually-hidden"> {t('common.newWindow')}</span>
                            </a>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        <td className="actions">
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => {
                              setNotice(null);
                              setEditor({ mode: 'edit', organization });
                            }}
                          >
                            {t('common.edit')}
                            <span className="visually-hidden"> {organization.code}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** The site's host name for display; the full URL stays in the link. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
