import type { Queryable } from '../../db/pool';
import type { AttachmentType } from './attachments.sniff';

export interface AttachmentRow {
  id: string;
  filename: string;
  type: AttachmentType;
  size: number;
  sha256: string;
  uploader: { id: string; username: string } | null;
  createdAt: string;
}

const COLUMNS = `x.id, x.filename, x.content_type AS type, x.size_bytes AS size, x.sha256,
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'username', u.username) END AS uploader,
  x.created_at AS "createdAt"`;
const FROM = 'FROM report_attachments x LEFT JOIN users u ON u.id = x.uploaded_by';

/** The report's attachments (not deleted), oldest first, without their bytes. */
export function findAttachments(db: Queryable, reportId: string) {
  return db.query<AttachmentRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE x.report_id = $1 AND x.deleted_at IS NULL ORDER BY x.created_at, x.id`,
    [reportId],
  );
}

/** One attachment of the report, without its bytes; null when absent, deleted or another report's. */
export function findAttachment(db: Queryable, reportId: string, id: string) {
  return db.maybeOne<AttachmentRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE x.report_id = $1 AND x.id = $2 AND x.deleted_at IS NULL`,
    [reportId, id],
  );
}

/** One attachment with its bytes, for download. */
export function findAttachmentContent(db: Queryable, reportId: string, id: string) {
  return db.maybeOne<AttachmentRow & { content: Buffer }>(
    `SELECT ${COLUMNS}, x.content ${FROM} WHERE x.report_id = $1 AND x.id = $2 AND x.deleted_at IS NULL`,
    [reportId, id],
  );
}

export async function insertAttachment(
  tx: Queryable,
  input: {
    reportId: string;
    filename: string;
    type: AttachmentType;
    sha256: string;
    content: Buffer;
    userId: string | null;
  },
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO report_attachments (report_id, filename, content_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      input.reportId,
      input.filename,
      input.type,
      input.content.length,
      input.sha256,
      input.content,
      input.userId,
    ],
  );
  return row.id;
}

export async function markDeleted(tx: Queryable, id: string, userId: string | null): Promise<void> {
  await tx.query('UPDATE report_attachments SET deleted_at = now(), deleted_by = $2 WHERE id = $1', [
    id,
    userId,
  ]);
}
