import type { IndicatorDetail } from '../../../server/modules/portal/portal.service';
import { Source, StatusBadge } from '../bits';
import { Local, useHref, usePortal } from '../context';
import { type ComputationView, HowComputed } from '../HowComputed';

interface EvaluationResult {
  status?: string;
  achievement?: number | null;
  performance?: number | null;
}

/** One indicator as a measure's page shows it: its latest figure, target, status, sources and calculation. */
export function IndicatorSummary({
  indicator,
  heading = true,
}: {
  indicator: IndicatorDetail;
  heading?: boolean;
}) {
  const { t, f } = usePortal();
  const href = useHref();
  const d = indicator.decimals;
  const result = (indicator.computed.result ?? {}) as EvaluationResult;
  const last = indicator.series.at(-1);
  const lastRow = last
    ? indicator.observations.find((o) => o.period === last.period && Object.keys(o.dims).length === 0)
    : undefined;
  const final = indicator.target?.final;
  const baseline = indicator.target?.baseline;
  const anchor = `ind-${indicator.code}`;
  return (
    <article className="card indicator" aria-labelledby={heading ? anchor : undefined}>
      {heading && (
        <h3 id={anchor}>
          <a href={href(`/indicators/${encodeURIComponent(indicator.code)}`)}>
            <span className="code">{indicator.code}</span> <Local text={indicator.name} />
          </a>
        </h3>
      )}
      <dl className="facts">
        <div>
          <dt>{t('tree.status')}</dt>
          <dd>
            <StatusBadge status={result.status ?? 'no_data'} />
          </dd>
        </div>
        <div>
          <dt>{t('indicators.achievement')}</dt>
          <dd>{f.percent(result.achievement ?? null)}</dd>
        </div>
        <div>
          <dt>{t('portal.indicator.baseline')}</dt>
          <dd>{baseline ? `${f.number(baseline.value, d)} (${f.period(baseline.period)})` : '—'}</dd>
        </div>
        <div>
          <dt>{t('portal.indicator.latest')}</dt>
          <dd>{last ? `${f.number(last.value, d)} (${f.period(last.period)})` : '—'}</dd>
        </div>
        <div>
          <dt>{t('portal.indicator.target')}</dt>
          <dd>{final ? `${f.number(final.value, d)} (${f.period(final.period)})` : '—'}</dd>
        </div>
        <div>
          <dt>{t('indicators.unit')}</dt>
          <dd dir="auto">{indicator.unit}</dd>
        </div>
      </dl>
      <p className="small">
        <span className="muted">{t('portal.indicator.definitionSource')} </span>
        <Source source={indicator.source} />
      </p>
      {lastRow && (
        <p className="small">
          <span className="muted">
            {t('portal.indicator.latestSource', { period: f.period(lastRow.period) })}{' '}
          </span>
          <Source source={lastRow.source} confidence={lastRow.confidence} />
        </p>
      )}
      <HowComputed id={`how-${indicator.code}`} computation={indicator.computed as ComputationView}>
        <Reported indicator={indicator} />
      </HowComputed>
    </article>
  );
}

interface Comparison {
  result?: {
    computedPercent: number | null;
    reportedPercent: number;
    gapPoints: number | null;
    mismatch: boolean;
  };
  thresholds?: { tolerancePoints?: number };
}

/** A figure a source published ("70 %") beside the one Marsad recomputes from the data, a gap flagged. */
function Reported({ indicator }: { indicator: IndicatorDetail }) {
  const { t, f } = usePortal();
  const compared = indicator.observations.filter((o) => (o.comparison as Comparison | null)?.result);
  if (!compared.length) return null;
  return (
    <>
      <p>
        <strong>{t('how.reportedTitle')}</strong>
      </p>
      {compared.map((o) => {
        const c = o.comparison as Comparison;
        const r = c.result!;
        return (
          <p key={o.period} className={r.mismatch ? 'mismatch' : undefined}>
            <strong>{f.period(o.period)}</strong> —{' '}
            {t('how.reported', { text: o.reported?.text ?? f.points(r.reportedPercent) })}{' '}
            {t('how.recomputed', { formula: `\u2066${f.points(r.computedPercent)}\u2069` })}{' '}
            {r.mismatch
              ? t('how.mismatch', {
                  gap: f.number(Math.abs(r.gapPoints ?? 0), 1),
                  tolerance: f.number(c.thresholds?.tolerancePoints ?? 1, 1),
                })
              : t('how.match', { gap: f.number(Math.abs(r.gapPoints ?? 0), 1) })}
          </p>
        );
      })}
    </>
  );
}
