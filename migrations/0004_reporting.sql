-- Reporting cycles: a data call for one period of a strategy, one assignment per organization covering what it
-- owns, its report (draft → submitted → returned ↔ resubmitted → approved), variance explanations, the
-- configurable list of variance reasons; and the job queue and captured mails that reminders use.
-- Foreign keys are DEFERRABLE (see 0001).

CREATE TABLE reporting_cycles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  strategy_id uuid NOT NULL REFERENCES strategies (id) DEFERRABLE,
  period text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  due_date date NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  opened_by uuid REFERENCES users (id) DEFERRABLE,
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One data call per strategy and period: a second one would split the same figures across two reports.
CREATE UNIQUE INDEX reporting_cycles_period_key ON reporting_cycles (strategy_id, period);

CREATE TABLE reporting_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id uuid NOT NULL REFERENCES reporting_cycles (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cycle_id, organization_id)
);

-- What an assignment covers, fixed when the cycle opens: exactly one of node, indicator, project per row.
CREATE TABLE assignment_items (
  assignment_id uuid NOT NULL REFERENCES reporting_assignments (id) ON DELETE CASCADE DEFERRABLE,
  node_id uuid REFERENCES plan_nodes (id) DEFERRABLE,
  indicator_id uuid REFERENCES indicators (id) DEFERRABLE,
  project_id uuid REFERENCES projects (id) DEFERRABLE,
  CHECK (num_nonnulls(node_id, indicator_id, project_id) = 1)
);
CREATE INDEX assignment_items_assignment_idx ON assignment_items (assignment_id);

-- The report of one assignment. `content` is what the reporter typed (figures, progress, milestones,
-- transactions, narrative, explanations); it becomes observations and transactions only on approval.
CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assignment_id uuid NOT NULL UNIQUE REFERENCES reporting_assignments (id) ON DELETE CASCADE DEFERRABLE,
  state text NOT NULL DEFAULT 'assigned'
    CHECK (state IN ('assigned', 'draft', 'submitted', 'returned', 'approved')),
  content jsonb NOT NULL DEFAULT '{}',
  evaluations jsonb,
  comments jsonb,
  submissions integer NOT NULL DEFAULT 0,
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users (id) DEFERRABLE,
  updated_by uuid REFERENCES users (id) DEFERRABLE,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users (id) DEFERRABLE,
  approved_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE variance_reasons (
  code text PRIMARY KEY,
  label jsonb NOT NULL,
  position integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true
);
-- Empty until the strategy office edits the list: Marsad's default reasons live in the code
-- (reporting/reasons.ts), so that a freshly migrated database stays empty for `marsad restore`.

-- The explanations of a submitted report, one per item at risk or off track; escalated ones form the agenda
-- of the inter-ministerial committee. Replaced at each submission of the report.
CREATE TABLE variance_explanations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE DEFERRABLE,
  item_kind text NOT NULL CHECK (item_kind IN ('indicator', 'node')),
  item_code text NOT NULL,
  status text NOT NULL,
  -- a code of the list in force when submitted; not a foreign key, the default list is not stored
  reason_code text NOT NULL,
  narrative text NOT NULL,
  corrective_action text NOT NULL,
  action_owner text NOT NULL,
  action_due date NOT NULL,
  escalate boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, item_kind, item_code)
);
CREATE INDEX variance_explanations_escalated_idx ON variance_explanations (report_id) WHERE escalate;

-- Background work shared by every app process: workers claim due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  -- Same key → same job: the reminder scheduler can run in several processes without mailing twice.
  dedupe_key text UNIQUE,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  last_error text,
  locked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE state = 'queued';

-- Mails received by the local SMTP capture (development and tests), parsed, for the admin outbox.
CREATE TABLE mail_outbox (
  id bigserial PRIMARY KEY,
  message_id text,
  mail_from text,
  mail_to text[] NOT NULL,
  subject text NOT NULL,
  text_body text,
  html_body text,
  headers jsonb,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_received_idx ON mail_outbox (received_at DESC);
