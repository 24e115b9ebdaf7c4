import { useState } from 'react';
import { api, apiPath } from '../../api/client';
import type { Budget } from '../../api/strategy-types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { NUMBER_TAG, useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { methodLabel } from '../../components/labels';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';

/** "in millions of Moroccan dirhams (MAD)": the unit every amount of the table is in. */
export function useBudgetUnit(currency: string | null, scale: number | null): string {
  const { t, locale } = useI18n();
  return unitText(t, NUMBER_TAG[locale], currency, scale);
}

function unitText(t: Translator, tag: string, currency: string | null, scale: number | null): string {
  const code = currency ?? '';
  let name = code;
  try {
    if (code) {
      name =
        new Intl.NumberFormat(tag, { style: 'currency', currency: code, currencyDisplay: 'name' })
          .formatToParts(1000)
          .find((part) => part.type === 'currency')?.value ?? code;
    }
  } catch {
    // An unknown currency code stays as it is.
  }
  const params = { name, code };
  switch (scale ?? 1) {
    case 1:
      return t('budget.unit.units', params);
    case 1_000:
      return t('budget.unit.thousands', params);
    case 1_000_000:
      return t('budget.unit.millions', params);
    case 1_000_000_000:
      return t('budget.unit.billions', params);
    default:
      return t('budget.unit.scaled', { ...params, scale: String(scale) });
  }
}

/** The budget of a strategy: rubrics × years with row and column totals, then its execution. */
export function BudgetView({ code }: { code: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const [type, setType] = useState<'original' | 'revised'>('original');
  const budget = useLoad(
    () =>
      api<Budget>(
        'GET',
        apiPath(`/api/strategies/${encodeURIComponent(code)}/budget`, { by: 'rubric,year', type }),
      ),
    `${code}|${type}`,
  );
  const data = budget.data;
  const unit = useBudgetUnit(data?.currency ?? null, data?.scale ?? null);
  const years = (data?.totals.byYear ?? [])
    .map((row) => row.year)
    .filter((year): year is number => year !== undefined)
    .sort((a, b) => a - b);
  const amount = (rubric: string, year: number) =>
    data?.rows.find((row) => row.rubric === rubric && row.year === year)?.amount;
  const money = (value: number | undefined) => (value === undefined ? '—' : format.number(value, 2));

  return (
    <section aria-labelledby="budget-title" className="budget">
      <h2 id="budget-title">{t('budget.title')}</h2>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="budget-type">{t('budget.type')}</label>
          <select
            id="budget-type"
            value={type}
            onChange={(event) => setType(event.target.value as 'original' | 'revised')}
          >
            <option value="original">{t('budget.original')}</option>
            <option value="revised">{t('budget.revised')}</option>
          </select>
        </div>
      </div>
      {budget.error ? <Alert kind="error">{problemMessage(t, budget.error)}</Alert> : null}
      {!data ? (
        budget.loading && <Loading />
      ) : data.rows.length === 0 ? (
        <p className="muted">{t('budget.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="budget-table numeric-table">
              <caption>
                {t('budget.caption', { strategy: data.strategy })} <span className="muted">{unit}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('budget.rubric')}</th>
                  {years.map((year) => (
                    <th scope="col" key={year} className="num">
                      {year}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('budget.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.totals.byRubric.map((row) => (
                  <tr key={row.rubric}>
                    <th scope="row">
                      <LocalText text={row.rubricLabel} fallback={row.rubric} />
                    </th>
                    {years.map((year) => (
                      <td key={year} className="num">
                        {money(amount(row.rubric ?? '', year))}
                      </td>
                    ))}
                    <td className="num total">{money(row.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('budget.total')}</th>
                  {years.map((year) => (
                    <td key={year} className="num total">
                      {money(data.totals.byYear.find((row) => row.year === year)?.amount)}
                    </td>
                  ))}
                  <td className="num total grand-total" data-testid="budget-grand-total">
                    {money(data.totals.total)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <Execution budget={data} unit={unit} />
        </>
      )}
    </section>
  );
}

function Execution({ budget, unit }: { budget: Budget; unit: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const e = budget.execution;
  const figures = [
    { key: 'allocated', label: t('budget.allocated'), value: e.allocated },
    { key: 'committed', label: t('budget.committed'), value: e.committed },
    { key: 'disbursed', label: t('budget.disbursed'), value: e.disbursed },
    { key: 'spent', label: t('budget.spent'), value: e.spent },
  ];
  const rates = [
    {
      key: 'commitment',
      label: t('budget.commitmentRate'),
      hint: t('budget.commitmentRateHint'),
      value: e.commitmentRate,
    },
    {
      key: 'disbursement',
      label: t('budget.disbursementRate'),
      hint: t('budget.disbursementRateHint'),
      value: e.disbursementRate,
    },
    {
      key: 'execution',
      label: t('budget.executionRate'),
      hint: t('budget.executionRateHint'),
      value: e.executionRate,
    },
  ];
  return (
    <section aria-labelledby="execution-title" className="execution">
      <h3 id="execution-title">{t('budget.execution')}</h3>
      <p className="muted small">{unit}</p>
      <dl className="figure-grid">
        {figures.map((figure) => (
          <div key={figure.key}>
            <dt>{figure.label}</dt>
            <dd className="figure">{format.number(figure.value, 2)}</dd>
          </div>
        ))}
        {rates.map((rate) => (
          <div key={rate.key}>
            <dt>{rate.label}</dt>
            <dd className="figure">
              {rate.value === null ? t('budget.rateUndefined') : format.percent(rate.value)}
            </dd>
            <dd className="muted small">{rate.hint}</dd>
          </div>
        ))}
      </dl>
      {e.components?.formula && (
        <details className="how">
          <summary>{t('how.title')}</summary>
          <p>{methodLabel(t, e.components.method)}</p>
          <code dir="ltr" className="formula">
            {e.components.formula}
          </code>
          <p className="muted small">{t('budget.minorUnits')}</p>
        </details>
      )}
    </section>
  );
}
