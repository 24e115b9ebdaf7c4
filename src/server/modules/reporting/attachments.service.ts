import { createHash } from 'node:crypto';
import { actorUserId } from '../../access/actor';
import { requirePermission } from '../../access/permissions';
import { AppError, forbidden, invalid, notFound } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './attachments.repo';
import { EXTENSIONS, isAccepted, sniffType } from './attachments.sniff';
import { loadOpenCycle } from './cycles.service';
import { canReport } from './reporting.policy';
import { loadVisible, wrongState } from './reports.service';

// A report's evidence: files its reporters attach while the report is theirs to edit, read by whoever may read
// the report. The bytes live in PostgreSQL with the report; the audit trail records the file, not its bytes.

const EDITABLE = ['assigned', 'draft', 'returned'];

const present = (row: repo.AttachmentRow) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() });

/** Not a control character, nor a bidirectional override that could show `exe.pdf` for `fdp.exe`. */
const isPrintable = (c: string) => {
  const n = c.codePointAt(0)!;
  return n > 0x1f && (n < 0x7f || n > 0x9f) && !(n >= 0x202a && n <= 0x202e) && !(n >= 0x2066 && n <= 0x2069);
};

/** Keeps the last path segment of a name, without control characters; a name left empty becomes `attachment`. */
export function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = [...base].filter(isPrintable).join('').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'attachment' : clean;
}

/**
 * Locks the report for a change of its evidence: 404 when hidden, 403 when the caller is not one of its
 * reporters, 409 when the cycle is closed or the report is not editable (submitted, approved). The report's row
 * lock serializes the change with a submission, so no file slips in after the report left its reporter.
 */
async function lockEditable(
  tx: Parameters<typeof loadVisible>[0],
  ctx: Ctx,
  reportId: string,
  action: string,
) {
  requirePermission(ctx.actor, 'reporting.report');
  const row = await loadVisible(tx, ctx, reportId, true);
  if (!canReport(ctx.actor, row)) throw forbidden('Only a reporter of the organization changes its evidence');
  await loadOpenCycle(tx, row.cycleId, 'FOR SHARE');
  if (!EDITABLE.includes(row.state)) throw wrongState(row, action);
  return row;
}

/** Attaches a file to the report after checking its type by its bytes (415 naming the detected type). */
export async function addAttachment(
  ctx: Ctx,
  reportId: string,
  input: { filename: string; content: Buffer },
) {
  return ctx.db.tx(async (tx) => {
    await lockEditable(tx, ctx, reportId, 'given attachments');
    if (input.content.length === 0) {
      throw invalid([{ path: '/body', code: 'required', message: 'send the file as the request body' }]);
    }
    const type = sniffType(input.content);
    if (!isAccepted(type)) {
      throw new AppError(
        'attachment.type',
        415,
        `A ${type} file is not accepted: send a PDF, PNG, JPEG or XLSX file`,
        { detected: type, accepted: Object.keys(EXTENSIONS) },
        [{ path: '/body', code: 'attachment.type', message: `the content is ${type}` }],
      );
    }
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    const filename = cleanFilename(input.filename);
    const userId = actorUserId(ctx.actor);
    const id = await repo.insertAttachment(tx, {
      reportId,
      filename,
      type,
      sha256,
      content: input.content,
      userId,
    });
    const row = (await repo.findAttachment(tx, reportId, id))!;
    await recordAudit(tx, ctx.actor, {
      action: 'report.attachment.add',
      subjectType: 'report',
      subjectId: reportId,
      after: { attachment: { id, filename, type, size: row.size, sha256 } },
    });
    return present(row);
  });
}

/** The report's attachments, for whoever may read the report (404 otherwise). */
export async function listAttachments(ctx: Ctx, reportId: string) {
  requirePermission(ctx.actor, 'internal.read');
  await loadVisible(ctx.db, ctx, reportId);
  return (await repo.findAttachments(ctx.db, reportId)).map(present);
}

/** One attachment with its bytes, for whoever may read the report. */
export async function getAttachmentContent(ctx: Ctx, reportId: string, attachmentId: string) {
  requirePermission(ctx.actor, 'internal.read');
  await loadVisible(ctx.db, ctx, reportId);
  const row = await repo.findAttachmentContent(ctx.db, reportId, attachmentId);
  if (!row) throw notFound('attachment');
  return row;
}

/** Removes an attachment while the report is editable; it is soft-deleted (a reviewer may have seen it). */
export async function deleteAttachment(ctx: Ctx, reportId: string, attachmentId: string): Promise<void> {
  await ctx.db.tx(async (tx) => {
    await lockEditable(tx, ctx, reportId, 'stripped of attachments');
    const row = await repo.findAttachment(tx, reportId, attachmentId);
    if (!row) throw notFound('attachment');
    await repo.markDeleted(tx, attachmentId, actorUserId(ctx.actor));
    await recordAudit(tx, ctx.actor, {
      action: 'report.attachment.delete',
      subjectType: 'report',
      subjectId: reportId,
      before: {
        attachment: {
          id: row.id,
          filename: row.filename,
          type: row.type,
          size: row.size,
          sha256: row.sha256,
        },
      },
    });
  });
}

/** A download name: ASCII for the plain parameter, the full name for `filename*`, ending in the real type. */
export function contentDisposition(filename: string, type: repo.AttachmentRow['type']): string {
  const extensions = EXTENSIONS[type];
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  const named = extensions.includes(extension) ? filename : `${filename}.${extensions[0]}`;
  const ascii =
    named
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\w.-]+/g, '_')
      .replace(/^\.+/, '') || `attachment.${extensions[0]}`;
  const encoded = encodeURIComponent(named).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
