import { type FormEvent, useState } from 'react';
import { api, apiPath } from '../../api/client';
import type { AuditEvent, ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { AdminNav } from '../../shell/AdminNav';

interface Filters {
  actor: string;
  subjectType: string;
  subjectId: string;
  action: string;
  from: string;
  to: string;
  limit: string;
}

const EMPTY: Filters = {
  actor: '',
  subjectType: '',
  subjectId: '',
  action: '',
  from: '',
  to: '',
  limit: '100',
};
const LIMITS = ['50', '100', '200', '500'];

/** Dates from the filter are whole local days: `from` at its start, `to` at its end. */
function queryOf(filters: Filters) {
  return {
    actor: filters.actor.trim(),
    subjectType: filters.subjectType.trim(),
    subjectId: filters.subjectId.trim(),
    action: filters.action.trim(),
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : '',
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : '',
    limit: filters.limit,
  };
}

/** The audit trail: who changed what, when, from which request, with the changed fields. */
export function AuditPage() {
  const { t, formatDateTime } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const events = useLoad(
    () => api<ListOf<AuditEvent>>('GET', apiPath('/api/audit', queryOf(applied))),
    JSON.stringify(applied),
  );
  const set = (field: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };
  const items = events.data?.items ?? [];

  const text = (id: string, field: keyof Filters, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={draft[field]}
        onChange={set(field)}
        dir={type === 'text' ? 'ltr' : undefined}
      />
    </div>
  );

  return (
    <div className="page">
      <AdminNav route="audit" />
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} />
      <search>
        <form className="filters filters-wide" onSubmit={apply} aria-label={t('common.filters')}>
          {text('audit-actor', 'actor', t('audit.actor'))}
          {text('audit-action', 'action', t('audit.action'))}
          {text('audit-subject-type', 'subjectType', t('audit.subjectType'))}
          {text('audit-subject-id', 'subjectId', t('audit.subjectId'))}
          {text('audit-from', 'from', t('audit.from'), 'date')}
          {text('audit-to', 'to', t('audit.to'), 'date')}
          <div className="field">
            <label htmlFor="audit-limit">{t('audit.limit')}</label>
            <select id="audit-limit" value={draft.limit} onChange={set('limit')}>
              {LIMITS.map((limit) => (
                <option key={limit} value={limit}>
                  {limit}
                </option>
              ))}
            </select>
          </div>
          <div className="filter-actions">
            <button type="submit" className="button button-primary">
              {t('common.applyFilters')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(EMPTY);
                setApplied(EMPTY);
              }}
            >
              {t('common.resetFilters')}
            </button>
          </div>
        </form>
      </search>
      {events.error ? <Alert kind="error">{problemMessage(t, events.error)}</Alert> : null}
      {events.data === undefined && events.loading ? (
        <Loading />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('audit.count', { count: items.length })}
          </p>
          {items.length > 0 && (
            <div className="table-wrap">
              <table className="audit-table">
                <caption className="visually-hidden">{t('audit.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.subject')}</th>
                    <th scope="col">{t('audit.changes')}</th>
                    <th scope="col">{t('audit.requestId')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((event) => (
                    <tr key={event.id}>
                      <td className="nowrap">
                        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                      </td>
                      <td>
                        {event.actor ? (
                          <code>{event.actor.username}</code>
                        ) : (
                          <span className="muted">{t('audit.system')}</span>
                        )}
                      </td>
                      <td>
                        <code>{event.action}</code>
                      </td>
                      <td>
                        <code>{event.subjectType}</code>
                        {event.subjectId && (
                          <>
                            {' '}
                            <button
                              type="button"
                              className="link-button id-button"
                              title={event.subjectId}
                              onClick={() => {
                                const next = {
                                  ...EMPTY,
                                  subjectType: event.subjectType,
                                  subjectId: event.subjectId ?? '',
                                };
                                setDraft(next);
                                setApplied(next);
                              }}
                            >
                              <bdi dir="ltr">{shortId(event.subjectId)}</bdi>
                              <span className="visually-hidden"> {t('audit.showHistory')}</span>
                            </button>
                          </>
                        )}
                      </td>
                      <td>
                        <Diff diff={event.diff} />
                      </td>
                      <td>
                        {event.requestId ? (
                          <code className="muted small" title={event.requestId} dir="ltr">
                            {shortId(event.requestId)}
                          </code>
                        ) : (
                          <span className="muted">—</span>
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

/** Long ids (uuids) shortened for the table; the full id is in the title and in the filter it sets. */
function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A value as it was stored: strings as typed (any script), anything else as left-to-right JSON. */
function Value({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined || value === '')
    return <span className="muted">{t('audit.empty')}</span>;
  if (typeof value === 'string') return <bdi>{value}</bdi>;
  return <code dir="ltr">{JSON.stringify(value)}</code>;
}

function Diff({ diff }: { diff: AuditEvent['diff'] }) {
  const { t } = useI18n();
  const fields = Object.entries(diff ?? {});
  if (fields.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="diff">
      {fields.map(([field, change]) => (
        <div key={field} className="diff-row">
          <dt>
            <code>{field}</code>
          </dt>
          <dd>
            {/* A side that is empty (a creation, a removal) is left out rather than shown as "(empty) →". */}
            {!isEmpty(change.from) && (
              <>
                <span className="visually-hidden">{t('audit.before')} </span>
                <del>
                  <Value value={change.from} />
                </del>
              </>
            )}
            {!isEmpty(change.from) && !isEmpty(change.to) && (
              <span className="arrow" aria-hidden="true">
                →
              </span>
            )}
            {(!isEmpty(change.to) || isEmpty(change.from)) && (
              <>
                <span className="visually-hidden"> {t('audit.after')} </span>
                <ins>
                  <Value value={change.to} />
                </ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
