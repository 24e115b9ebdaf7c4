import { type FormEvent, useState } from 'react';
import type { Realisation } from '../../api/agreements-types';
import { api } from '../../api/client';
import { serverFailure } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { SelectField, TextAreaField } from '../../components/fields';
import { useI18n } from '../../i18n/I18nProvider';

/** The strategy office verifies a reported figure, or disputes it saying why. */
export function VerifyForm({ realisation, onDone }: { realisation: Realisation; onDone(): void }) {
  const { t } = useI18n();
  const form = `verify-${realisation.id}`;
  const [state, setState] = useState<'verified' | 'disputed'>(
    realisation.state === 'verified' ? 'disputed' : 'verified',
  );
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state === 'disputed' && !note.trim()) {
      setErrors({ note: t('agreements.disputeNeedsReason') });
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await api('POST', `/api/realisations/${realisation.id}/verification`, {
        state,
        note: note.trim() || null,
        version: realisation.version,
      });
      onDone();
    } catch (error) {
      const outcome = serverFailure(t, error, ['note', 'state']);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="inline-form">
      <summary>{t('agreements.verifyAction')}</summary>
      <form onSubmit={submit} noValidate>
        {failure && <Alert kind="error">{failure}</Alert>}
        <SelectField
          form={form}
          name="state"
          label={t('agreements.decision')}
          value={state}
          onChange={(e) => setState(e.target.value as 'verified' | 'disputed')}
        >
          <option value="verified">{t('agreements.markVerified')}</option>
          <option value="disputed">{t('agreements.markDisputed')}</option>
        </SelectField>
        <TextAreaField
          form={form}
          name="note"
          label={t('agreements.verificationNote')}
          hint={t('agreements.verificationNoteHint')}
          error={errors.note}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}
