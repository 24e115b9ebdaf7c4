import { useState } from 'react';
import { api } from '../../api/client';
import { Alert } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { useI18n } from '../../i18n/I18nProvider';
import { callsProblem } from './JurySection';

/** Select or reject one application, with the reason the applicant will read in their mail. */
export function DecisionCell({
  callCode,
  submissionRef,
  onDecided,
}: {
  callCode: string;
  submissionRef: string;
  onDecided: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const url = `/api/calls/${encodeURIComponent(callCode)}/submissions/${submissionRef}`;
  const decide = async (decision: 'selected' | 'rejected') => {
    setFailure(null);
    try {
      const current = await api<{ version: number }>('GET', url);
      await api('POST', `${url}/decision`, { version: current.version, decision, reason });
      onDecided();
    } catch (error) {
      setFailure(callsProblem(t, error));
    }
  };
  return (
    <div>
      {failure && <Alert kind="error">{failure}</Alert>}
      <TextField
        form={`decision-${submissionRef}`}
        name="reason"
        label={t('calls.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          disabled={!reason.trim()}
          onClick={() => void decide('selected')}
        >
          {t('calls.select')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!reason.trim()}
          onClick={() => void decide('rejected')}
        >
          {t('calls.reject')}
        </button>
      </div>
    </div>
  );
}
