import type { CallSummary } from '../../api/calls-types';
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
import { Link } from '../../router/history';
import { href } from '../../router/routes';

/** The calls for projects: state, dates and counts; a historical call shows its published figures and source. */
export function CallsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const calls = useLoad(() => api<ListOf<CallSummary>>('GET', '/api/calls'), 'all');
  return (
    <div className="page">
      <PageHeader title={t('calls.title')} lead={t('calls.lead')} />
      {calls.error ? <Alert kind="error">{problemMessage(t, calls.error)}</Alert> : null}
      {calls.data === undefined ? (
        <Loading />
      ) : (
        <div className="table-wrap card">
          <table>
            <caption className="visually-hidden">{t('calls.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calls.call')}</th>
                <th scope="col">{t('calls.state')}</th>
                <th scope="col">{t('calls.organizer')}</th>
                <th scope="col">{t('calls.closesAt')}</th>
                <th scope="col">{t('calls.submitted')}</th>
                <th scope="col">{t('calls.selected')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.data.items.map((call) => (
                <tr key={call.code}>
                  <th scope="row">
                    <Link href={href('call', { code: call.code })}>
                      <LocalText text={call.title} />
                    </Link>
                  </th>
                  <td>{t(`calls.states.${call.state}`)}</td>
                  <td>{call.organizer ?? '—'}</td>
                  <td>{call.closesAt ? format.date(call.closesAt.slice(0, 10)) : '—'}</td>
                  <td>
                    {call.publishedStats
                      ? t('calls.published', { value: format.number(call.publishedStats.submissions) })
                      : format.number(call.counts.submitted)}
                  </td>
                  <td>
                    {call.publishedStats
                      ? t(
                          call.publishedStats.selectedApproximate
                            ? 'calls.publishedAbout'
                            : 'calls.published',
                          {
                            value: format.number(call.publishedStats.selected),
                          },
                        )
                      : format.number(call.counts.selected)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {calls.data?.items
        .filter((call) => call.publishedStats)
        .map((call) => (
          <section key={call.code} aria-labelledby={`src-${call.code}`} className="card">
            <h2 id={`src-${call.code}`}>
              {t('calls.sourceOf')} <LocalText text={call.title} />
            </h2>
            <SourceCitation source={call.publishedStats!.source} />
          </section>
        ))}
    </div>
  );
}
