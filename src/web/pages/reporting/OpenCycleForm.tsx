import { type FormEvent, useState } from 'react';
import { fiscalPeriod } from '../../../domain/fiscal-calendar';
import { api } from '../../api/client';
import type { Cycle } from '../../api/reporting-types';
import type { Strategy } from '../../api/strategy-types';
import { serverFailure } from '../../components/errors';
import { Alert, ErrorSummary } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { useFormat } from '../../components/format';
import { localText } from '../../components/LocalText';
import { Checks } from '../../components/validation';
import { useI18n } from '../../i18n/I18nProvider';

const FORM = 'cycle';
const ORDER = ['strategy', 'period', 'dueDate'];
const PERIOD = /^[1-9]\d{3}(-H[12]|-Q[1-4])?$/;

/** The strategy office's data call: a strategy, the period reported on and the day reports are due. */
export function OpenCycleForm({
  strategies,
  onOpened,
  onCancel,
}: {
  strategies: Strategy[];
  onOpened(cycle: Cycle): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const [draft, setDraft] = useState({ strategy: '', period: '', dueDate: '' });
  // The days the period covers under the chosen strategy's fiscal calendar, shown before the call goes out.
  const chosen = strategies.find((s) => s.code === draft.strategy);
  const covered =
    chosen && PERIOD.test(draft.period.trim())
      ? fiscalPeriod(draft.period.trim(), chosen.fiscalCalendar)
      : null;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checks = new Checks(t)
      .required('strategy', draft.strategy)
      .required('period', draft.period)
      .matches('period', draft.period, PERIOD, t('reporting.periodInvalid'))
      .required('dueDate', draft.dueDate);
    setErrors(checks.errors);
    setFailure(null);
    if (!checks.ok) return;
    setBusy(true);
    try {
      onOpened(
        await api<Cycle>('POST', '/api/reporting/cycles', {
          strategy: draft.strategy,
          period: draft.period.trim(),
          dueDate: draft.dueDate,
        }),
      );
    } catch (error) {
      const outcome = serverFailure(t, error, ORDER);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card form-card" aria-labelledby={`${FORM}-heading`}>
      <h2 id={`${FORM}-heading`}>{t('reporting.openCycle')}</h2>
      <ErrorSummary form={FORM} errors={errors} order={ORDER} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField
            form={FORM}
            name="strategy"
            label={t('reporting.strategy')}
            value={draft.strategy}
            onChange={set('strategy')}
            error={errors.strategy}
            required
          >
            <option value="">{t('common.choose')}</option>
            {strategies.map((strategy) => (
              <option key={strategy.code} value={strategy.code}>
                {strategy.code} — {localText(strategy.title, locale, strategy.code)}
              </option>
            ))}
          </SelectField>
          <TextField
            form={FORM}
            name="period"
            label={t('reporting.period')}
            hint={t('reporting.periodHint')}
            value={draft.period}
            onChange={set('period')}
            error={errors.period}
            dir="ltr"
            spellCheck={false}
            required
          />
          {covered && (
            <p className="muted small" aria-live="polite">
              {t('fiscal.covers', { start: format.date(covered.start), end: format.date(covered.end) })}
            </p>
          )}
          <TextField
            form={FORM}
            name="dueDate"
            type="date"
            label={t('reporting.dueDate')}
            value={draft.dueDate}
            onChange={set('dueDate')}
            error={errors.dueDate}
            required
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('reporting.openCycleSubmit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
