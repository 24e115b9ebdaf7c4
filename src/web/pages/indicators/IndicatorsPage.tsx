import { useEffect, useState } from 'react';
import { api, apiPath } from '../../api/client';
import type { IndicatorSummary, Strategy } from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { LocalText, localText } from '../../components/LocalText';
import { directionLabels } from '../../components/labels';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useLocation } from '../../router/history';
import { href } from '../../router/routes';

/** Indicators of every strategy, filtered by strategy and searched by code or name (filters kept in the address). */
export function IndicatorsPage() {
  const { t, locale } = useI18n();
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const strategy = params.get('strategy') ?? '';
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [debounced, setDebounced] = useState(query.trim());

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    navigate(qs ? `${pathname}?${qs}` : pathname, { replace: true });
  };
  useEffect(() => {
    const current = new URLSearchParams(window.location.search);
    if ((current.get('q') ?? '') === debounced) return;
    if (debounced) current.set('q', debounced);
    else current.delete('q');
    const qs = current.toString();
    navigate(qs ? `${window.location.pathname}?${qs}` : window.location.pathname, { replace: true });
  }, [debounced]);

  const strategies = useLoad(() => api<ListOf<Strategy>>('GET', '/api/strategies'), 'all');
  const list = useLoad(
    () => api<ListOf<IndicatorSummary>>('GET', apiPath('/api/indicators', { strategy, q: debounced })),
    `${strategy}|${debounced}`,
  );
  const items = list.data?.items ?? [];
  const directions = directionLabels(t);
  const titles = new Map((strategies.data?.items ?? []).map((s) => [s.code, s]));

  return (
    <div className="page">
      <PageHeader title={t('indicators.title')} lead={t('indicators.lead')} />
      <search className="filters" aria-label={t('common.filters')}>
        <div className="field">
          <label htmlFor="indicators-strategy">{t('indicators.filterStrategy')}</label>
          <select
            id="indicators-strategy"
            value={strategy}
            onChange={(event) => setParam('strategy', event.target.value)}
          >
            <option value="">{t('indicators.allStrategies')}</option>
            {(strategies.data?.items ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {localText(s.title, locale, s.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="indicators-q">{t('indicators.search')}</label>
          <input
            id="indicators-q"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      </search>
      {list.error ? <Alert kind="error">{problemMessage(t, list.error)}</Alert> : null}
      {list.data === undefined && list.loading ? (
        <Loading />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('indicators.count', { count: items.length })}
          </p>
          {items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('indicators.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('indicators.code')}</th>
                    <th scope="col">{t('indicators.name')}</th>
                    <th scope="col">{t('indicators.strategy')}</th>
                    <th scope="col">{t('indicators.unit')}</th>
                    <th scope="col">{t('indicators.directionLabel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((indicator) => (
                    <tr key={indicator.code}>
                      <td className="nowrap">
                        <code>{indicator.code}</code>
                      </td>
                      <td>
                        <Link href={href('indicator', { code: indicator.code })}>
                          <LocalText text={indicator.name} />
                        </Link>
                      </td>
                      <td>
                        <code>{indicator.strategy}</code>{' '}
                        <span className="muted small">
                          <LocalText text={titles.get(indicator.strategy)?.title} fallback="" />
                        </span>
                      </td>
                      <td>
                        <bdi>{indicator.unit}</bdi>
                      </td>
                      <td>{directions[indicator.direction] ?? indicator.direction}</td>
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
