-- A strategy's fiscal calendar: a reporting cycle for a year, a half-year or a quarter covers that fiscal
-- period. The default (January, named by its end) is the calendar year, Morocco's budget year.
ALTER TABLE strategies
  ADD COLUMN fiscal_year_start_month smallint NOT NULL DEFAULT 1
    CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
  ADD COLUMN fiscal_year_named_by text NOT NULL DEFAULT 'end'
    CHECK (fiscal_year_named_by IN ('start', 'end'));

-- Plan versions of node weights: a weight changed while a strategy is being executed is a new version with
-- its reason and the day it takes effect, so the plan can be rolled up as of any date. `previous_weight` keeps
-- what was in force before the node's first version, so dates before it read the original weight.
CREATE TABLE node_weight_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  strategy_id uuid NOT NULL REFERENCES strategies (id) DEFERRABLE,
  node_id uuid NOT NULL REFERENCES plan_nodes (id) DEFERRABLE,
  weight numeric NOT NULL CHECK (weight >= 0),
  previous_weight numeric NOT NULL CHECK (previous_weight >= 0),
  effective_from date NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX node_weight_versions_strategy_idx ON node_weight_versions (strategy_id, node_id, effective_from);
