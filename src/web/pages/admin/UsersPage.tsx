import { useState } from 'react';
import { api } from '../../api/client';
import type { ListOf, Organization, User } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { LOCALE_NAMES } from '../../i18n/messages';
import { AdminNav } from '../../shell/AdminNav';
import { RoleLabel } from './labels';
import { UserForm } from './UserForm';

/** Accounts: list with their roles and scopes, and creation. */
export function UsersPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useLoad(() => api<ListOf<User>>('GET', '/api/users'), 'users');
  const organizations = useLoad(() => api<ListOf<Organization>>('GET', '/api/organizations'), 'orgs');
  const items = users.data?.items ?? [];

  return (
    <div className="page">
      <AdminNav route="users" />
      <PageHeader title={t('users.title')} lead={t('users.lead')}>
        {!creating && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('users.new')}
          </button>
        )}
      </PageHeader>
      {notice && <Alert kind="success">{notice}</Alert>}
      {creating && (
        <UserForm
          organizations={organizations.data?.items ?? []}
          onSaved={(user) => {
            setCreating(false);
            setNotice(t('users.created', { username: user.username }));
            void users.reload();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {users.error ? <Alert kind="error">{problemMessage(t, users.error)}</Alert> : null}
      {users.data === undefined && users.loading ? (
        <Loading />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('users.count', { count: items.length })}
          </p>
          {items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('users.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('users.username')}</th>
                    <th scope="col">{t('users.displayName')}</th>
                    <th scope="col">{t('users.email')}</th>
                    <th scope="col">{t('users.locale')}</th>
                    <th scope="col">{t('users.roles')}</th>
                    <th scope="col">{t('users.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((user) => (
                    <tr key={user.id}>
                      <td>
                        <code>{user.username}</code>
                      </td>
                      <td dir="auto">{user.displayName}</td>
                      <td dir="ltr" className="cell-ltr">
                        {user.email ?? <span className="muted">—</span>}
                      </td>
                      <td lang={user.locale}>{LOCALE_NAMES[user.locale] ?? user.locale}</td>
                      <td>
                        <ul className="role-list">
                          {user.roles.map((grant) => (
                            <li key={`${grant.role}-${grant.organizationId ?? 'all'}`}>
                              <RoleLabel role={grant.role} />{' '}
                              <span className="muted">
                                {grant.organizationCode ?? t('users.scopeNational')}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        {user.isActive ? (
                          <span className="status status-ok">{t('users.active')}</span>
                        ) : (
                          <span className="status status-off">{t('users.inactive')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
