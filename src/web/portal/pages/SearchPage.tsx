import type { SearchResults } from '../../../server/modules/portal/portal.service';
import { PageHead } from '../bits';
import { Local, useHref, usePortal } from '../context';

export function SearchPage({ results }: { results: SearchResults }) {
  const { t } = usePortal();
  const href = useHref();
  const total =
    results.strategies.length + results.nodes.length + results.indicators.length + results.projects.length;
  return (
    <>
      <PageHead title={t('portal.search.title')}>
        <form method="get" action={href('/search')} className="search-page-form">
          <label htmlFor="q">{t('portal.search.label')}</label>
          <input id="q" name="q" type="search" defaultValue={results.q} maxLength={200} />
          <button type="submit">{t('portal.search.submit')}</button>
        </form>
      </PageHead>
      {results.q.trim() !== '' && (
        <p role="status">
          {results.q.trim().length < 2
            ? t('portal.search.tooShort')
            : t('portal.search.count', { count: total, q: results.q })}
        </p>
      )}
      {results.strategies.length > 0 && (
        <section aria-labelledby="r-strategies">
          <h2 id="r-strategies">{t('portal.nav.strategies')}</h2>
          <ul className="links">
            {results.strategies.map((s) => (
              <li key={s.code}>
                <a href={href(`/strategies/${s.code}`)}>
                  <Local text={s.title} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results.nodes.length > 0 && (
        <section aria-labelledby="r-nodes">
          <h2 id="r-nodes">{t('portal.search.nodes')}</h2>
          <ul className="links">
            {results.nodes.map((n) => (
              <li key={`${n.strategy}/${n.code}`}>
                <a href={href(`/strategies/${n.strategy}/nodes/${encodeURIComponent(n.code)}`)}>
                  <span className="code">
                    {n.strategy} {n.code}
                  </span>{' '}
                  <Local text={n.title} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results.indicators.length > 0 && (
        <section aria-labelledby="r-indicators">
          <h2 id="r-indicators">{t('indicators.title')}</h2>
          <ul className="links">
            {results.indicators.map((i) => (
              <li key={i.code}>
                <a href={href(`/indicators/${encodeURIComponent(i.code)}`)}>
                  <span className="code">{i.code}</span> <Local text={i.name} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results.projects.length > 0 && (
        <section aria-labelledby="r-projects">
          <h2 id="r-projects">{t('projects.title')}</h2>
          <ul className="links">
            {results.projects.map((p) => (
              <li key={`${p.strategy}/${p.code}`}>
                <a href={href(`/strategies/${p.strategy}/projects/${encodeURIComponent(p.code)}`)}>
                  <span className="code">{p.code}</span> <Local text={p.title} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
