import { type FormEvent, useEffect, useState } from 'react';
import { LOCALES, type Locale } from '../../../domain/i18n';
import { api } from '../../api/client';
import type { Reason } from '../../api/reporting-types';
import type { ListOf } from '../../api/types';
import { problemMessage, serverFailure } from '../../components/errors';
import { Alert, ErrorSummary, Loading } from '../../components/feedback';
import { fieldId, TextField } from '../../components/fields';
import { localText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';
import { ReportingNav } from './labels';

const FORM = 'reasons';
const CODE = /^[a-z][a-z0-9_]{0,39}$/;

interface Row {
  /** A stable React key: the code may still be typed for a new row. */
  key: string;
  code: string;
  label: Record<Locale, string>;
  active: boolean;
  /** Known to the server: removing it retires it (past explanations keep it), a new row just goes. */
  saved: boolean;
}

let nextKey = 0;
const rowOf = (reason: Reason): Row => ({
  key: `r${nextKey++}`,
  code: reason.code,
  label: { fr: reason.label.fr ?? '', ar: reason.label.ar ?? '', en: reason.label.en ?? '' },
  active: reason.active,
  saved: true,
});

function labelNames(t: Translator): Record<Locale, string> {
  return { fr: t('reasons.labelFr'), ar: t('reasons.labelAr'), en: t('reasons.labelEn') };
}

/** Checks the list before sending: a well-formed, unique code and at least one label per reason. */
function validate(t: Translator, rows: Row[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row.code) errors[`items.${i}.code`] = t('validation.required');
    else if (!CODE.test(row.code)) errors[`items.${i}.code`] = t('reasons.codeInvalid');
    else if (seen.has(row.code)) errors[`items.${i}.code`] = t('reasons.codeDuplicate');
    seen.add(row.code);
    if (LOCALES.every((locale) => !row.label[locale].trim()))
      errors[`items.${i}.label.fr`] = t('reasons.labelRequired');
  });
  if (!rows.some((row) => row.active)) errors.items = t('reasons.oneActive');
  return errors;
}

/** The strategy office's list of variance reasons: add, rename, retire, restore, then save the whole list. */
export function ReasonsPage() {
  const { t, locale } = useI18n();
  const reasons = useLoad(() => api<ListOf<Reason>>('GET', '/api/reporting/reasons'), 'all');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = labelNames(t);

  useEffect(() => {
    if (reasons.data && rows === null) setRows(reasons.data.items.map(rowOf));
  }, [reasons.data, rows]);

  const change = (key: string, patch: Partial<Row>) =>
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, ...patch } : row)) ?? null);

  const add = () => {
    const key = `r${nextKey++}`;
    setRows((current) => [
      ...(current ?? []),
      { key, code: '', label: { fr: '', ar: '', en: '' }, active: true, saved: false },
    ]);
    setNotice(null);
    // Focus the new row's code once it is drawn.
    const index = rows?.length ?? 0;
    window.setTimeout(() => document.getElementById(fieldId(FORM, `items.${index}.code`))?.focus(), 0);
  };

  const remove = (row: Row) => {
    setNotice(null);
    if (row.saved) change(row.key, { active: false });
    else setRows((current) => current?.filter((r) => r.key !== row.key) ?? null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!rows) return;
    setNotice(null);
    setFailure(null);
    const found = validate(t, rows);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const items = rows.map((row) => ({
        code: row.code,
        label: Object.fromEntries(
          LOCALES.filter((l) => row.label[l].trim()).map((l) => [l, row.label[l].trim()]),
        ),
        active: row.active,
      }));
      const saved = await api<ListOf<Reason>>('PUT', '/api/reporting/reasons', { items });
      setRows(saved.items.map(rowOf));
      setNotice(t('reasons.saved'));
    } catch (error) {
      const fields = rows.flatMap((_, i) => [
        `items.${i}.code`,
        ...LOCALES.map((l) => `items.${i}.label.${l}`),
      ]);
      const result = serverFailure(t, error, fields);
      setErrors(result.errors);
      setFailure(result.failure);
    } finally {
      setBusy(false);
    }
  };

  const order = (rows ?? []).flatMap((_, i) => [
    `items.${i}.code`,
    ...LOCALES.map((l) => `items.${i}.label.${l}`),
  ]);
  const retired = (rows ?? []).filter((row) => !row.active);
  return (
    <div className="page">
      <ReportingNav current="reasons" />
      <PageHeader title={t('reasons.title')} lead={t('reasons.lead')} />
      {reasons.error ? <Alert kind="error">{problemMessage(t, reasons.error)}</Alert> : null}
      {notice && <Alert kind="success">{notice}</Alert>}
      {failure && <Alert kind="error">{failure}</Alert>}
      {errors.items && <Alert kind="error">{errors.items}</Alert>}
      {rows === null ? (
        !reasons.error && <Loading />
      ) : (
        <form onSubmit={(event) => void save(event)} noValidate>
          <ErrorSummary form={FORM} errors={errors} order={order} />
          <ol className="reason-list">
            {rows.map((row, i) =>
              row.active ? (
                <li key={row.key} className="card reason-row">
                  <fieldset className="fieldset">
                    <legend>
                      {row.saved ? (
                        <code>{row.code}</code>
                      ) : (
                        <>
                          {t('reasons.newReason')} {row.code && <code>{row.code}</code>}
                        </>
                      )}
                    </legend>
                    <div className="form-grid">
                      {!row.saved && (
                        <TextField
                          form={FORM}
                          name={`items.${i}.code`}
                          label={t('reasons.code')}
                          hint={t('reasons.codeHint')}
                          required
                          dir="ltr"
                          value={row.code}
                          error={errors[`items.${i}.code`]}
                          onChange={(event) => change(row.key, { code: event.target.value.trim() })}
                        />
                      )}
                      {LOCALES.map((l) => (
                        <TextField
                          key={l}
                          form={FORM}
                          name={`items.${i}.label.${l}`}
                          label={names[l]}
                          lang={l}
                          dir={l === 'ar' ? 'rtl' : 'ltr'}
                          value={row.label[l]}
                          error={errors[`items.${i}.label.${l}`]}
                          onChange={(event) =>
                            change(row.key, { label: { ...row.label, [l]: event.target.value } })
                          }
                        />
                      ))}
                    </div>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button-small button-danger-outline"
                        onClick={() => remove(row)}
                        aria-label={t('reasons.remove', {
                          reason: localText(row.label, locale, row.code || '—'),
                        })}
                      >
                        {t('reasons.removeShort')}
                      </button>
                    </div>
                  </fieldset>
                </li>
              ) : null,
            )}
          </ol>
          <div className="button-row">
            <button type="button" className="button" onClick={add}>
              {t('reasons.add')}
            </button>
          </div>
          {retired.length > 0 && (
            <section className="card" aria-labelledby="retired-heading">
              <h2 id="retired-heading">{t('reasons.retired')}</h2>
              <p className="hint">{t('reasons.retiredHint')}</p>
              <ul className="plain-list">
                {retired.map((row) => (
                  <li key={row.key}>
                    <code>{row.code}</code> <span dir="auto">{localText(row.label, locale, row.code)}</span>{' '}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => change(row.key, { active: true })}
                      aria-label={t('reasons.restore', { reason: localText(row.label, locale, row.code) })}
                    >
                      {t('reasons.restoreShort')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('reasons.saving') : t('reasons.save')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
