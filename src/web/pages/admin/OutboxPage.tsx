import { useState } from 'react';
import { api } from '../../api/client';
import type { CapturedMail } from '../../api/reporting-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { DIRECTION } from '../../i18n/messages';
import { AdminNav } from '../../shell/AdminNav';

const LANGUAGES = new Set(['fr', 'ar', 'en']);

/** The mails the local SMTP capture caught (development and tests): who, what, in which language, when. */
export function OutboxPage() {
  const { t, formatDateTime } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const outbox = useLoad(() => api<ListOf<CapturedMail>>('GET', '/api/admin/outbox'), 'all');
  const items = outbox.data?.items ?? [];
  return (
    <div className="page">
      <AdminNav route="outbox" />
      <PageHeader title={t('outbox.title')} lead={t('outbox.lead')}>
        <button type="button" className="button" onClick={() => void outbox.reload()}>
          {t('outbox.refresh')}
        </button>
      </PageHeader>
      {outbox.error ? <Alert kind="error">{problemMessage(t, outbox.error)}</Alert> : null}
      {outbox.data === undefined && outbox.loading ? (
        <Loading />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('outbox.count', { count: items.length })}
          </p>
          {items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('outbox.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('outbox.date')}</th>
                    <th scope="col">{t('outbox.to')}</th>
                    <th scope="col">{t('outbox.subject')}</th>
                    <th scope="col">{t('outbox.language')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((mail) => {
                    const lang = mail.language && LANGUAGES.has(mail.language) ? mail.language : undefined;
                    return (
                      <tr key={mail.id}>
                        <td>{formatDateTime(mail.receivedAt)}</td>
                        <td dir="ltr" className="cell-ltr">
                          {mail.to.join(', ')}
                        </td>
                        <td lang={lang} dir={lang ? DIRECTION[lang as 'fr'] : 'auto'}>
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={open === mail.id}
                            onClick={() => setOpen(open === mail.id ? null : mail.id)}
                          >
                            {mail.subject}
                          </button>
                          {open === mail.id && <pre className="mail-body">{mail.text ?? '—'}</pre>}
                        </td>
                        <td>{mail.language ?? '—'}</td>
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
