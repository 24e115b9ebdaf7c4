import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { FiscalCalendar, Strategy } from '../../api/strategy-types';
import { serverFailure } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { SelectField } from '../../components/fields';
import { NUMBER_TAG } from '../../components/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';

const FORM = 'fiscal';
const ORDER = ['startMonth', 'namedBy'];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * The fiscal year that reporting cycles follow, and — for the strategy office, before the first cycle — its
 * setting: the month it starts, and which calendar year names a fiscal year that straddles two.
 */
export function FiscalCalendarFact({ strategy, onChanged }: { strategy: Strategy; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<FiscalCalendar>(strategy.fiscalCalendar);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(NUMBER_TAG[locale], { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, month - 1, 1)),
    );
  const { startMonth, namedBy } = strategy.fiscalCalendar;
  const summary =
    startMonth === 1
      ? t('fiscal.calendarYear')
      : t(namedBy === 'start' ? 'fiscal.namedByStart' : 'fiscal.namedByEnd', {
          month: monthName(startMonth),
        });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await api('PUT', `/api/strategies/${encodeURIComponent(strategy.code)}/fiscal-calendar`, {
        ...draft,
        version: strategy.version,
      });
      setEditing(false);
      onChanged();
    } catch (error) {
      const outcome = serverFailure(t, error, ORDER);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    }
  };

  return (
    <div>
      <dt>{t('fiscal.label')}</dt>
      <dd>
        {summary}{' '}
        {can('strategy.manage') && !editing && (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            {t('fiscal.edit')}
          </button>
        )}
        {editing && (
          <form onSubmit={submit} noValidate className="inline-form">
            {failure && <Alert kind="error">{failure}</Alert>}
            <SelectField
              form={FORM}
              name="startMonth"
              label={t('fiscal.startMonth')}
              value={String(draft.startMonth)}
              onChange={(e) => setDraft((d) => ({ ...d, startMonth: Number(e.target.value) }))}
              error={errors.startMonth}
            >
              {MONTHS.map((month) => (
                <option key={month} value={month}>
                  {monthName(month)}
                </option>
              ))}
            </SelectField>
            <SelectField
              form={FORM}
              name="namedBy"
              label={t('fiscal.namedBy')}
              hint={t('fiscal.namedByHint')}
              value={draft.namedBy}
              onChange={(e) =>
                setDraft((d) => ({ ...d, namedBy: e.target.value as FiscalCalendar['namedBy'] }))
              }
              error={errors.namedBy}
            >
              <option value="end">{t('fiscal.byEnd')}</option>
              <option value="start">{t('fiscal.byStart')}</option>
            </SelectField>
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t('common.save')}
              </button>
              <button type="button" className="button" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        )}
      </dd>
    </div>
  );
}
