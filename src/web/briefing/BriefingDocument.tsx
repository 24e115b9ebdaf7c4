import type { Locale } from '../../domain/i18n';
import type { Dashboard } from '../api/dashboard-types';
import type { Formatters } from '../components/format';
import { localText } from '../components/LocalText';
import { statusLabels } from '../components/labels';
import type { Translator } from '../i18n/translate';
import { HorizontalBars, Sparkline } from './charts';
import { budgetBars, budgetSummary, budgetUnit, sparkSummary, statusBars, statusSummary } from './figures';

// The steering committee's briefing book: a print page rendered on the server to static HTML, then printed to
// PDF by headless Chromium. Everything is inline (CSS, SVG): the page loads nothing.

const FONTS: Record<Locale, string> = {
  // Arabic shaping needs a font with Arabic glyphs; Noto comes with Debian's fonts-noto-core.
  ar: "'Noto Naskh Arabic', 'Noto Sans Arabic', 'Noto Kufi Arabic', 'DejaVu Sans', sans-serif",
  fr: "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', sans-serif",
  en: "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', sans-serif",
};

const css = (locale: Locale) => `
@page { size: A4; margin: 16mm 14mm; }
body { font-family: ${FONTS[locale]}; font-size: 10.5pt; color: #111827; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-block-end: 1px solid #9ca3af; padding-block-end: 1mm; }
p { margin: 1mm 0 2mm; }
.muted { color: #4b5563; }
table { border-collapse: collapse; inline-size: 100%; box-sizing: border-box; margin-block: 2mm; }
th, td { border: 1px solid #d1d5db; padding: 1mm 1.5mm; text-align: start; vertical-align: top; }
th { background: #f3f4f6; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 3mm; }
.card { border: 1px solid #d1d5db; padding: 2mm; inline-size: 84mm; break-inside: avoid; }
.card h3 { font-size: 10.5pt; margin: 0 0 1mm; }
section { break-inside: auto; }
tr { break-inside: avoid; }
.ltr { direction: ltr; unicode-bidi: isolate; }
`;

export interface BriefingProps {
  data: Dashboard;
  locale: Locale;
  t: Translator;
  format: Formatters;
  generatedOn: string;
}

