import { NODE_STATES } from '../../../domain/package/schema';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { nodeStateLabels } from '../../components/labels';
import { useI18n } from '../../i18n/I18nProvider';
import type { NodeRow } from './report-draft';

/** Physical progress, implementation state and a comment for one plan node of the assignment. */
export function NodeFields({
  form,
  code,
  row,
  errors,
  onChange,
}: {
  form: string;
  code: string;
  row: NodeRow;
  errors: Record<string, string>;
  onChange(next: NodeRow): void;
}) {
  const { t } = useI18n();
  const nodeStates = nodeStateLabels(t);
  const set = (field: keyof NodeRow) => (event: { target: { value: string } }) =>
    onChange({ ...row, [field]: event.target.value });
  return (
    <>
      <div className="form-grid">
        <TextField
          form={form}
          name={`nodes.${code}.progress`}
          label={t('reporting.nodeProgress')}
          hint={t('reporting.nodeProgressHint')}
          value={row.progress}
          onChange={set('progress')}
          error={errors[`nodes.${code}.progress`]}
          inputMode="decimal"
          dir="ltr"
        />
        <SelectField
          form={form}
          name={`nodes.${code}.state`}
          label={t('reporting.nodeState')}
          value={row.state}
          onChange={set('state')}
          error={errors[`nodes.${code}.state`]}
        >
          <option value="">{t('common.choose')}</option>
          {NODE_STATES.map((s) => (
            <option key={s} value={s}>
              {nodeStates[s] ?? s}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        form={form}
        name={`nodes.${code}.comment`}
        label={t('reporting.nodeComment')}
        value={row.comment}
        onChange={set('comment')}
        error={errors[`nodes.${code}.comment`]}
        dir="auto"
        rows={2}
      />
    </>
  );
}
