import { useEffect } from 'react';
import { api, apiPath } from '../../api/client';
import type { Dashboard } from '../../api/dashboard-types';
import { ApiError } from '../../api/problem';
import type { Strategy } from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { localText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { ProgressBar, StatusDistribution } from '../../components/status';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useLocation } from '../../router/history';
import { href } from '../../router/routes';
import { NotFoundPage } from '../ErrorPages';
import { BriefingSection } from './BriefingSection';
import { DashboardFilters, FILTERS, type FilterName } from './DashboardFilters';
import {
  AttentionSection,
  BudgetBars,
  CompletenessSection,
  IndicatorsSection,
  RowsSection,
} from './DashboardSections';
import './dashboard.css';

/** The executive dashboard of one strategy; its filters live in the address. */
export function DashboardPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const values = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<
    FilterName,
    string
  >;
  const dashboard = useLoad(
    () => api<Dashboard>('GET', apiPath(`/api/strategies/${encodeURIComponent(code)}/dashboard`, values)),
    `${code}|${search}`,
  );
  const setFilter = (name: FilterName, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    navigate(qs ? `${pathname}?${qs}` : pathname, { replace: true });
  };

  if (dashboard.error instanceof ApiError && dashboard.error.status === 404) return <NotFoundPage />;
  const data = dashboard.data;
  const title = data ? localText(data.strategy.title, locale, code) : code;
  return (
    <div className="page dashboard">
      <PageHeader
        title={t('dashboard.pageTitle', { strategy: title })}
        lead={data ? t('dashboard.asOfLine', { date: format.date(data.asOf) }) : undefined}
      />
      <DashboardFilters
        values={values}
        options={data?.options}
        onChange={setFilter}
        onReset={() => navigate(pathname, { replace: true })}
      />
      {dashboard.error ? <Alert kind="error">{problemMessage(t, dashboard.error)}</Alert> : null}
      {!data && !dashboard.error && <Loading />}
      {data && (
        <>
          <section aria-labelledby="dashboard-summary" className="card">
            <h2 id="dashboard-summary">{t('dashboard.summary.title')}</h2>
            <dl className="dashboard-facts">
              <div>
                <dt>{t('dashboard.summary.progress')}</dt>
                <dd>
                  <ProgressBar value={data.summary.progress} />
                </dd>
              </div>
              <div>
                <dt>{t('dashboard.summary.statuses')}</dt>
                <dd>
                  <StatusDistribution counts={data.summary.statusCounts} />
                </dd>
              </div>
            </dl>
            <BudgetBars budget={data.summary.budget} />
            {data.summary.components?.formula && (
              <details>
                <summary>{t('dashboard.how')}</summary>
                <p className="cell-ltr small" dir="ltr">
                  {data.summary.components.formula}
                </p>
              </details>
            )}
          </section>
          <RowsSection data={data} />
          <IndicatorsSection data={data} />
          <AttentionSection data={data} />
          <CompletenessSection data={data} />
          <BriefingSection code={data.strategy.code} asOf={values.asOf} />
        </>
      )}
    </div>
  );
}

/** `/app/dashboard`: the dashboard of the adopted strategy (the latest one), else of the latest strategy. */
export function DashboardIndexPage() {
  const { t } = useI18n();
  const strategies = useLoad(() => api<ListOf<Strategy>>('GET', '/api/strategies'), 'all');
  const items = strategies.data?.items ?? [];
  const chosen = [...items].reverse().find((s) => s.state === 'adopted') ?? items.at(-1);
  useEffect(() => {
    if (chosen) navigate(href('dashboard', { code: chosen.code }), { replace: true });
  }, [chosen]);
  return (
    <div className="page">
      <PageHeader title={t('dashboard.title')} />
      {strategies.error ? <Alert kind="error">{problemMessage(t, strategies.error)}</Alert> : null}
      {strategies.data && !chosen ? <p>{t('dashboard.noStrategy')}</p> : <Loading />}
    </div>
  );
}
