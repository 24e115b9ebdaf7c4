import type { NodePageData } from '../../../server/modules/portal/portal.service';
import { basisLabels, nodeStateLabels } from '../../components/labels';
import { Breadcrumb, Distribution, PageHead, Progress, Source, StatusBadge, TableScroll } from '../bits';
import { Local, localText, useHref, usePortal } from '../context';
import { type ComputationView, HowComputed } from '../HowComputed';
import { IndicatorSummary } from './IndicatorSummary';

export function NodePage({ data }: { data: NodePageData }) {
  const { t, f, locale } = usePortal();
  const href = useHref();
  const { strategy, node, evaluated, path, indicators } = data;
  const base = `/strategies/${strategy.code}`;
  const levels = strategy.levels as { key: string; name: Record<string, string> }[];
  const levelOf = (key: string) => localText(levels.find((l) => l.key === key)?.name, locale, key);
  return (
    <>
      <Breadcrumb
        items={[
          { href: href('/'), label: t('portal.nav.strategies') },
          { href: href(base), label: <Local text={strategy.title} /> },
          ...path
            .slice(0, -1)
            .map((n) => ({ href: href(`${base}/nodes/${encodeURIComponent(n.code)}`), label: n.code })),
          { label: node.code },
        ]}
      />
      <PageHead kicker={`${levelOf(node.level)} ${node.code}`} title={<Local text={node.title} />}>
        {node.description && (
          <p className="lead">
            <Local text={node.description} />
          </p>
        )}
        <p className="small">
          <Source source={node.source} />
        </p>
        {(node.plannedStart || node.plannedEnd || node.state) && (
          <p className="meta">
            {node.plannedStart &&
              node.plannedEnd &&
              t('strategies.period', { start: f.date(node.plannedStart), end: f.date(node.plannedEnd) })}
            {node.state && <> · {nodeStateLabels(t)[node.state] ?? node.state}</>}
          </p>
        )}
      </PageHead>

      <section aria-labelledby="progress">
        <h2 id="progress">{t('tree.progress')}</h2>
        <p className="overall">
          <Progress value={evaluated.progress} status={evaluated.status} />{' '}
          <StatusBadge status={evaluated.status} />
        </p>
        <p className="muted">
          {t('strategy.asOf', { date: f.date(data.asOf) })} ·{' '}
          {basisLabels(t)[evaluated.basis] ?? evaluated.basis}
        </p>
        {evaluated.statusCounts && <Distribution counts={evaluated.statusCounts} />}
        <HowComputed id="how-node" computation={evaluated.components as ComputationView}>
          {evaluated.basis === 'indicators' && (
            <table className="data">
              <caption>{t('portal.node.inputsIndicators')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.title')}</th>
                  <th scope="col">{t('indicators.achievement')}</th>
                  <th scope="col">{t('tree.status')}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((indicator) => {
                  const result = (indicator.computed.result ?? {}) as {
                    achievement?: number | null;
                    status?: string;
                  };
                  return (
                    <tr key={indicator.code}>
                      <th scope="row">
                        <span className="code">{indicator.code}</span> <Local text={indicator.name} />
                      </th>
                      <td className="num">{f.percent(result.achievement ?? null)}</td>
                      <td>
                        <StatusBadge status={result.status ?? 'no_data'} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {evaluated.basis === 'children' && <p>{t('portal.node.inputsChildren')}</p>}
        </HowComputed>
      </section>

      {evaluated.children.length > 0 && (
        <section aria-labelledby="children">
          <h2 id="children">{t('nodes.subtree')}</h2>
          <TableScroll label={t('nodes.subtree')}>
            <table className="data progress-table">
              <thead>
                <tr>
                  <th scope="col">{t('portal.code')}</th>
                  <th scope="col">{t('tree.node')}</th>
                  <th scope="col">{t('portal.weight')}</th>
                  <th scope="col">{t('tree.progress')}</th>
                  <th scope="col">{t('tree.status')}</th>
                </tr>
              </thead>
              <tbody>
                {evaluated.children.map((child) => (
                  <tr key={child.code}>
                    <td>{child.code}</td>
                    <th scope="row">
                      <a href={href(`${base}/nodes/${encodeURIComponent(child.code)}`)}>
                        <Local text={child.title} />
                      </a>
                    </th>
                    <td className="num">{f.number(child.weight)}</td>
                    <td>
                      <Progress value={child.progress} status={child.status} />
                    </td>
                    <td>
                      <StatusBadge status={child.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}

      <section aria-labelledby="indicators">
        <h2 id="indicators">{t('indicators.title')}</h2>
        {indicators.length === 0 ? (
          <p className="muted">{t('portal.node.noIndicator')}</p>
        ) : (
          indicators.map((indicator) => <IndicatorSummary key={indicator.code} indicator={indicator} />)
        )}
      </section>

      {node.projects.length > 0 && (
        <section aria-labelledby="projects">
          <h2 id="projects">{t('projects.title')}</h2>
          <ul className="links">
            {node.projects.map((p) => (
              <li key={p.code}>
                <a href={href(`${base}/projects/${encodeURIComponent(p.code)}`)}>
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
