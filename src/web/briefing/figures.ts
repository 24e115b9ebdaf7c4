import type { BudgetFigures, Dashboard, KeyIndicator } from '../api/dashboard-types';
import { STATUSES, type StatusCounts } from '../api/strategy-types';
import type { Formatters } from '../components/format';
import { statusLabels } from '../components/labels';
import type { Translator } from '../i18n/translate';
import { STATUS_COLOURS } from './charts';

// The words and bars the dashboard page and the briefing book both show, from the same figures.

/** "a, b and c" in the language's own way (Arabic: "a، b و c"). */
const list = (t: Translator, items: string[]) =>
  new Intl.ListFormat(t.locale, { style: 'long', type: 'conjunction' }).format(items);

/** The unit of the budget amounts, e.g. "millions de MAD". */
export function budgetUnit(t: Translator, data: Pick<Dashboard, 'currency' | 'scale'>): string {
  const currency = data.currency ?? '';
  return data.scale === 1_000_000 ? t('dashboard.budget.millions', { currency }) : currency;
}

export function budgetBars(t: Translator, format: Formatters, budget: BudgetFigures) {
  const stages = ['allocated', 'committed', 'disbursed', 'spent'] as const;
  const colours = ['#1e3a8a', '#2563eb', '#0f766e', '#15803d'];
  return stages.map((stage, i) => ({
    key: stage,
    label: t(`dashboard.budget.${stage}`),
    value: budget[stage],
    text: format.number(budget[stage], 2),
    colour: colours[i]!,
  }));
}

export function budgetSummary(
  t: Translator,
  format: Formatters,
  name: string,
  budget: BudgetFigures,
): string {
  return t('dashboard.budget.chartSummary', {
    name,
    allocated: format.number(budget.allocated, 2),
    committed: format.number(budget.committed, 2),
    disbursed: format.number(budget.disbursed, 2),
    spent: format.number(budget.spent, 2),
  });
}

export function statusBars(t: Translator, format: Formatters, counts: StatusCounts) {
  const labels = statusLabels(t);
  return STATUSES.map((status) => ({
    key: status,
    label: labels[status],
    value: counts[status] ?? 0,
    text: format.number(counts[status] ?? 0, 0),
    colour: STATUS_COLOURS[status]!,
  }));
}

export function statusSummary(t: Translator, format: Formatters, name: string, counts: StatusCounts): string {
  const labels = statusLabels(t);
  const items = STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) =>
    t('dashboard.status.item', { status: labels[s], count: format.number(counts[s] ?? 0, 0) }),
  );
  return t('dashboard.status.chartSummary', { name, list: items.length ? list(t, items) : '—' });
}

export function sparkSummary(
  t: Translator,
  format: Formatters,
  name: string,
  indicator: KeyIndicator,
): string {
  const points = list(
    t,
    indicator.observations.map((o) =>
      t('dashboard.indicators.point', {
        period: o.period,
        value: format.number(o.value, indicator.decimals),
      }),
    ),
  );
  const final = indicator.trajectory.find((p) => p.role === 'final');
  const target = final
    ? t('dashboard.indicators.point', {
        period: final.period,
        value: format.number(final.value, indicator.decimals),
      })
    : '—';
  return t('dashboard.indicators.sparkSummary', { name, points: points || '—', target });
}
