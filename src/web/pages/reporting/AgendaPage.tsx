import { api } from '../../api/client';
import type { AgendaItem, Reason } from '../../api/reporting-types';
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
import { EvaluationBadge, ReportingNav, ReportStateBadge } from './labels';

/** The inter-ministerial committee's agenda: every escalated variance, with its corrective action. */
export function AgendaPage() {
  const { t, locale } = useI18n();
  const format = useFormat();
  const agenda = useLoad(() => api<ListOf<AgendaItem>>('GET', '/api/reporting/agenda'), 'all');
  const reasons = useLoad(() => api<ListOf<Reason>>('GET', '/api/reporting/reasons'), 'all');
  const reasonName = (code: string) =>
    localText(reasons.data?.items.find((r) => r.code === code)?.label, locale, code);
  const items = agenda.data?.items ?? [];
  return (
    <div className="page">
      <ReportingNav current="agenda" />
      <PageHeader title={t('agenda.title')} lead={t('agenda.lead')} />
      {agenda.error ? <Alert kind="error">{problemMessage(t, agenda.error)}</Alert> : null}
      {agenda.data === undefined && agenda.loading ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('agenda.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('agenda.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agenda.item')}</th>
                <th scope="col">{t('reporting.organization')}</th>
                <th scope="col">{t('agenda.status')}</th>
                <th scope="col">{t('explanation.reason')}</th>
                <th scope="col">{t('explanation.correctiveAction')}</th>
                <th scope="col">{t('explanation.owner')}</th>
                <th scope="col">{t('reporting.stateLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.report}-${item.kind}-${item.code}`}>
                  <th scope="row">
                    <Link href={href('report', { id: item.report })}>
                      <code>{item.code}</code>
                    </Link>{' '}
                    <span className="muted">
                      {item.strategy} · {format.period(item.period)}
                    </span>
                  </th>
                  <td>
                    <code>{item.organization}</code>
                  </td>
                  <td>
                    <EvaluationBadge status={item.status} />
                  </td>
                  <td>
                    {reasonName(item.reasonCode)}
                    <p className="muted" dir="auto">
                      {item.narrative}
                    </p>
                  </td>
                  <td dir="auto">{item.correctiveAction}</td>
                  <td>
                    <span dir="auto">{item.owner}</span>
                    <br />
                    <span className="muted">{t('agenda.due', { date: format.date(item.dueDate) })}</span>
                  </td>
                  <td>
                    <ReportStateBadge state={item.reportState} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
