import { dayNumber, isValidPeriod, periodEnd } from '../../../domain/periods';
import { api, apiPath } from '../../api/client';
import type {
  Dimension,
  IndicatorDetail,
  IndicatorSummary,
  Observation,
  Strategy,
} from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { type ChartSeries, LineChart, type Marker } from '../../components/LineChart';
import { localText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { SourceCitation } from '../../components/SourceCitation';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useLocation } from '../../router/history';
import { href } from '../../router/routes';

/** The observatory package's code in the default data; any strategy can be chosen instead. */
const DEFAULT_OBSERVATORY = 'OBS';
/** The dimension whose members are drawn as separate lines (country benchmarks). */
const COMPARED_DIMENSION = 'country';
const MARKERS: Marker[] = ['circle', 'square', 'diamond', 'triangle', 'circle', 'square'];

interface Line {
  id: string;
  label: string;
  observations: { period: string; value: number; observation?: Observation }[];
}

/** The lines of one indicator: one per country for a benchmark, else the national series. */
function linesOf(
  indicator: IndicatorDetail,
  dimensions: Dimension[],
  locale: Parameters<typeof localText>[1],
): Line[] {
  if (indicator.dimensions.includes(COMPARED_DIMENSION)) {
    const members = dimensions.find((d) => d.code === COMPARED_DIMENSION)?.members ?? [];
    const byMember = new Map<string, Line>();
    for (const observation of indicator.observations) {
      const member = observation.dims[COMPARED_DIMENSION];
      if (!member || observation.value === null || Object.keys(observation.dims).length !== 1) continue;
      const name = localText(members.find((m) => m.code === member)?.name, locale, member);
      const line = byMember.get(member) ?? { id: member, label: name, observations: [] };
      line.observations.push({ period: observation.period, value: observation.value, observation });
      byMember.set(member, line);
    }
    // Members in the dimension's own order (the first is the country the package is about).
    return members.map((m) => byMember.get(m.code)).filter((line): line is Line => !!line);
  }
  const national = new Map(
    indicator.observations.filter((o) => Object.keys(o.dims).length === 0).map((o) => [o.period, o]),
  );
  return [
    {
      id: 'national',
      label: localText(indicator.name, locale, indicator.code),
      observations: indicator.series
        .filter((p): p is { period: string; value: number } => p.value !== null && isValidPeriod(p.period))
        .map((p) => ({ ...p, observation: national.get(p.period) })),
    },
  ];
}

