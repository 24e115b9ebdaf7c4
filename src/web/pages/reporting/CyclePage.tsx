import { useState } from 'react';
import type { I18nText } from '../../../domain/i18n';
import { api } from '../../api/client';
import type { CompletenessRow, Cycle, CycleDetail } from '../../api/reporting-types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { useSession } from '../../session/SessionProvider';
import { ReportingNav, ReportStateBadge, reportStateLabels } from './labels';
import { CycleStateBadge } from './ReportingPage';

type Column = 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'late' | 'onTime';
const COLUMNS: Column[] = ['assigned', 'draft', 'submitted', 'returned', 'approved', 'late'];
const HISTORY_COLUMNS: Column[] = ['assigned', 'submitted', 'approved', 'late', 'onTime'];

/** One cycle: completeness per organization, the assignments the person may see, and closing it. */
export function CyclePage({ id }: { id: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const path = `/api/reporting/cycles/${encodeURIComponent(id)}`;
  const detail = useLoad(() => api<CycleDetail>('GET', path), id);
  const completeness = useLoad(
    () => api<{ cycle: Cycle; items: CompletenessRow[] }>('GET', `${path}/completeness`),
    id,
  );
  const cycle = detail.data;
  const strategy = cycle?.strategy ?? '';
  const history = useLoad(
    () =>
      strategy
        ? api<{ items: CompletenessRow[] }>(
            'GET',
            `/api/reporting/completeness?strategy=${encodeURIComponent(strategy)}`,
          )
        : Promise.resolve(null),
    strategy,
  );

  const close = async () => {
    if (!cycle) return;
    setFailure(null);
    try {
      await api<Cycle>('POST', `${path}/close`, { version: cycle.version });
      setConfirming(false);
      setNotice(t('reporting.cycleClosedNotice'));
      await Promise.all([detail.reload(), completeness.reload()]);
    } catch (error) {
      setFailure(problemMessage(t, error));
    }
  };

  if (!cycle) {
    return (
      <div className="page">
        <ReportingNav current="reporting" />
        {detail.error ? <Alert kind="error">{problemMessage(t, detail.error)}</Alert> : <Loading />}
      </div>
    );
  }
  const names = new Map(cycle.assignments.map((a) => [a.organization, a.organizationName]));
  return (
    <div className="page">
      <ReportingNav current="reporting" />
      <PageHeader
        title={t('reporting.cycleName', { strategy: cycle.strategy, period: format.period(cycle.period) })}
        lead={t('reporting.cycleLead', { due: format.date(cycle.dueDate) })}
      >
        <CycleStateBadge state={cycle.state} />
        {can('reporting.manage') && cycle.state === 'open' && !confirming && (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('reporting.closeCycle')}
          </button>
        )}
      </PageHeader>
      {notice && <Alert kind="success">{notice}</Alert>}
      {failure && <Alert kind="error">{failure}</Alert>}
      {confirming && (
        <section className="card confirm" aria-label={t('reporting.closeCycle')}>
          <p>{t('reporting.closeConfirmText')}</p>
          <div className="form-actions">
            <button type="button" className="button button-danger" onClick={() => void close()}>
              {t('reporting.closeConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="completeness-heading">
        <h2 id="completeness-heading">{t('reporting.completeness')}</h2>
        {completeness.error ? <Alert kind="error">{problemMessage(t, completeness.error)}</Alert> : null}
        {completeness.data === undefined ? (
          completeness.error ? null : (
            <Loading />
          )
        ) : (
          <CompletenessTable
            rows={completeness.data.items}
            names={names}
            caption={t('reporting.completeness')}
            columns={COLUMNS}
          />
        )}
      </section>
      {history.data && history.data.items.length > 0 && (
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('reporting.history')}</h2>
          <p className="hint">{t('reporting.historyLead', { strategy: cycle.strategy })}</p>
          <CompletenessTable
            rows={history.data.items}
            names={names}
            caption={t('reporting.history')}
            columns={HISTORY_COLUMNS}
          />
        </section>
      )}
      <section className="card" aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">{t('reporting.assignments')}</h2>
        {cycle.assignments.length === 0 ? (
          <p className="muted">{t('reporting.noReports')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('reporting.assignments')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reporting.organization')}</th>
                  <th scope="col">{t('reporting.covers')}</th>
                  <th scope="col">{t('reporting.stateLabel')}</th>
                  <th scope="col">{t('reporting.submittedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {cycle.assignments.map((a) => (
                  <tr key={a.report}>
                    <td>
                      <Link href={href('report', { id: a.report })}>
                        <code>{a.organization}</code> <LocalText text={a.organizationName} fallback="" />
                      </Link>
                    </td>
                    <td>
                      {t('reporting.coversItems', {
                        nodes: format.number(a.items.nodes),
                        indicators: format.number(a.items.indicators),
                        projects: format.number(a.items.projects),
                      })}
                    </td>
                    <td>
                      <ReportStateBadge state={a.state} isLate={a.isLate} />
                    </td>
                    <td>{format.date(a.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** Assignments per organization and state: a figure per cell, late ones marked in words by their column. */
function CompletenessTable({
  rows,
  names,
  caption,
  columns,
}: {
  rows: CompletenessRow[];
  names: Map<string, I18nText>;
  caption: string;
  columns: Column[];
}) {
  const { t } = useI18n();
  const format = useFormat();
  const labels: Record<Column, string> = {
    ...reportStateLabels(t),
    late: t('reporting.late'),
    onTime: t('reporting.onTime'),
  };
  return (
    <div className="table-wrap">
      <table className="completeness">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reporting.organization')}</th>
            {columns.map((column) => (
              <th scope="col" key={column} className="num">
                {labels[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.organization}>
              <th scope="row">
                <code>{row.organization}</code> <LocalText text={names.get(row.organization)} fallback="" />
              </th>
              {columns.map((column) => (
                <td key={column} className={row[column] > 0 ? `num has-${column}` : 'num'}>
                  {format.number(row[column])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
