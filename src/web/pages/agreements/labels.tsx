import type { CommitmentStatus, Metric, MetricTotal, RealisationState } from '../../api/agreements-types';
import type { Status } from '../../api/strategy-types';
import { useFormat } from '../../components/format';
import { StatusBadge } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';

export const metricLabels = (t: Translator): Record<Metric, string> => ({
  direct_jobs: t('agreements.metric.direct_jobs'),
  investment_mad: t('agreements.metric.investment_mad'),
  people_trained: t('agreements.metric.people_trained'),
  centres_opened: t('agreements.metric.centres_opened'),
  other: t('agreements.metric.other'),
});

export const stateLabels = (t: Translator): Record<RealisationState, string> => ({
  reported: t('agreements.state.reported'),
  verified: t('agreements.state.verified'),
  disputed: t('agreements.state.disputed'),
});

export const kindLabels = (t: Translator): Record<string, string> => ({
  mou: t('agreements.kind.mou'),
  convention: t('agreements.kind.convention'),
  progress_contract: t('agreements.kind.progress_contract'),
});

export const partyRoleLabels = (t: Translator): Record<string, string> => ({
  government: t('agreements.role.government'),
  partner: t('agreements.role.partner'),
  witness: t('agreements.role.witness'),
});

/** A commitment's status on its trajectory; `no_target` when it has no figure, signing date or due year. */
export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useI18n();
  if (status === 'no_target')
    return <span className="status-badge status-no_data">{t('agreements.noTarget')}</span>;
  return <StatusBadge status={status as Status} />;
}

/** Totals per metric: committed, achieved (verified only), reported and disputed. */
export function TotalsTable({ totals, caption }: { totals: MetricTotal[]; caption: string }) {
  const { t } = useI18n();
  const f = useFormat();
  const metrics = metricLabels(t);
  if (totals.length === 0) return <p className="muted">{t('agreements.noCommitments')}</p>;
  return (
    <div className="table-wrap">
      <table className="numeric-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreements.metricLabel')}</th>
            <th scope="col">{t('agreements.commitmentsCount')}</th>
            <th scope="col">{t('agreements.committed')}</th>
            <th scope="col">{t('agreements.achieved')}</th>
            <th scope="col">{t('agreements.reported')}</th>
            <th scope="col">{t('agreements.disputed')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((row) => (
            <tr key={row.metric}>
              <th scope="row">{metrics[row.metric]}</th>
              <td className="num">
                {f.number(row.commitments, 0)}
                {row.withoutValue > 0 && (
                  <span className="muted small">
                    {' '}
                    {t('agreements.withoutValue', { count: row.withoutValue })}
                  </span>
                )}
              </td>
              <td className="num">{f.number(row.committed, 0)}</td>
              <td className="num">{f.number(row.achieved, 0)}</td>
              <td className="num">{f.number(row.reported, 0)}</td>
              <td className="num">{f.number(row.disputed, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
