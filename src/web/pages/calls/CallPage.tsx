import { localize } from '../../../domain/i18n';
import type { CallSummary, RankingItem } from '../../api/calls-types';
import { api } from '../../api/client';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { DecisionCell } from './DecisionCell';
import { JurySection } from './JurySection';

/** One call: its criteria and themes, and for the strategy office the jury's ranking with its spread. */
export function CallPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const call = useLoad(() => api<CallSummary>('GET', `/api/calls/${encodeURIComponent(code)}`), code);
  const manages = can('calls.manage');
  const ranking = useLoad(
    () =>
      manages
        ? api<ListOf<RankingItem>>('GET', `/api/calls/${encodeURIComponent(code)}/ranking`)
        : Promise.resolve({ items: [] }),
    `${code}:${manages}`,
  );
  if (call.error)
    return (
      <div className="page">
        <Alert kind="error">{problemMessage(t, call.error)}</Alert>
      </div>
    );
  if (!call.data)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const c = call.data;
  return (
    <div className="page">
      <PageHeader title={localize(c.title, locale)?.text ?? c.code} lead={t(`calls.states.${c.state}`)} />
      <LocalText as="p" text={c.description} fallback="" />
      <section aria-labelledby="call-criteria">
        <h2 id="call-criteria">{t('calls.criteria')}</h2>
        <p>{t('calls.scale', { min: format.number(c.scale.min), max: format.number(c.scale.max) })}</p>
        {c.criteria.length === 0 ? (
          <p>{t('calls.noCriteria')}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t('calls.criteria')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calls.criterion')}</th>
                <th scope="col">{t('calls.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {c.criteria.map((criterion) => (
                <tr key={criterion.code}>
                  <th scope="row">
                    <LocalText text={criterion.label} />
                  </th>
                  <td>{format.number(criterion.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {c.themes.length > 0 && (
          <ul aria-label={t('calls.themes')}>
            {c.themes.map((theme) => (
              <li key={theme.code}>
                <LocalText text={theme.label} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {!manages && <JurySection call={c} />}
      {manages && (
        <section aria-labelledby="call-ranking">
          <h2 id="call-ranking">{t('calls.ranking')}</h2>
          <p>{t('calls.rankingMethod')}</p>
          {ranking.error ? <Alert kind="error">{problemMessage(t, ranking.error)}</Alert> : null}
          {ranking.data && ranking.data.items.length === 0 && <p>{t('calls.noApplications')}</p>}
          {ranking.data && ranking.data.items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('calls.ranking')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calls.rank')}</th>
                    <th scope="col">{t('calls.application')}</th>
                    <th scope="col">{t('calls.mean')}</th>
                    <th scope="col">{t('calls.spread')}</th>
                    <th scope="col">{t('calls.stdDev')}</th>
                    <th scope="col">{t('calls.jurors')}</th>
                    <th scope="col">{t('calls.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ranking.data.items.map((row) => (
                    <tr key={row.ref}>
                      <td>{row.rank === null ? '—' : format.number(row.rank)}</td>
                      <th scope="row" dir="auto">
                        {t('calls.number', { ref: row.ref })} {row.title ?? ''}
                        {row.shortlisted ? ` · ${t('calls.shortlisted')}` : ''}
                      </th>
                      <td>{format.number(row.mean, 2)}</td>
                      <td>
                        {row.min === null
                          ? '—'
                          : `${format.number(row.min, 2)} – ${format.number(row.max, 2)}`}
                      </td>
                      <td>{format.number(row.stdDev, 2)}</td>
                      <td>{format.number(row.jurors)}</td>
                      <td>
                        {row.decision || c.state !== 'closed' ? (
                          row.decision ? (
                            t(`calls.decisions.${row.decision}`)
                          ) : (
                            '—'
                          )
                        ) : (
                          <DecisionCell
                            callCode={c.code}
                            submissionRef={row.ref}
                            onDecided={() => void ranking.reload()}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
