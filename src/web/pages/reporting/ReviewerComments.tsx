import type { Report } from '../../api/reporting-types';
import { useI18n } from '../../i18n/I18nProvider';

/** The reviewer's comment on one item (`indicator:CODE`, `node:CODE`, `narrative`), beside that item. */
export function ReviewerComment({ report, item }: { report: Report; item: string }) {
  const { t } = useI18n();
  const comments = (report.comments?.items ?? []).filter((c) => c.item === item);
  if (report.state !== 'returned' || comments.length === 0) return null;
  return (
    <div className="reviewer-comment" role="note" aria-label={t('review.commentOn', { item })}>
      <p className="reviewer-comment-label">{t('review.reviewerSays')}</p>
      {comments.map((c) => (
        <p key={`${c.item}-${c.comment}`} dir="auto">
          {c.comment}
        </p>
      ))}
    </div>
  );
}

/** The reviewer's overall message and every comment, at the top of a returned report. */
export function ReturnedNotice({ report }: { report: Report }) {
  const { t } = useI18n();
  if (report.state !== 'returned' || !report.comments) return null;
  const { message, items = [] } = report.comments;
  return (
    <section className="alert alert-info returned-notice" aria-labelledby="returned-heading">
      <h2 id="returned-heading">{t('review.returnedTitle')}</h2>
      {message && <p dir="auto">{message}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((c) => (
            <li key={`${c.item}-${c.comment}`}>
              <strong>
                {t('reporting.labelled', {
                  label: c.item === 'narrative' ? t('reporting.narrative') : c.item.replace(/^\w+:/, ''),
                })}
              </strong>{' '}
              <bdi>{c.comment}</bdi>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
