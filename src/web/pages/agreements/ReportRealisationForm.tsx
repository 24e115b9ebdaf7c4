import { type FormEvent, useState } from 'react';
import type { Agreement } from '../../api/agreements-types';
import { api } from '../../api/client';
import { serverFailure } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/I18nProvider';
import { metricLabels } from './labels';

const FORM = 'realisation';
const FIELDS = ['commitment', 'period', 'value', 'evidence', 'note'];

/** A party's reporter (or the strategy office) reports what was delivered in a period; it waits for verification. */
export function ReportRealisationForm({ agreement, onDone }: { agreement: Agreement; onDone(): void }) {
  const { t } = useI18n();
  const metrics = metricLabels(t);
  const [commitment, setCommitment] = useState(agreement.commitments[0]?.code ?? '');
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value.replace(',', '.'));
    const local: Record<string, string> = {};
    if (!period.trim()) local.period = t('agreements.periodRequired');
    if (value.trim() === '' || !Number.isFinite(number) || number < 0)
      local.value = t('agreements.valueInvalid');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      await api('POST', '/api/realisations', {
        agreement: agreement.code,
        commitment,
        period: period.trim(),
        value: number,
        ...(evidence.trim() ? { evidence: [{ title: evidence.trim(), url: evidence.trim() }] } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNotice(t('agreements.reportedNotice'));
      setPeriod('');
      setValue('');
      setEvidence('');
      setNote('');
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
    <section className="card" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('agreements.reportTitle')}</h2>
      <p className="hint">{t('agreements.reportLead')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <SelectField
          form={FORM}
          name="commitment"
          label={t('agreements.commitment')}
          value={commitment}
          error={errors.commitment}
          onChange={(e) => setCommitment(e.target.value)}
        >
          {agreement.commitments.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} — {metrics[c.metric]}
            </option>
          ))}
        </SelectField>
        <TextField
          form={FORM}
          name="period"
          label={t('agreements.period')}
          hint={t('agreements.periodHint')}
          required
          value={period}
          error={errors.period}
          onChange={(e) => setPeriod(e.target.value)}
        />
        <TextField
          form={FORM}
          name="value"
          label={t('agreements.value')}
          required
          inputMode="decimal"
          value={value}
          error={errors.value}
          onChange={(e) => setValue(e.target.value)}
        />
        <TextField
          form={FORM}
          name="evidence"
          label={t('agreements.evidenceUrl')}
          type="url"
          value={evidence}
          error={errors.evidence ?? errors['evidence.0.url']}
          onChange={(e) => setEvidence(e.target.value)}
        />
        <TextAreaField
          form={FORM}
          name="note"
          label={t('agreements.note')}
          value={note}
          error={errors.note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('agreements.reportSubmit')}
        </button>
      </form>
    </section>
  );
}
