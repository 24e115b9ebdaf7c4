import { useState } from 'react';
import type { CallSummary } from '../../api/calls-types';
import { api } from '../../api/client';
import { ApiError, fieldErrorsOf } from '../../api/problem';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { TextAreaField, TextField } from '../../components/fields';
import { LocalText } from '../../components/LocalText';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';

interface Application {
  ref: string;
  title: string | null;
  summary: string | null;
  attachments: { id: string; filename: string }[];
}
interface Review {
  submission: string;
  conflict: boolean;
  scores: { criterion: string; score: number; comment: string | null }[];
}

/** The call's own error codes in the person's language, else the app's generic translation. */
export function callsProblem(t: ReturnType<typeof useI18n>['t'], error: unknown): string {
  if (error instanceof ApiError && t.has(`calls.errors.${error.code}`))
    return t(`calls.errors.${error.code}`);
  return problemMessage(t, error);
}

/** A juror's applications: read them, score each criterion with comments, or declare a conflict of interest. */
export function JurySection({ call }: { call: CallSummary }) {
  const { t } = useI18n();
  const base = `/api/calls/${encodeURIComponent(call.code)}`;
  const apps = useLoad(() => api<ListOf<Application>>('GET', `${base}/submissions`), call.code);
  const reviews = useLoad(() => api<ListOf<Review>>('GET', `${base}/reviews`), call.code);
  if (apps.error || !apps.data || !reviews.data) return null;
  const reload = async () => {
    await Promise.all([apps.reload(), reviews.reload()]);
  };
  return (
    <section aria-labelledby="jury-title" className="card">
      <h2 id="jury-title">{t('calls.myReviews')}</h2>
      {apps.data.items.length === 0 && <p>{t('calls.noAssignments')}</p>}
      {apps.data.items.map((app) => (
        <ReviewForm
          key={app.ref}
          base={base}
          call={call}
          application={app}
          review={reviews.data!.items.find((r) => r.submission === app.ref)}
          onSaved={reload}
        />
      ))}
    </section>
  );
}

function ReviewForm({
  base,
  call,
  application,
  review,
  onSaved,
}: {
  base: string;
  call: CallSummary;
  application: Application;
  review: Review | undefined;
  onSaved: () => Promise<void>;
}) {
  const { t } = useI18n();
  const form = `review-${application.ref}`;
  const initial = (code: string) => review?.scores.find((s) => s.criterion === code);
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(call.criteria.map((c) => [c.code, String(initial(c.code)?.score ?? '')])),
  );
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(call.criteria.map((c) => [c.code, initial(c.code)?.comment ?? ''])),
  );
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const url = `${base}/submissions/${application.ref}`;

  const save = async () => {
    setErrors({});
    setMessage(null);
    try {
      await api('PUT', `${url}/review`, {
        scores: call.criteria.map((c) => ({
          criterion: c.code,
          score: Number(scores[c.code]),
          comment: comments[c.code] || null,
        })),
      });
      setMessage({ kind: 'success', text: t('calls.saved') });
      await onSaved();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const mapped: Record<string, string> = {};
      call.criteria.forEach((c, i) => {
        if (fields[`scores.${i}.score`])
          mapped[c.code] = t('calls.outOfScale', { min: call.scale.min, max: call.scale.max });
      });
      setErrors(mapped);
      setMessage({ kind: 'error', text: callsProblem(t, error) });
    }
  };
  const declare = async () => {
    setMessage(null);
    try {
      await api('POST', `${url}/conflict`, { reason });
      await onSaved();
    } catch (error) {
      setMessage({ kind: 'error', text: callsProblem(t, error) });
    }
  };

  return (
    <article aria-labelledby={`${form}-title`}>
      <h3 id={`${form}-title`} dir="auto">
        {t('calls.number', { ref: application.ref })} {application.title ?? ''}
      </h3>
      {application.summary && <p dir="auto">{application.summary}</p>}
      {application.attachments.length > 0 && (
        <ul aria-label={t('calls.attachments')}>
          {application.attachments.map((a) => (
            <li key={a.id}>
              <a href={`${url}/attachments/${a.id}`} dir="auto">
                {a.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {call.criteria.map((c) => (
          <fieldset key={c.code}>
            <legend>
              <LocalText text={c.label} />
            </legend>
            <TextField
              form={form}
              name={`${c.code}-score`}
              label={t('calls.score', { min: call.scale.min, max: call.scale.max })}
              type="number"
              inputMode="decimal"
              min={call.scale.min}
              max={call.scale.max}
              step="any"
              required
              value={scores[c.code] ?? ''}
              error={errors[c.code]}
              onChange={(event) => setScores({ ...scores, [c.code]: event.target.value })}
            />
            <TextAreaField
              form={form}
              name={`${c.code}-comment`}
              label={t('calls.comment')}
              value={comments[c.code] ?? ''}
              onChange={(event) => setComments({ ...comments, [c.code]: event.target.value })}
            />
          </fieldset>
        ))}
        <button type="submit" className="button button-primary">
          {t('calls.saveScores')}
        </button>
      </form>
      <details>
        <summary>{t('calls.declareConflict')}</summary>
        <TextAreaField
          form={form}
          name="conflict"
          label={t('calls.conflictReason')}
          hint={t('calls.conflictHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <button type="button" className="button" disabled={!reason.trim()} onClick={() => void declare()}>
          {t('calls.declare')}
        </button>
      </details>
    </article>
  );
}
