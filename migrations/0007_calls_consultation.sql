-- Calls for projects (criteria, jury, anonymous submissions behind a private link) and stakeholder consultation
-- (proposals by organizations, endorsements, comments, the ministry's answer, links to the plan nodes they became).
-- Foreign keys are DEFERRABLE (see 0001).

CREATE TABLE calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  title jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object'),
  description jsonb,
  eligibility jsonb,
  themes jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(themes) = 'array'),
  organizer_id uuid REFERENCES organizations (id) DEFERRABLE,
  -- where the selected submissions become projects (both optional until the decision)
  strategy_id uuid REFERENCES strategies (id) DEFERRABLE,
  node_id uuid REFERENCES plan_nodes (id) DEFERRABLE,
  scale_min integer NOT NULL DEFAULT 0,
  scale_max integer NOT NULL DEFAULT 10 CHECK (scale_max > scale_min),
  opens_at timestamptz,
  closes_at timestamptz,
  -- draft → open → closed → decided; a historical call is kept only for its published figures
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed', 'decided')),
  is_historical boolean NOT NULL DEFAULT false,
  published_stats jsonb,
  source jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);
CREATE UNIQUE INDEX calls_code_key ON calls (lower(code)) WHERE deleted_at IS NULL;
CREATE INDEX calls_closing_idx ON calls (closes_at) WHERE state = 'open';

CREATE TABLE call_criteria (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE DEFERRABLE,
  code text NOT NULL,
  label jsonb NOT NULL,
  weight numeric(10, 4) NOT NULL CHECK (weight > 0),
  position integer NOT NULL,
  UNIQUE (call_id, code)
);

-- Jurors are users given a membership on one call: no global role, the membership is the permission.
CREATE TABLE call_jurors (
  call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE DEFERRABLE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (call_id, user_id)
);

CREATE SEQUENCE call_submission_numbers;

-- An applicant's submission. Only the SHA-256 of the private link's token is stored. Erasing a submitted one
-- empties every personal field and keeps the row (state `erased`) so that the call's counts stay true.
CREATE TABLE call_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES calls (id) DEFERRABLE,
  number bigint NOT NULL DEFAULT nextval('call_submission_numbers') UNIQUE,
  token_hash bytea UNIQUE,
  applicant_email text,
  applicant_name text,
  applicant_organization text,
  language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'ar', 'en')),
  title text,
  summary text,
  theme text,
  answers jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'erased')),
  consent_at timestamptz,
  consent_notice_version text,
  submitted_at timestamptz,
  shortlisted boolean NOT NULL DEFAULT false,
  decision text CHECK (decision IN ('selected', 'rejected')),
  decision_reason text,
  decided_at timestamptz,
  project_id uuid REFERENCES projects (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  erased_at timestamptz,
  CHECK (state <> 'submitted' OR (consent_at IS NOT NULL AND consent_notice_version IS NOT NULL))
);
-- One submission per applicant and call (the duplicate rule); erased ones free the address.
CREATE UNIQUE INDEX call_submissions_applicant_key ON call_submissions (call_id, lower(applicant_email))
  WHERE applicant_email IS NOT NULL;
CREATE INDEX call_submissions_call_idx ON call_submissions (call_id, state);

CREATE TABLE submission_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL REFERENCES call_submissions (id) ON DELETE CASCADE DEFERRABLE,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (content_type IN ('pdf', 'png', 'jpeg', 'xlsx')),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL CHECK (octet_length(content) = size_bytes),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_attachments_idx ON submission_attachments (submission_id);
ALTER TABLE submission_attachments ALTER COLUMN content SET STORAGE EXTERNAL;

-- Anonymous draft creation, counted per address in a window (as login_throttle does for sign-ins).
CREATE TABLE submission_throttle (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);

-- A juror's review of one submission: a conflict declaration closes it for good.
CREATE TABLE jury_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL REFERENCES call_submissions (id) ON DELETE CASCADE DEFERRABLE,
  juror_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  conflict_declared_at timestamptz,
  conflict_reason text,
  comment text,
  scored_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (submission_id, juror_id)
);
CREATE INDEX jury_reviews_juror_idx ON jury_reviews (juror_id);

CREATE TABLE jury_scores (
  review_id uuid NOT NULL REFERENCES jury_reviews (id) ON DELETE CASCADE DEFERRABLE,
  criterion_id uuid NOT NULL REFERENCES call_criteria (id) ON DELETE CASCADE DEFERRABLE,
  score numeric(10, 4) NOT NULL,
  comment text,
  PRIMARY KEY (review_id, criterion_id)
);

CREATE TABLE proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  title jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object'),
  body jsonb,
  lang text NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'ar', 'en')),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  author_id uuid REFERENCES users (id) DEFERRABLE,
  strategy_id uuid REFERENCES strategies (id) DEFERRABLE,
  submitted_on date NOT NULL DEFAULT current_date,
  response text CHECK (response IN ('accepted', 'modified', 'rejected')),
  response_reason jsonb,
  responded_at timestamptz,
  responded_by uuid REFERENCES users (id) DEFERRABLE,
  source jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK ((response IS NULL) = (response_reason IS NULL))
);
CREATE UNIQUE INDEX proposals_code_key ON proposals (lower(code)) WHERE deleted_at IS NULL;

-- Co-authors beside the submitting organization (a collective's proposal, e.g. the four federations' pact).
CREATE TABLE proposal_authors (
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  position integer NOT NULL,
  PRIMARY KEY (proposal_id, organization_id)
);

CREATE TABLE proposal_endorsements (
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  user_id uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (proposal_id, organization_id)
);

CREATE TABLE proposal_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  user_id uuid REFERENCES users (id) DEFERRABLE,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX proposal_comments_idx ON proposal_comments (proposal_id, created_at);

CREATE TABLE proposal_nodes (
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE DEFERRABLE,
  node_id uuid NOT NULL REFERENCES plan_nodes (id) DEFERRABLE,
  PRIMARY KEY (proposal_id, node_id)
);
