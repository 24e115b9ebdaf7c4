import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { ApiToken, CreatedApiToken, ListOf } from '../../api/types';
import { problemMessage, serverFailure } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { NewTokenPanel } from './NewTokenPanel';

const FORM = 'token';

/** Personal API tokens: create (the secret is shown once), list, revoke. */
export function AccountTokensPage() {
  const { t, formatDateTime } = useI18n();
  const tokens = useLoad(() => api<ListOf<ApiToken>>('GET', '/api/auth/tokens'), 'tokens');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    if (!name.trim()) {
      setErrors({ name: t('validation.required') });
      document.getElementById(`${FORM}-name`)?.focus();
      return;
    }
    setErrors({});
    try {
      setCreated(await api<CreatedApiToken>('POST', '/api/auth/tokens', { name: name.trim() }));
      setName('');
      void tokens.reload();
    } catch (error) {
      const outcome = serverFailure(t, error, ['name']);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    }
  };

  const revoke = async (token: ApiToken) => {
    setFailure(null);
    try {
      await api<void>('DELETE', `/api/auth/tokens/${token.id}`);
      setConfirming(null);
      setNotice(t('tokens.revoked', { name: token.name }));
      void tokens.reload();
    } catch (error) {
      setFailure(problemMessage(t, error));
    }
  };

  const items = tokens.data?.items ?? [];
  return (
    <div className="page">
      <PageHeader title={t('tokens.title')} lead={t('tokens.lead')} />
      {created && <NewTokenPanel token={created} onDone={() => setCreated(null)} />}
      {notice && <Alert kind="success">{notice}</Alert>}
      {failure && <Alert kind="error">{failure}</Alert>}
      <section className="card form-card" aria-labelledby="token-create-title">
        <h2 id="token-create-title">{t('tokens.createTitle')}</h2>
        <form onSubmit={create} noValidate className="inline-form">
          <TextField
            form={FORM}
            name="name"
            label={t('tokens.name')}
            hint={t('tokens.nameHint')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.name}
            autoComplete="off"
            required
          />
          <button type="submit" className="button button-primary">
            {t('tokens.create')}
          </button>
        </form>
      </section>
      <h2>{t('tokens.listTitle')}</h2>
      {tokens.error ? <Alert kind="error">{problemMessage(t, tokens.error)}</Alert> : null}
      {tokens.data === undefined && tokens.loading ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('tokens.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('tokens.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('tokens.createdAt')}</th>
                <th scope="col">{t('tokens.lastUsedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((token) => (
                <tr key={token.id}>
                  <td dir="auto">{token.name}</td>
                  <td>
                    <code dir="ltr">{token.prefix}…</code>
                  </td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>
                    {token.lastUsedAt ? (
                      formatDateTime(token.lastUsedAt)
                    ) : (
                      <span className="muted">{t('tokens.neverUsed')}</span>
                    )}
                  </td>
                  <td className="actions">
                    {confirming === token.id ? (
                      <span className="confirm">
                        <span>{t('tokens.confirmRevoke')}</span>
                        <button
                          type="button"
                          className="button button-small button-danger"
                          onClick={() => revoke(token)}
                        >
                          {t('tokens.revokeConfirmButton')}
                          <span className="visually-hidden"> {token.name}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setConfirming(null)}
                        >
                          {t('common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setConfirming(token.id)}
                      >
                        {t('tokens.revoke')}
                        <span className="visually-hidden"> {token.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
