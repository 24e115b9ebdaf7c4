import type { Report } from '../../api/reporting-types';
import { TextField } from '../../components/fields';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';
import { metricLabels } from '../agreements/labels';

/**
 * What the organization delivered on each of its commitments during the cycle's period (a flow: periods add
 * up). Once the report is approved, each figure is a realisation that the strategy office verifies.
 */
export function CommitmentFields({
  form,
  report,
  values,
  errors,
  onChange,
}: {
  form: string;
  report: Report;
  values: Record<string, { value: string; note: string }>;
  errors: Record<string, string>;
  onChange(id: string, field: 'value' | 'note', value: string): void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const metrics = metricLabels(t);
  const commitments = report.scope.commitments ?? [];
  if (commitments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="report-commitments-heading">
      <h2 id="report-commitments-heading">{t('reporting.commitments')}</h2>
      <p className="muted">{t('reporting.commitmentsLead', { period: report.cycle.period })}</p>
      {commitments.map((c) => (
        <div className="report-item" key={c.id}>
          <h3 className="report-item-title">
            <code className="code-chip">{c.agreement}</code> <LocalText text={c.title} />
          </h3>
          <p className="muted small">
            {t('reporting.commitmentPromise', {
              metric: metrics[c.metric as keyof typeof metrics] ?? c.metric,
              value: format.number(c.value),
              year: c.dueYear === null ? '—' : String(c.dueYear),
            })}
          </p>
          <div className="form-grid">
            <TextField
              form={form}
              name={`realisations.${c.id}.value`}
              label={t('reporting.realisationValue')}
              inputMode="decimal"
              value={values[c.id]?.value ?? ''}
              onChange={(event) => onChange(c.id, 'value', event.target.value)}
              error={errors[`realisations.${c.id}.value`]}
            />
            <TextField
              form={form}
              name={`realisations.${c.id}.note`}
              label={t('reporting.realisationNote')}
              value={values[c.id]?.note ?? ''}
              onChange={(event) => onChange(c.id, 'note', event.target.value)}
              error={errors[`realisations.${c.id}.note`]}
            />
          </div>
        </div>
      ))}
    </section>
  );
}
