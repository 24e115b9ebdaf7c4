import type { ProjectPageData } from '../../../server/modules/portal/portal.service';
import { projectKindLabels } from '../../components/labels';
import { Breadcrumb, PageHead, Source, TableScroll } from '../bits';
import { Local, useHref, usePortal } from '../context';

export function ProjectPage({ data }: { data: ProjectPageData }) {
  const { t, f } = usePortal();
  const href = useHref();
  const { strategy, project } = data;
  const base = `/strategies/${strategy.code}`;
  return (
    <>
      <Breadcrumb
        items={[
          { href: href('/'), label: t('portal.nav.strategies') },
          { href: href(base), label: <Local text={strategy.title} /> },
          { label: project.code },
        ]}
      />
      <PageHead
        kicker={`${t('portal.project.kicker')} ${project.code}`}
        title={<Local text={project.title} />}
      >
        {project.description && (
          <p className="lead">
            <Local text={project.description} />
          </p>
        )}
        <p className="small">
          <Source source={project.source} />
        </p>
      </PageHead>
      <dl className="facts">
        {project.node && (
          <div>
            <dt>{t('projects.node')}</dt>
            <dd>
              <a href={href(`${base}/nodes/${encodeURIComponent(project.node)}`)}>{project.node}</a>
            </dd>
          </div>
        )}
        {project.kind && (
          <div>
            <dt>{t('portal.project.kind')}</dt>
            <dd>{projectKindLabels(t)[project.kind] ?? project.kind}</dd>
          </div>
        )}
        {project.flagship && (
          <div>
            <dt>{t('projects.flagship')}</dt>
            <dd>✓</dd>
          </div>
        )}
        {project.group && (
          <div>
            <dt>{t('portal.project.group')}</dt>
            <dd>
              <Local text={project.group} />
            </dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="milestones">
        <h2 id="milestones">{t('projects.milestonesOf', { code: project.code })}</h2>
        {project.milestones.length === 0 ? (
          <p className="muted">—</p>
        ) : (
          <TableScroll label={t('projects.milestonesOf', { code: project.code })}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('projects.milestone')}</th>
                  <th scope="col">{t('projects.planned')}</th>
                  <th scope="col">{t('projects.actual')}</th>
                  <th scope="col">{t('observations.source')}</th>
                </tr>
              </thead>
              <tbody>
                {project.milestones.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Local text={m.title} />
                    </th>
                    <td>{f.period(m.plannedDate)}</td>
                    <td>{f.period(m.actualDate)}</td>
                    <td>
                      <Source source={m.source} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
