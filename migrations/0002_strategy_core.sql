-- Strategy core: strategies and their tree, indicators with versioned targets and observations, dimensions,
-- budget lines and transactions, projects and milestones, governance bodies and reporting lines, and the
-- tracked operations (imports, exports). Foreign keys are DEFERRABLE (see 0001).

CREATE TABLE dimensions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  is_builtin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dimension_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dimension_id uuid NOT NULL REFERENCES dimensions (id) ON DELETE CASCADE DEFERRABLE,
  code text NOT NULL,
  name jsonb NOT NULL,
  position integer NOT NULL DEFAULT 0,
  UNIQUE (dimension_id, code)
);

CREATE TABLE strategies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  title jsonb NOT NULL,
  subtitle jsonb,
  description jsonb,
  vision jsonb,
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  state text NOT NULL CHECK (state IN ('draft', 'adopted', 'closed')),
  levels jsonb NOT NULL,
  predecessor_code text,
  successor_codes text[] NOT NULL DEFAULT '{}',
  status_thresholds jsonb,
  source jsonb,
  translations jsonb,
  budget_currency text,
  budget_scale numeric,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX strategies_code_key ON strategies (code) WHERE deleted_at IS NULL;

-- The organizations and dimensions a strategy's package lists, so that its export gives them back.
CREATE TABLE strategy_organizations (
  strategy_id uuid NOT NULL REFERENCES strategies (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  PRIMARY KEY (strategy_id, organization_id)
);
CREATE TABLE strategy_dimensions (
  strategy_id uuid NOT NULL REFERENCES strategies (id) ON DELETE CASCADE DEFERRABLE,
  dimension_id uuid NOT NULL REFERENCES dimensions (id) DEFERRABLE,
  PRIMARY KEY (strategy_id, dimension_id)
);

CREATE TABLE plan_nodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  strategy_id uuid NOT NULL REFERENCES strategies (id) DEFERRABLE,
  code text NOT NULL,
  parent_id uuid REFERENCES plan_nodes (id) DEFERRABLE,
  level text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  title jsonb NOT NULL,
  description jsonb,
  weight numeric NOT NULL DEFAULT 1 CHECK (weight >= 0),
  owner_id uuid REFERENCES organizations (id) DEFERRABLE,
  planned_start date,
  planned_end date,
  state text CHECK (state IN ('planned', 'in_progress', 'completed', 'cancelled', 'unknown')),
  source jsonb,
  cross_references jsonb,
  lineage jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX plan_nodes_code_key ON plan_nodes (strategy_id, code) WHERE deleted_at IS NULL;
CREATE INDEX plan_nodes_parent_idx ON plan_nodes (parent_id);
CREATE INDEX plan_nodes_owner_idx ON plan_nodes (owner_id);

CREATE TABLE plan_node_contributors (
  node_id uuid NOT NULL REFERENCES plan_nodes (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  PRIMARY KEY (node_id, organization_id)
);

CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  strategy_id uuid NOT NULL REFERENCES strategies (id) DEFERRABLE,
  name jsonb NOT NULL,
  description jsonb,
  unit text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('increase', 'decrease')),
  aggregation text NOT NULL CHECK (aggregation IN ('sum', 'mean', 'last')),
  decimals integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 10),
  dimensions text[] NOT NULL DEFAULT '{}',
  periodicity text,
  source jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX indicators_code_key ON indicators (code) WHERE deleted_at IS NULL;
CREATE INDEX indicators_strategy_idx ON indicators (strategy_id);

CREATE TABLE indicator_nodes (
  indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE DEFERRABLE,
  node_id uuid NOT NULL REFERENCES plan_nodes (id) ON DELETE CASCADE DEFERRABLE,
  PRIMARY KEY (indicator_id, node_id)
);
CREATE INDEX indicator_nodes_node_idx ON indicator_nodes (node_id);

-- Targets are versioned: a change is a new row with a reason; the version in force at a date is the one with
-- the latest effective_from on or before it.
CREATE TABLE target_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE DEFERRABLE,
  version integer NOT NULL,
  baseline jsonb,
  milestones jsonb NOT NULL DEFAULT '[]',
  final jsonb,
  reason text NOT NULL,
  effective_from date NOT NULL,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (indicator_id, version)
);

