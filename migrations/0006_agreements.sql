-- Partner agreements (MoUs, conventions, progress contracts), their commitments, the realisations partners
-- report against them and the shares of each commitment attributed to plan nodes; the registry's contacts,
-- memberships and partnerships; the cluster's innovation projects. Foreign keys are DEFERRABLE (see 0001).

-- A person to reach at an organization. Personal data: kept minimal, read only by admin and strategy office.
CREATE TABLE organization_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role_title text,
  email text,
  phone text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX organization_contacts_org_idx ON organization_contacts (organization_id) WHERE deleted_at IS NULL;

-- `member_id` belongs to `group_id` (e.g. an SME member of a cluster), with the role it holds there.
CREATE TABLE organization_memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  member_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'founding_member', 'board_member', 'partner')),
  since date,
  source jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (group_id <> member_id)
);
CREATE UNIQUE INDEX organization_memberships_key
  ON organization_memberships (group_id, member_id) WHERE deleted_at IS NULL;
CREATE INDEX organization_memberships_member_idx ON organization_memberships (member_id);

-- A partnership between two organizations (e.g. Maroc Numeric Cluster ↔ Systematic, France); stored once,
-- with the lower id first, and read from either side.
CREATE TABLE organization_partnerships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  first_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  second_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  kind text NOT NULL DEFAULT 'cooperation' CHECK (kind IN ('cooperation', 'cluster_partnership', 'other')),
  description jsonb,
  since date,
  source jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (first_id < second_id)
);
CREATE UNIQUE INDEX organization_partnerships_key
  ON organization_partnerships (first_id, second_id) WHERE deleted_at IS NULL;
CREATE INDEX organization_partnerships_second_idx ON organization_partnerships (second_id);

CREATE TABLE agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('mou', 'convention', 'progress_contract')),
  title jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object'),
  scope jsonb,
  signed_on date,
  -- a day the source gives only approximately (e.g. "29-31 May 2024"): the text as the source says it
  signed_on_text text,
  event text,
  signing_place text,
  -- where the commitments are delivered
  place text,
  region_code text,
  documents jsonb NOT NULL DEFAULT '[]',
  sources jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX agreements_code_key ON agreements (lower(code)) WHERE deleted_at IS NULL;
CREATE INDEX agreements_event_idx ON agreements (event) WHERE deleted_at IS NULL;

CREATE TABLE agreement_parties (
  agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  role text NOT NULL DEFAULT 'partner' CHECK (role IN ('government', 'partner', 'witness')),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (agreement_id, organization_id)
);
CREATE INDEX agreement_parties_org_idx ON agreement_parties (organization_id);

CREATE TABLE agreement_nodes (
  agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE DEFERRABLE,
  node_id uuid NOT NULL REFERENCES plan_nodes (id) DEFERRABLE,
  PRIMARY KEY (agreement_id, node_id)
);

-- A promise by one party: `value` of `metric` by the end of `due_year`. `qualifier` keeps what the source
-- says ("more than 50 MMAD" is at_least 50,000,000); a value the source does not give stays null.
CREATE TABLE commitments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreements (id) DEFERRABLE,
  code text NOT NULL,
  party_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  metric text NOT NULL CHECK (metric IN ('direct_jobs', 'investment_mad', 'people_trained', 'centres_opened',
    'other')),
  value numeric(20, 2) CHECK (value >= 0),
  qualifier text NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact', 'at_least', 'about')),
  due_year integer CHECK (due_year BETWEEN 1900 AND 2200),
  description jsonb,
  source jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX commitments_code_key ON commitments (agreement_id, code) WHERE deleted_at IS NULL;
CREATE INDEX commitments_party_idx ON commitments (party_id) WHERE deleted_at IS NULL;

-- What a party delivered in one period (a flow, summed over periods). Only `verified` counts as achieved.
CREATE TABLE realisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commitment_id uuid NOT NULL REFERENCES commitments (id) DEFERRABLE,
  period text NOT NULL,
  period_end date NOT NULL,
  value numeric(20, 2) NOT NULL CHECK (value >= 0),
  evidence jsonb NOT NULL DEFAULT '[]',
  note text,
  state text NOT NULL DEFAULT 'reported' CHECK (state IN ('reported', 'verified', 'disputed')),
  reported_by uuid REFERENCES users (id) DEFERRABLE,
  reported_at timestamptz NOT NULL DEFAULT now(),
  verified_by uuid REFERENCES users (id) DEFERRABLE,
  verified_at timestamptz,
  verification_note text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX realisations_commitment_idx ON realisations (commitment_id, period_end) WHERE deleted_at IS NULL;

-- The share of a commitment (and of every realisation against it) credited to a plan node. Shares of one
-- commitment sum to at most 1 (the service checks it inside the transaction that writes them).
CREATE TABLE commitment_attributions (
  commitment_id uuid NOT NULL REFERENCES commitments (id) ON DELETE CASCADE DEFERRABLE,
  node_id uuid NOT NULL REFERENCES plan_nodes (id) DEFERRABLE,
  share numeric(7, 6) NOT NULL CHECK (share > 0 AND share <= 1),
  PRIMARY KEY (commitment_id, node_id)
);
CREATE INDEX commitment_attributions_node_idx ON commitment_attributions (node_id);

-- A cluster's labelled innovation project, in one of the strategy's niches of excellence.
CREATE TABLE innovation_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  cluster_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  title jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object'),
  description jsonb,
  niche text NOT NULL CHECK (niche IN ('mobile_services', 'ebanking_rights_security', 'web_multimedia',
    'domestic_software')),
  stage text NOT NULL DEFAULT 'labelled' CHECK (stage IN ('proposed', 'labelled', 'in_progress', 'completed',
    'abandoned')),
  funding_source text CHECK (funding_source IN ('innovation_fund', 'rnd_fund', 'other')),
  labelled_on date,
  source jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX innovation_projects_code_key ON innovation_projects (lower(code)) WHERE deleted_at IS NULL;

CREATE TABLE innovation_project_members (
  project_id uuid NOT NULL REFERENCES innovation_projects (id) ON DELETE CASCADE DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  PRIMARY KEY (project_id, organization_id)
);
