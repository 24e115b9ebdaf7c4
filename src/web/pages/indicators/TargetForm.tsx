import { type FormEvent, type ReactNode, useState } from 'react';
import { isValidPeriod } from '../../../domain/periods';
import { api } from '../../api/client';
import type { IndicatorDetail, TargetPoint } from '../../api/strategy-types';
import { serverFailure } from '../../components/errors';
import { Alert, ErrorSummary } from '../../components/feedback';
import { TextAreaField, TextField } from '../../components/fields';
import { Checks } from '../../components/validation';
import { useI18n } from '../../i18n/I18nProvider';

const FORM = 'target';

interface PointDraft {
  period: string;
  value: string;
}

interface Draft {
  baseline: PointDraft;
  milestones: PointDraft[];
  final: PointDraft;
  reason: string;
  effectiveFrom: string;
}

const draftOf = (point: TargetPoint | null | undefined): PointDraft => ({
  period: point?.period ?? '',
  value: point?.value === null || point?.value === undefined ? '' : String(point.value),
});

/** A point as sent: its source is kept when the period and value are those it was recorded with. */
function pointOf(draft: PointDraft, before: TargetPoint[]): TargetPoint | null {
  if (!draft.period.trim() && !draft.value.trim()) return null;
  const point: TargetPoint = { period: draft.period.trim(), value: Number(draft.value) };
  const same = before.find((p) => p.period === point.period && p.value === point.value);
  return same?.source ? { ...point, source: same.source } : point;
}

/**
 * Changes an indicator's target. Never in place: the server records a new version with the reason given,
 * in force from the chosen day (today by default), and the earlier versions stay readable.
 */
