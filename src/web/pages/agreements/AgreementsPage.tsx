import { useState } from 'react';
import type { AgreementList } from '../../api/agreements-types';
import { METRICS } from '../../api/agreements-types';
import { api, apiPath } from '../../api/client';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useLocation } from '../../router/history';
import { href } from '../../router/routes';
import { useSession } from '../../session/SessionProvider';
import { AgreementForm } from './AgreementForm';
import { kindLabels, metricLabels, TotalsTable } from './labels';

const FILTERS = ['event', 'region', 'party', 'metric'] as const;

/** Agreements with partners, filtered by event, region, party and metric, with totals per metric. */
export function AgreementsPage() {
  const { t, locale } = useI18n();
  const f = useFormat();
  const { pathname, search } = useLocation();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const params = new URLSearchParams(search);
  const filter = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    navigate(qs ? `${pathname}?${qs}` : pathname, { replace: true });
  };

  // The unfiltered list gives the choices of the filters; the filtered one the rows and totals.
  const all = useLoad(() => api<AgreementList>('GET', '/api/agreements'), 'all');
  const list = useLoad(() => api<AgreementList>('GET', apiPath('/api/agreements', filter)), search);
  const every = all.data?.items ?? [];
  const events = [...new Set(every.map((a) => a.event).filter((e): e is string => Boolean(e)))].sort();
  const regions = [...new Set(every.map((a) => a.regionCode).filter((r): r is string => Boolean(r)))].sort();
  const parties = new Map(every.flatMap((a) => a.parties.map((p) => [p.code, p.name] as const)));
  const items = list.data?.items ?? [];
  const metrics = metricLabels(t);
  const kinds = kindLabels(t);

  return (
    <div className="page">
      <PageHeader title={t('agreements.title')} lead={t('agreements.lead')}>
        <Link className="button" href={href('agreementsSummary')}>
          {t('agreements.summaryTitle')}
        </Link>
        {can('agreements.manage') && !creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('agreements.form.newTitle')}
          </button>
        )}
      </PageHeader>
      {creating && <AgreementForm onCancel={() => setCreating(false)} />}
      <search className="filters" aria-label={t('common.filters')}>
        <div className="field">
          <label htmlFor="agreements-event">{t('agreements.event')}</label>
          <select
            id="agreements-event"
            value={filter.event}
            onChange={(e) => setParam('event', e.target.value)}
          >
            <option value="">{t('agreements.allEvents')}</option>
            {events.map((event) => (
              <option key={event} value={event}>
                {event}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agreements-region">{t('agreements.region')}</label>
          <select
            id="agreements-region"
            value={filter.region}
            onChange={(e) => setParam('region', e.target.value)}
          >
            <option value="">{t('agreements.allRegions')}</option>
            {regions.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agreements-party">{t('agreements.party')}</label>
          <select
            id="agreements-party"
            value={filter.party}
            onChange={(e) => setParam('party', e.target.value)}
          >
            <option value="">{t('agreements.allParties')}</option>
            {[...parties.entries()]
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([code, name]) => (
                <option key={code} value={code}>
                  {code}
                  {' — '}
                  {name[locale] ?? name.fr ?? name.en ?? code}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agreements-metric">{t('agreements.metricLabel')}</label>
          <select
            id="agreements-metric"
            value={filter.metric}
            onChange={(e) => setParam('metric', e.target.value)}
          >
            <option value="">{t('agreements.allMetrics')}</option>
            {METRICS.map((metric) => (
              <option key={metric} value={metric}>
                {metrics[metric]}
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
            {t('agreements.count', { count: items.length })}
          </p>
          <TotalsTable totals={list.data?.totals ?? []} caption={t('agreements.totalsCaption')} />
          {items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('agreements.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agreements.agreement')}</th>
                    <th scope="col">{t('agreements.event')}</th>
                    <th scope="col">{t('agreements.signedOn')}</th>
                    <th scope="col">{t('agreements.partners')}</th>
                    <th scope="col">{t('agreements.region')}</th>
                    <th scope="col">{t('agreements.commitments')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.code}>
                      <td>
                        <Link href={href('agreement', { code: a.code })}>
                          <LocalText text={a.title} />
                        </Link>
                        <div className="muted small">
                          <code>{a.code}</code> · {kinds[a.kind]}
                        </div>
                      </td>
                      <td>{a.event ?? '—'}</td>
                      <td className="nowrap">{a.signedOn ? f.date(a.signedOn) : (a.signedOnText ?? '—')}</td>
                      <td>
                        {a.parties.some((p) => p.role === 'partner')
                          ? a.parties
                              .filter((p) => p.role === 'partner')
                              .map((p, i) => (
                                <span key={p.code}>
                                  {i > 0 && ', '}
                                  <LocalText text={p.name} fallback={p.code} />
                                </span>
                              ))
                          : '—'}
                      </td>
                      <td>
                        {a.regionName ? <LocalText text={a.regionName} /> : <bdi>{a.regionCode ?? '—'}</bdi>}
                      </td>
                      <td>
                        {a.commitments.length === 0 ? (
                          <span className="muted">{t('agreements.noFigure')}</span>
                        ) : (
                          <ul className="plain-list">
                            {a.commitments.map((c) => (
                              <li key={c.code}>
                                {t('agreements.metricValue', {
                                  metric: metrics[c.metric],
                                  value: f.number(c.value, 0),
                                })}
                                {c.dueYear ? ` ${t('agreements.byYear', { year: String(c.dueYear) })}` : ''}
                              </li>
                            ))}
                          </ul>
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
