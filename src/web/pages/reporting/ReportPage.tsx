import { useState } from 'react';
import { api } from '../../api/client';
import type { Reason, Report } from '../../api/reporting-types';
import type { Dimension } from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { localText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { AttachmentsSection } from './AttachmentsSection';
import { ReportingNav, ReportStateBadge } from './labels';
import { ReportForm } from './ReportForm';
import { ReportView } from './ReportView';
import { ReturnedNotice } from './ReviewerComments';
import { ReopenPanel, ReviewPanel } from './ReviewPanel';

/** One organization's report: the form while it may edit it, else the submitted content; review actions. */
export function ReportPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const [notice, setNotice] = useState<string | null>(null);
  const report = useLoad(() => api<Report>('GET', `/api/reporting/reports/${encodeURIComponent(id)}`), id);
  const reasons = useLoad(() => api<ListOf<Reason>>('GET', '/api/reporting/reasons'), 'all');
  const dimensions = useLoad(() => api<ListOf<Dimension>>('GET', '/api/dimensions'), 'all');
  const data = report.data;
  const done = (message: string) => {
    setNotice(message);
    void report.reload();
    window.scrollTo(0, 0);
  };

  if (!data) {
    return (
      <div className="page">
        <ReportingNav current="reporting" />
        {report.error ? <Alert kind="error">{problemMessage(t, report.error)}</Alert> : <Loading />}
      </div>
    );
  }
  const organization = localText(data.organization.name, locale, data.organization.code);
  return (
    <div className="page">
      <ReportingNav current="reporting" />
      <PageHeader
        title={t('reporting.reportTitle', {
          organization,
          strategy: data.cycle.strategy,
          period: format.period(data.cycle.period),
        })}
        lead={t('reporting.reportLead', { due: format.date(data.cycle.dueDate) })}
      >
        <ReportStateBadge state={data.state} isLate={data.isLate} />
        <Link className="button" href={href('cycle', { id: data.cycle.id })}>
          {t('reporting.backToCycle')}
        </Link>
      </PageHeader>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ReturnedNotice report={data} />
      {data.followUps.length > 0 && (
        <section className="card" aria-labelledby="follow-ups-heading">
          <h2 id="follow-ups-heading">{t('reporting.followUps')}</h2>
          <ul className="plain-list">
            {data.followUps.map((f) => (
              <li key={`${f.period}-${f.kind}-${f.code}`}>
                <code>{f.code}</code> ({format.period(f.period)}) —{' '}
                <span dir="auto">{f.correctiveAction}</span>{' '}
                <span className="muted">
                  {t('reporting.followUpOwner', { owner: f.owner, due: format.date(f.dueDate) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.abilities.edit ? (
        <ReportForm
          key={data.version}
          report={data}
          reasons={reasons.data?.items ?? []}
          dimensions={dimensions.data?.items ?? []}
          onReload={() => {
            setNotice(null);
            void report.reload();
          }}
          onSubmitted={() => done(t('reporting.submitted'))}
        />
      ) : (
        <ReportView report={data} reasons={reasons.data?.items ?? []} />
      )}
      <AttachmentsSection reportId={data.id} editable={data.abilities.edit} />
      {data.abilities.review && <ReviewPanel key={`review-${data.version}`} report={data} onDone={done} />}
      {data.abilities.reopen && <ReopenPanel key={`reopen-${data.version}`} report={data} onDone={done} />}
    </div>
  );
}
