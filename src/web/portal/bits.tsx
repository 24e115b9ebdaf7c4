import type { ReactNode } from 'react';
import { confidenceLabels, statusLabels } from '../components/labels';
import { usePortal } from './context';

// Small shared pieces of the portal pages: statuses, sources, progress, headings.

export const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'not_started', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

/** The shape beside each status, so that it never rests on colour alone. */
const STATUS_ICON: Record<string, string> = {
  achieved: '✓',
  on_track: '▲',
  at_risk: '!',
  off_track: '✕',
  not_started: '○',
  no_data: '–',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = usePortal();
  return (
    <span className={`badge s-${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status] ?? '?'} </span>
      {statusLabels(t)[status as Status] ?? status}
    </span>
  );
}

export interface SourceLike {
  document?: string;
  url?: string;
  section?: string;
  page?: string | number;
  publisher?: string;
  date?: string;
  note?: string;
  confidence?: string;
}

/** Where a figure comes from, as recorded: document (a link when it has an address), place, note, trust. */
export function Source({ source, confidence }: { source: unknown; confidence?: string | null }) {
  const { t } = usePortal();
  const s = (source ?? {}) as SourceLike;
  const level = confidence ?? s.confidence ?? null;
  const trust = level ? (
    <span className="muted">
      {' '}
      · {t('confidence.label', { level: confidenceLabels(t)[level as 'high'] ?? level })}
    </span>
  ) : null;
  if (!s.document && !s.url)
    return (
      <span className="source">
        {t('source.none')}
        {trust}
      </span>
    );
  const where = [s.section, s.page !== undefined ? t('source.page', { page: String(s.page) }) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <span className="source">
      <span className="muted">{t('source.label')} </span>
      {s.url ? (
        <a href={s.url} rel="noopener noreferrer" dir="auto">
          {s.document ?? s.url}
        </a>
      ) : (
        <bdi>{s.document}</bdi>
      )}
      {s.date && <> · {s.date}</>}
      {trust}
      {where && (
        <span className="note" dir="auto">
          {where}
        </span>
      )}
      {s.note && (
        <span className="note" dir="auto">
          {s.note}
        </span>
      )}
    </span>
  );
}

/** A progress figure drawn as a small SVG bar, the figure written beside it (the bar is decoration). */
export function Progress({ value, status }: { value: number | null; status: string }) {
  const { t, f } = usePortal();
  const width = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return (
    <span className="progress">
      <svg viewBox="0 0 100 8" width="100" height="8" aria-hidden="true" focusable="false">
        <rect width="100" height="8" rx="2" className="track" />
        <rect width={width.toFixed(1)} height="8" rx="2" className={`fill f-${status}`} />
      </svg>
      <span>{value === null ? t('tree.noProgress') : f.percent(value, 0)}</span>
    </span>
  );
}

/** How many elements of a subtree have each status: an SVG stacked bar, and the counts in words. */
export function Distribution({ counts }: { counts: Record<string, number> | undefined }) {
  const { t, f } = usePortal();
  const labels = statusLabels(t);
  const present = STATUSES.filter((s) => (counts?.[s] ?? 0) > 0);
  const total = present.reduce((sum, s) => sum + (counts?.[s] ?? 0), 0);
  if (total === 0) return <span className="muted">—</span>;
  let x = 0;
  return (
    <span className="distribution">
      <svg viewBox="0 0 100 8" width="100" height="8" aria-hidden="true" focusable="false">
        {present.map((s) => {
          const w = ((counts?.[s] ?? 0) / total) * 100;
          const rect = <rect key={s} x={x.toFixed(1)} width={w.toFixed(1)} height="8" className={`f-${s}`} />;
          x += w;
          return rect;
        })}
      </svg>
      <span className="counts">
        {present.map((s) => (
          <span key={s}>{t('tree.countOf', { count: f.number(counts?.[s] ?? 0), status: labels[s] })}</span>
        ))}
      </span>
    </span>
  );
}

/** A page heading with the small line above it (the kind of page) and below it (context). */
export function PageHead({
  kicker,
  title,
  children,
}: {
  kicker?: ReactNode;
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page-head">
      {kicker && <p className="kicker">{kicker}</p>}
      <h1>{title}</h1>
      {children}
    </div>
  );
}

export interface Crumb {
  href?: string;
  label: ReactNode;
}

export function Breadcrumb({ items }: { items: Crumb[] }) {
  const { t } = usePortal();
  return (
    <nav aria-label={t('common.breadcrumb')} className="crumbs">
      <ol>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a breadcrumb is ordered and never reordered
          <li key={i}>
            {item.href ? <a href={item.href}>{item.label}</a> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * A wide table that scrolls sideways on a phone: a named region that takes the keyboard focus, so that it can
 * be scrolled without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
