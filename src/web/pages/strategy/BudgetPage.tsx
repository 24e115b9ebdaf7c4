import { api, apiPath } from '../../api/client';
import type { Budget, Strategy } from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { useBudgetUnit } from './BudgetView';

/** Every strategy's envelope and execution side by side; each links to its table by rubric and year. */
export function BudgetPage() {
  const { t } = useI18n();
  const budgets = useLoad(async () => {
    const { items } = await api<ListOf<Strategy>>('GET', '/api/strategies');
    return Promise.all(
      items.map(async (strategy) => ({
        strategy,
        budget: await api<Budget>(
          'GET',
          apiPath(`/api/strategies/${encodeURIComponent(strategy.code)}/budget`, { by: 'year' }),
        ).catch(() => null),
      })),
    );
  }, 'all');
  const rows = budgets.data ?? [];
  return (
    <div className="page">
      <PageHeader title={t('budget.pageTitle')} lead={t('budget.lead')} />
      {budgets.error ? <Alert kind="error">{problemMessage(t, budgets.error)}</Alert> : null}
      {budgets.data === undefined ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="numeric-table">
            <caption className="visually-hidden">{t('budget.pageTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.strategy')}</th>
                <th scope="col" className="num">
                  {t('budget.allocated')}
                </th>
                <th scope="col">{t('budget.unitLabel')}</th>
                <th scope="col" className="num">
                  {t('budget.commitmentRate')}
                </th>
                <th scope="col" className="num">
                  {t('budget.executionRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ strategy, budget }) => (
                <BudgetRow key={strategy.code} strategy={strategy} budget={budget} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function BudgetRow({ strategy, budget }: { strategy: Strategy; budget: Budget | null }) {
  const { t } = useI18n();
  const format = useFormat();
  const unit = useBudgetUnit(budget?.currency ?? null, budget?.scale ?? null);
  const has = budget !== null && budget.rows.length > 0;
  return (
    <tr>
      <th scope="row">
        <Link href={href('strategy', { code: strategy.code, section: 'budget' })}>
          <code>{strategy.code}</code> <LocalText text={strategy.title} />
        </Link>
      </th>
      {has ? (
        <>
          <td className="num">{format.number(budget.totals.total, 2)}</td>
          <td>{unit}</td>
          <td className="num">{format.percent(budget.execution.commitmentRate)}</td>
          <td className="num">{format.percent(budget.execution.executionRate)}</td>
        </>
      ) : (
        <td colSpan={4} className="muted">
          {t('budget.empty')}
        </td>
      )}
    </tr>
  );
}
