import { type Confidence, STATUSES, type Status, type StatusCounts } from '../api/strategy-types';
import { useI18n } from '../i18n/I18nProvider';
import { useFormat } from './format';
import { confidenceLabels, statusLabels } from './labels';

/** The shape beside each status, so that it never rests on colour alone. */
const STATUS_ICON: Record<Status, string> = {
  achieved: '✓',
  on_track: '▲',
  at_risk: '!',
  off_track: '✕',
  not_started: '○',
  no_data: '–',
};

/** A status: its name, an icon and a colour. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-${status}`}>
      <span className="status-icon" aria-hidden="true">
        {STATUS_ICON[status] ?? '?'}
      </span>
      {statusLabels(t)[status] ?? status}
    </span>
  );
}

/** Progress as a bar and its figure; the bar is drawn only, the figure is what assistive technology reads. */
export function ProgressBar({ value, status }: { value: number | null; status?: Status }) {
  const { t } = useI18n();
  const format = useFormat();
  const width = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return (
    <span className="progress">
      <span className="progress-track" aria-hidden="true">
        <span
          className={`progress-fill status-fill-${status ?? 'on_track'}`}
          style={{ inlineSize: `${width}%` }}
        />
      </span>
      <span className="progress-value">
        {value === null ? t('tree.noProgress') : format.percent(value, 0)}
      </span>
    </span>
  );
}

/**
 * How many nodes of a subtree have each status: a stacked bar for the eye, and the counts written out
 * beside it (the bar itself is hidden from assistive technology, which reads the words).
 */
export function StatusDistribution({ counts }: { counts: StatusCounts }) {
  const { t } = useI18n();
  const format = useFormat();
  const labels = statusLabels(t);
  const present = STATUSES.filter((status) => (counts[status] ?? 0) > 0);
  const total = present.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  if (total === 0) return <span className="muted">—</span>;
  return (
    <span className="distribution">
      <span className="distribution-bar" aria-hidden="true">
        {present.map((status) => (
          <span
            key={status}
            className={`distribution-segment status-fill-${status}`}
            style={{ flexGrow: counts[status] ?? 0 }}
            title={t('tree.countOf', { count: format.number(counts[status] ?? 0), status: labels[status] })}
          />
        ))}
      </span>
      <span className="distribution-legend">
        {present.map((status) => (
          <span key={status} className="distribution-item">
            <span className={`swatch status-fill-${status}`} aria-hidden="true" />
            {t('tree.countOf', { count: format.number(counts[status] ?? 0), status: labels[status] })}
          </span>
        ))}
      </span>
    </span>
  );
}

/** How far a figure can be trusted (FORMAT.md, "Confidence"). */
export function ConfidenceBadge({ confidence }: { confidence: Confidence | null | undefined }) {
  const { t } = useI18n();
  if (!confidence) return <span className="confidence confidence-none">{t('confidence.none')}</span>;
  return (
    <span className={`confidence confidence-${confidence}`}>
      {t('confidence.label', { level: confidenceLabels(t)[confidence] ?? confidence })}
    </span>
  );
}
