import type { Report } from '../../api/reporting-types';
import { TextField } from '../../components/fields';
import { useFormat } from '../../components/format';
import { LocalText, localText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';

/** The actual date of each milestone of the organization's projects (empty: not reached yet). */
export function MilestoneFields({
  form,
  report,
  values,
  errors,
  onChange,
}: {
  form: string;
  report: Report;
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange(id: string, value: string): void;
}) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const projects = report.scope.projects.filter((p) => p.milestones.length > 0);
  if (projects.length === 0) return null;
  return (
    <section className="card" aria-labelledby="report-milestones-heading">
      <h2 id="report-milestones-heading">{t('reporting.milestones')}</h2>
      {projects.map((project) => (
        <div className="report-item" key={project.code}>
          <h3 className="report-item-title">
            <code className="code-chip">{project.code}</code> <LocalText text={project.title} />
          </h3>
          <div className="form-grid">
            {project.milestones.map((milestone) => (
              <TextField
                key={milestone.id}
                form={form}
                name={`milestones.${milestone.id}.actualDate`}
                type="date"
                label={t('reporting.milestoneActual', {
                  milestone: localText(milestone.title, locale, project.code),
                })}
                hint={t('reporting.milestonePlanned', { date: format.date(milestone.plannedDate) })}
                value={values[milestone.id] ?? ''}
                onChange={(event) => onChange(milestone.id, event.target.value)}
                error={errors[`milestones.${milestone.id}.actualDate`]}
              />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
