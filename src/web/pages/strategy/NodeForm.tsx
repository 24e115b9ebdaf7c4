import { type FormEvent, useState } from 'react';
import type { I18nText } from '../../../domain/i18n';
import { NODE_STATES, type TreeNode } from '../../api/strategy-types';
import { serverFailure } from '../../components/errors';
import { Alert, ErrorSummary } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { I18nTextFields, LOCALE_SUFFIX } from '../../components/I18nTextFields';
import { nodeStateLabels } from '../../components/labels';
import { Checks, CODE_PATTERN } from '../../components/validation';
import { useI18n } from '../../i18n/I18nProvider';
import type { NodeFields } from './nodes-api';

const FORM = 'node';
const ORDER = [
  'code',
  'title',
  'title.fr',
  'title.ar',
  'title.en',
  'weight',
  'reason',
  'effectiveFrom',
  'plannedStart',
  'plannedEnd',
  'state',
];

interface Draft {
  code: string;
  titleFr: string;
  titleAr: string;
  titleEn: string;
  weight: string;
  reason: string;
  effectiveFrom: string;
  plannedStart: string;
  plannedEnd: string;
  state: string;
}

function draftOf(node: TreeNode | null): Draft {
  return {
    code: '',
    titleFr: node?.title.fr ?? '',
    titleAr: node?.title.ar ?? '',
    titleEn: node?.title.en ?? '',
    weight: node ? String(node.weight) : '1',
    reason: '',
    effectiveFrom: '',
    plannedStart: node?.plannedStart ?? '',
    plannedEnd: node?.plannedEnd ?? '',
    state: node?.state ?? '',
  };
}

function fieldsOf(draft: Draft, reweighted: boolean): NodeFields {
  const title: I18nText = {};
  if (draft.titleFr.trim()) title.fr = draft.titleFr.trim();
  if (draft.titleAr.trim()) title.ar = draft.titleAr.trim();
  if (draft.titleEn.trim()) title.en = draft.titleEn.trim();
  return {
    title,
    weight: Number(draft.weight),
    plannedStart: draft.plannedStart || null,
    plannedEnd: draft.plannedEnd || null,
    state: draft.state || null,
    ...(reweighted && draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
    ...(reweighted && draft.effectiveFrom ? { effectiveFrom: draft.effectiveFrom } : {}),
  };
}

interface Props {
  /** The node being edited, or null to add one. */
  editing: TreeNode | null;
  /** Heading of the form, e.g. "New initiative under P1". */
  title: string;
  onSubmit(fields: NodeFields, code: string): Promise<void>;
  onCancel(): void;
}

/** Adds or edits a plan node: code (once), title in each language, weight, planned dates, state. */
export function NodeForm({ editing, title, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const states = nodeStateLabels(t);
  // A new weight for an existing node is a plan version: say why and from when (the server requires the reason
  // once the strategy is adopted).
  const reweighted =
    editing !== null && draft.weight.trim() !== '' && Number(draft.weight) !== editing.weight;
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checks = new Checks(t);
    if (!editing) {
      checks.required('code', draft.code).matches('code', draft.code, CODE_PATTERN, t('validation.code'));
    }
    checks
      .check(
        'title',
        Boolean(draft.titleFr.trim() || draft.titleAr.trim() || draft.titleEn.trim()),
        t('nodes.titleRequired'),
      )
      .check('weight', draft.weight.trim() !== '' && Number(draft.weight) >= 0, t('nodes.weightInvalid'))
      .check(
        'plannedEnd',
        !draft.plannedStart || !draft.plannedEnd || draft.plannedStart <= draft.plannedEnd,
        t('validation.date_order'),
      );
    setErrors(checks.errors);
    setFailure(null);
    if (!checks.ok) return;
    setBusy(true);
    try {
      await onSubmit(fieldsOf(draft, reweighted), draft.code.trim());
    } catch (error) {
      const outcome = serverFailure(t, error, ORDER);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card form-card node-form" aria-labelledby={`${FORM}-heading`}>
      <h3 id={`${FORM}-heading`}>{title}</h3>
      <ErrorSummary form={FORM} errors={errors} order={ORDER} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        {!editing && (
          <TextField
            form={FORM}
            name="code"
            label={t('nodes.code')}
            hint={t('nodes.codeHint')}
            value={draft.code}
            onChange={set('code')}
            error={errors.code}
            dir="ltr"
            spellCheck={false}
            required
          />
        )}
        <fieldset className={errors.title ? 'fieldset has-error' : 'fieldset'}>
          <legend>
            {t('nodes.title')}
            <span className="required" aria-hidden="true">
              {' *'}
            </span>
          </legend>
          {errors.title && (
            <p className="field-error" id={`${FORM}-title`} tabIndex={-1}>
              {errors.title}
            </p>
          )}
          <I18nTextFields
            form={FORM}
            name="title"
            values={{ fr: draft.titleFr, ar: draft.titleAr, en: draft.titleEn }}
            onChange={(locale) => set(`title${LOCALE_SUFFIX[locale]}`)}
            errors={errors}
          />
        </fieldset>
        <div className="form-grid">
          <TextField
            form={FORM}
            name="weight"
            type="number"
            min={0}
            step="any"
            label={t('nodes.weight')}
            hint={t('nodes.weightHint')}
            value={draft.weight}
            onChange={set('weight')}
            error={errors.weight}
            inputMode="decimal"
          />
          {reweighted && (
            <>
              <TextField
                form={FORM}
                name="reason"
                label={t('nodes.weightReason')}
                hint={t('nodes.weightReasonHint')}
                value={draft.reason}
                onChange={set('reason')}
                error={errors.reason}
              />
              <TextField
                form={FORM}
                name="effectiveFrom"
                type="date"
                label={t('nodes.weightEffectiveFrom')}
                hint={t('nodes.weightEffectiveFromHint')}
                value={draft.effectiveFrom}
                onChange={set('effectiveFrom')}
                error={errors.effectiveFrom}
              />
            </>
          )}
          <SelectField
            form={FORM}
            name="state"
            label={t('nodes.stateLabel')}
            value={draft.state}
            onChange={set('state')}
            error={errors.state}
          >
            <option value="">{t('nodes.stateNone')}</option>
            {NODE_STATES.map((state) => (
              <option key={state} value={state}>
                {states[state]}
              </option>
            ))}
          </SelectField>
          <TextField
            form={FORM}
            name="plannedStart"
            type="date"
            label={t('nodes.plannedStart')}
            value={draft.plannedStart}
            onChange={set('plannedStart')}
            error={errors.plannedStart}
          />
          <TextField
            form={FORM}
            name="plannedEnd"
            type="date"
            label={t('nodes.plannedEnd')}
            value={draft.plannedEnd}
            onChange={set('plannedEnd')}
            error={errors.plannedEnd}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {editing ? t('common.save') : t('nodes.create')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