/** The national ICT series and the international benchmarks, each as a chart with its figures and sources. */
export function ObservatoryPage() {
  const { t, locale } = useI18n();
  const { pathname, search } = useLocation();
  const strategies = useLoad(() => api<ListOf<Strategy>>('GET', '/api/strategies'), 'all');
  const codes = (strategies.data?.items ?? []).map((s) => s.code);
  const chosen =
    new URLSearchParams(search).get('strategy') ??
    (codes.includes(DEFAULT_OBSERVATORY) ? DEFAULT_OBSERVATORY : (codes[0] ?? ''));
  const data = useLoad(async () => {
    if (!chosen) return { indicators: [], dimensions: [] };
    const [list, dimensions] = await Promise.all([
      api<ListOf<IndicatorSummary>>('GET', apiPath('/api/indicators', { strategy: chosen })),
      api<ListOf<Dimension>>('GET', '/api/dimensions'),
    ]);
    const indicators = await Promise.all(
      list.items.map((i) => api<IndicatorDetail>('GET', `/api/indicators/${encodeURIComponent(i.code)}`)),
    );
    return { indicators, dimensions: dimensions.items };
  }, chosen);

  return (
    <div className="page">
      <PageHeader title={t('observatory.title')} lead={t('observatory.lead')} />
      <search className="filters" aria-label={t('common.filters')}>
        <div className="field">
          <label htmlFor="observatory-strategy">{t('observatory.collection')}</label>
          <select
            id="observatory-strategy"
            value={chosen}
            onChange={(event) =>
              navigate(`${pathname}?strategy=${encodeURIComponent(event.target.value)}`, { replace: true })
            }
          >
            {(strategies.data?.items ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {localText(s.title, locale, s.code)}
              </option>
            ))}
          </select>
        </div>
      </search>
      {data.error ? <Alert kind="error">{problemMessage(t, data.error)}</Alert> : null}
      {data.data === undefined || data.loading ? (
        <Loading />
      ) : data.data.indicators.length === 0 ? (
        <p className="muted">{t('observatory.none')}</p>
      ) : (
        <div className="series-list">
          {data.data.indicators.map((indicator) => (
            <SeriesCard
              key={indicator.code}
              indicator={indicator}
              lines={linesOf(indicator, data.data?.dimensions ?? [], locale)}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function SeriesCard({ indicator, lines }: { indicator: IndicatorDetail; lines: Line[] }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const d = indicator.decimals;
  const name = localText(indicator.name, locale, indicator.code);
  const headingId = `series-${indicator.code}`;
  const multi = lines.length > 1;
  const series: ChartSeries[] = lines.map((line, i) => ({
    id: line.id,
    label: line.label,
    points: line.observations.map((o) => ({ x: dayNumber(periodEnd(o.period)), y: o.value })),
    line: i === 4 ? 'dashed' : 'solid',
    marker: MARKERS[i % MARKERS.length] ?? 'circle',
    color: `var(--chart-${(i % 6) + 1})`,
  }));
  const lastOf = (line: Line) =>
    [...line.observations].sort((a, b) => periodEnd(a.period).localeCompare(periodEnd(b.period))).at(-1);
  const summary = lines
    .map((line) => {
      const last = lastOf(line);
      return last
        ? t('observatory.summaryLine', {
            name: line.label,
            value: format.number(last.value, d),
            period: format.period(last.period),
          })
        : null;
    })
    .filter(Boolean)
    .join(' ');
  const periods = [...new Set(lines.flatMap((l) => l.observations.map((o) => o.period)))].sort(
    (a, b) => periodEnd(a).localeCompare(periodEnd(b)) || a.length - b.length,
  );
  const head = lines[0] ? lastOf(lines[0]) : undefined;

  return (
    <section className="card series-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link href={href('indicator', { code: indicator.code })}>{name}</Link>
      </h2>
      <p className="muted small">
        <code>{indicator.code}</code> · <bdi>{indicator.unit}</bdi>
        {indicator.direction === 'decrease' && <> · {t('observatory.lowerIsBetter')}</>}
      </p>
      {head && (
        <p className="headline">
          <span className="figure">{format.number(head.value, d)}</span>{' '}
          <span className="muted">
            {multi ? `${lines[0]?.label}, ` : ''}
            {format.period(head.period)}
          </span>{' '}
          <SourceCitation
            source={head.observation?.source}
            confidence={head.observation?.confidence}
            compact
          />
        </p>
      )}
      {series.some((s) => s.points.length > 0) ? (
        <LineChart
          title={t('chart.title', { name, unit: indicator.unit })}
          summary={summary}
          series={series}
          invertY={indicator.direction === 'decrease'}
          formatY={(value) =>
            Math.abs(value) >= 100_000 ? format.compact(value) : format.number(value, Math.max(d, 2))
          }
        />
      ) : (
        <p className="muted">{t('chart.noData')}</p>
      )}
      <details>
        <summary>{t('observatory.showData')}</summary>
        <div className="table-wrap">
          <table className="numeric-table compact-table">
            <caption>{t('observatory.dataCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.period')}</th>
                {lines.map((line) => (
                  <th scope="col" key={line.id} className="num">
                    {multi ? line.label : t('chart.actual')}
                  </th>
                ))}
                {!multi && <th scope="col">{t('observations.source')}</th>}
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period}>
                  <th scope="row">{format.period(period)}</th>
                  {lines.map((line) => {
                    const point = line.observations.find((o) => o.period === period);
                    return (
                      <td key={line.id} className="num">
                        {point ? format.number(point.value, d) : ''}
                      </td>
                    );
                  })}
                  {!multi && (
                    <td>
                      {(() => {
                        const point = lines[0]?.observations.find((o) => o.period === period);
                        return point?.observation ? (
                          <SourceCitation
                            source={point.observation.source}
                            confidence={point.observation.confidence}
                            compact
                          />
                        ) : (
                          <span className="muted">{t('observatory.derived')}</span>
                        );
                      })()}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {multi && (
          <p className="small">
            <Link href={href('indicator', { code: indicator.code })}>
              {t('observatory.sourcesOnIndicator')}
            </Link>
          </p>
        )}
      </details>
      <p className="small">
        <span className="muted">{t('indicators.sourceIs')}</span>{' '}
        <SourceCitation source={indicator.source} compact />
      </p>
    </section>
  );
}
