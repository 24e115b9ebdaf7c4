import { type FormEvent, useState } from 'react';
import type { I18nText } from '../../../domain/i18n';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import {
  ORGANIZATION_TYPES,
  type Organization,
  type OrganizationInput,
  type OrganizationType,
} from '../../api/types';
import { serverFailure } from '../../components/errors';
import { Alert, ErrorSummary } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { I18nTextFields, LOCALE_SUFFIX } from '../../components/I18nTextFields';
import { Checks, CODE_PATTERN, isWebUrl, REGION_PATTERN } from '../../components/validation';
import { useI18n } from '../../i18n/I18nProvider';
import { organizationNameText, organizationTypeLabels } from './labels';

const FORM = 'org';
const ORDER = [
  'code',
  'acronym',
  'name',
  'name.fr',
  'name.ar',
  'name.en',
  'type',
  'parentId',
  'regionCode',
  'website',
];

interface Draft {
  code: string;
  nameFr: string;
  nameAr: string;
  nameEn: string;
  acronym: string;
  type: OrganizationType | '';
  parentId: string;
  regionCode: string;
  website: string;
}

function draftOf(organization: Organization | null): Draft {
  return {
    code: organization?.code ?? '',
    nameFr: organization?.name.fr ?? '',
    nameAr: organization?.name.ar ?? '',
    nameEn: organization?.name.en ?? '',
    acronym: organization?.acronym ?? '',
    type: organization?.type ?? '',
    parentId: organization?.parentId ?? '',
    regionCode: organization?.regionCode ?? '',
    website: organization?.website ?? '',
  };
}

function inputOf(draft: Draft): OrganizationInput {
  const name: I18nText = {};
  if (draft.nameFr.trim()) name.fr = draft.nameFr.trim();
  if (draft.nameAr.trim()) name.ar = draft.nameAr.trim();
  if (draft.nameEn.trim()) name.en = draft.nameEn.trim();
  return {
    code: draft.code.trim(),
    name,
    acronym: draft.acronym.trim() || null,
    type: draft.type as OrganizationType,
    parentId: draft.parentId || null,
    regionCode: draft.regionCode.trim() || null,
    website: draft.website.trim() || null,
  };
}

interface Props {
  /** The organization being edited, or null to create one. */
  editing: Organization | null;
  /** Every organization, to choose a parent from. */
  organizations: Organization[];
  onSaved(organization: Organization, created: boolean): void;
  onCancel(): void;
  /** Someone else saved first: the page reloads and hands the fresh version back through `editing`. */
  onConflict(): void;
}

/** Create or edit one organization; the version loaded travels with the edit so no change is lost silently. */
export function OrganizationForm({ editing, organizations, onSaved, onCancel, onConflict }: Props) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const types = organizationTypeLabels(t);
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  const validate = (): Record<string, string> => {
    const checks = new Checks(t)
      .required('code', draft.code)
      .matches('code', draft.code, CODE_PATTERN, t('validation.code'))
      .check(
        'name',
        Boolean(draft.nameFr.trim() || draft.nameAr.trim() || draft.nameEn.trim()),
        t('orgs.nameRequired'),
      )
      .required('type', draft.type)
      .matches('regionCode', draft.regionCode, REGION_PATTERN, t('validation.regionCode'))
      .check('website', !draft.website.trim() || isWebUrl(draft.website.trim()), t('validation.url'));
    return checks.errors;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { code, ...changes } = inputOf(draft);
      // The code is an organization's stable citation key: set once, and PATCH does not accept it.
      const saved = editing
        ? await api<Organization>('PATCH', `/api/organizations/${editing.id}`, {
            ...changes,
            version: editing.version,
          })
        : await api<Organization>('POST', '/api/organizations', { code, ...changes });
      onSaved(saved, !editing);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        onConflict();
      } else {
        const outcome = serverFailure(t, error, ORDER);
        setErrors(outcome.errors);
        setFailure(outcome.failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const parents = organizations.filter((organization) => organization.id !== editing?.id);
  const title = editing ? t('orgs.editTitle', { code: editing.code }) : t('orgs.createTitle');
  return (
    <section className="card form-card" aria-labelledby={`${FORM}-title`}>
      <h2 id={`${FORM}-title`}>{title}</h2>
      <ErrorSummary form={FORM} errors={errors} order={ORDER} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField
            form={FORM}
            name="code"
            label={t('orgs.code')}
            hint={t('orgs.codeHint')}
            value={draft.code}
            onChange={set('code')}
            error={errors.code}
            dir="ltr"
            autoCapitalize="characters"
            spellCheck={false}
            readOnly={editing !== null}
            required
          />
          <TextField
            form={FORM}
            name="acronym"
            label={t('orgs.acronym')}
            hint={t('orgs.acronymHint')}
            value={draft.acronym}
            onChange={set('acronym')}
            error={errors.acronym}
            dir="auto"
            spellCheck={false}
          />
          <SelectField
            form={FORM}
            name="type"
            label={t('orgs.type')}
            value={draft.type}
            onChange={set('type')}
            error={errors.type}
            required
          >
            <option value="">{t('common.choose')}</option>
            {ORGANIZATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {types[type]}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset
          className={errors.name ? 'fieldset has-error' : 'fieldset'}
          aria-describedby={`${FORM}-name-hint`}
        >
          <legend>
            {t('orgs.name')}
            <span className="required" aria-hidden="true">
              {' *'}
            </span>
          </legend>
          <p className="hint" id={`${FORM}-name-hint`}>
            {t('orgs.nameHint')}
          </p>
          {errors.name && (
            <p className="field-error" id={`${FORM}-name`} tabIndex={-1}>
              {errors.name}
            </p>
          )}
          <div className="form-grid form-grid-3">
            <I18nTextFields
              form={FORM}
              name="name"
              values={{ fr: draft.nameFr, ar: draft.nameAr, en: draft.nameEn }}
              onChange={(locale) => set(`name${LOCALE_SUFFIX[locale]}`)}
              errors={errors}
            />
          </div>
        </fieldset>
        <div className="form-grid form-grid-3">
          <SelectField
            form={FORM}
            name="parentId"
            label={t('orgs.parent')}
            value={draft.parentId}
            onChange={set('parentId')}
            error={errors.parentId}
          >
            <option value="">{t('orgs.noParent')}</option>
            {parents.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.code} — {organizationNameText(organization, locale)}
              </option>
            ))}
          </SelectField>
          <TextField
            form={FORM}
            name="regionCode"
            label={t('orgs.region')}
            hint={t('orgs.regionHint')}
            value={draft.regionCode}
            onChange={set('regionCode')}
            error={errors.regionCode}
            dir="ltr"
            spellCheck={false}
          />
          <TextField
            form={FORM}
            name="website"
            type="url"
            label={t('orgs.website')}
            hint={t('orgs.websiteHint')}
            value={draft.website}
            onChange={set('website')}
            error={errors.website}
            dir="ltr"
            inputMode="url"
            spellCheck={false}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {editing ? t('common.save') : t('orgs.create')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
