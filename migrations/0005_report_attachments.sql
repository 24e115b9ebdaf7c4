-- Evidence attached to a report (PDF, PNG, JPEG, XLSX), its bytes kept in the database so that a backup and a
-- restore carry them with the report they prove. The type is the one detected from the bytes, never the name's.
-- Soft-deleted like everything users can delete: a reviewer may have seen a file a returned report later drops.
-- Foreign keys are DEFERRABLE (see 0001).

CREATE TABLE report_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE DEFERRABLE,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (content_type IN ('pdf', 'png', 'jpeg', 'xlsx')),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL CHECK (octet_length(content) = size_bytes),
  uploaded_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users (id) DEFERRABLE
);
CREATE INDEX report_attachments_report_idx ON report_attachments (report_id, created_at) WHERE deleted_at IS NULL;
-- PDF, PNG, JPEG and XLSX are compressed already: TOAST stores them out of line without trying again.
ALTER TABLE report_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
