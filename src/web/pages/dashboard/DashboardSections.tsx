import type { BudgetFigures, Dashboard, DashboardRow, KeyIndicator } from '../../api/dashboard-types';
import { Sparkline } from '../../briefing/charts';
import { budgetBars, budgetUnit, sparkSummary } from '../../briefing/figures';
import { useFormat } from '../../components/format';
import { LocalText, localText } from '../../components/LocalText';
import { ProgressBar, StatusBadge, StatusDistribution } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';

/** The four budget stages as bars (drawn only) with their figures written beside them. */
export function BudgetBars({ budget }: { budget: BudgetFigures }) {
  const { t } = useI18n();
  const format = useFormat();
  const bars = budgetBars(t, format, budget);
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <ul className="budget-bars">
      {bars.map((bar) => (
        <li key={bar.key}>
          <span className="budget-label">{bar.label}</span>
          <span className="budget-track" aria-hidden="true">
            <span
              className="budget-fill"
              style={{ inlineSize: `${max ? (bar.value / max) * 100 : 0}%`, background: bar.colour }}
            />
          </span>
          <span className="budget-value">{bar.text}</span>
        </li>
      ))}
    </ul>
  );
}

function RowCard({ row, data }: { row: DashboardRow; data: Dashboard }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const name = localText(row.title, locale, row.code);
  const drill = `${href('dashboard', { code: data.strategy.code })}?${new URLSearchParams({
    ...Object.fromEntries(Object.entries(data.filters).filter(([k, v]) => v && k !== 'priority')),
    priority: row.code,
    ...(data.filters.period ? {} : { asOf: data.asOf }),
  })}`;
  return (
    <article className="card dashboard-row" aria-labelledby={`row-${row.code}`}>
      <h3 id={`row-${row.code}`}>
        <span className="cell-ltr">{row.code}</span> <LocalText text={row.title} />
      </h3>
      {row.status && <StatusBadge status={row.status} />}
      {row.scope.length > 1 || row.scope[0] !== row.code ? (
        <p className="muted small">{t('dashboard.rows.scope', { nodes: row.scope.join(', ') })}</p>
      ) : null}
      <dl className="dashboard-facts">
        <div>
          <dt>{t('dashboard.rows.progress')}</dt>
          <dd>
            <ProgressBar value={row.progress} status={row.status ?? undefined} />
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.rows.statuses')}</dt>
          <dd>
            <StatusDistribution counts={row.statusCounts} />
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.budget.financial')}</dt>
          <dd>{format.percent(row.budget.financialProgress, 1)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.budget.physical')}</dt>
          <dd>{format.percent(row.budget.physicalProgress, 1)}</dd>
        </div>
      </dl>
      <BudgetBars budget={row.budget} />
      {row.components?.formula && (
        <details>
          <summary>{t('dashboard.how')}</summary>
          <p className="cell-ltr small" dir="ltr">
            {row.components.formula}
          </p>
        </details>
      )}
      <p className="dashboard-links">
        <Link href={drill} aria-label={t('dashboard.rows.drillLabel', { node: `${row.code} ${name}` })}>
          {t('dashboard.rows.drill')}
        </Link>
        <Link href={row.link} aria-label={t('dashboard.rows.openTreeLabel', { node: `${row.code} ${name}` })}>
          {t('dashboard.rows.openTree')}
        </Link>
      </p>
    </article>
  );
}

export function RowsSection({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const format = useFormat();
  const node = data.filters.priority;
  return (
    <section aria-labelledby="dashboard-rows">
      <h2 id="dashboard-rows">
        {node ? t('dashboard.rows.titleChildren', { node }) : t('dashboard.rows.title')}
      </h2>
      <p className="muted">{t('dashboard.budget.unit', { unit: budgetUnit(t, data) })}</p>
      <div className="dashboard-grid">
        {data.rows.map((row) => (
          <RowCard key={row.code} row={row} data={data} />
        ))}
      </div>
      {data.summary.strategyWideAllocated ? (
        <p>
          {t('dashboard.budget.strategyWide', {
            amount: format.number(data.summary.strategyWideAllocated, 2),
          })}
        </p>
      ) : null}
    </section>
  );
}

const periodsOf = (k: KeyIndicator) =>
  [...new Set([...k.trajectory, ...k.observations].map((p) => p.period))].sort();

export function IndicatorsSection({ data }: { data: Dashboard }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  return (
    <section aria-labelledby="dashboard-indicators">
      <h2 id="dashboard-indicators">{t('dashboard.indicators.title')}</h2>
      <p className="muted">{t('dashboard.indicators.rule')}</p>
      {data.keyIndicators.length === 0 && <p>{t('dashboard.indicators.none')}</p>}
      <div className="dashboard-grid">
        {data.keyIndicators.map((k) => {
          const name = localText(k.name, locale, k.code);
          const final = k.trajectory.find((p) => p.role === 'final');
          return (
            <article className="card" key={k.code} aria-labelledby={`ind-${k.code}`}>
              <h3 id={`ind-${k.code}`}>
                <span className="cell-ltr">{k.code}</span> <LocalText text={k.name} />
              </h3>
              <StatusBadge status={k.status} />
              <Sparkline
                id={`spark-${k.code}`}
                observations={k.observations}
                trajectory={k.trajectory}
                title={t('dashboard.indicators.sparkTitle', { name })}
                summary={sparkSummary(t, format, name, k)}
              />
              <p className="small">{sparkSummary(t, format, name, k)}</p>
              <details>
                <summary>{t('chart.tableCaption')}</summary>
                <table>
                  <caption className="visually-hidden">{name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('chart.period')}</th>
                      <th scope="col">{t('chart.actual')}</th>
                      <th scope="col">{t('chart.targetValue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {periodsOf(k).map((period) => (
                      <tr key={period}>
                        <th scope="row">{format.period(period)}</th>
                        <td>
                          {format.number(k.observations.find((o) => o.period === period)?.value, k.decimals)}
                        </td>
                        <td>
                          {format.number(k.trajectory.find((p) => p.period === period)?.value, k.decimals)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
              <dl className="dashboard-facts">
                <div>
                  <dt>{t('dashboard.indicators.actual')}</dt>
                  <dd>
                    {format.number(k.actual, k.decimals)} <span className="muted">{k.unit}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('dashboard.indicators.expected')}</dt>
                  <dd>{format.number(k.expected, k.decimals)}</dd>
                </div>
                <div>
                  <dt>{t('dashboard.indicators.target')}</dt>
                  <dd>{final ? format.number(final.value, k.decimals) : '—'}</dd>
                </div>
                <div>
                  <dt>{t('dashboard.indicators.achievement')}</dt>
                  <dd>{format.percent(k.achievement, 1)}</dd>
                </div>
              </dl>
              {k.components.formula && (
                <details>
                  <summary>{t('dashboard.how')}</summary>
                  <p className="cell-ltr small" dir="ltr">
                    {k.components.formula}
                  </p>
                </details>
              )}
              <Link href={k.link} aria-label={t('dashboard.indicators.openLabel', { code: k.code })}>
                {t('dashboard.indicators.open')}
              </Link>
            </article>
          );
        })}
      </div>
    </section>
  );
}

export function AttentionSection({ data }: { data: Dashboard }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  return (
    <section aria-labelledby="dashboard-attention">
      <h2 id="dashboard-attention">{t('dashboard.attention.title')}</h2>
      {data.attention.length === 0 ? (
        <p>{t('dashboard.attention.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.attention.item')}</th>
                <th scope="col">{t('dashboard.attention.status')}</th>
                <th scope="col">{t('dashboard.attention.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {data.attention.map((item) => {
                const e = item.explanation;
                return (
                  <tr key={`${item.kind}:${item.code}`}>
                    <th scope="row">
                      {t(`dashboard.attention.${item.kind}`)}{' '}
                      <Link href={item.link}>
                        <span className="cell-ltr">{item.code}</span>
                      </Link>{' '}
                      <LocalText text={item.title} />
                    </th>
                    <td>
                      <StatusBadge status={item.status} />
                    </td>
                    <td>
                      {e ? (
                        <dl className="explanation">
                          <dt>{t('dashboard.attention.reason')}</dt>
                          <dd>{localText(e.reasonLabel, locale, e.reasonCode)}</dd>
                          <dt>{t('dashboard.attention.explanation')}</dt>
                          <dd dir="auto">{e.narrative}</dd>
                          <dt>{t('dashboard.attention.action')}</dt>
                          <dd dir="auto">{e.correctiveAction}</dd>
                          <dt>{t('dashboard.attention.owner')}</dt>
                          <dd dir="auto">{e.owner}</dd>
                          <dt>{t('dashboard.attention.due')}</dt>
                          <dd>{format.date(e.dueDate)}</dd>
                          {e.escalate && <dd className="badge">{t('dashboard.attention.escalated')}</dd>}
                          <dd className="muted small">
                            {t('dashboard.attention.fromReport', {
                              period: format.period(e.period),
                              organization: e.organization,
                            })}
                          </dd>
                        </dl>
                      ) : (
                        <span className="muted">{t('dashboard.attention.notExplained')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const STATES = ['assigned', 'draft', 'submitted', 'returned', 'approved', 'late'] as const;

export function CompletenessSection({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const format = useFormat();
  const c = data.completeness;
  return (
    <section aria-labelledby="dashboard-completeness">
      <h2 id="dashboard-completeness">{t('dashboard.completeness.title')}</h2>
      {!c ? (
        <p>{t('dashboard.completeness.none')}</p>
      ) : (
        <>
          <p>
            <Link href={href('cycle', { id: c.cycle.id })}>
              {t('dashboard.completeness.cycle', {
                period: format.period(c.cycle.period),
                date: format.date(c.cycle.dueDate),
              })}
            </Link>{' '}
            — {t('dashboard.completeness.rate', { rate: format.percent(c.submittedRate, 0) })}
          </p>
          <ProgressBar value={c.submittedRate} />
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.completeness.reports')}</th>
                  {STATES.map((s) => (
                    <th scope="col" key={s}>
                      {t(`dashboard.completeness.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>{format.number(c.reports, 0)}</td>
                  {STATES.map((s) => (
                    <td key={s}>{format.number(c[s], 0)}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
