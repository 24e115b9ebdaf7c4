-- Governance bodies become deletable from the back office. They are soft-deleted, as everything users can
-- delete: the audit trail and, soon, reporting cycles refer to them. Their code stays taken (the unique index
-- is unchanged), because codes are stable identifiers cited in published data.

ALTER TABLE governance_bodies ADD COLUMN deleted_at timestamptz;
