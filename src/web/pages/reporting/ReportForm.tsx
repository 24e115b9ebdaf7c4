import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Reason, Report } from '../../api/reporting-types';
import type { Dimension } from '../../api/strategy-types';
import { problemMessage } from '../../components/errors';
import { Alert, ErrorSummary } from '../../components/feedback';
import { TextAreaField } from '../../components/fields';
import { LocalText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';
import { CommitmentFields } from './CommitmentFields';
import { EXPLANATION_FIELDS, ExplanationFields } from './ExplanationFields';
import { FigureFields } from './FigureFields';
import { EvaluationBadge } from './labels';
import { MilestoneFields } from './MilestoneFields';
import { NodeFields } from './NodeFields';
import { ReviewerComment } from './ReviewerComments';
import {
  blankFigure,
  contentOf,
  type DraftState,
  draftFromReport,
  emptyExplanation,
  type FigureRow,
  itemKey,
  itemsNeedingExplanation,
  parseFigure,
  reportFieldErrors,
} from './report-draft';

export const FORM = 'report';

/** Field names in page order, for the error summary. */
function fieldOrder(report: Report, state: DraftState): string[] {
  const order: string[] = [];
  const explanation = (key: string) => {
    order.push(`explanations.${key}`);
    for (const field of EXPLANATION_FIELDS) order.push(`explanations.${key}.${field}`);
  };
  for (const node of report.scope.nodes) {
    order.push(`nodes.${node.code}.progress`, `nodes.${node.code}.state`, `nodes.${node.code}.comment`);
    explanation(itemKey('node', node.code));
  }
  for (const indicator of report.scope.indicators) {
    order.push(`indicator.${indicator.code}`);
    for (const row of state.figures.filter((f) => f.indicator === indicator.code)) {
      order.push(`figures.${row.key}.period`);
      for (const dimension of indicator.dimensions) order.push(`figures.${row.key}.dimensions.${dimension}`);
      order.push(`figures.${row.key}.value`, `figures.${row.key}.note`);
    }
    explanation(itemKey('indicator', indicator.code));
  }
  for (const id of Object.keys(state.milestones)) order.push(`milestones.${id}.actualDate`);
  for (const id of Object.keys(state.realisations))
    order.push(`realisations.${id}.value`, `realisations.${id}.note`);
  order.push('narrative');
  return order;
}

/** The reporter's form: progress per node, figures per period and member, explanations, narrative. */
export function ReportForm({
  report,
  reasons,
  dimensions,
  onReload,
  onSubmitted,
}: {
  report: Report;
  reasons: Reason[];
  dimensions: Dimension[];
  onReload(): void;
  onSubmitted(): void;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<DraftState>(() => draftFromReport(report));
  const [version, setVersion] = useState(report.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const order = fieldOrder(report, state);
  const path = `/api/reporting/reports/${encodeURIComponent(report.id)}`;

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const [code, row] of Object.entries(state.nodes)) {
      const progress = parseFigure(row.progress);
      if (row.progress.trim() && !(Number.isFinite(progress) && progress >= 0 && progress <= 100)) {
        found[`nodes.${code}.progress`] = t('reporting.progressInvalid');
      }
    }
    for (const row of state.figures) {
      if (row.value.trim() && !Number.isFinite(parseFigure(row.value))) {
        found[`figures.${row.key}.value`] = t('validation.number');
      }
      if ((row.value.trim() || row.note.trim()) && !row.period.trim()) {
        found[`figures.${row.key}.period`] = t('validation.required');
      }
    }
    return found;
  };

  /** Saves the whole draft; resolves with the new version, or null when it failed (errors shown). */
  const save = async (): Promise<number | null> => {
    const local = check();
    setErrors(local);
    setFailure(null);
    setConflict(false);
    setNotice(null);
    if (Object.keys(local).length) return null;
    const sent = contentOf(state, report);
    try {
      const saved = await api<Report>('PUT', path, { version, ...sent.content });
      setVersion(saved.version);
      return saved.version;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') setConflict(true);
      else {
        const fields = reportFieldErrors(t, error, sent);
        setErrors(fields);
        const placed = Object.keys(fields).filter((field) => order.includes(field)).length;
        setFailure(placed && placed === Object.keys(fields).length ? null : problemMessage(t, error));
      }
      return null;
    }
  };

  const saveDraft = async () => {
    setBusy(true);
    try {
      if ((await save()) !== null) setNotice(t('reporting.draftSaved'));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const current = await save();
      if (current === null) return;
      const sent = contentOf(state, report);
      try {
        await api<Report>('POST', `${path}/submit`, { version: current });
        onSubmitted();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'version_conflict') {
          setConflict(true);
          return;
        }
        const fields = reportFieldErrors(t, error, sent);
        const missing = itemsNeedingExplanation(fields);
        if (missing.length) {
          setState((s) => {
            const explanations = { ...s.explanations };
            for (const key of missing) explanations[key] ??= emptyExplanation();
            return { ...s, explanations };
          });
        }
        setErrors(fields);
        setFailure(missing.length ? t('reporting.explanationsRequired') : problemMessage(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  const setFigure = (key: string, patch: Partial<FigureRow>) =>
    setState((s) => ({ ...s, figures: s.figures.map((f) => (f.key === key ? { ...f, ...patch } : f)) }));

  const explanationFor = (kind: 'indicator' | 'node', code: string, label: string) => {
    const key = itemKey(kind, code);
    const value = state.explanations[key];
    if (!value) {
      return (
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            setState((s) => ({ ...s, explanations: { ...s.explanations, [key]: emptyExplanation() } }))
          }
        >
          {t('explanation.add', { item: code })}
        </button>
      );
    }
    return (
      <ExplanationFields
        form={FORM}
        item={key}
        label={t('explanation.title', { item: label })}
        value={value}
        reasons={reasons}
        errors={errors}
        onChange={(next) => setState((s) => ({ ...s, explanations: { ...s.explanations, [key]: next } }))}
        onRemove={() =>
          setState((s) => {
            const { [key]: _removed, ...explanations } = s.explanations;
            return { ...s, explanations };
          })
        }
      />
    );
  };

  const evaluation = (kind: string, code: string) =>
    report.evaluations?.find((e) => e.kind === kind && e.code === code);

  return (
    <form onSubmit={submit} noValidate className="report-form" aria-labelledby="report-form-heading">
      <h2 id="report-form-heading" className="visually-hidden">
        {t('reporting.formTitle')}
      </h2>
      <ErrorSummary form={FORM} errors={errors} order={order} />
      {failure && <Alert kind="error">{failure}</Alert>}
      {conflict && (
        <Alert kind="error">
          <p>{t('reporting.conflict')}</p>
          <button type="button" className="button" onClick={onReload}>
            {t('reporting.reload')}
          </button>
        </Alert>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}

      {report.scope.nodes.length > 0 && (
        <section className="card" aria-labelledby="report-nodes-heading">
          <h2 id="report-nodes-heading">{t('reporting.nodes')}</h2>
          {report.scope.nodes.map((node) => {
            const row = state.nodes[node.code] ?? { progress: '', state: '', comment: '' };
            const judged = evaluation('node', node.code);
            return (
              <div className="report-item" key={node.code}>
                <h3 className="report-item-title">
                  <code className="code-chip">{node.code}</code> <LocalText text={node.title} />{' '}
                  {judged && <EvaluationBadge status={judged.status} />}
                </h3>
                <ReviewerComment report={report} item={`node:${node.code}`} />
                <NodeFields
                  form={FORM}
                  code={node.code}
                  row={row}
                  errors={errors}
                  onChange={(next) => setState((s) => ({ ...s, nodes: { ...s.nodes, [node.code]: next } }))}
                />
                {explanationFor('node', node.code, node.code)}
              </div>
            );
          })}
        </section>
      )}

      {report.scope.indicators.length > 0 && (
        <section className="card" aria-labelledby="report-figures-heading">
          <h2 id="report-figures-heading">{t('reporting.figures')}</h2>
          <p className="hint">{t('reporting.figuresHint')}</p>
          {report.scope.indicators.map((indicator) => {
            const judged = evaluation('indicator', indicator.code);
            const missing = errors[`indicator.${indicator.code}`];
            return (
              <div className="report-item" key={indicator.code}>
                <h3 className="report-item-title">
                  <code className="code-chip">{indicator.code}</code> <LocalText text={indicator.name} />{' '}
                  <span className="muted">
                    (<bdi>{indicator.unit}</bdi>)
                  </span>{' '}
                  {judged && <EvaluationBadge status={judged.status} />}
                </h3>
                <ReviewerComment report={report} item={`indicator:${indicator.code}`} />
                {missing && (
                  <p className="field-error" id={`${FORM}-indicator-${indicator.code}`} tabIndex={-1}>
                    {missing}
                  </p>
                )}
                {state.figures
                  .filter((f) => f.indicator === indicator.code)
                  .map((row, index) => (
                    <FigureFields
                      key={row.key}
                      form={FORM}
                      row={row}
                      index={index}
                      unit={indicator.unit}
                      dimensions={indicator.dimensions.map(
                        (code) =>
                          dimensions.find((d) => d.code === code) ?? {
                            code,
                            name: {},
                            builtin: false,
                            members: [],
                          },
                      )}
                      errors={errors}
                      onChange={(patch) => setFigure(row.key, patch)}
                      onRemove={() =>
                        setState((s) => ({ ...s, figures: s.figures.filter((f) => f.key !== row.key) }))
                      }
                    />
                  ))}
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      setState((s) => ({
                        ...s,
                        figures: [...s.figures, blankFigure(indicator.code, report.cycle.period)],
                      }))
                    }
                  >
                    {t('reporting.addFigure', { code: indicator.code })}
                  </button>
                </div>
                {explanationFor('indicator', indicator.code, indicator.code)}
              </div>
            );
          })}
        </section>
      )}

      <MilestoneFields
        form={FORM}
        report={report}
        values={state.milestones}
        errors={errors}
        onChange={(id, value) => setState((s) => ({ ...s, milestones: { ...s.milestones, [id]: value } }))}
      />
      <CommitmentFields
        form={FORM}
        report={report}
        values={state.realisations}
        errors={errors}
        onChange={(id, field, value) =>
          setState((s) => ({
            ...s,
            realisations: {
              ...s.realisations,
              [id]: { ...(s.realisations[id] ?? { value: '', note: '' }), [field]: value },
            },
          }))
        }
      />

      <section className="card" aria-labelledby="report-narrative-heading">
        <h2 id="report-narrative-heading">{t('reporting.narrative')}</h2>
        <ReviewerComment report={report} item="narrative" />
        <TextAreaField
          form={FORM}
          name="narrative"
          label={t('reporting.narrativeLabel')}
          hint={t('reporting.narrativeHint')}
          value={state.narrative}
          onChange={(event) => setState((s) => ({ ...s, narrative: event.target.value }))}
          error={errors.narrative}
          dir="auto"
          rows={6}
        />
      </section>

      <div className="form-actions report-actions">
        <button type="button" className="button" onClick={() => void saveDraft()} disabled={busy}>
          {t('reporting.saveDraft')}
        </button>
        {report.abilities.submit && (
          <button type="submit" className="button button-primary" disabled={busy}>
            {report.state === 'returned' ? t('reporting.resubmit') : t('reporting.submit')}
          </button>
        )}
      </div>
    </form>
  );
}
