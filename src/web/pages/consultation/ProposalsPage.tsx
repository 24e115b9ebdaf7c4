import type { ProposalSummary } from '../../api/calls-types';
import { api } from '../../api/client';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { SourceCitation } from '../../components/SourceCitation';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { ProposalTrace } from './ProposalTrace';

/** The proposals to the strategy: who made them, who endorsed them, the ministry's answer and what they became. */
export function ProposalsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const proposals = useLoad(() => api<ListOf<ProposalSummary>>('GET', '/api/proposals'), 'all');
  return (
    <div className="page">
      <PageHeader title={t('consultation.title')} lead={t('consultation.lead')} />
      {proposals.error ? <Alert kind="error">{problemMessage(t, proposals.error)}</Alert> : null}
      {proposals.data === undefined ? (
        <Loading />
      ) : (
        proposals.data.items.map((p) => (
          <article key={p.code} aria-labelledby={`proposal-${p.code}`} className="card">
            <h2 id={`proposal-${p.code}`}>
              <LocalText text={p.title} />
            </h2>
            <p>
              {t('consultation.by', { organizations: [p.organization, ...p.coauthors].join(', ') })} ·{' '}
              {format.date(p.submittedOn)} ·{' '}
              {t('consultation.endorsements', { count: p.endorsements.length })}
            </p>
            <LocalText as="p" text={p.body} fallback="" />
            {p.response ? (
              <div>
                <p>
                  <strong>{t(`consultation.responses.${p.response.decision}`)}</strong> —{' '}
                  <LocalText text={p.response.reason} />
                </p>
                {p.nodes.length > 0 && <ProposalTrace code={p.code} />}
              </div>
            ) : (
              <p>{t('consultation.unanswered')}</p>
            )}
            {p.source && <SourceCitation source={p.source} compact />}
          </article>
        ))
      )}
    </div>
  );
}
