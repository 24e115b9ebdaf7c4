-- A reporting assignment also covers the commitments its organization made as a party to an agreement that
-- serves the strategy (linked to, or credited to, one of its nodes): partners report what they delivered in
-- the same cycle as everyone else. Approval turns those figures into realisations awaiting verification.
ALTER TABLE assignment_items ADD COLUMN commitment_id uuid REFERENCES commitments (id) DEFERRABLE;
ALTER TABLE assignment_items DROP CONSTRAINT assignment_items_check;
ALTER TABLE assignment_items ADD CONSTRAINT assignment_items_one_item
  CHECK (num_nonnulls(node_id, indicator_id, project_id, commitment_id) = 1);

ALTER TABLE realisations ADD COLUMN report_id uuid REFERENCES reports (id) DEFERRABLE;
CREATE INDEX realisations_report_idx ON realisations (report_id) WHERE report_id IS NOT NULL;
