import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, apiPath, apiUpload } from '../../api/client';
import type { Operation, OperationError } from '../../api/strategy-types';
import { problemMessage } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { PageHeader } from '../../components/page';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMATS: Record<string, { format: string; type: string }> = {
  json: { format: 'json', type: 'application/json' },
  xlsx: { format: 'xlsx', type: XLSX },
  csv: { format: 'csv', type: 'text/csv' },
};
const POLL_MS = 400;

function formatOf(file: File): { format: string; type: string } | null {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return FORMATS[extension] ?? null;
}

function summaryLabels(t: Translator): Record<string, string> {
  return {
    strategy: t('imports.summary.strategy'),
    organizations: t('imports.summary.organizations'),
    nodes: t('imports.summary.nodes'),
    indicators: t('imports.summary.indicators'),
    targetVersions: t('imports.summary.targetVersions'),
    observations: t('imports.summary.observations'),
    budgetLines: t('imports.summary.budgetLines'),
    transactions: t('imports.summary.transactions'),
    projects: t('imports.summary.projects'),
    bodies: t('imports.summary.bodies'),
    rows: t('imports.summary.rows'),
  };
}

/** Where an error is: the sheet, row and column of a workbook or CSV, or the path in a JSON package. */
function where(t: Translator, error: OperationError): string {
  if (error.sheet !== undefined && error.row !== undefined) {
    const column = error.column ? t('imports.column', { column: error.column }) : '';
    const sheet = error.sheet === 'csv' ? t('imports.csvFile') : t('imports.sheet', { sheet: error.sheet });
    return [sheet, t('imports.row', { row: String(error.row) }), column].filter(Boolean).join(' · ');
  }
  return error.path ?? '—';
}

/**
 * Imports a strategy package (JSON or the XLSX template) or a CSV of observations: the file goes up as it is,
 * the server runs it as a tracked operation, and the page polls it for its progress, then shows the summary
 * or every error with where it is. All or nothing: a file with errors changes nothing.
 */
