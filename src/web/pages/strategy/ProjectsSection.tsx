import { isValidPeriod, periodEnd } from '../../../domain/periods';
import { api } from '../../api/client';
import { isMissingRoute } from '../../api/problem';
import type { Milestone, Project } from '../../api/strategy-types';
import type { ListOf, Organization } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText, localText } from '../../components/LocalText';
import { projectKindLabels } from '../../components/labels';
import { SourceCitation } from '../../components/SourceCitation';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { OrganizationName } from '../admin/labels';

type Situation = 'done_on_time' | 'done_late' | 'done' | 'overdue' | 'planned' | 'unknown';

/** Where a milestone stands, from its planned and actual dates (each a date or a period, judged on its end). */
function situation(milestone: Milestone, today: string): Situation {
  const end = (value: string | null) => (value && isValidPeriod(value) ? periodEnd(value) : null);
  const planned = end(milestone.plannedDate);
  const actual = end(milestone.actualDate);
  if (actual && planned) return actual <= planned ? 'done_on_time' : 'done_late';
  if (actual) return 'done';
  if (planned) return planned < today ? 'overdue' : 'planned';
  return 'unknown';
}

/** The strategy's projects, flagship ones first, grouped as the strategy groups them, with their milestones. */
export function ProjectsSection({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const projects = useLoad(
    () => api<ListOf<Project>>('GET', `/api/strategies/${encodeURIComponent(code)}/projects`),
    code,
  );
  const organizations = useLoad(() => api<ListOf<Organization>>('GET', '/api/organizations'), 'all');
  const byCode = new Map((organizations.data?.items ?? []).map((o) => [o.code, o]));
  const items = [...(projects.data?.items ?? [])].sort(
    (a, b) => Number(b.flagship) - Number(a.flagship) || a.code.localeCompare(b.code),
  );
  const groups = new Map<string, { label: Project['group']; items: Project[] }>();
  for (const project of items) {
    const key = project.group ? localText(project.group, locale) : '';
    const group = groups.get(key) ?? { label: project.group, items: [] };
    group.items.push(project);
    groups.set(key, group);
  }

  return (
    <section aria-labelledby="projects-title">
      <h2 id="projects-title">{t('projects.title')}</h2>
      {isMissingRoute(projects.error) ? (
        <Alert kind="info">{t('errors.route_not_found')}</Alert>
      ) : projects.error ? (
        <Alert kind="error">{problemMessage(t, projects.error)}</Alert>
      ) : null}
      {projects.data === undefined ? (
        projects.loading && <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('projects.none')}</p>
      ) : (
        <>
          <p className="result-count">
            {t('projects.count', { count: items.length })} ·{' '}
            {t('projects.flagshipCount', { count: items.filter((p) => p.flagship).length })}
          </p>
          {[...groups.entries()].map(([key, group], index) => (
            <section key={key || 'none'} className="project-group" aria-labelledby={`project-group-${index}`}>
              <h3 id={`project-group-${index}`}>
                {group.label ? <LocalText text={group.label} /> : t('projects.ungrouped')}
              </h3>
              <ul className="card-list card-list-wide">
                {group.items.map((project) => (
                  <li key={project.code}>
                    <ProjectCard
                      project={project}
                      owner={project.owner ? byCode.get(project.owner) : undefined}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

function ProjectCard({ project, owner }: { project: Project; owner: Organization | undefined }) {
  const { t } = useI18n();
  const format = useFormat();
  const kinds = projectKindLabels(t);
  const today = new Date().toISOString().slice(0, 10);
  const situations: Record<Situation, string> = {
    done_on_time: t('projects.situation.done_on_time'),
    done_late: t('projects.situation.done_late'),
    done: t('projects.situation.done'),
    overdue: t('projects.situation.overdue'),
    planned: t('projects.situation.planned'),
    unknown: t('projects.situation.unknown'),
  };
  const titleId = `project-${project.code}`;
  return (
    <article className="card project-card" aria-labelledby={titleId}>
      <div className="card-top">
        <code className="code-chip">{project.code}</code>
        {project.flagship && <span className="badge">{t('projects.flagship')}</span>}
        {project.kind && <span className="tag">{kinds[project.kind] ?? project.kind}</span>}
      </div>
      <h4 id={titleId}>
        <LocalText text={project.title} />
      </h4>
      {project.description && <LocalText as="p" className="muted" text={project.description} />}
      <dl className="inline-dl">
        {project.node && (
          <div>
            <dt>{t('projects.node')}</dt>
            <dd>
              <code>{project.node}</code>
            </dd>
          </div>
        )}
        {project.owner && (
          <div>
            <dt>{t('projects.owner')}</dt>
            <dd>{owner ? <OrganizationName organization={owner} /> : <code>{project.owner}</code>}</dd>
          </div>
        )}
      </dl>
      {project.milestones.length > 0 && (
        <section
          className="table-wrap"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: it may scroll sideways in a narrow card; keyboard users must reach it.
          tabIndex={0}
          aria-label={t('projects.milestonesOf', { code: project.code })}
        >
          <table className="compact-table">
            <caption className="visually-hidden">
              {t('projects.milestonesOf', { code: project.code })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.milestone')}</th>
                <th scope="col">{t('projects.planned')}</th>
                <th scope="col">{t('projects.actual')}</th>
                <th scope="col">{t('projects.situationLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {project.milestones.map((milestone) => {
                const where = situation(milestone, today);
                return (
                  <tr key={milestone.id}>
                    <td>
                      <LocalText text={milestone.title} />
                    </td>
                    <td className="nowrap">{format.period(milestone.plannedDate)}</td>
                    <td className="nowrap">{format.period(milestone.actualDate)}</td>
                    <td>
                      <span className={`situation situation-${where}`}>{situations[where]}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {project.source && (
        <p className="small">
          <SourceCitation source={project.source} compact />
        </p>
      )}
    </article>
  );
}