export function BriefingDocument({ data, locale, t, format, generatedOn }: BriefingProps) {
  const title = localText(data.strategy.title, locale);
  const rtl = locale === 'ar';
  const statuses = statusLabels(t);
  return (
    <html lang={locale} dir={rtl ? 'rtl' : 'ltr'}>
      <head>
        <meta charSet="utf-8" />
        <title>{`${t('dashboard.briefing.title')} — ${title}`}</title>
        <style>{css(locale)}</style>
      </head>
      <body>
        <header>
          <p className="muted">{t('dashboard.briefing.title')}</p>
          <h1>{title}</h1>
          <p>{t('dashboard.briefing.subtitle', { date: format.date(data.asOf) })}</p>
        </header>

        <section>
          <h2>{t('dashboard.summary.title')}</h2>
          <p>
            {t('dashboard.briefing.summaryText', {
              progress: format.percent(data.summary.progress, 1),
              attention: format.number(data.attention.length, 0),
            })}
          </p>
          <HorizontalBars
            id="status-all"
            rtl={rtl}
            items={statusBars(t, format, data.summary.statusCounts)}
            title={t('dashboard.status.chartTitle', { name: title })}
            summary={statusSummary(t, format, title, data.summary.statusCounts)}
          />
          <table>
            <thead>
              <tr>
                <th>{t('dashboard.rows.node')}</th>
                <th>{t('dashboard.rows.status')}</th>
                <th>{t('dashboard.rows.progress')}</th>
                <th>{t('dashboard.budget.financial')}</th>
                <th>{t('dashboard.rows.statuses')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.code}>
                  <td>
                    <span className="ltr">{row.code}</span> {localText(row.title, locale)}
                  </td>
                  <td>{row.status ? statuses[row.status] : '—'}</td>
                  <td className="num">{format.percent(row.progress, 1)}</td>
                  <td className="num">{format.percent(row.budget.financialProgress, 1)}</td>
                  <td>{statusSummary(t, format, row.code, row.statusCounts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section>
          <h2>{t('dashboard.attention.title')}</h2>
          {data.attention.length === 0 ? (
            <p>{t('dashboard.attention.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('dashboard.attention.item')}</th>
                  <th>{t('dashboard.attention.status')}</th>
                  <th>{t('dashboard.attention.explanation')}</th>
                </tr>
              </thead>
              <tbody>
                {data.attention.map((item) => (
                  <tr key={`${item.kind}:${item.code}`}>
                    <td>
                      {t(`dashboard.attention.${item.kind}`)} <span className="ltr">{item.code}</span> —{' '}
                      {localText(item.title, locale)}
                    </td>
                    <td>{statuses[item.status]}</td>
                    <td>
                      {item.explanation ? (
                        <>
                          <p>
                            <strong>{t('dashboard.attention.reason')}</strong>{' '}
                            {localText(item.explanation.reasonLabel, locale, item.explanation.reasonCode)}
                          </p>
                          <p dir="auto">{item.explanation.narrative}</p>
                          <p>
                            <strong>{t('dashboard.attention.action')}</strong>{' '}
                            <span dir="auto">{item.explanation.correctiveAction}</span>
                          </p>
                          <p>
                            <strong>{t('dashboard.attention.owner')}</strong>{' '}
                            <span dir="auto">{item.explanation.owner}</span> —{' '}
                            <strong>{t('dashboard.attention.due')}</strong>{' '}
                            {format.date(item.explanation.dueDate)}
                          </p>
                          {item.explanation.escalate && <p>{t('dashboard.attention.escalated')}</p>}
                        </>
                      ) : (
                        <span className="muted">{t('dashboard.attention.notExplained')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section>
          <h2>{t('dashboard.budget.title')}</h2>
          <p className="muted">{t('dashboard.budget.unit', { unit: budgetUnit(t, data) })}</p>
          <HorizontalBars
            id="budget-all"
            rtl={rtl}
            items={budgetBars(t, format, data.summary.budget)}
            title={t('dashboard.budget.chartTitle', { name: title })}
            summary={budgetSummary(t, format, title, data.summary.budget)}
          />
          <table>
            <thead>
              <tr>
                <th>{t('dashboard.rows.node')}</th>
                <th>{t('dashboard.budget.allocated')}</th>
                <th>{t('dashboard.budget.committed')}</th>
                <th>{t('dashboard.budget.disbursed')}</th>
                <th>{t('dashboard.budget.spent')}</th>
                <th>{t('dashboard.budget.financial')}</th>
                <th>{t('dashboard.budget.physical')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.code}>
                  <td>
                    <span className="ltr">{row.code}</span> {localText(row.title, locale)}
                  </td>
                  <td className="num">{format.number(row.budget.allocated, 2)}</td>
                  <td className="num">{format.number(row.budget.committed, 2)}</td>
                  <td className="num">{format.number(row.budget.disbursed, 2)}</td>
                  <td className="num">{format.number(row.budget.spent, 2)}</td>
                  <td className="num">{format.percent(row.budget.financialProgress, 1)}</td>
                  <td className="num">{format.percent(row.budget.physicalProgress, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.summary.strategyWideAllocated ? (
            <p>
              {t('dashboard.budget.strategyWide', {
                amount: format.number(data.summary.strategyWideAllocated, 2),
              })}
            </p>
          ) : null}
        </section>

        <section>
          <h2>{t('dashboard.briefing.charts')}</h2>
          <p className="muted">{t('dashboard.indicators.rule')}</p>
          <div className="cards">
            {data.keyIndicators.map((k) => {
              const name = localText(k.name, locale);
              return (
                <div className="card" key={k.code}>
                  <h3>
                    <span className="ltr">{k.code}</span> {name}
                  </h3>
                  <Sparkline
                    id={`spark-${k.code}`}
                    observations={k.observations}
                    trajectory={k.trajectory}
                    title={t('dashboard.indicators.sparkTitle', { name })}
                    summary={sparkSummary(t, format, name, k)}
                    width={300}
                    height={70}
                  />
                  <p>{statuses[k.status]}</p>
                  <p>
                    <strong>{t('dashboard.indicators.actual')}</strong>{' '}
                    <span className="ltr">
                      {format.number(k.actual, k.decimals)} {k.unit}
                    </span>
                  </p>
                </div>
              );
            })}
          </div>
        </section>

        {data.completeness && (
          <section>
            <h2>{t('dashboard.completeness.title')}</h2>
            <p>
              {t('dashboard.completeness.cycle', {
                period: format.period(data.completeness.cycle.period),
                date: format.date(data.completeness.cycle.dueDate),
              })}{' '}
              —{' '}
              {t('dashboard.completeness.rate', { rate: format.percent(data.completeness.submittedRate, 0) })}
            </p>
          </section>
        )}
        <p className="muted">{t('dashboard.briefing.producedBy', { date: format.date(generatedOn) })}</p>
      </body>
    </html>
  );
}