export function TargetForm({
  indicator,
  onSaved,
  onCancel,
}: {
  indicator: IndicatorDetail;
  onSaved(version: number): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const current = indicator.target;
  const [draft, setDraft] = useState<Draft>(() => ({
    baseline: draftOf(current?.baseline),
    milestones: (current?.milestones ?? []).map(draftOf),
    final: draftOf(current?.final),
    reason: '',
    effectiveFrom: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const order = [
    'baseline.period',
    'baseline.value',
    ...draft.milestones.flatMap((_, i) => [`milestones.${i}.period`, `milestones.${i}.value`]),
    'final.period',
    'final.value',
    'reason',
    'effectiveFrom',
  ];

  const setPoint = (which: 'baseline' | 'final', field: keyof PointDraft, value: string) =>
    setDraft((d) => ({ ...d, [which]: { ...d[which], [field]: value } }));
  const setMilestone = (index: number, field: keyof PointDraft, value: string) =>
    setDraft((d) => ({
      ...d,
      milestones: d.milestones.map((m, i) => (i === index ? { ...m, [field]: value } : m)),
    }));

  const checkPoint = (checks: Checks, name: string, point: PointDraft, required: boolean) => {
    const empty = !point.period.trim() && !point.value.trim();
    if (empty && !required) return;
    checks
      .required(`${name}.period`, point.period)
      .check(
        `${name}.period`,
        !point.period.trim() || isValidPeriod(point.period.trim()),
        t('validation.period.invalid'),
      )
      .required(`${name}.value`, point.value)
      .check(
        `${name}.value`,
        !point.value.trim() || Number.isFinite(Number(point.value)),
        t('validation.number'),
      );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checks = new Checks(t);
    checkPoint(checks, 'baseline', draft.baseline, false);
    draft.milestones.forEach((m, i) => {
      checkPoint(checks, `milestones.${i}`, m, true);
    });
    checkPoint(checks, 'final', draft.final, false);
    checks
      .required('reason', draft.reason)
      .check('reason', draft.reason.trim().length >= 3 || !draft.reason.trim(), t('validation.minLength'));
    setErrors(checks.errors);
    setFailure(null);
    if (!checks.ok) return;
    const before = [current?.baseline, ...(current?.milestones ?? []), current?.final].filter(
      (p): p is TargetPoint => !!p,
    );
    setBusy(true);
    try {
      const saved = await api<{ version: number }>(
        'PUT',
        `/api/indicators/${encodeURIComponent(indicator.code)}/target`,
        {
          baseline: pointOf(draft.baseline, before),
          milestones: draft.milestones
            .map((m) => pointOf(m, before))
            .filter((p): p is TargetPoint => p !== null),
          final: pointOf(draft.final, before),
          reason: draft.reason.trim(),
          ...(draft.effectiveFrom ? { effectiveFrom: draft.effectiveFrom } : {}),
        },
      );
      onSaved(saved.version);
    } catch (error) {
      // A rule on a whole point (`/body/final`: against the direction, out of order) sits beside its value.
      const outcome = serverFailure(t, error, [...order, 'baseline', 'final']);
      for (const which of ['baseline', 'final'] as const) {
        const message = outcome.errors[which];
        if (message) {
          outcome.errors[`${which}.value`] ??= message;
          delete outcome.errors[which];
        }
      }
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  const pointFields = (
    name: string,
    legend: string,
    point: PointDraft,
    set: (field: keyof PointDraft, value: string) => void,
    extra?: ReactNode,
  ) => (
    <fieldset className="fieldset point-row" key={name}>
      <legend>{legend}</legend>
      <div className="form-grid form-grid-3">
        <TextField
          form={FORM}
          name={`${name}.period`}
          label={t('target.period')}
          hint={t('target.periodHint')}
          value={point.period}
          onChange={(e) => set('period', e.target.value)}
          error={errors[`${name}.period`]}
          dir="ltr"
          spellCheck={false}
        />
        <TextField
          form={FORM}
          name={`${name}.value`}
          label={t('target.value', { unit: indicator.unit })}
          value={point.value}
          onChange={(e) => set('value', e.target.value)}
          error={errors[`${name}.value`]}
          inputMode="decimal"
          dir="ltr"
        />
        {extra}
      </div>
    </fieldset>
  );

  return (
    <section className="card form-card" aria-labelledby={`${FORM}-heading`}>
      <h3 id={`${FORM}-heading`}>{t('target.changeTitle')}</h3>
      <p className="hint">{t('target.changeLead')}</p>
      <ErrorSummary form={FORM} errors={errors} order={order} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        {pointFields('baseline', t('target.baseline'), draft.baseline, (f, v) => setPoint('baseline', f, v))}
        {draft.milestones.map((milestone, i) =>
          pointFields(
            `milestones.${i}`,
            t('target.milestoneN', { n: String(i + 1) }),
            milestone,
            (f, v) => setMilestone(i, f, v),
            <div className="field field-button">
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  setDraft((d) => ({ ...d, milestones: d.milestones.filter((_, j) => j !== i) }))
                }
              >
                {t('target.removeMilestone', { n: String(i + 1) })}
              </button>
            </div>,
          ),
        )}
        <p>
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              setDraft((d) => ({ ...d, milestones: [...d.milestones, { period: '', value: '' }] }))
            }
          >
            {t('target.addMilestone')}
          </button>
        </p>
        {pointFields('final', t('target.final'), draft.final, (f, v) => setPoint('final', f, v))}
        <TextAreaField
          form={FORM}
          name="reason"
          label={t('target.reason')}
          hint={t('target.reasonHint')}
          value={draft.reason}
          onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))}
          error={errors.reason}
          rows={3}
          dir="auto"
          required
        />
        <TextField
          form={FORM}
          name="effectiveFrom"
          type="date"
          label={t('target.effectiveFrom')}
          hint={t('target.effectiveFromHint')}
          value={draft.effectiveFrom}
          onChange={(e) => setDraft((d) => ({ ...d, effectiveFrom: e.target.value }))}
          error={errors.effectiveFrom}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('target.save')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
