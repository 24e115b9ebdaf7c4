import { type FormEvent, useState } from 'react';
import { isValidPeriod } from '../../../domain/periods';
import { api } from '../../api/client';
import { CONFIDENCES, type Dimension, type IndicatorDetail, type Source } from '../../api/strategy-types';
import { serverFailure } from '../../components/errors';
import { Alert, ErrorSummary } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { localText } from '../../components/LocalText';
import { confidenceLabels, observationStateLabels } from '../../components/labels';
import { Checks, isWebUrl } from '../../components/validation';
import { useI18n } from '../../i18n/I18nProvider';

const FORM = 'observation';

/**
 * Records (or corrects) one observation: period, a member of each of the indicator's dimensions (none: the
 * national figure), value, and the source it comes from, which every figure must carry.
 */
export function ObservationForm({
  indicator,
  dimensions,
  onSaved,
  onCancel,
}: {
  indicator: IndicatorDetail;
  dimensions: Dimension[];
  onSaved(period: string, created: boolean): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const own = indicator.dimensions
    .map((code) => dimensions.find((d) => d.code === code) ?? { code, name: {}, builtin: false, members: [] })
    .filter(Boolean);
  const [draft, setDraft] = useState({
    period: '',
    value: '',
    state: 'approved',
    confidence: '',
    document: '',
    url: '',
    note: '',
  });
  const [members, setMembers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const order = [
    'period',
    ...own.map((d) => `dimensions.${d.code}`),
    'value',
    'state',
    'confidence',
    'source.document',
    'source.url',
    'source.note',
  ];
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));
  const confidences = confidenceLabels(t);
  const states = observationStateLabels(t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checks = new Checks(t)
      .required('period', draft.period)
      .check(
        'period',
        !draft.period.trim() || isValidPeriod(draft.period.trim()),
        t('validation.period.invalid'),
      )
      .required('value', draft.value)
      .check('value', !draft.value.trim() || Number.isFinite(Number(draft.value)), t('validation.number'))
      .required('source.document', draft.document)
      .check('source.url', !draft.url.trim() || isWebUrl(draft.url.trim()), t('validation.url'));
    setErrors(checks.errors);
    setFailure(null);
    if (!checks.ok) return;
    const source: Source = { document: draft.document.trim() };
    if (draft.url.trim()) source.url = draft.url.trim();
    if (draft.note.trim()) source.note = draft.note.trim();
    const dims = Object.fromEntries(Object.entries(members).filter(([, member]) => member));
    setBusy(true);
    try {
      const saved = await api<{ created: boolean }>(
        'POST',
        `/api/indicators/${encodeURIComponent(indicator.code)}/observations`,
        {
          period: draft.period.trim(),
          ...(Object.keys(dims).length ? { dimensions: dims } : {}),
          value: Number(draft.value),
          state: draft.state,
          confidence: draft.confidence || null,
          source,
        },
      );
      onSaved(draft.period.trim(), saved.created);
    } catch (error) {
      const outcome = serverFailure(t, error, order);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card form-card" aria-labelledby={`${FORM}-heading`}>
      <h3 id={`${FORM}-heading`}>{t('observations.addTitle')}</h3>
      <ErrorSummary form={FORM} errors={errors} order={order} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField
            form={FORM}
            name="period"
            label={t('observations.period')}
            hint={t('target.periodHint')}
            value={draft.period}
            onChange={set('period')}
            error={errors.period}
            dir="ltr"
            spellCheck={false}
            required
          />
          {own.map((dimension) => (
            <SelectField
              key={dimension.code}
              form={FORM}
              name={`dimensions.${dimension.code}`}
              label={localText(dimension.name, locale, dimension.code)}
              value={members[dimension.code] ?? ''}
              onChange={(event) => setMembers((m) => ({ ...m, [dimension.code]: event.target.value }))}
              error={errors[`dimensions.${dimension.code}`]}
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
            form={FORM}
            name="value"
            label={t('target.value', { unit: indicator.unit })}
            value={draft.value}
            onChange={set('value')}
            error={errors.value}
            inputMode="decimal"
            dir="ltr"
            required
          />
          <SelectField
            form={FORM}
            name="state"
            label={t('observations.stateLabel')}
            value={draft.state}
            onChange={set('state')}
            error={errors.state}
          >
            <option value="approved">{states.approved}</option>
            <option value="provisional">{states.provisional}</option>
          </SelectField>
          <SelectField
            form={FORM}
            name="confidence"
            label={t('observations.confidence')}
            value={draft.confidence}
            onChange={set('confidence')}
            error={errors.confidence}
          >
            <option value="">{t('confidence.none')}</option>
            {CONFIDENCES.map((level) => (
              <option key={level} value={level}>
                {confidences[level]}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="fieldset">
          <legend>{t('observations.source')}</legend>
          <div className="form-grid">
            <TextField
              form={FORM}
              name="source.document"
              label={t('observations.sourceDocument')}
              hint={t('observations.sourceDocumentHint')}
              value={draft.document}
              onChange={set('document')}
              error={errors['source.document']}
              dir="auto"
              required
            />
            <TextField
              form={FORM}
              name="source.url"
              type="url"
              label={t('observations.sourceUrl')}
              value={draft.url}
              onChange={set('url')}
              error={errors['source.url']}
              dir="ltr"
              inputMode="url"
            />
          </div>
          <TextField
            form={FORM}
            name="source.note"
            label={t('observations.sourceNote')}
            value={draft.note}
            onChange={set('note')}
            error={errors['source.note']}
            dir="auto"
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('observations.save')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
