import type { Dimension } from '../../api/strategy-types';
import { SelectField, TextField } from '../../components/fields';
import { localText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';
import type { FigureRow } from './report-draft';

/** A unit written in another script, kept in one piece inside a label (first strong isolate, U+2068…2069). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** One figure of an indicator: period, a member of each of its dimensions (none: national), value, note. */
export function FigureFields({
  form,
  row,
  index,
  unit,
  dimensions,
  errors,
  onChange,
  onRemove,
}: {
  form: string;
  row: FigureRow;
  index: number;
  unit: string;
  dimensions: Dimension[];
  errors: Record<string, string>;
  onChange(patch: Partial<FigureRow>): void;
  onRemove(): void;
}) {
  const { t, locale } = useI18n();
  const name = (field: string) => `figures.${row.key}.${field}`;
  return (
    <fieldset className="fieldset figure-row">
      <legend>{t('reporting.figureN', { n: String(index + 1), code: row.indicator })}</legend>
      <div className="form-grid">
        <TextField
          form={form}
          name={name('period')}
          label={t('reporting.figurePeriod')}
          value={row.period}
          onChange={(event) => onChange({ period: event.target.value })}
          error={errors[name('period')]}
          dir="ltr"
          spellCheck={false}
        />
        {dimensions.map((dimension) => (
          <SelectField
            key={dimension.code}
            form={form}
            name={name(`dimensions.${dimension.code}`)}
            label={localText(dimension.name, locale, dimension.code)}
            value={row.dimensions[dimension.code] ?? ''}
            onChange={(event) =>
              onChange({ dimensions: { ...row.dimensions, [dimension.code]: event.target.value } })
            }
            error={errors[name(`dimensions.${dimension.code}`)]}
          >
            <option value="">{t('observations.allMembers')}</option>
            {dimension.members.map((member) => (
              <option key={member.code} value={member.code}>
                {localText(member.name, locale, member.code)}
              </option>
            ))}
          </SelectField>
        ))}
        <TextField
          form={form}
          name={name('value')}
          label={t('reporting.figureValue', { unit: isolate(unit) })}
          value={row.value}
          onChange={(event) => onChange({ value: event.target.value })}
          error={errors[name('value')]}
          inputMode="decimal"
          dir="ltr"
        />
        <TextField
          form={form}
          name={name('note')}
          label={t('reporting.figureNote')}
          hint={t('reporting.figureNoteHint')}
          value={row.note}
          onChange={(event) => onChange({ note: event.target.value })}
          error={errors[name('note')]}
          dir="auto"
        />
      </div>
      {index > 0 && (
        <button type="button" className="button button-small" onClick={onRemove}>
          {t('reporting.removeFigure')}
        </button>
      )}
    </fieldset>
  );
}
