import { type ChangeEvent, type FormEvent, useState } from 'react';
import { type Agreement, METRICS } from '../../api/agreements-types';
import { api } from '../../api/client';
import { serverFailure } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { localText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';
import { metricLabels } from './labels';

const FORM = 'commitment';
const FIELDS = ['code', 'party', 'metric', 'value', 'qualifier', 'dueYear'];

/** The strategy office adds a commitment: who promised what, how much, by when (value left empty if unknown). */
export function CommitmentForm({ agreement, onDone }: { agreement: Agreement; onDone(): void }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Record<string, string>>({
    party: agreement.parties.find((p) => p.role === 'partner')?.code ?? agreement.parties[0]?.code ?? '',
    metric: 'direct_jobs',
    qualifier: 'exact',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));
  const metrics = metricLabels(t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const value = draft.value?.trim() ? Number(draft.value.replace(',', '.')) : null;
    const dueYear = draft.dueYear?.trim() ? Number(draft.dueYear) : null;
    if (!draft.code?.trim()) local.code = t('agreements.form.codeRequired');
    if (value !== null && (!Number.isFinite(value) || value < 0)) local.value = t('agreements.valueInvalid');
    if (dueYear !== null && !Number.isInteger(dueYear)) local.dueYear = t('agreements.form.yearInvalid');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setFailure(null);
    try {
      await api('POST', `/api/agreements/${encodeURIComponent(agreement.code)}/commitments`, {
        code: draft.code?.trim(),
        party: draft.party,
        metric: draft.metric,
        value,
        qualifier: draft.qualifier,
        dueYear,
      });
      setDraft((d) => ({ ...d, code: '', value: '', dueYear: '' }));
      onDone();
    } catch (error) {
      const outcome = serverFailure(t, error, FIELDS);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="add-commitment-heading">
      <h2 id="add-commitment-heading">{t('agreements.form.addCommitment')}</h2>
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField
            form={FORM}
            name="code"
            label={t('agreements.code')}
            required
            error={errors.code}
            value={draft.code ?? ''}
            onChange={set('code')}
          />
          <SelectField
            form={FORM}
            name="party"
            label={t('agreements.party')}
            error={errors.party}
            value={draft.party}
            onChange={set('party')}
          >
            {agreement.parties.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} — {localText(p.name, locale, p.code)}
              </option>
            ))}
          </SelectField>
          <SelectField
            form={FORM}
            name="metric"
            label={t('agreements.metricLabel')}
            value={draft.metric}
            onChange={set('metric')}
          >
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {metrics[m]}
              </option>
            ))}
          </SelectField>
          <TextField
            form={FORM}
            name="value"
            label={t('agreements.value')}
            hint={t('agreements.form.valueHint')}
            inputMode="decimal"
            error={errors.value}
            value={draft.value ?? ''}
            onChange={set('value')}
          />
          <SelectField
            form={FORM}
            name="qualifier"
            label={t('agreements.form.qualifier')}
            value={draft.qualifier}
            onChange={set('qualifier')}
          >
            <option value="exact">{t('agreements.form.exact')}</option>
            <option value="at_least">{t('agreements.atLeast')}</option>
            <option value="about">{t('agreements.about')}</option>
          </SelectField>
          <TextField
            form={FORM}
            name="dueYear"
            label={t('agreements.dueYear')}
            inputMode="numeric"
            error={errors.dueYear}
            value={draft.dueYear ?? ''}
            onChange={set('dueYear')}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('agreements.form.addCommitmentSubmit')}
        </button>
      </form>
    </section>
  );
}
