import type { BudgetPageData } from '../../../server/modules/portal/portal.service';
import { NUMBER_TAG } from '../../components/format';
import { Breadcrumb, PageHead, Source, TableScroll } from '../bits';
import { Local, useHref, usePortal } from '../context';
import { type ComputationView, HowComputed } from '../HowComputed';

/** "Amounts in millions of Moroccan dirhams (MAD)". */
function useUnit(currency: string | null, scale: number | null): string {
  const { t, locale } = usePortal();
  const code = currency ?? '';
  let name = code;
  try {
    if (code)
      name =
        new Intl.NumberFormat(NUMBER_TAG[locale], {
          style: 'currency',
          currency: code,
          currencyDisplay: 'name',
        })
          .formatToParts(1000)
          .find((part) => part.type === 'currency')?.value ?? code;
  } catch {
    // An unknown currency code stays as it is.
  }
  const params = { name, code };
  if (scale === 1_000) return t('budget.unit.thousands', params);
  if (scale === 1_000_000) return t('budget.unit.millions', params);
  if (scale === 1_000_000_000) return t('budget.unit.billions', params);
  if (!scale || scale === 1) return t('budget.unit.units', params);
  return t('budget.unit.scaled', { ...params, scale: String(scale) });
}

export function BudgetPage({ data }: { data: BudgetPageData }) {
  const { t, f } = usePortal();
  const href = useHref();
  const { strategy, budget } = data;
  const unit = useUnit(budget.currency, budget.scale);
  const years = budget.totals.byYear.map((y) => (y as { year: number }).year);
  const rubrics = budget.totals.byRubric as {
    rubric: string;
    rubricLabel?: Record<string, string>;
    amount: number;
  }[];
  const cell = (rubric: string, year: number) =>
    (budget.rows as { rubric: string; year: number; amount: number }[]).find(
      (r) => r.rubric === rubric && r.year === year,
    )?.amount ?? null;
  const max = Math.max(1, ...rubrics.map((r) => r.amount));
  const e = budget.execution;
  return (
    <>
      <Breadcrumb
        items={[
          { href: href('/'), label: t('portal.nav.strategies') },
          { href: href(`/strategies/${strategy.code}`), label: <Local text={strategy.title} /> },
          { label: t('budget.pageTitle') },
        ]}
      />
      <PageHead kicker={<Local text={strategy.title} />} title={t('budget.pageTitle')}>
        <p className="muted">{unit}</p>
        {data.sources.map((source) => (
          <p className="small" key={JSON.stringify(source)}>
            <Source source={source} />
          </p>
        ))}
      </PageHead>
      {rubrics.length === 0 ? (
        <p>{t('budget.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="by-rubric">
            <h2 id="by-rubric">{t('budget.title')}</h2>
            <ul className="bars">
              {rubrics.map((r) => (
                <li key={r.rubric}>
                  <span className="bar-label">
                    <Local text={r.rubricLabel} fallback={r.rubric} />
                  </span>
                  <svg
                    viewBox="0 0 100 10"
                    width="160"
                    height="10"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                    className="hbar"
                  >
                    <rect width={((r.amount / max) * 100).toFixed(1)} height="10" className="f-on_track" />
                  </svg>
                  <span className="num">{f.number(r.amount, 2)}</span>
                </li>
              ))}
            </ul>
            <TableScroll label={t('budget.title')}>
              <table className="data">
                <caption>
                  {t('budget.caption', { strategy: strategy.code })} {unit}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('budget.rubric')}</th>
                    {years.map((y) => (
                      <th key={y} scope="col" className="num">
                        {y}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('budget.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rubrics.map((r) => (
                    <tr key={r.rubric}>
                      <th scope="row">
                        <Local text={r.rubricLabel} fallback={r.rubric} />
                      </th>
                      {years.map((y) => (
                        <td key={y} className="num">
                          {f.number(cell(r.rubric, y), 2)}
                        </td>
                      ))}
                      <td className="num">{f.number(r.amount, 2)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('budget.total')}</th>
                    {budget.totals.byYear.map((y) => (
                      <td key={(y as { year: number }).year} className="num">
                        {f.number((y as { amount: number }).amount, 2)}
                      </td>
                    ))}
                    <td className="num">{f.number(budget.totals.total, 2)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          </section>
          <section aria-labelledby="execution">
            <h2 id="execution">{t('budget.execution')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('budget.allocated')}</dt>
                <dd>{f.number(e.allocated, 2)}</dd>
              </div>
              <div>
                <dt>{t('budget.committed')}</dt>
                <dd>{f.number(e.committed, 2)}</dd>
              </div>
              <div>
                <dt>{t('budget.disbursed')}</dt>
                <dd>{f.number(e.disbursed, 2)}</dd>
              </div>
              <div>
                <dt>{t('budget.spent')}</dt>
                <dd>{f.number(e.spent, 2)}</dd>
              </div>
              <div>
                <dt>{t('budget.executionRate')}</dt>
                <dd>{f.percent(e.executionRate)}</dd>
              </div>
            </dl>
            <HowComputed id="how-budget" computation={e.components as ComputationView} />
          </section>
        </>
      )}
    </>
  );
}