export function ImportPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [operation, setOperation] = useState<Operation | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const finished = operation?.state === 'succeeded' || operation?.state === 'failed';
  useEffect(() => {
    if (finished) resultRef.current?.focus();
  }, [finished]);

  const poll = (id: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const next = await api<Operation>('GET', `/api/operations/${id}`);
        setOperation(next);
        if (next.state === 'queued' || next.state === 'running') poll(id);
        else setBusy(false);
      } catch (error) {
        setFailure(problemMessage(t, error));
        setBusy(false);
      }
    }, POLL_MS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!file) {
      setFileError(t('imports.fileRequired'));
      document.getElementById('import-file')?.focus();
      return;
    }
    const kind = formatOf(file);
    if (!kind) {
      setFileError(t('imports.unsupported'));
      document.getElementById('import-file')?.focus();
      return;
    }
    setFileError(null);
    setBusy(true);
    setOperation(null);
    try {
      const started = await apiUpload<Operation>(
        apiPath('/api/imports', { format: kind.format, filename: file.name }),
        file,
        kind.type,
      );
      setOperation(started);
      if (started.state === 'queued' || started.state === 'running') poll(started.id);
      else setBusy(false);
    } catch (error) {
      setFailure(problemMessage(t, error));
      setBusy(false);
    }
  };

  const states: Record<Operation['state'], string> = {
    queued: t('imports.state.queued'),
    running: t('imports.state.running'),
    succeeded: t('imports.state.succeeded'),
    failed: t('imports.state.failed'),
  };
  const total = operation?.total ?? null;
  const done = finished ? (total ?? Math.max(1, operation?.done ?? 1)) : (operation?.done ?? 0);
  const max = finished ? (total ?? done) : total;
  const labels = summaryLabels(t);

  return (
    <div className="page">
      <PageHeader title={t('imports.title')} lead={t('imports.lead')} />
      <div className="summary-grid">
        <section className="card" aria-labelledby="import-form-title">
          <h2 id="import-form-title">{t('imports.formTitle')}</h2>
          {failure && <Alert kind="error">{failure}</Alert>}
          <form onSubmit={submit} noValidate>
            <div className={fileError ? 'field has-error' : 'field'}>
              <label htmlFor="import-file">{t('imports.file')}</label>
              <p className="hint" id="import-file-hint">
                {t('imports.fileHint')}
              </p>
              {fileError && (
                <p className="field-error" id="import-file-error">
                  {fileError}
                </p>
              )}
              <input
                id="import-file"
                type="file"
                accept=".json,.xlsx,.csv,application/json,text/csv"
                aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
                aria-invalid={fileError ? true : undefined}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setFileError(null);
                }}
              />
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('imports.submit')}
              </button>
            </div>
          </form>
        </section>
        <section className="card" aria-labelledby="import-help-title">
          <h2 id="import-help-title">{t('imports.helpTitle')}</h2>
          <ul className="link-list">
            <li>
              <a href="/api/imports/template.xlsx" download>
                {t('imports.template')}
              </a>
              <p className="muted">{t('imports.templateText')}</p>
            </li>
            <li>
              <a href="/api/schemas/strategy-package.json">{t('export.schema')}</a>
              <p className="muted">{t('export.schemaText')}</p>
            </li>
          </ul>
          <p className="muted small csv-help">{t('imports.csvHelp')}</p>
          <pre className="sample" dir="ltr">
            {
              'indicator,period,dim:zone,value,confidence,source_document\nMN-I02,2012,dense,<value>,high,<document>'
            }
          </pre>
        </section>
      </div>
      {operation && (
        <section className="card import-result" aria-labelledby="import-result-title">
          <h2 id="import-result-title">{t('imports.resultTitle', { name: operation.filename ?? '' })}</h2>
          <div className="field">
            <label htmlFor="import-progress">{t('imports.progress')}</label>
            <progress
              id="import-progress"
              max={max ?? undefined}
              value={max === null ? undefined : done}
              aria-describedby="import-progress-text"
            />
            <p id="import-progress-text" className="progress-text" role="status">
              {states[operation.state]}
              {!finished && total !== null && (
                <> — {t('imports.progressOf', { done: format.number(done), total: format.number(total) })}</>
              )}
            </p>
          </div>
          <div ref={resultRef} tabIndex={-1} className="result-focus">
            {operation.state === 'succeeded' && (
              <>
                <Alert kind="success">{t('imports.succeeded')}</Alert>
                <dl className="figure-grid">
                  {Object.entries(operation.summary ?? {}).map(([key, value]) => (
                    <div key={key}>
                      <dt>{labels[key] ?? key}</dt>
                      <dd className="figure">
                        {typeof value === 'number' ? format.number(value) : String(value)}
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
            {operation.state === 'failed' && (
              <>
                <Alert kind="error">
                  {t('imports.failed', { count: operation.errors?.length ?? 0 })}{' '}
                  <FailureReason summary={operation.summary} />
                </Alert>
                {(operation.errors?.length ?? 0) > 0 && (
                  <div className="table-wrap">
                    <table className="compact-table">
                      <caption>{t('imports.errorsCaption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('imports.where')}</th>
                          <th scope="col">{t('imports.code')}</th>
                          <th scope="col">{t('imports.message')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {operation.errors?.map((error) => (
                          <tr key={`${where(t, error)}|${error.code}|${error.message}`}>
                            <td>
                              <bdi>{where(t, error)}</bdi>
                            </td>
                            <td>
                              <code>{error.code ?? '—'}</code>
                            </td>
                            <td>
                              {error.code && t.has(`validation.${error.code}`) ? (
                                t(`validation.${error.code}`)
                              ) : (
                                <bdi dir="ltr">{error.message}</bdi>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

/** Why the import failed: the server's code in the person's language, else the server's own sentence. */
function FailureReason({ summary }: { summary: Record<string, unknown> | null }) {
  const { t } = useI18n();
  const code = typeof summary?.code === 'string' ? summary.code : '';
  if (code && t.has(`errors.${code}`)) return <>{t(`errors.${code}`)}</>;
  return typeof summary?.message === 'string' ? <bdi dir="ltr">{summary.message}</bdi> : null;
}
