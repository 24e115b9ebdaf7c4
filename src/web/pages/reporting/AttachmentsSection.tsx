import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath, apiUpload } from '../../api/client';
import { ApiError } from '../../api/problem';
import { ATTACHMENT_TYPES, type Attachment, type AttachmentType } from '../../api/reporting-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';

/** What the file input offers; the server checks the bytes anyway. */
const ACCEPT = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.xlsx',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

const INPUT_ID = 'attachment-file';

/** Names of the accepted types, with literal keys so the catalogue test sees them. */
export function attachmentTypeLabels(t: Translator): Record<AttachmentType, string> {
  return {
    pdf: t('attachments.types.pdf'),
    png: t('attachments.types.png'),
    jpeg: t('attachments.types.jpeg'),
    xlsx: t('attachments.types.xlsx'),
  };
}

/** A size in bytes, in the unit that reads best (kB, MB), with the locale's figures. */
export function fileSize(t: Translator, number: (value: number, decimals?: number) => string, bytes: number) {
  if (bytes < 1024) return t('attachments.bytes', { size: number(bytes, 0) });
  if (bytes < 1024 * 1024) return t('attachments.kilobytes', { size: number(bytes / 1024, 1) });
  return t('attachments.megabytes', { size: number(bytes / (1024 * 1024), 1) });
}

/** Why an upload was refused, in the person's language: too large, wrong type (naming it), not editable. */
function uploadFailure(t: Translator, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return t('attachments.tooLarge');
    if (error.code === 'attachment.type') {
      const detected = String(error.problem.params?.detected ?? '');
      const known = `attachments.detected.${detected}`;
      return t('attachments.wrongType', {
        detected: t.has(known) ? t(known) : detected || t('attachments.detected.unknown'),
      });
    }
    if (error.status === 409) return t('attachments.notEditable');
  }
  return problemMessage(t, error);
}

/**
 * A report's evidence: the list of files (type, size, download link) and, while the report is editable, a
 * file input to add one and a button to remove each. Reviewers see the list only.
 */
export function AttachmentsSection({ reportId, editable }: { reportId: string; editable: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const base = `/api/reporting/reports/${encodeURIComponent(reportId)}/attachments`;
  const list = useLoad(() => api<ListOf<Attachment>>('GET', base), reportId);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const types = attachmentTypeLabels(t);
  const items = list.data?.items ?? [];

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setFailure(null);
    if (!file) {
      setFileError(t('attachments.fileRequired'));
      input.current?.focus();
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      const added = await apiUpload<Attachment>(
        apiPath(base, { filename: file.name }),
        file,
        file.type || 'application/octet-stream',
      );
      setNotice(t('attachments.added', { filename: added.filename }));
      setFile(null);
      if (input.current) input.current.value = '';
      await list.reload();
    } catch (error) {
      setFileError(uploadFailure(t, error));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const remove = async (attachment: Attachment) => {
    setNotice(null);
    setFailure(null);
    setBusy(true);
    try {
      await api('DELETE', `${base}/${encodeURIComponent(attachment.id)}`);
      setNotice(t('attachments.removed', { filename: attachment.filename }));
      await list.reload();
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 409
          ? t('attachments.notEditable')
          : problemMessage(t, error),
      );
    } finally {
      setBusy(false);
    }
  };

  const describedBy = [`${INPUT_ID}-hint`, fileError ? `${INPUT_ID}-error` : null].filter(Boolean).join(' ');
  return (
    <section className="card attachments" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('attachments.title')}</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      {failure && <Alert kind="error">{failure}</Alert>}
      {list.error ? (
        <Alert kind="error">{problemMessage(t, list.error)}</Alert>
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('attachments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attachments.file')}</th>
                <th scope="col">{t('attachments.type')}</th>
                <th scope="col">{t('attachments.size')}</th>
                <th scope="col">{t('attachments.addedBy')}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('attachments.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <a
                      href={`${base}/${encodeURIComponent(item.id)}`}
                      download={item.filename}
                      aria-label={t('attachments.download', { filename: item.filename })}
                    >
                      <bdi dir="auto">{item.filename}</bdi>
                    </a>
                  </td>
                  <td>{types[item.type] ?? item.type}</td>
                  <td className="nowrap">
                    <bdi>{fileSize(t, format.number, item.size)}</bdi>
                  </td>
                  <td>
                    {item.uploader ? <bdi dir="auto">{item.uploader.username}</bdi> : '—'}
                    <br />
                    <span className="muted small">{format.date(item.createdAt)}</span>
                  </td>
                  {editable && (
                    <td className="actions">
                      <button
                        type="button"
                        className="button button-small button-danger-outline"
                        disabled={busy}
                        onClick={() => void remove(item)}
                        aria-label={t('attachments.remove', { filename: item.filename })}
                      >
                        {t('attachments.removeShort')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && (
        <form className="attachment-form" onSubmit={(event) => void upload(event)} noValidate>
          <div className={fileError ? 'field has-error' : 'field'}>
            <label htmlFor={INPUT_ID} id={`${INPUT_ID}-label`}>
              {t('attachments.add')}
            </label>
            <p className="hint" id={`${INPUT_ID}-hint`}>
              {t('attachments.hint', {
                types: ATTACHMENT_TYPES.map((type) => types[type]).join(t('attachments.separator')),
              })}
            </p>
            {fileError && (
              <p className="field-error" id={`${INPUT_ID}-error`} role="alert">
                {fileError}
              </p>
            )}
            {/* The browser's own "Choose file" button speaks the browser's language, not the page's: the
                input is hidden (still focusable) behind a button-like label in the interface language. */}
            <div className={fileError ? 'file-picker has-error' : 'file-picker'}>
              <input
                ref={input}
                id={INPUT_ID}
                type="file"
                className="visually-hidden"
                accept={ACCEPT}
                aria-labelledby={`${INPUT_ID}-label`}
                aria-describedby={describedBy}
                aria-invalid={fileError ? true : undefined}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setFileError(null);
                }}
              />
              <label htmlFor={INPUT_ID} className="button file-button" aria-hidden="true">
                {t('attachments.choose')}
              </label>
              <span className="file-name">
                {file ? (
                  <bdi dir="auto">{file.name}</bdi>
                ) : (
                  <span className="muted">{t('attachments.noFile')}</span>
                )}
              </span>
            </div>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('attachments.uploading') : t('attachments.upload')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
