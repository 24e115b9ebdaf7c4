import { useState } from 'react';
import { api, apiPath } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Dimension, EvaluationResult, IndicatorDetail } from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText, localText } from '../../components/LocalText';
import { aggregationLabels, directionLabels, periodicityLabels, reasonLabel } from '../../components/labels';
import { PageHeader } from '../../components/page';
import { SourceCitation } from '../../components/SourceCitation';
import { StatusBadge } from '../../components/status';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useLocation } from '../../router/history';
import { href } from '../../router/routes';
import { NotFoundPage } from '../ErrorPages';
import { HowComputed } from './HowComputed';
import { IndicatorChart, IndicatorDataTable } from './IndicatorChart';
import { ObservationsTable } from './ObservationsTable';
import { TargetSection } from './TargetSection';

/** One indicator: definition and source, chart and figures, how its status was computed, target and actuals. */
export function IndicatorPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const { pathname, search } = useLocation();
  const asOf = new URLSearchParams(search).get('asOf') ?? '';
  const detail = useLoad(
    () => api<IndicatorDetail>('GET', apiPath(`/api/indicators/${encodeURIComponent(code)}`, { asOf })),
    `${code}|${asOf}`,
  );
  const dimensions = useLoad(() => api<ListOf<Dimension>>('GET', '/api/dimensions'), 'all');
  const [notice, setNotice] = useState<string | null>(null);

  if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFoundPage />;
  const indicator = detail.data;
  if (!indicator) {
    return (
      <div className="page">
        {detail.error ? <Alert kind="error">{problemMessage(t, detail.error)}</Alert> : <Loading />}
      </div>
    );
  }
  const setAsOf = (value: string) =>
    navigate(value ? `${pathname}?asOf=${encodeURIComponent(value)}` : pathname, { replace: true });
  const saved = async (message: string) => {
    setNotice(message);
    await detail.reload();
  };

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <ol>
          <li>
            <Link href={href('indicators')}>{t('indicators.title')}</Link>
          </li>
          <li aria-current="page">{indicator.code}</li>
        </ol>
      </nav>
      <PageHeader
        title={`${indicator.code} — ${localText(indicator.name, locale, indicator.code)}`}
        lead={localText(indicator.description, locale) || undefined}
      />
      {notice && <Alert kind="success">{notice}</Alert>}
      <div className="summary-grid">
        <Definition indicator={indicator} dimensions={dimensions.data?.items ?? []} />
        <Situation indicator={indicator} asOf={asOf} onAsOf={setAsOf} />
      </div>
      <section className="card chart-card" aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t('chart.heading')}</h2>
        <IndicatorChart indicator={indicator} />
        <IndicatorDataTable indicator={indicator} />
        <p className="muted small">{t('chart.sourcesBelow')}</p>
      </section>
      <HowComputed indicator={indicator} />
      <TargetSection
        indicator={indicator}
        onSaved={(version) => void saved(t('target.saved', { version: String(version) }))}
      />
      <ObservationsTable
        indicator={indicator}
        dimensions={dimensions.data?.items ?? []}
        onSaved={(period, created) =>
          void saved(created ? t('observations.created', { period }) : t('observations.updated', { period }))
        }
      />
    </div>
  );
}

function Definition({ indicator, dimensions }: { indicator: IndicatorDetail; dimensions: Dimension[] }) {
  const { t } = useI18n();
  const directions = directionLabels(t);
  const aggregations = aggregationLabels(t);
  const periodicities = periodicityLabels(t);
  return (
    <section className="card" aria-labelledby="definition-heading">
      <h2 id="definition-heading">{t('indicators.definition')}</h2>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('indicators.strategy')}</dt>
          <dd>
            <Link href={href('strategy', { code: indicator.strategy.code })}>
              <LocalText text={indicator.strategy.title} fallback={indicator.strategy.code} />
            </Link>
          </dd>
        </div>
        {indicator.nodes.length > 0 && (
          <div className="facts-wide">
            <dt>{t('indicators.measures')}</dt>
            <dd>
              <ul className="plain-list">
                {indicator.nodes.map((node) => (
                  <li key={node.code}>
                    <code>{node.code}</code> <LocalText text={node.title} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('indicators.unit')}</dt>
          <dd>
            <bdi>{indicator.unit}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('indicators.directionLabel')}</dt>
          <dd>{directions[indicator.direction] ?? indicator.direction}</dd>
        </div>
        <div>
          <dt>{t('indicators.aggregationLabel')}</dt>
          <dd>{aggregations[indicator.aggregation] ?? indicator.aggregation}</dd>
        </div>
        <div>
          <dt>{t('indicators.periodicityLabel')}</dt>
          <dd>{periodicities[indicator.periodicity] ?? indicator.periodicity}</dd>
        </div>
        {indicator.dimensions.length > 0 && (
          <div className="facts-wide">
            <dt>{t('indicators.dimensions')}</dt>
            <dd>
              <ul className="comma-list">
                {indicator.dimensions.map((code) => (
                  <li key={code}>
                    <LocalText text={dimensions.find((d) => d.code === code)?.name} fallback={code} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="facts-wide">
          <dt>{t('indicators.source')}</dt>
          <dd>
            <SourceCitation source={indicator.source} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Situation({
  indicator,
  asOf,
  onAsOf,
}: {
  indicator: IndicatorDetail;
  asOf: string;
  onAsOf(v: string): void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const result = indicator.computed.result as EvaluationResult | undefined;
  const forecast = indicator.forecast.result;
  const d = indicator.decimals;
  return (
    <section className="card" aria-labelledby="situation-heading">
      <h2 id="situation-heading">{t('indicators.situation')}</h2>
      <div className="field">
        <label htmlFor="indicator-as-of">{t('tree.asOf')}</label>
        <input
          id="indicator-as-of"
          type="date"
          value={asOf}
          onChange={(event) => onAsOf(event.target.value)}
        />
      </div>
      <p className="muted small">{t('strategy.asOf', { date: format.date(indicator.asOf) })}</p>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('tree.status')}</dt>
          <dd>{result ? <StatusBadge status={result.status} /> : '—'}</dd>
        </div>
        <div>
          <dt>{t('indicators.achievement')}</dt>
          <dd className="figure">{format.percent(result?.achievement)}</dd>
        </div>
        {result?.judgedPeriod && (
          <div className="facts-wide">
            <dt>{t('indicators.judged')}</dt>
            <dd>
              {t('indicators.judgedText', {
                period: format.period(result.judgedPeriod),
                actual: format.number(result.actual, d),
                expected: format.number(result.expected, d),
              })}
            </dd>
          </div>
        )}
        <div className="facts-wide">
          <dt>{t('indicators.forecast')}</dt>
          <dd>
            {forecast?.reachDate
              ? t('indicators.forecastReach', { date: format.date(forecast.reachDate) })
              : reasonLabel(t, indicator.forecast.reason ?? forecast?.reason ?? 'insufficient_data')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
