import type { ReactNode } from 'react';
import type { Call, Submission } from '../../../server/modules/calls/calls.schema';
import type { CallResults, CallWithResults } from '../../../server/modules/portal/portal-calls.service';
import { NUMBER_TAG } from '../../components/format';
import type { Translator } from '../../i18n/translate';
import { Breadcrumb, PageHead, Source, TableScroll } from '../bits';
import { Local, localText, useHref, usePortal } from '../context';

/** What a form sends back after a refusal: the typed values, each field's error code, the whole form's. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** the code of the refusal as a whole (`call.closed`, `version_conflict`…), if any */
  problem?: string;
}
export const EMPTY_FORM: FormState = { values: {}, errors: {} };

const LANGS = ['fr', 'ar', 'en'] as const;
/** A code such as a notice version kept left to right inside a sentence of either direction. */
const isolate = (code: string) => `\u2066${code}\u2069`;

/** An error code of the server, in words, for the field it names. */
function fieldMessage(t: Translator, code: string): string {
  const known: Record<string, string> = {
    required: t('portalCalls.errors.required'),
    minLength: t('portalCalls.errors.required'),
    format: t('portalCalls.errors.email'),
    maxLength: t('portalCalls.errors.tooLong'),
    duplicate: t('portalCalls.errors.duplicate'),
    unknown: t('portalCalls.errors.unknownTheme'),
    consent_required: t('portalCalls.errors.consent'),
    notice_outdated: t('portalCalls.errors.noticeOutdated'),
    'attachment.type': t('portalCalls.errors.fileType'),
    too_large: t('portalCalls.errors.fileTooLarge'),
  };
  return known[code] ?? t('portalCalls.errors.invalid');
}

/** A refusal of the whole form, in words. */
function problemMessage(t: Translator, code: string): string {
  const known: Record<string, string> = {
    'call.closed': t('portalCalls.problems.closed'),
    version_conflict: t('portalCalls.problems.stale'),
    'submission.submitted': t('portalCalls.problems.submitted'),
    'submission.duplicate': t('portalCalls.problems.duplicate'),
    too_many_attempts: t('portalCalls.problems.throttled'),
    validation_failed: t('portalCalls.problems.fix'),
  };
  return known[code] ?? t('portalCalls.problems.other');
}

/** An ISO instant as a date and time in Morocco. */
function useInstant(): (iso: string | null | undefined) => string {
  const { locale } = usePortal();
  const format = new Intl.DateTimeFormat(NUMBER_TAG[locale], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Africa/Casablanca',
    timeZoneName: 'short',
  });
  return (iso) => (iso ? format.format(new Date(iso)) : '—');
}

function CallState({ call, accepting }: { call: Call; accepting: boolean }) {
  const { t } = usePortal();
  const state = call.state === 'open' && !accepting ? 'closed' : call.state;
  return <span className={`badge call-${state}`}>{t(`calls.states.${state}`)}</span>;
}

function Themes({ call }: { call: Call }) {
  if (call.themes.length === 0) return <>—</>;
  return (
    <ul className="inline">
      {call.themes.map((theme) => (
        <li key={theme.code} className="tag">
          <Local text={theme.label} fallback={theme.code} />
        </li>
      ))}
    </ul>
  );
}

