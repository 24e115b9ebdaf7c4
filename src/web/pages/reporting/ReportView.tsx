import type { Reason, Report } from '../../api/reporting-types';
import { useFormat } from '../../components/format';
import { LocalText, localText } from '../../components/LocalText';
import { nodeStateLabels } from '../../components/labels';
import { useI18n } from '../../i18n/I18nProvider';
import { EvaluationBadge } from './labels';

/** A report as it was submitted: what reviewers read, and what reporters see once it left their hands. */
export function ReportView({ report, reasons }: { report: Report; reasons: Reason[] }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const content = report.content;
  const states = nodeStateLabels(t);
  const evaluation = (kind: string, code: string) =>
    report.evaluations?.find((e) => e.kind === kind && e.code === code);
  const reasonName = (code: string) => localText(reasons.find((r) => r.code === code)?.label, locale, code);
  return (
    <>
      <section className="card" aria-labelledby="view-items-heading">
        <h2 id="view-items-heading">{t('reporting.contentTitle')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reporting.contentTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.item')}</th>
                <th scope="col">{t('reporting.reported')}</th>
                <th scope="col">{t('reporting.evaluation')}</th>
              </tr>
            </thead>
            <tbody>
              {report.scope.nodes.map((node) => {
                const saved = content.nodes?.find((n) => n.node === node.code);
                const judged = evaluation('node', node.code);
                return (
                  <tr key={`node-${node.code}`}>
                    <th scope="row">
                      <code>{node.code}</code> <LocalText text={node.title} />
                    </th>
                    <td>
                      {t('reporting.nodeSummary', {
                        progress: format.points(saved?.progress ?? null, 0),
                        state: saved?.state ? (states[saved.state] ?? saved.state) : '—',
                      })}
                      {saved?.comment && <p dir="auto">{saved.comment}</p>}
                    </td>
                    <td>{judged ? <EvaluationBadge status={judged.status} /> : '—'}</td>
                  </tr>
                );
              })}
              {report.scope.indicators.map((indicator) => {
                const figures = (content.figures ?? []).filter((f) => f.indicator === indicator.code);
                const judged = evaluation('indicator', indicator.code);
                return (
                  <tr key={`indicator-${indicator.code}`}>
                    <th scope="row">
                      <code>{indicator.code}</code> <LocalText text={indicator.name} />
                    </th>
                    <td>
                      {figures.length === 0 ? (
                        <span className="muted">{t('reporting.noFigure')}</span>
                      ) : (
                        <ul className="plain-list">
                          {figures.map((f) => (
                            <li key={`${f.period}-${JSON.stringify(f.dimensions ?? {})}`}>
                              {t('reporting.labelled', {
                                label:
                                  f.dimensions && Object.keys(f.dimensions).length > 0
                                    ? `${format.period(f.period)} (\u2066${Object.values(f.dimensions).join(', ')}\u2069)`
                                    : format.period(f.period),
                              })}{' '}
                              {f.value === null ? (
                                <span className="muted">{t('reporting.notAvailable')}</span>
                              ) : (
                                <>
                                  <strong>{format.number(f.value)}</strong> <bdi>{indicator.unit}</bdi>
                                </>
                              )}
                              {f.note && (
                                <>
                                  {' — '}
                                  <bdi className="muted">{f.note}</bdi>
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{judged ? <EvaluationBadge status={judged.status} /> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {(content.explanations ?? []).length > 0 && (
        <section className="card" aria-labelledby="view-explanations-heading">
          <h2 id="view-explanations-heading">{t('explanation.listTitle')}</h2>
          {(content.explanations ?? []).map((e) => (
            <article className="explanation-view" key={`${e.kind}:${e.code}`} aria-label={e.code}>
              <h3>
                <code>{e.code}</code> — {reasonName(e.reasonCode)}
                {e.escalate && <span className="state-badge escalated">{t('explanation.escalated')}</span>}
              </h3>
              <dl className="inline-dl">
                <div>
                  <dt>{t('explanation.owner')}</dt>
                  <dd dir="auto">{e.owner}</dd>
                </div>
                <div>
                  <dt>{t('explanation.dueDate')}</dt>
                  <dd>{format.date(e.dueDate)}</dd>
                </div>
              </dl>
              <p dir="auto">{e.narrative}</p>
              <p dir="auto">
                <strong>{t('reporting.labelled', { label: t('explanation.correctiveAction') })}</strong>{' '}
                {e.correctiveAction}
              </p>
            </article>
          ))}
        </section>
      )}
      <section className="card" aria-labelledby="view-narrative-heading">
        <h2 id="view-narrative-heading">{t('reporting.narrative')}</h2>
        {content.narrative ? (
          <p className="narrative" dir="auto">
            {content.narrative}
          </p>
        ) : (
          <p className="muted">—</p>
        )}
      </section>
    </>
  );
}
