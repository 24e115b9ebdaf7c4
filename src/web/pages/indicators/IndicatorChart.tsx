import { dayNumber, isValidPeriod, periodEnd } from '../../../domain/periods';
import type { IndicatorDetail, TargetPoint } from '../../api/strategy-types';
import { useFormat } from '../../components/format';
import { type ChartSeries, LineChart } from '../../components/LineChart';
import { localText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';

const x = (period: string) => dayNumber(periodEnd(period));
const known = (point: TargetPoint | null | undefined): point is TargetPoint & { value: number } =>
  !!point && point.value !== null && isValidPeriod(point.period);

/** The most a forecast line runs past the target date: far enough to show the trend, not into fiction. */
const FORECAST_HORIZON_DAYS = 365.25 * 10;

/**
 * The indicator over time, from the server's figures only: baseline, the target trajectory (declared points
 * joined by a dashed line), the national actuals, and the least-squares trend as a dotted line.
 */
export function IndicatorChart({ indicator }: { indicator: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const d = indicator.decimals;
  const target = indicator.target;
  const trajectory = [target?.baseline, ...(target?.milestones ?? []), target?.final].filter(known);
  const actuals = indicator.series.filter(
    (point): point is { period: string; value: number } =>
      point.value !== null && isValidPeriod(point.period),
  );
  const series: ChartSeries[] = [];
  if (trajectory.length > 0) {
    series.push({
      id: 'target',
      label: t('chart.target'),
      points: trajectory.map((p) => ({ x: x(p.period), y: p.value })),
      line: 'dashed',
      marker: 'diamond',
      color: 'var(--chart-2)',
    });
  }
  // The baseline is drawn over the start of the trajectory, so its own marker stays visible.
  if (known(target?.baseline)) {
    series.push({
      id: 'baseline',
      label: t('chart.baseline'),
      points: [{ x: x(target.baseline.period), y: target.baseline.value }],
      line: 'none',
      marker: 'square',
      color: 'var(--chart-3)',
    });
  }
  if (actuals.length > 0) {
    series.push({
      id: 'actual',
      label: t('chart.actual'),
      points: actuals.map((p) => ({ x: x(p.period), y: p.value })),
      line: 'solid',
      marker: 'circle',
      color: 'var(--chart-1)',
    });
  }
  const forecast = indicator.forecast.result;
  const trend = forecast && forecast.slopePerDay !== null && forecast.intercept !== null ? forecast : null;
  if (trend && actuals.length > 0) {
    const start = Math.min(...actuals.map((p) => x(p.period)));
    const targetDay = dayNumber(trend.targetDate);
    const reach = trend.reachDate ? dayNumber(trend.reachDate) : targetDay;
    const end = Math.min(
      Math.max(targetDay, reach, ...actuals.map((p) => x(p.period))),
      targetDay + FORECAST_HORIZON_DAYS,
    );
    const at = (day: number) => (trend.intercept ?? 0) + (trend.slopePerDay ?? 0) * day;
    series.push({
      id: 'forecast',
      label: t('chart.forecast'),
      points: [
        { x: start, y: at(start) },
        { x: end, y: at(end) },
      ],
      line: 'dotted',
      marker: 'none',
      color: 'var(--chart-4)',
    });
  }
  if (series.length === 0) return <p className="muted">{t('chart.noData')}</p>;

  const last = actuals.at(-1);
  const parts = [
    known(target?.baseline)
      ? t('chart.summaryBaseline', {
          value: format.number(target.baseline.value, d),
          period: format.period(target.baseline.period),
        })
      : null,
    known(target?.final)
      ? t('chart.summaryTarget', {
          value: format.number(target.final.value, d),
          period: format.period(target.final.period),
        })
      : null,
    last
      ? t('chart.summaryLast', { value: format.number(last.value, d), period: format.period(last.period) })
      : null,
    trend?.reachDate ? t('chart.summaryReach', { date: format.date(trend.reachDate) }) : null,
  ].filter(Boolean);
  const name = localText(indicator.name, locale, indicator.code);
  return (
    <LineChart
      title={t('chart.title', { name, unit: indicator.unit })}
      summary={parts.join(' ')}
      series={series}
      formatY={(value) =>
        Math.abs(value) >= 100_000 ? format.compact(value) : format.number(value, Math.max(d, 2))
      }
      invertY={indicator.direction === 'decrease'}
    />
  );
}

/** The chart's figures as a table: each period with its target point and its national actual. */
export function IndicatorDataTable({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const d = indicator.decimals;
  const target = indicator.target;
  const roles = new Map<string, { role: string; value: number | null }>();
  if (target?.baseline)
    roles.set(target.baseline.period, { role: t('chart.baseline'), value: target.baseline.value });
  for (const point of target?.milestones ?? [])
    roles.set(point.period, { role: t('chart.milestone'), value: point.value });
  if (target?.final)
    roles.set(target.final.period, { role: t('chart.finalTarget'), value: target.final.value });
  const actuals = new Map(indicator.series.map((point) => [point.period, point]));
  const periods = [...new Set([...roles.keys(), ...actuals.keys()])]
    .filter(isValidPeriod)
    .sort((a, b) => periodEnd(a).localeCompare(periodEnd(b)) || a.length - b.length);
  if (periods.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="numeric-table compact-table">
        <caption>{t('chart.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.period')}</th>
            <th scope="col">{t('chart.targetPoint')}</th>
            <th scope="col" className="num">
              {t('chart.targetValue')}
            </th>
            <th scope="col" className="num">
              {t('chart.actual')}
            </th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => {
            const role = roles.get(period);
            const actual = actuals.get(period);
            return (
              <tr key={period}>
                <th scope="row">{format.period(period)}</th>
                <td>{role?.role ?? ''}</td>
                <td className="num">{role ? format.number(role.value, d) : ''}</td>
                <td className="num">
                  {actual ? format.number(actual.value, d) : ''}
                  {actual?.aggregatedFrom && actual.aggregatedFrom > 1 ? (
                    <span className="muted small">
                      {' '}
                      {t('chart.aggregated', { count: actual.aggregatedFrom })}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
