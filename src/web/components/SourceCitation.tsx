import type { Confidence, Source } from '../api/strategy-types';
import { useI18n } from '../i18n/I18nProvider';
import { ConfidenceBadge } from './status';

/**
 * Where a figure comes from: the document (a link when it has an address), section, page, publisher and
 * date, the note a reader needs to judge it, and how far it can be trusted. Sources are recorded in the
 * language of the document, so they keep their own direction.
 */
export function SourceCitation({
  source,
  confidence,
  compact = false,
}: {
  source: Source | null | undefined;
  confidence?: Confidence | null;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const level = confidence ?? source?.confidence ?? null;
  if (!source?.document && !source?.url) {
    return (
      <span className="citation">
        <span className="muted">{t('source.none')}</span> <ConfidenceBadge confidence={level} />
      </span>
    );
  }
  const title = source.document ?? source.url ?? '';
  const where = [
    source.section,
    source.page !== undefined ? t('source.page', { page: String(source.page) }) : null,
  ].filter(Boolean);
  return (
    <span className="citation">
      <span className="visually-hidden">{t('source.label')} </span>
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer" target="_blank" dir="auto">
          {title}
          <span className="visually-hidden"> {t('common.newWindow')}</span>
        </a>
      ) : (
        <bdi>{title}</bdi>
      )}
      {source.publisher && source.publisher !== title && (
        <>
          {' · '}
          <bdi>{source.publisher}</bdi>
        </>
      )}
      {source.date && <> · {source.date}</>}
      {!compact && where.length > 0 && (
        <span className="citation-where" dir="auto">
          {where.join(' · ')}
        </span>
      )}{' '}
      <ConfidenceBadge confidence={level} />
      {!compact && source.note && (
        <span className="citation-note" dir="auto">
          {source.note}
        </span>
      )}
    </span>
  );
}
