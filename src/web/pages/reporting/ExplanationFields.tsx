import type { Reason } from '../../api/reporting-types';
import { fieldId, SelectField, TextAreaField, TextField } from '../../components/fields';
import { localText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';
import type { ExplanationRow } from './report-draft';

export const EXPLANATION_FIELDS = [
  'reasonCode',
  'narrative',
  'correctiveAction',
  'owner',
  'dueDate',
  'escalate',
] as const;

/**
 * The variance explanation of one item, shown beside its figure: reason, what happened, what will be done,
 * by whom and when, and whether the inter-ministerial committee should hear of it.
 */
export function ExplanationFields({
  form,
  item,
  label,
  value,
  reasons,
  errors,
  onChange,
  onRemove,
}: {
  form: string;
  item: string;
  label: string;
  value: ExplanationRow;
  reasons: Reason[];
  errors: Record<string, string>;
  onChange(next: ExplanationRow): void;
  onRemove(): void;
}) {
  const { t, locale } = useI18n();
  const name = (field: string) => `explanations.${item}.${field}`;
  const whole = errors[`explanations.${item}`];
  const set = (field: keyof ExplanationRow) => (event: { target: { value: string } }) =>
    onChange({ ...value, [field]: event.target.value });
  const escalateId = fieldId(form, name('escalate'));
  return (
    <fieldset
      className={whole ? 'fieldset explanation has-error' : 'fieldset explanation'}
      id={fieldId(form, `explanations.${item}`)}
      tabIndex={-1}
      aria-describedby={whole ? `${fieldId(form, `explanations.${item}`)}-error` : undefined}
    >
      <legend>{label}</legend>
      {whole && (
        <p className="field-error" id={`${fieldId(form, `explanations.${item}`)}-error`}>
          {whole}
        </p>
      )}
      <div className="form-grid">
        <SelectField
          form={form}
          name={name('reasonCode')}
          label={t('explanation.reason')}
          value={value.reasonCode}
          onChange={set('reasonCode')}
          error={errors[name('reasonCode')]}
          required
        >
          <option value="">{t('common.choose')}</option>
          {reasons
            .filter((reason) => reason.active || reason.code === value.reasonCode)
            .map((reason) => (
              <option key={reason.code} value={reason.code}>
                {localText(reason.label, locale, reason.code)}
              </option>
            ))}
        </SelectField>
        <TextField
          form={form}
          name={name('owner')}
          label={t('explanation.owner')}
          hint={t('explanation.ownerHint')}
          value={value.owner}
          onChange={set('owner')}
          error={errors[name('owner')]}
          dir="auto"
          required
        />
        <TextField
          form={form}
          name={name('dueDate')}
          type="date"
          label={t('explanation.dueDate')}
          value={value.dueDate}
          onChange={set('dueDate')}
          error={errors[name('dueDate')]}
          required
        />
      </div>
      <TextAreaField
        form={form}
        name={name('narrative')}
        label={t('explanation.narrative')}
        hint={t('explanation.narrativeHint')}
        value={value.narrative}
        onChange={set('narrative')}
        error={errors[name('narrative')]}
        dir="auto"
        rows={3}
        required
      />
      <TextAreaField
        form={form}
        name={name('correctiveAction')}
        label={t('explanation.correctiveAction')}
        value={value.correctiveAction}
        onChange={set('correctiveAction')}
        error={errors[name('correctiveAction')]}
        dir="auto"
        rows={3}
        required
      />
      <div className="checkbox-field">
        <input
          type="checkbox"
          id={escalateId}
          checked={value.escalate}
          onChange={(event) => onChange({ ...value, escalate: event.target.checked })}
          aria-describedby={`${escalateId}-hint`}
        />
        <label htmlFor={escalateId}>{t('explanation.escalate')}</label>
        <p className="hint" id={`${escalateId}-hint`}>
          {t('explanation.escalateHint')}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-small" onClick={onRemove}>
          {t('explanation.remove')}
        </button>
      </div>
    </fieldset>
  );
}
