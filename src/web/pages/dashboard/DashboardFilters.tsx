import type { Dashboard } from '../../api/dashboard-types';
import { localText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';

export const FILTERS = ['priority', 'organization', 'region', 'period', 'asOf'] as const;
export type FilterName = (typeof FILTERS)[number];

/** The dashboard's filters: each change rewrites the address (so a view can be shared) and reloads. */
export function DashboardFilters({
  values,
  options,
  onChange,
  onReset,
}: {
  values: Record<FilterName, string>;
  options: Dashboard['options'] | undefined;
  onChange: (name: FilterName, value: string) => void;
  onReset: () => void;
}) {
  const { t, locale } = useI18n();
  const priorities = options?.priorities ?? [];
  const known = priorities.some((p) => p.code === values.priority);
  return (
    <search className="filters filters-wide" aria-label={t('dashboard.filters.legend')}>
      <div className="field">
        <label htmlFor="dashboard-priority">{t('dashboard.filters.priority')}</label>
        <select
          id="dashboard-priority"
          value={values.priority}
          onChange={(e) => onChange('priority', e.target.value)}
        >
          <option value="">{t('dashboard.filters.all')}</option>
          {values.priority && !known && <option value={values.priority}>{values.priority}</option>}
          {priorities.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} — {localText(p.title, locale, p.code)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dashboard-organization">{t('dashboard.filters.organization')}</label>
        <select
          id="dashboard-organization"
          value={values.organization}
          onChange={(e) => onChange('organization', e.target.value)}
        >
          <option value="">{t('dashboard.filters.all')}</option>
          {(options?.organizations ?? []).map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dashboard-region">{t('dashboard.filters.region')}</label>
        <select
          id="dashboard-region"
          value={values.region}
          onChange={(e) => onChange('region', e.target.value)}
        >
          <option value="">{t('dashboard.filters.national')}</option>
          {(options?.regions ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} — {localText(r.name, locale, r.code)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dashboard-period">{t('dashboard.filters.period')}</label>
        <input
          id="dashboard-period"
          // Typed freely, applied on Enter or on leaving the field; a new address resets it.
          key={values.period}
          defaultValue={values.period}
          aria-describedby="dashboard-period-hint"
          inputMode="text"
          dir="ltr"
          onBlur={(e) => onChange('period', e.target.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange('period', e.currentTarget.value.trim());
          }}
        />
        <p className="hint" id="dashboard-period-hint">
          {t('dashboard.filters.periodHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="dashboard-asof">{t('dashboard.filters.asOf')}</label>
        <input
          id="dashboard-asof"
          type="date"
          value={values.asOf}
          onChange={(e) => onChange('asOf', e.target.value)}
        />
      </div>
      <div className="filter-actions">
        <button type="button" className="button" onClick={onReset}>
          {t('dashboard.filters.reset')}
        </button>
      </div>
    </search>
  );
}
