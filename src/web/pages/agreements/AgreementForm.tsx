import { type ChangeEvent, type FormEvent, useState } from 'react';
import type { Locale } from '../../../domain/i18n';
import type { Agreement } from '../../api/agreements-types';
import { api } from '../../api/client';
import type { ListOf, Organization } from '../../api/types';
import { serverFailure } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { I18nTextFields } from '../../components/I18nTextFields';
import { localText } from '../../components/LocalText';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router/history';
import { href } from '../../router/routes';
import { kindLabels } from './labels';

const FORM = 'agreement';
const FIELDS = [
  'code',
  'kind',
  'title',
  'title.fr',
  'title.ar',
  'title.en',
  'signedOn',
  'event',
  'signingPlace',
  'place',
  'regionCode',
  'parties',
  'parties.0.organization',
  'parties.1.organization',
];

/** The strategy office records a new agreement: its signing, and a government side and a partner. */
export function AgreementForm({ onCancel }: { onCancel(): void }) {
  const { t, locale } = useI18n();
  const orgs = useLoad(() => api<ListOf<Organization>>('GET', '/api/organizations'), 'orgs');
  const [draft, setDraft] = useState<Record<string, string>>({ kind: 'mou' });
  const [title, setTitle] = useState<Record<Locale, string>>({ fr: '', ar: '', en: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));
  const setTitleIn = (l: Locale) => (event: ChangeEvent<HTMLInputElement>) =>
    setTitle((d) => ({ ...d, [l]: event.target.value }));
  const value = (name: string) => draft[name]?.trim() || null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!value('code')) local.code = t('agreements.form.codeRequired');
    if (!title.fr.trim() && !title.ar.trim() && !title.en.trim())
      local['title.fr'] = t('agreements.form.titleRequired');
    if (!value('partner')) local['parties.1.organization'] = t('agreements.form.partnerRequired');
    setErrors(local);
    if (Object.keys(local).length) return;
    const parties = [
      ...(value('government') ? [{ organization: value('government'), role: 'government' }] : []),
      { organization: value('partner'), role: 'partner' },
    ];
    setBusy(true);
    setFailure(null);
    try {
      const created = await api<Agreement>('POST', '/api/agreements', {
        code: value('code'),
        kind: draft.kind,
        title: Object.fromEntries(Object.entries(title).filter(([, v]) => v.trim())),
        signedOn: value('signedOn'),
        event: value('event'),
        signingPlace: value('signingPlace'),
        place: value('place'),
        regionCode: value('regionCode'),
        parties,
      });
      navigate(href('agreement', { code: created.code }));
    } catch (error) {
      const outcome = serverFailure(t, error, FIELDS);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  const options = (orgs.data?.items ?? []).map((o) => (
    <option key={o.code} value={o.code}>
      {o.code} — {localText(o.name, locale, o.code)}
    </option>
  ));
  return (
    <section className="card" aria-labelledby="new-agreement-heading">
      <h2 id="new-agreement-heading">{t('agreements.form.newTitle')}</h2>
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField
            form={FORM}
            name="code"
            label={t('agreements.code')}
            required
            error={errors.code}
            value={draft.code ?? ''}
            onChange={set('code')}
          />
          <SelectField
            form={FORM}
            name="kind"
            label={t('agreements.form.kind')}
            value={draft.kind}
            onChange={set('kind')}
          >
            {Object.entries(kindLabels(t)).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="fieldset">
          <legend>{t('agreements.form.titleLegend')}</legend>
          <I18nTextFields form={FORM} name="title" values={title} onChange={setTitleIn} errors={errors} />
        </fieldset>
        <div className="form-grid">
          <TextField
            form={FORM}
            name="signedOn"
            type="date"
            label={t('agreements.signedOn')}
            error={errors.signedOn}
            value={draft.signedOn ?? ''}
            onChange={set('signedOn')}
          />
          <TextField
            form={FORM}
            name="event"
            label={t('agreements.event')}
            error={errors.event}
            value={draft.event ?? ''}
            onChange={set('event')}
          />
          <TextField
            form={FORM}
            name="signingPlace"
            label={t('agreements.signingPlace')}
            value={draft.signingPlace ?? ''}
            onChange={set('signingPlace')}
          />
          <TextField
            form={FORM}
            name="place"
            label={t('agreements.place')}
            value={draft.place ?? ''}
            onChange={set('place')}
          />
          <TextField
            form={FORM}
            name="regionCode"
            label={t('agreements.region')}
            hint={t('agreements.form.regionHint')}
            error={errors.regionCode}
            value={draft.regionCode ?? ''}
            onChange={set('regionCode')}
          />
          <SelectField
            form={FORM}
            name="parties.0.organization"
            label={t('agreements.form.government')}
            error={errors['parties.0.organization']}
            value={draft.government ?? ''}
            onChange={set('government')}
          >
            <option value="">{t('common.choose')}</option>
            {options}
          </SelectField>
          <SelectField
            form={FORM}
            name="parties.1.organization"
            label={t('agreements.form.partner')}
            required
            error={errors['parties.1.organization'] ?? errors.parties}
            value={draft.partner ?? ''}
            onChange={set('partner')}
          >
            <option value="">{t('common.choose')}</option>
            {options}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
