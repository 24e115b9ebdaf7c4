import { useState } from 'react';
import { api } from '../../api/client';
import type { Cycle, ReportSummary } from '../../api/reporting-types';
import type { Strategy } from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { useSession } from '../../session/SessionProvider';
import { ReportingNav, ReportStateBadge } from './labels';
import { OpenCycleForm } from './OpenCycleForm';

/**
 * The reporting home: the strategy office opens and follows cycles; reporters find their reports; reviewers
 * the reports waiting for them. Each part shows from the person's abilities only.
 */
export function ReportingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [opening, setOpening] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const cycles = useLoad(() => api<ListOf<Cycle>>('GET', '/api/reporting/cycles'), 'all');
  const reports = useLoad(() => api<ListOf<ReportSummary>>('GET', '/api/reporting/reports'), 'all');
  const strategies = useLoad(
    () => (can('reporting.manage') ? api<ListOf<Strategy>>('GET', '/api/strategies') : Promise.resolve(null)),
    'all',
  );
  const all = reports.data?.items ?? [];
  const toReview = all.filter((r) => r.state === 'submitted');
  const mine = all.filter((r) => r.state !== 'approved');
  return (
    <div className="page">
      <ReportingNav current="reporting" />
      <PageHeader title={t('reporting.title')} lead={t('reporting.lead')}>
        {can('reporting.manage') && !opening && (
          <button type="button" className="button button-primary" onClick={() => setOpening(true)}>
            {t('reporting.openCycle')}
          </button>
        )}
      </PageHeader>
      {notice && <Alert kind="success">{notice}</Alert>}
      {opening && (
        <OpenCycleForm
          strategies={strategies.data?.items ?? []}
          onOpened={(cycle) => {
            setOpening(false);
            setNotice(t('reporting.cycleOpened', { period: cycle.period, strategy: cycle.strategy }));
            void cycles.reload();
            void reports.reload();
          }}
          onCancel={() => setOpening(false)}
        />
      )}
      {reports.error ? <Alert kind="error">{problemMessage(t, reports.error)}</Alert> : null}
      {can('reporting.review') && (
        <ReportList
          id="to-review"
          title={t('reporting.toReview')}
          items={toReview}
          loading={reports.loading}
        />
      )}
      {can('reporting.report') && (
        <ReportList id="my-reports" title={t('reporting.myReports')} items={mine} loading={reports.loading} />
      )}
      <CycleList cycles={cycles.data?.items} error={cycles.error} />
    </div>
  );
}

function ReportList({
  id,
  title,
  items,
  loading,
}: {
  id: string;
  title: string;
  items: ReportSummary[];
  loading: boolean;
}) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {items.length === 0 ? (
        loading ? (
          <Loading />
        ) : (
          <p className="muted">{t('reporting.noReports')}</p>
        )
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.organization')}</th>
                <th scope="col">{t('reporting.cycle')}</th>
                <th scope="col">{t('reporting.dueDate')}</th>
                <th scope="col">{t('reporting.stateLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((report) => (
                <tr key={report.id}>
                  <td>
                    <Link href={href('report', { id: report.id })}>
                      {t('reporting.reportOf', { organization: report.organization })}
                    </Link>
                  </td>
                  <td>
                    <code>{report.strategy}</code> {format.period(report.period)}
                  </td>
                  <td>{format.date(report.dueDate)}</td>
                  <td>
                    <ReportStateBadge state={report.state} isLate={report.isLate} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CycleList({ cycles, error }: { cycles: Cycle[] | undefined; error: unknown }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="cycles-heading">
      <h2 id="cycles-heading">{t('reporting.cycles')}</h2>
      {error ? <Alert kind="error">{problemMessage(t, error)}</Alert> : null}
      {cycles === undefined ? (
        error ? null : (
          <Loading />
        )
      ) : cycles.length === 0 ? (
        <p className="muted">{t('reporting.noCycles')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reporting.cycles')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.cycle')}</th>
                <th scope="col">{t('reporting.dueDate')}</th>
                <th scope="col">{t('reporting.cycleState')}</th>
                <th scope="col">{t('reporting.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((cycle) => (
                <tr key={cycle.id}>
                  <td>
                    <Link href={href('cycle', { id: cycle.id })}>
                      {t('reporting.cycleName', {
                        strategy: cycle.strategy,
                        period: format.period(cycle.period),
                      })}
                    </Link>
                  </td>
                  <td>{format.date(cycle.dueDate)}</td>
                  <td>
                    <CycleStateBadge state={cycle.state} />
                  </td>
                  <td>
                    {t('reporting.approvedOf', {
                      approved: format.number(cycle.counts.approved ?? 0),
                      total: format.number(cycle.counts.assignments ?? 0),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Open or closed, in words. */
export function CycleStateBadge({ state }: { state: 'open' | 'closed' }) {
  const { t } = useI18n();
  return (
    <span className={`state-badge cycle-${state}`}>
      {state === 'open' ? t('reporting.cycleOpen') : t('reporting.cycleClosed')}
    </span>
  );
}
