import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Report } from '../../api/reporting-types';
import { problemMessage, serverFailure } from '../../components/errors';
import { Alert, ErrorSummary } from '../../components/feedback';
import { TextAreaField } from '../../components/fields';
import { useI18n } from '../../i18n/I18nProvider';

const FORM = 'review';

/** The items a reviewer can comment on: every node and indicator of the scope, and the narrative. */
function reviewItems(report: Report): { item: string; label: string }[] {
  return [
    ...report.scope.nodes.map((n) => ({ item: `node:${n.code}`, label: n.code })),
    ...report.scope.indicators.map((i) => ({ item: `indicator:${i.code}`, label: i.code })),
    { item: 'narrative', label: '' },
  ];
}

/** Approve, or return with a comment per item (at least one). */
export function ReviewPanel({ report, onDone }: { report: Report; onDone(notice: string): void }) {
  const { t } = useI18n();
  const [returning, setReturning] = useState(false);
  const [message, setMessage] = useState('');
  const [comments, setComments] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/reporting/reports/${encodeURIComponent(report.id)}`;
  const items = reviewItems(report);
  const order = ['comments', 'message', ...items.map((i) => `comment.${i.item}`)];

  const approve = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api<Report>('POST', `${path}/approve`, { version: report.version });
      onDone(t('review.approved'));
    } catch (error) {
      setFailure(problemMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const sendBack = async (event: FormEvent) => {
    event.preventDefault();
    const list = items
      .filter((i) => comments[i.item]?.trim())
      .map((i) => ({ item: i.item, comment: (comments[i.item] ?? '').trim() }));
    if (list.length === 0) {
      setErrors({ comments: t('review.commentRequired') });
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await api<Report>('POST', `${path}/return`, {
        version: report.version,
        ...(message.trim() ? { message: message.trim() } : {}),
        comments: list,
      });
      onDone(t('review.returned'));
    } catch (error) {
      const outcome = serverFailure(t, error, ['message']);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  const label = (item: { item: string; label: string }) =>
    item.item === 'narrative' ? t('review.onNarrative') : t('review.onItem', { item: item.label });

  return (
    <section className="card review-panel" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('review.title')}</h2>
      <p className="hint">{t('review.lead')}</p>
      {failure && <Alert kind="error">{failure}</Alert>}
      {!returning ? (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void approve()}
            disabled={busy}
          >
            {t('review.approve')}
          </button>
          <button type="button" className="button" onClick={() => setReturning(true)} disabled={busy}>
            {t('review.return')}
          </button>
        </div>
      ) : (
        <form onSubmit={sendBack} noValidate>
          <ErrorSummary form={FORM} errors={errors} order={order} />
          {errors.comments && (
            <p className="field-error" id={`${FORM}-comments`} tabIndex={-1}>
              {errors.comments}
            </p>
          )}
          <TextAreaField
            form={FORM}
            name="message"
            label={t('review.message')}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            error={errors.message}
            dir="auto"
            rows={2}
          />
          <fieldset className="fieldset">
            <legend>{t('review.comments')}</legend>
            <p className="hint">{t('review.commentsHint')}</p>
            {items.map((item) => (
              <TextAreaField
                key={item.item}
                form={FORM}
                name={`comment.${item.item}`}
                label={label(item)}
                value={comments[item.item] ?? ''}
                onChange={(event) => setComments((c) => ({ ...c, [item.item]: event.target.value }))}
                dir="auto"
                rows={2}
              />
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('review.sendBack')}
            </button>
            <button type="button" className="button" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The strategy office reopens an approved report, with a reason (audited by the server). */
export function ReopenPanel({ report, onDone }: { report: Report; onDone(notice: string): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    try {
      await api<Report>('POST', `/api/reporting/reports/${encodeURIComponent(report.id)}/reopen`, {
        version: report.version,
        reason: reason.trim(),
      });
      onDone(t('review.reopened'));
    } catch (e) {
      setFailure(problemMessage(t, e));
    }
  };

  return (
    <section className="card" aria-labelledby="reopen-heading">
      <h2 id="reopen-heading">{t('review.reopenTitle')}</h2>
      {failure && <Alert kind="error">{failure}</Alert>}
      {!open ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('review.reopen')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextAreaField
            form="reopen"
            name="reason"
            label={t('review.reopenReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={error}
            dir="auto"
            rows={2}
            required
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('review.reopen')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