CREATE TABLE observations (
  id bigserial PRIMARY KEY,
  indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE DEFERRABLE,
  period text NOT NULL,
  period_end date NOT NULL,
  dims jsonb NOT NULL DEFAULT '{}',
  -- canonical form of dims ('region=MA-06;zone=dense', '' for the national total): the uniqueness key
  dims_key text NOT NULL DEFAULT '',
  value numeric,
  state text NOT NULL DEFAULT 'approved' CHECK (state IN ('provisional', 'approved')),
  source jsonb,
  confidence text CHECK (confidence IN ('high', 'medium', 'low', 'unverified')),
  reported jsonb,
  report_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (indicator_id, dims_key, period)
);
CREATE INDEX observations_latest_idx ON observations (indicator_id, dims_key, period_end DESC);

CREATE TABLE budget_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  strategy_id uuid NOT NULL REFERENCES strategies (id) DEFERRABLE,
  node_id uuid REFERENCES plan_nodes (id) DEFERRABLE,
  rubric text NOT NULL,
  rubric_label jsonb,
  year integer NOT NULL,
  amount numeric(20, 4) NOT NULL CHECK (amount >= 0),
  type text NOT NULL CHECK (type IN ('original', 'revised')),
  status text NOT NULL CHECK (status IN ('indicative', 'committed')),
  source jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX budget_lines_key ON budget_lines
  (strategy_id, coalesce(node_id, '00000000-0000-0000-0000-000000000000'::uuid), rubric, year, type);

CREATE TABLE transactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  strategy_id uuid NOT NULL REFERENCES strategies (id) DEFERRABLE,
  node_id uuid REFERENCES plan_nodes (id) DEFERRABLE,
  date date NOT NULL,
  type text NOT NULL CHECK (type IN ('commitment', 'disbursement', 'expenditure')),
  amount numeric(20, 4) NOT NULL CHECK (amount >= 0),
  description jsonb,
  source jsonb,
  report_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transactions_strategy_idx ON transactions (strategy_id, node_id);

CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  strategy_id uuid NOT NULL REFERENCES strategies (id) DEFERRABLE,
  code text NOT NULL,
  node_id uuid REFERENCES plan_nodes (id) DEFERRABLE,
  title jsonb NOT NULL,
  description jsonb,
  kind text,
  is_flagship boolean NOT NULL DEFAULT false,
  group_label jsonb,
  owner_id uuid REFERENCES organizations (id) DEFERRABLE,
  source jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX projects_code_key ON projects (strategy_id, code) WHERE deleted_at IS NULL;

CREATE TABLE project_milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE DEFERRABLE,
  code text,
  position integer NOT NULL,
  title jsonb NOT NULL,
  planned_date text,
  actual_date text,
  source jsonb,
  UNIQUE (project_id, position)
);

CREATE TABLE governance_bodies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  strategy_id uuid REFERENCES strategies (id) DEFERRABLE,
  code text NOT NULL,
  name jsonb NOT NULL,
  kind text NOT NULL CHECK (kind IN ('council', 'committee', 'steering', 'observatory', 'other')),
  mandate jsonb,
  chair_id uuid REFERENCES organizations (id) DEFERRABLE,
  reports_to_id uuid REFERENCES governance_bodies (id) DEFERRABLE,
  source jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX governance_bodies_code_key ON governance_bodies (coalesce(strategy_id, '00000000-0000-0000-0000-000000000000'::uuid), code);

CREATE TABLE body_members (
  body_id uuid NOT NULL REFERENCES governance_bodies (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  PRIMARY KEY (body_id, organization_id)
);

-- Which body reviews the reports of which organization, for one strategy.
CREATE TABLE reporting_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  strategy_id uuid NOT NULL REFERENCES strategies (id) DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  reviewer_body_id uuid NOT NULL REFERENCES governance_bodies (id) DEFERRABLE,
  UNIQUE (strategy_id, organization_id, reviewer_body_id)
);

-- Long-running work a user started (an import, an export), with progress the UI and the CLI can show.
CREATE TABLE operations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
  format text,
  filename text,
  done integer NOT NULL DEFAULT 0,
  total integer,
  summary jsonb,
  errors jsonb,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

ALTER TABLE organizations ADD COLUMN source jsonb;