/** The figures published about a past call, with their source; or the results of a decided call. */
function Figures({ call, results }: { call: Call; results: CallResults | null }) {
  const { t, f } = usePortal();
  const href = useHref();
  const stats = call.publishedStats;
  return (
    <>
      {stats && (
        <div className="figures">
          <dl className="facts">
            <div>
              <dt>{t('calls.submitted')}</dt>
              <dd>
                {stats.submissions === null
                  ? '—'
                  : t('calls.published', { value: f.number(stats.submissions) })}
              </dd>
            </div>
            <div>
              <dt>{t('calls.selected')}</dt>
              <dd>
                {stats.selected === null
                  ? '—'
                  : t(stats.selectedApproximate ? 'calls.publishedAbout' : 'calls.published', {
                      value: f.number(stats.selected),
                    })}
              </dd>
            </div>
            {stats.receivedWithinHours != null && (
              <div>
                <dt>{t('portalCalls.receivedWithin')}</dt>
                <dd>{t('portalCalls.hours', { hours: f.number(stats.receivedWithinHours) })}</dd>
              </div>
            )}
          </dl>
          <p className="small">
            <Source source={stats.source} />
          </p>
        </div>
      )}
      {results && (
        <div className="figures">
          <dl className="facts">
            <div>
              <dt>{t('calls.submitted')}</dt>
              <dd>{f.number(results.submitted)}</dd>
            </div>
            <div>
              <dt>{t('calls.selected')}</dt>
              <dd>{f.number(results.selected.length)}</dd>
            </div>
          </dl>
          {results.selected.length > 0 && (
            <ul>
              {results.selected.map((s) => (
                <li key={s.ref}>
                  {t('calls.number', { ref: s.ref })} — <bdi>{s.title ?? '—'}</bdi>
                  {s.project && results.strategy && (
                    <>
                      {' '}
                      (
                      <a
                        href={href(
                          `/strategies/${results.strategy}/projects/${encodeURIComponent(s.project)}`,
                        )}
                      >
                        {s.project}
                      </a>
                      )
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

/** Open and past calls for projects, each with its themes, dates, state and published figures. */
export function CallsPage({
  calls,
  accepting,
}: {
  calls: CallWithResults[];
  accepting: (call: Call) => boolean;
}) {
  const { t } = usePortal();
  const href = useHref();
  const instant = useInstant();
  return (
    <>
      <PageHead title={t('portalCalls.title')}>
        <p className="lead">{t('portalCalls.lead')}</p>
      </PageHead>
      {calls.length === 0 ? (
        <p className="muted">{t('portalCalls.none')}</p>
      ) : (
        <ul className="cards call-list">
          {calls.map(({ call, results }) => (
            <li key={call.code} className="card">
              <article aria-labelledby={`call-${call.code}`}>
                <h2 id={`call-${call.code}`}>
                  <a href={href(`/calls/${encodeURIComponent(call.code)}`)}>
                    <Local text={call.title} fallback={call.code} />
                  </a>
                </h2>
                <p>
                  <CallState call={call} accepting={accepting(call)} />
                </p>
                <dl className="facts">
                  <div>
                    <dt>{t('calls.themes')}</dt>
                    <dd>
                      <Themes call={call} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('portalCalls.opensAt')}</dt>
                    <dd>{instant(call.opensAt)}</dd>
                  </div>
                  <div>
                    <dt>{t('calls.closesAt')}</dt>
                    <dd>{instant(call.closesAt)}</dd>
                  </div>
                </dl>
                <Figures call={call} results={results} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The privacy notice in full, with its version. */
function Notice({ call, id }: { call: Call; id: string }) {
  const { t } = usePortal();
  return (
    <section aria-labelledby={id} className="notice">
      <h2 id={id}>{t('portalCalls.notice.title')}</h2>
      <p>
        <Local text={call.privacyNotice.text} />
      </p>
      <p className="small muted">
        {t('portalCalls.notice.version', { version: isolate(call.privacyNotice.version) })}
      </p>
    </section>
  );
}

function Problem({ form }: { form: FormState }) {
  const { t } = usePortal();
  if (!form.problem) return null;
  return (
    <div className="form-problem" role="alert">
      <p>{problemMessage(t, form.problem)}</p>
    </div>
  );
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  type?: 'text' | 'email';
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  hint?: string;
  prefix?: string;
  fallback?: string;
}

/** A labelled field with its hint and, beside it, the server's message when it was refused. */
function Field({
  form,
  name,
  label,
  type = 'text',
  required,
  multiline,
  maxLength,
  hint,
  prefix = 'f',
  fallback,
}: FieldProps) {
  const { t } = usePortal();
  const id = `${prefix}-${name}`;
  const error = form.errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const value = form.values[name] ?? fallback ?? '';
  const common = {
    id,
    name,
    required,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="muted"> {t('portalCalls.requiredMark')}</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={6} defaultValue={value} dir="auto" />
      ) : (
        <input {...common} type={type} defaultValue={value} dir={type === 'email' ? 'ltr' : 'auto'} />
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {fieldMessage(t, error)}
        </p>
      )}
    </div>
  );
}

function ThemeField({
  call,
  form,
  prefix = 'f',
  fallback,
}: {
  call: Call;
  form: FormState;
  prefix?: string;
  fallback?: string;
}) {
  const { t, locale } = usePortal();
  if (call.themes.length === 0) return null;
  const id = `${prefix}-theme`;
  const error = form.errors.theme;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{t('portalCalls.fields.theme')}</label>
      <select
        id={id}
        name="theme"
        defaultValue={form.values.theme ?? fallback ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('portalCalls.fields.noTheme')}</option>
        {call.themes.map((theme) => (
          <option key={theme.code} value={theme.code}>
            {localText(theme.label, locale, theme.code)}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {fieldMessage(t, error)}
        </p>
      )}
    </div>
  );
}

function LanguageField({
  form,
  fallback,
  prefix = 'f',
}: {
  form: FormState;
  fallback: string;
  prefix?: string;
}) {
  const { t } = usePortal();
  const id = `${prefix}-language`;
  return (
    <div className="field">
      <label htmlFor={id}>{t('portalCalls.fields.language')}</label>
      <select id={id} name="language" defaultValue={form.values.language ?? fallback}>
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {t(`portalCalls.languages.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The call: themes, eligibility, criteria with weights, dates, the privacy notice, and the start form while open. */
export function CallPage({
  data,
  accepting,
  form,
}: {
  data: CallWithResults;
  accepting: boolean;
  form: FormState;
}) {
  const { t, f, locale } = usePortal();
  const href = useHref();
  const instant = useInstant();
  const { call, results } = data;
  const totalWeight = call.criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <>
      <Breadcrumb items={[{ href: href('/calls'), label: t('portalCalls.title') }, { label: call.code }]} />
      <PageHead
        kicker={`${t('calls.call')} ${call.code}`}
        title={<Local text={call.title} fallback={call.code} />}
      >
        {call.description && (
          <p className="lead">
            <Local text={call.description} />
          </p>
        )}
        <p>
          <CallState call={call} accepting={accepting} />
        </p>
        {call.source && (
          <p className="small">
            <Source source={call.source} />
          </p>
        )}
      </PageHead>
      <dl className="facts">
        <div>
          <dt>{t('calls.themes')}</dt>
          <dd>
            <Themes call={call} />
          </dd>
        </div>
        <div>
          <dt>{t('portalCalls.eligibility')}</dt>
          <dd>
            <Local text={call.eligibility} />
          </dd>
        </div>
        {call.organizer && (
          <div>
            <dt>{t('calls.organizer')}</dt>
            <dd>{call.organizer}</dd>
          </div>
        )}
        <div>
          <dt>{t('portalCalls.opensAt')}</dt>
          <dd>{instant(call.opensAt)}</dd>
        </div>
        <div>
          <dt>{t('calls.closesAt')}</dt>
          <dd>{instant(call.closesAt)}</dd>
        </div>
      </dl>
      <section aria-labelledby="criteria">
        <h2 id="criteria">{t('calls.criteria')}</h2>
        {call.criteria.length === 0 ? (
          <p className="muted">{t('calls.noCriteria')}</p>
        ) : (
          <TableScroll label={t('calls.criteria')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('calls.criterion')}</th>
                  <th scope="col" className="num">
                    {t('calls.weight')}
                  </th>
                  <th scope="col" className="num">
                    {t('portalCalls.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {call.criteria.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">
                      <Local text={c.label} fallback={c.code} />
                    </th>
                    <td className="num">{f.number(c.weight)}</td>
                    <td className="num">{f.percent(totalWeight ? c.weight / totalWeight : null, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {call.criteria.length > 0 && (
          <p className="small">
            {t('calls.scale', { min: String(call.scale.min), max: String(call.scale.max) })}
          </p>
        )}
      </section>
      {(call.publishedStats || results) && (
        <section aria-labelledby="figures">
          <h2 id="figures">{t('portalCalls.figures')}</h2>
          <Figures call={call} results={results} />
        </section>
      )}
      {accepting ? (
        <section aria-labelledby="apply">
          <h2 id="apply">{t('portalCalls.apply.title')}</h2>
          <p>{t('portalCalls.apply.lead')}</p>
          <Problem form={form} />
          <form
            method="post"
            action={href(`/calls/${encodeURIComponent(call.code)}`)}
            className="form"
            noValidate
          >
            <Field
              form={form}
              name="email"
              type="email"
              label={t('portalCalls.fields.email')}
              required
              maxLength={254}
              hint={t('portalCalls.apply.emailHint')}
            />
            <Field form={form} name="name" label={t('portalCalls.fields.name')} maxLength={200} />
            <Field
              form={form}
              name="organization"
              label={t('portalCalls.fields.organization')}
              maxLength={300}
            />
            <Field form={form} name="title" label={t('portalCalls.fields.title')} maxLength={300} />
            <Field
              form={form}
              name="summary"
              label={t('portalCalls.fields.summary')}
              multiline
              maxLength={10000}
            />
            <ThemeField call={call} form={form} />
            <LanguageField form={form} fallback={locale} />
            <p className="small">{t('portalCalls.apply.noticeBelow')}</p>
            <button type="submit">{t('portalCalls.apply.submit')}</button>
          </form>
        </section>
      ) : (
        <>
          <Problem form={form} />
          <p className="closed-note">
            {t(call.state === 'draft' ? 'portalCalls.notYetOpen' : 'portalCalls.closed')}
          </p>
        </>
      )}
      <Notice call={call} id="notice" />
    </>
  );
}

export type Done = 'created' | 'saved' | 'submitted' | 'attached' | 'removed';
const DONE = ['created', 'saved', 'submitted', 'attached', 'removed'] as const;
export const asDone = (value: unknown): Done | null =>
  (DONE as readonly unknown[]).includes(value) ? (value as Done) : null;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The private-link page: the draft, its edit form, files, consent and submission while the call accepts; the
 * applicant's data to download or erase at any time.
 */
export function SubmissionPage({
  submission: s,
  call,
  accepting,
  token,
  form,
  done,
  fileForm,
  submitForm,
  attachmentLimit,
}: {
  submission: Submission;
  call: Call;
  accepting: boolean;
  token: string;
  form: FormState;
  done: Done | null;
  fileForm: FormState;
  submitForm: FormState;
  attachmentLimit: number;
}) {
  const { t, f } = usePortal();
  const href = useHref();
  const instant = useInstant();
  const base = href(`/calls/submission/${token}`);
  const api = `/api/submissions/${token}`;
  const editable = accepting && s.state === 'draft';
  const values = (name: keyof Submission) => {
    const v = s[name];
    return typeof v === 'string' ? v : '';
  };
  return (
    <>
      <PageHead
        kicker={t('portalCalls.private.kicker', { ref: s.ref })}
        title={<Local text={call.title} fallback={call.code} />}
      >
        <p className="lead">{t('portalCalls.private.lead')}</p>
        <p>
          <a href={href(`/calls/${encodeURIComponent(call.code)}`)}>{t('portalCalls.private.callLink')}</a>
        </p>
      </PageHead>
      {done && (
        <div className="form-done" role="status">
          <p>{t(`portalCalls.done.${done}`)}</p>
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>{t('portalCalls.private.state')}</dt>
          <dd>
            {s.state === 'submitted'
              ? t('portalCalls.private.submittedOn', { at: instant(s.submittedAt) })
              : t('portalCalls.private.draft')}
          </dd>
        </div>
        <div>
          <dt>{t('calls.closesAt')}</dt>
          <dd>{instant(call.closesAt)}</dd>
        </div>
        {s.consent && (
          <div>
            <dt>{t('portalCalls.private.consent')}</dt>
            <dd>
              {t('portalCalls.private.consentGiven', {
                at: instant(s.consent.at),
                version: isolate(s.consent.noticeVersion),
              })}
            </dd>
          </div>
        )}
      </dl>
      {!editable && (
        <>
          <Problem form={form} />
          <Problem form={fileForm} />
          <Problem form={submitForm} />
        </>
      )}
      {!accepting && s.state === 'draft' && (
        <p className="closed-note" role="status">
          {t('portalCalls.private.closed')}
        </p>
      )}
      {s.state === 'submitted' && !accepting && (
        <p className="closed-note">{t('portalCalls.private.closedSubmitted')}</p>
      )}
      {editable ? (
        <Section id="edit" title={t('portalCalls.private.edit')}>
          <Problem form={form} />
          <form method="post" action={base} className="form" noValidate>
            <input type="hidden" name="version" value={String(s.version)} />
            <p>
              {t('portalCalls.fields.email')} : <bdi dir="ltr">{s.email}</bdi>
            </p>
            <Field
              form={form}
              prefix="e"
              name="name"
              label={t('portalCalls.fields.name')}
              maxLength={200}
              required
              fallback={values('name')}
            />
            <Field
              form={form}
              prefix="e"
              name="organization"
              label={t('portalCalls.fields.organization')}
              maxLength={300}
              fallback={values('organization')}
            />
            <Field
              form={form}
              prefix="e"
              name="title"
              label={t('portalCalls.fields.title')}
              maxLength={300}
              required
              fallback={values('title')}
            />
            <Field
              form={form}
              prefix="e"
              name="summary"
              label={t('portalCalls.fields.summary')}
              multiline
              maxLength={10000}
              fallback={values('summary')}
            />
            <ThemeField call={call} form={form} prefix="e" fallback={values('theme')} />
            <LanguageField form={form} prefix="e" fallback={s.language} />
            <button type="submit">{t('portalCalls.private.save')}</button>
          </form>
        </Section>
      ) : (
        <Section id="application" title={t('portalCalls.private.application')}>
          <dl className="facts">
            {(['email', 'name', 'organization', 'title', 'summary'] as const).map((key) => (
              <div key={key}>
                <dt>{t(`portalCalls.fields.${key}`)}</dt>
                <dd dir="auto">{s[key] || '—'}</dd>
              </div>
            ))}
            {s.theme && (
              <div>
                <dt>{t('portalCalls.fields.theme')}</dt>
                <dd>
                  <Local text={call.themes.find((th) => th.code === s.theme)?.label} fallback={s.theme} />
                </dd>
              </div>
            )}
          </dl>
        </Section>
      )}
      <Section id="files" title={t('calls.attachments')}>
        {s.attachments.length === 0 ? (
          <p className="muted">{t('portalCalls.files.none')}</p>
        ) : (
          <ul className="files">
            {s.attachments.map((a) => (
              <li key={a.id}>
                <a href={`${api}/attachments/${a.id}`} dir="auto">
                  {a.filename}
                </a>{' '}
                <span className="muted">
                  ({t('portalCalls.files.size', { size: f.number(Math.ceil(a.size / 1024)) })})
                </span>
                {editable && (
                  <form method="post" action={`${base}/attachments/${a.id}/remove`} className="inline-form">
                    <button type="submit" className="link-button">
                      {t('portalCalls.files.remove', { name: a.filename })}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {editable && (
          <form method="post" action={`${base}/attachments`} encType="multipart/form-data" className="form">
            <Problem form={fileForm} />
            <div className={fileForm.errors.file ? 'field has-error' : 'field'}>
              <label htmlFor="file">{t('portalCalls.files.choose')}</label>
              <p className="hint" id="file-hint">
                {t('portalCalls.files.hint', { size: f.number(Math.floor(attachmentLimit / 1024)) })}
              </p>
              <input
                id="file"
                name="file"
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,.xlsx"
                aria-describedby={fileForm.errors.file ? 'file-hint file-error' : 'file-hint'}
                aria-invalid={fileForm.errors.file ? true : undefined}
              />
              {fileForm.errors.file && (
                <p className="field-error" id="file-error">
                  {fieldMessage(t, fileForm.errors.file)}
                </p>
              )}
            </div>
            <button type="submit">{t('portalCalls.files.upload')}</button>
          </form>
        )}
      </Section>
      {editable && (
        <Section id="submit" title={t('portalCalls.private.submitTitle')}>
          <Notice call={call} id="notice" />
          <Problem form={submitForm} />
          <form method="post" action={`${base}/submit`} className="form" noValidate>
            <input type="hidden" name="version" value={String(s.version)} />
            <div className={submitForm.errors.consent ? 'field has-error' : 'field'}>
              <input
                id="consent"
                name="consent"
                type="checkbox"
                value={call.privacyNotice.version}
                aria-invalid={submitForm.errors.consent ? true : undefined}
                aria-describedby={submitForm.errors.consent ? 'consent-error' : undefined}
              />{' '}
              <label htmlFor="consent">
                {t('portalCalls.private.consentLabel', { version: isolate(call.privacyNotice.version) })}
              </label>
              {submitForm.errors.consent && (
                <p className="field-error" id="consent-error">
                  {fieldMessage(t, submitForm.errors.consent)}
                </p>
              )}
            </div>
            {(['name', 'title', 'theme'] as const)
              .filter((k) => submitForm.errors[k])
              .map((k) => (
                <p key={k} className="field-error">
                  {t(`portalCalls.fields.${k}`)} : {fieldMessage(t, submitForm.errors[k]!)}
                </p>
              ))}
            <button type="submit">{t('portalCalls.private.submit')}</button>
          </form>
        </Section>
      )}
      <Section id="your-data" title={t('portalCalls.private.yourData')}>
        <p>{t('portalCalls.private.yourDataLead')}</p>
        <ul className="actions">
          <li>
            <a href={`${api}/export`} download={`application-${s.ref}.json`}>
              {t('portalCalls.private.export')}
            </a>
          </li>
          <li>
            <a href={`${base}/erase`}>{t('portalCalls.private.erase')}</a>
          </li>
        </ul>
      </Section>
    </>
  );
}

/** The step before erasing: what goes, what stays, and the button. */
export function ErasePage({
  submission: s,
  call,
  token,
}: {
  submission: Submission;
  call: Call;
  token: string;
}) {
  const { t } = usePortal();
  const href = useHref();
  const base = href(`/calls/submission/${token}`);
  return (
    <>
      <PageHead kicker={t('portalCalls.private.kicker', { ref: s.ref })} title={t('portalCalls.erase.title')}>
        <p className="lead">
          <Local text={call.title} fallback={call.code} />
        </p>
      </PageHead>
      <p>{t(s.state === 'draft' ? 'portalCalls.erase.draft' : 'portalCalls.erase.submitted')}</p>
      <form method="post" action={`${base}/erase`} className="form">
        <button type="submit" className="danger">
          {t('portalCalls.erase.confirm')}
        </button>
      </form>
      <p>
        <a href={base}>{t('portalCalls.erase.cancel')}</a>
      </p>
    </>
  );
}

export function ErasedPage() {
  const { t } = usePortal();
  const href = useHref();
  return (
    <>
      <PageHead title={t('portalCalls.erase.done')}>
        <p className="lead">{t('portalCalls.erase.doneLead')}</p>
      </PageHead>
      <p>
        <a href={href('/calls')}>{t('portalCalls.title')}</a>
      </p>
    </>
  );
}
