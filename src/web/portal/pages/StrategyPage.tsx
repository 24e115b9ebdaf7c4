import { formatNumber } from '../../../domain/components';
import type { StrategyPageData } from '../../../server/modules/portal/portal.service';
import { strategyStateLabels } from '../../components/labels';
import { Distribution, PageHead, Progress, Source, StatusBadge, TableScroll } from '../bits';
import { Local, localText, useHref, usePortal } from '../context';

export function StrategyPage({ data }: { data: StrategyPageData }) {
  const { t, f, locale } = usePortal();
  const href = useHref();
  const { strategy, tree, projects, indicators } = data;
  const rootLevel = strategy.levels.find((l) => l.key === tree.nodes[0]?.level);
  const base = `/strategies/${strategy.code}`;
  const measured = tree.nodes.filter((n) => n.progress !== null);
  const weights = measured.reduce((sum, n) => sum + n.weight, 0);
  const formula = measured.length
    ? `(${measured.map((n) => `${formatNumber(n.progress!)} × ${formatNumber(n.weight)}`).join(' + ')}) / ${formatNumber(weights)} = ${formatNumber(tree.progress ?? 0)}`
    : null;
  return (
    <>
      <PageHead kicker={t('portal.strategy.kicker')} title={<Local text={strategy.title} />}>
        <p className="meta">
          {t('strategies.period', { start: f.date(strategy.periodStart), end: f.date(strategy.periodEnd) })} ·{' '}
          {strategyStateLabels(t)[strategy.state] ?? strategy.state}
        </p>
        {strategy.description && (
          <p className="lead">
            <Local text={strategy.description} />
          </p>
        )}
        <p className="small">
          <Source source={strategy.source} />
        </p>
      </PageHead>

      <section aria-labelledby="overall">
        <h2 id="overall">{t('strategy.overall')}</h2>
        <p className="overall">
          <Progress value={tree.progress} status={tree.status} /> <StatusBadge status={tree.status} />
        </p>
        <p className="muted">{t('strategy.asOf', { date: f.date(tree.asOf) })}</p>
        <Distribution counts={tree.statusCounts} />
        <details className="how" id="how-overall">
          <summary>{t('how.title')}</summary>
          <p>{t('portal.strategy.howOverall')}</p>
          {formula && (
            <p>
              <code dir="ltr">{formula}</code>
            </p>
          )}
          <p className="muted">
            {t('how.thresholdsText', {
              onTrack: f.percent(tree.thresholds.onTrack, 0),
              atRisk: f.percent(tree.thresholds.atRisk, 0),
            })}
          </p>
        </details>
      </section>

      <section aria-labelledby="by-priority">
        <h2 id="by-priority">
          {t('portal.strategy.byRoot', { level: localText(rootLevel?.name, locale, '') })}
        </h2>
        <TableScroll label={t('strategy.distributionCaption')}>
          <table className="data progress-table">
            <caption>{t('strategy.distributionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.code')}</th>
                <th scope="col">{t('tree.node')}</th>
                <th scope="col">{t('tree.progress')}</th>
                <th scope="col">{t('tree.status')}</th>
                <th scope="col">{t('strategy.distribution')}</th>
              </tr>
            </thead>
            <tbody>
              {tree.nodes.map((node) => (
                <tr key={node.code}>
                  <td>{node.code}</td>
                  <th scope="row">
                    <a href={href(`${base}/nodes/${encodeURIComponent(node.code)}`)}>
                      <Local text={node.title} />
                    </a>
                  </th>
                  <td>
                    <Progress value={node.progress} status={node.status} />
                  </td>
                  <td>
                    <StatusBadge status={node.status} />
                  </td>
                  <td>
                    <Distribution counts={node.statusCounts} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="more">
        <h2 id="more">{t('portal.strategy.more')}</h2>
        <ul className="links">
          <li>
            <a href={href(`${base}/budget`)}>{t('budget.pageTitle')}</a>
          </li>
          <li>
            <a href={href('/data')}>{t('portal.nav.data')}</a>
          </li>
        </ul>
      </section>

      {indicators.length > 0 && (
        <section aria-labelledby="indicators">
          <h2 id="indicators">{t('indicators.title')}</h2>
          <ul className="columns">
            {indicators.map((i) => (
              <li key={i.code}>
                <a href={href(`/indicators/${encodeURIComponent(i.code)}`)}>
                  <span className="code">{i.code}</span> <Local text={i.name} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {projects.length > 0 && (
        <section aria-labelledby="projects">
          <h2 id="projects">{t('projects.title')}</h2>
          <ul className="columns">
            {projects.map((p) => (
              <li key={p.code}>
                <a href={href(`${base}/projects/${encodeURIComponent(p.code)}`)}>
                  <span className="code">{p.code}</span> <Local text={p.title} />
                </a>
                {p.flagship && <span className="tag">{t('projects.flagship')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
