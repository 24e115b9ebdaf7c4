import { dayNumber, isValidPeriod, periodEnd } from '../../../domain/periods';
import { type IndicatorDetail, latestRegional } from '../../../server/modules/portal/portal.service';
import { type ChartSeries, LineChart } from '../../components/LineChart';
import { aggregationLabels, directionLabels, periodicityLabels } from '../../components/labels';
import { Breadcrumb, PageHead, Source, TableScroll } from '../bits';
import { Local, localText, useHref, usePortal } from '../context';
import { type ComputationView, HowComputed } from '../HowComputed';
import { RegionMap, regionName } from '../RegionMap';
import { IndicatorSummary } from './IndicatorSummary';

const x = (period: string) => dayNumber(periodEnd(period));
type Point = { period: string; value: number | null } | null | undefined;
const known = (p: Point): p is { period: string; value: number } =>
  !!p && p.value !== null && isValidPeriod(p.period);

function Chart({ indicator }: { indicator: IndicatorDetail }) {
  const { t, f, locale } = usePortal();
  const d = indicator.decimals;
  const target = indicator.target;
  const trajectory = [target?.baseline, ...(target?.milestones ?? []), target?.final].filter(known);
  const actuals = indicator.series.filter((p) => isValidPeriod(p.period));
  const series: ChartSeries[] = [];
  if (trajectory.length)
    series.push({
      id: 'target',
      label: t('chart.target'),
      points: trajectory.map((p) => ({ x: x(p.period), y: p.value })),
      line: 'dashed',
      marker: 'diamond',
      color: 'var(--c2)',
    });
  if (actuals.length)
    series.push({
      id: 'actual',
      label: t('chart.actual'),
      points: actuals.map((p) => ({ x: x(p.period), y: p.value })),
      line: 'solid',
      marker: 'circle',
      color: 'var(--c1)',
    });
  if (!series.length) return <p className="muted">{t('chart.noData')}</p>;
  const last = actuals.at(-1);
  const summary = [
    known(target?.baseline)
      ? t('chart.summaryBaseline', {
          value: f.number(target.baseline.value, d),
          period: f.period(target.baseline.period),
        })
      : null,
    known(target?.final)
      ? t('chart.summaryTarget', {
          value: f.number(target.final.value, d),
          period: f.period(target.final.period),
        })
      : null,
    last ? t('chart.summaryLast', { value: f.number(last.value, d), period: f.period(last.period) }) : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <LineChart
      title={t('chart.title', {
        name: localText(indicator.name, locale, indicator.code),
        unit: indicator.unit,
      })}
      summary={summary}
      series={series}
      formatY={(v) => (Math.abs(v) >= 100_000 ? f.compact(v) : f.number(v, Math.max(d, 2)))}
      invertY={indicator.direction === 'decrease'}
    />
  );
}

function Breakdown({ dims }: { dims: Record<string, string> }) {
  const { t, locale } = usePortal();
  const entries = Object.entries(dims);
  if (!entries.length) return <>{t('observations.national')}</>;
  return (
    <>
      {entries
        .map(([dim, member]) => (dim === 'region' ? regionName(member, locale) : `${dim}: ${member}`))
        .join(' · ')}
    </>
  );
}

export function IndicatorPage({ indicator }: { indicator: IndicatorDetail }) {
  const { t, f, locale } = usePortal();
  const href = useHref();
  const d = indicator.decimals;
  const regional = indicator.dimensions.includes('region') ? latestRegional(indicator) : null;
  const name = localText(indicator.name, locale, indicator.code);
  return (
    <>
      <Breadcrumb
        items={[
          { href: href('/'), label: t('portal.nav.strategies') },
          {
            href: href(`/strategies/${indicator.strategy.code}`),
            label: <Local text={indicator.strategy.title} />,
          },
          { label: indicator.code },
        ]}
      />
      <PageHead
        kicker={`${t('portal.indicator.kicker')} ${indicator.code}`}
        title={<Local text={indicator.name} />}
      >
        {indicator.description && (
          <p className="lead">
            <Local text={indicator.description} />
          </p>
        )}
      </PageHead>
      <IndicatorSummary indicator={indicator} heading={false} />
      <dl className="facts">
        <div>
          <dt>{t('indicators.directionLabel')}</dt>
          <dd>{directionLabels(t)[indicator.direction] ?? indicator.direction}</dd>
        </div>
        <div>
          <dt>{t('indicators.aggregationLabel')}</dt>
          <dd>{aggregationLabels(t)[indicator.aggregation] ?? indicator.aggregation}</dd>
        </div>
        {indicator.periodicity && (
          <div>
            <dt>{t('indicators.periodicityLabel')}</dt>
            <dd>{periodicityLabels(t)[indicator.periodicity] ?? indicator.periodicity}</dd>
          </div>
        )}
        {indicator.nodes.length > 0 && (
          <div>
            <dt>{t('indicators.measures')}</dt>
            <dd>
              {indicator.nodes.map((n, i) => (
                <span key={n.code}>
                  {i > 0 && ' · '}
                  <a
                    href={href(`/strategies/${indicator.strategy.code}/nodes/${encodeURIComponent(n.code)}`)}
                  >
                    {n.code}
                  </a>
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="evolution">
        <h2 id="evolution">{t('chart.heading')}</h2>
        <Chart indicator={indicator} />
      </section>

      {regional?.period && (
        <section aria-labelledby="regions">
          <h2 id="regions">{t('portal.map.byRegion', { period: f.period(regional.period) })}</h2>
          <RegionMap
            id="map-indicator"
            title={t('portal.map.indicatorTitle', { name, period: f.period(regional.period) })}
            summary={t('portal.map.summary', { count: Object.keys(regional.values).length })}
            values={regional.values}
            format={(v) => f.number(v, d)}
            valueHeader={indicator.unit}
          />
        </section>
      )}

      <section aria-labelledby="observations">
        <h2 id="observations">{t('observations.title')}</h2>
        {indicator.observations.length === 0 ? (
          <p className="muted">{t('observations.none')}</p>
        ) : (
          <TableScroll label={t('observations.title')}>
            <table className="data">
              <caption>{t('portal.indicator.observationsCaption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('observations.period')}</th>
                  <th scope="col">{t('observations.breakdown')}</th>
                  <th scope="col">{t('portal.value')}</th>
                  <th scope="col">{t('observations.source')}</th>
                </tr>
              </thead>
              <tbody>
                {indicator.observations.map((o) => (
                  <tr key={`${o.period}|${JSON.stringify(o.dims)}`}>
                    <th scope="row">{f.period(o.period)}</th>
                    <td>
                      <Breakdown dims={o.dims} />
                    </td>
                    <td className="num">{f.number(o.value, d)}</td>
                    <td>
                      <Source source={o.source} confidence={o.confidence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="forecast">
        <h2 id="forecast">{t('how.forecastTitle')}</h2>
        <HowComputed id="how-forecast" computation={indicator.forecast as ComputationView} />
      </section>
    </>
  );
}
