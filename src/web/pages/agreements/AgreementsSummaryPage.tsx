import type { I18nText } from '../../../domain/i18n';
import type { Agreement, Commitment, CommitmentSummary, Metric } from '../../api/agreements-types';
import { METRICS } from '../../api/agreements-types';
import { api, apiPath } from '../../api/client';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useLocation } from '../../router/history';
import { href } from '../../router/routes';
import { CommitmentStatusBadge, metricLabels } from './labels';

const GROUPS = ['event', 'party', 'region', 'metric', 'dueYear'] as const;

interface AtRisk {
  asOf: string;
  items: { agreement: Pick<Agreement, 'code' | 'title' | 'event' | 'regionCode'>; commitment: Commitment }[];
}

/** Commitments against realisations by event, partner, region, metric or deadline, and those at risk. */
export function AgreementsSummaryPage() {
  const { t } = useI18n();
  const f = useFormat();
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const by = (GROUPS as readonly string[]).includes(params.get('by') ?? '') ? params.get('by')! : 'event';
  const metric = params.get('metric') ?? 'direct_jobs';
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    next.set(name, value);
    navigate(`${pathname}?${next.toString()}`, { replace: true });
  };
  const summary = useLoad(
    () => api<CommitmentSummary>('GET', apiPath('/api/agreements/summary', { by, metric })),
    `${by}|${metric}`,
  );
  const atRisk = useLoad(() => api<AtRisk>('GET', '/api/agreements/at-risk'), 'risk');
  const metrics = metricLabels(t);
  const groupLabels: Record<string, string> = {
    event: t('agreements.event'),
    party: t('agreements.party'),
    region: t('agreements.region'),
    metric: t('agreements.metricLabel'),
    dueYear: t('agreements.dueYear'),
  };
  const keyLabel = (key: string | null, name: I18nText | null) => {
    if (key === null) return t('agreements.none');
    if (by === 'metric') return metrics[key as Metric] ?? key;
    return name ? `${key} — ` : key;
  };

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link href={href('agreements')}>{t('agreements.title')}</Link>
      </nav>
      <PageHeader title={t('agreements.summaryTitle')} lead={t('agreements.summaryLead')} />
      <search className="filters" aria-label={t('common.filters')}>
        <div className="field">
          <label htmlFor="summary-by">{t('agreements.groupBy')}</label>
          <select id="summary-by" value={by} onChange={(e) => setParam('by', e.target.value)}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {groupLabels[g]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="summary-metric">{t('agreements.metricLabel')}</label>
          <select id="summary-metric" value={metric} onChange={(e) => setParam('metric', e.target.value)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {metrics[m]}
              </option>
            ))}
          </select>
        </div>
      </search>
      {summary.error ? <Alert kind="error">{problemMessage(t, summary.error)}</Alert> : null}
      {summary.data === undefined ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="numeric-table">
            <caption>
              {t('agreements.summaryCaption', {
                group: groupLabels[by] ?? by,
                metric: metrics[metric as Metric] ?? metric,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{groupLabels[by]}</th>
                <th scope="col">{t('agreements.committed')}</th>
                <th scope="col">{t('agreements.achieved')}</th>
                <th scope="col">{t('agreements.reported')}</th>
                <th scope="col">{t('agreements.achievedShare')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.data.groups.map((g) => {
                const row = g.totals.find((x) => x.metric === metric);
                return (
                  <tr key={g.key ?? '—'}>
                    <th scope="row">
                      {keyLabel(g.key, g.name)}
                      {by === 'party' && g.name && <LocalText text={g.name} />}
                    </th>
                    <td className="num">{f.number(row?.committed ?? 0, 0)}</td>
                    <td className="num">{f.number(row?.achieved ?? 0, 0)}</td>
                    <td className="num">{f.number(row?.reported ?? 0, 0)}</td>
                    <td className="num">
                      {row?.committed ? f.percent(row.achieved / row.committed, 1) : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="risk-heading">
        <h2 id="risk-heading">{t('agreements.atRiskTitle')}</h2>
        <p className="hint">{t('agreements.atRiskLead')}</p>
        {atRisk.data && atRisk.data.items.length === 0 && (
          <p className="muted">{t('agreements.atRiskNone')}</p>
        )}
        {atRisk.data && atRisk.data.items.length > 0 && (
          <ul className="plain-list">
            {atRisk.data.items.map(({ agreement, commitment }) => (
              <li key={commitment.id}>
                <Link href={href('agreement', { code: agreement.code })}>
                  <LocalText text={agreement.title} />
                </Link>{' '}
                — {metrics[commitment.metric]} <CommitmentStatusBadge status={commitment.risk.status} />{' '}
                <span className="small">
                  {t('agreements.achievedOf', {
                    achieved: f.number(commitment.risk.achieved, 0),
                    value: f.number(commitment.value, 0),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
