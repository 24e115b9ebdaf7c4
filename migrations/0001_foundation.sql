-- Foundation: organizations, users, roles, sessions, API tokens, login throttling, audit.
-- Runs on PostgreSQL 15 and later (gen_random_uuid is built in since 13).
-- Convention for every migration: foreign keys are DEFERRABLE (initially immediate), so that `marsad restore`
-- can load self-referencing tables in any order inside one transaction. A test checks it.

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object'),
  acronym text,
  type text NOT NULL CHECK (type IN ('ministry', 'agency', 'enterprise', 'sme', 'startup', 'university',
    'association', 'federation', 'cluster', 'international_partner', 'public_body', 'other')),
  parent_id uuid REFERENCES organizations (id) DEFERRABLE,
  region_code text,
  website text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX organizations_code_key ON organizations (lower(code)) WHERE deleted_at IS NULL;
CREATE INDEX organizations_parent_idx ON organizations (parent_id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  email text,
  locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'ar', 'en')),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- A role held in the scope of one organization (and its sub-organizations), or everywhere when organization_id is null.
CREATE TABLE role_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  role text NOT NULL CHECK (role IN ('admin', 'strategy_office', 'reviewer', 'reporter', 'analyst', 'viewer')),
  organization_id uuid REFERENCES organizations (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX role_assignments_key
  ON role_assignments (user_id, role, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- Only the SHA-256 of a session token is stored: a leaked table does not give sessions away.
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash bytea NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Failed logins per key ('account:<name>' or 'address:<ip>') in a fixed window; shared by every app process.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  failures integer NOT NULL
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'token', 'system', 'anonymous')),
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  request_id text,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, at DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, at DESC);
CREATE INDEX audit_events_at_idx ON audit_events (at DESC);
