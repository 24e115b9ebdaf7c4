import type { Proposal } from '../../../server/modules/consultation/consultation.schema';
import type { ProposalTrace } from '../../../server/modules/portal/portal-calls.service';
import { Breadcrumb, PageHead, Source, TableScroll } from '../bits';
import { Local, useHref, usePortal } from '../context';

const authors = (p: Proposal) => [p.organization, ...p.coauthors].join(', ');

function Answer({ proposal: p }: { proposal: Proposal }) {
  const { t, f } = usePortal();
  if (!p.response) return <p className="muted unanswered">{t('consultation.unanswered')}</p>;
  return (
    <p>
      <span className={`badge answer-${p.response.decision}`}>
        {t(`consultation.responses.${p.response.decision}`)}
      </span>{' '}
      <span className="muted">{f.date(p.response.at.slice(0, 10))}</span>
    </p>
  );
}

/** The consultation: proposals with their authors, endorsements and the ministry's answer. */
export function ProposalsPage({ proposals }: { proposals: Proposal[] }) {
  const { t, f } = usePortal();
  const href = useHref();
  return (
    <>
      <PageHead title={t('portalCalls.proposals.title')}>
        <p className="lead">{t('portalCalls.proposals.lead')}</p>
      </PageHead>
      {proposals.length === 0 ? (
        <p className="muted">{t('portalCalls.proposals.none')}</p>
      ) : (
        <ul className="cards">
          {proposals.map((p) => (
            <li key={p.code} className="card">
              <article aria-labelledby={`proposal-${p.code}`}>
                <h2 id={`proposal-${p.code}`}>
                  <a href={href(`/proposals/${encodeURIComponent(p.code)}`)}>
                    <Local text={p.title} fallback={p.code} />
                  </a>
                </h2>
                <p className="meta">
                  {t('consultation.by', { organizations: authors(p) })} · {f.date(p.submittedOn)} ·{' '}
                  {t('consultation.endorsements', { count: p.endorsements.length })}
                </p>
                <Answer proposal={p} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One proposal: its text, authors, endorsements, the answer and its reason, and what it became. */
export function ProposalPage({ proposal: p, trace }: { proposal: Proposal; trace: ProposalTrace | null }) {
  const { t, f } = usePortal();
  const href = useHref();
  return (
    <>
      <Breadcrumb
        items={[{ href: href('/proposals'), label: t('portalCalls.proposals.title') }, { label: p.code }]}
      />
      <PageHead
        kicker={`${t('portalCalls.proposals.kicker')} ${p.code}`}
        title={<Local text={p.title} fallback={p.code} />}
      >
        <p className="meta">
          {t('consultation.by', { organizations: authors(p) })} · {f.date(p.submittedOn)}
        </p>
        {p.source && (
          <p className="small">
            <Source source={p.source} />
          </p>
        )}
      </PageHead>
      {p.body && (
        <p className="proposal-body">
          <Local text={p.body} />
        </p>
      )}
      <section aria-labelledby="endorsements">
        <h2 id="endorsements">{t('consultation.endorsements', { count: p.endorsements.length })}</h2>
        {p.endorsements.length > 0 && (
          <ul className="inline">
            {p.endorsements.map((e) => (
              <li key={e.organization} className="tag">
                {e.organization}
              </li>
            ))}
          </ul>
        )}
      </section>
      {p.comments.length > 0 && (
        <section aria-labelledby="comments">
          <h2 id="comments">{t('portalCalls.proposals.comments')}</h2>
          <ul>
            {p.comments.map((c) => (
              <li key={c.id}>
                <strong>{c.organization}</strong> <span className="muted">({f.date(c.at.slice(0, 10))})</span>{' '}
                : <span dir="auto">{c.body}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="answer">
        <h2 id="answer">{t('portalCalls.proposals.answer')}</h2>
        <Answer proposal={p} />
        {p.response && (
          <p>
            <span className="muted">{t('portalCalls.proposals.reason')} </span>
            <Local text={p.response.reason} />
          </p>
        )}
      </section>
      {p.response && (
        <section aria-labelledby="became">
          <h2 id="became">{t('consultation.became')}</h2>
          {!trace || trace.nodes.length === 0 ? (
            <p className="muted">{t('portalCalls.proposals.noTrace')}</p>
          ) : (
            trace.nodes.map((n) => {
              const base = `/strategies/${encodeURIComponent(n.strategy)}`;
              return (
                <article key={`${n.strategy}/${n.node}`} className="trace" aria-labelledby={`node-${n.node}`}>
                  <h3 id={`node-${n.node}`}>
                    <a href={href(`${base}/nodes/${encodeURIComponent(n.node)}`)}>
                      {n.node} <Local text={n.title} />
                    </a>{' '}
                    <span className="muted small">({n.strategy})</span>
                  </h3>
                  <dl className="facts">
                    <div>
                      <dt>{t('consultation.indicators')}</dt>
                      <dd>
                        {n.indicators.length === 0 ? (
                          '—'
                        ) : (
                          <ul>
                            {n.indicators.map((i) => (
                              <li key={i.code}>
                                <a href={href(`/indicators/${encodeURIComponent(i.code)}`)}>
                                  {i.code} <Local text={i.name} />
                                </a>
                              </li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('consultation.projects')}</dt>
                      <dd>
                        {n.projects.length === 0 ? (
                          '—'
                        ) : (
                          <ul>
                            {n.projects.map((pr) => (
                              <li key={pr.code}>
                                <a href={href(`${base}/projects/${encodeURIComponent(pr.code)}`)}>
                                  {pr.code} <Local text={pr.title} />
                                </a>
                              </li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </div>
                  </dl>
                  <h4>{t('consultation.budget')}</h4>
                  {n.budget.byYear.length === 0 ? (
                    <p className="muted">{t('consultation.noBudget')}</p>
                  ) : (
                    <TableScroll label={`${t('consultation.budget')} ${n.node}`}>
                      <table className="data">
                        <thead>
                          <tr>
                            <th scope="col">{t('portalCalls.proposals.year')}</th>
                            <th scope="col" className="num">
                              {t('portalCalls.proposals.amount', { currency: n.budget.currency ?? '—' })}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {n.budget.byYear.map((y) => (
                            <tr key={y.year}>
                              <th scope="row">{y.year}</th>
                              <td className="num">{f.number(y.amount)}</td>
                            </tr>
                          ))}
                        </tbody>
                        <tfoot>
                          <tr>
                            <th scope="row">{t('portalCalls.proposals.total')}</th>
                            <td className="num">{f.number(n.budget.total)}</td>
                          </tr>
                        </tfoot>
                      </table>
                    </TableScroll>
                  )}
                </article>
              );
            })
          )}
        </section>
      )}
    </>
  );
}
