import type { Confidence, Status } from '../api/strategy-types';
import type { Translator } from '../i18n/translate';

// Names of the codes the API sends, in the person's language. Records with literal keys, so that the
// catalogue test sees every key and a new code fails to compile until it is named.

export function statusLabels(t: Translator): Record<Status, string> {
  return {
    achieved: t('status.achieved'),
    on_track: t('status.on_track'),
    at_risk: t('status.at_risk'),
    off_track: t('status.off_track'),
    not_started: t('status.not_started'),
    no_data: t('status.no_data'),
  };
}

export function confidenceLabels(t: Translator): Record<Confidence, string> {
  return {
    high: t('confidence.high'),
    medium: t('confidence.medium'),
    low: t('confidence.low'),
    unverified: t('confidence.unverified'),
  };
}

export function strategyStateLabels(t: Translator): Record<string, string> {
  return {
    draft: t('strategies.state.draft'),
    adopted: t('strategies.state.adopted'),
    closed: t('strategies.state.closed'),
  };
}

export function nodeStateLabels(t: Translator): Record<string, string> {
  return {
    planned: t('nodes.state.planned'),
    in_progress: t('nodes.state.in_progress'),
    completed: t('nodes.state.completed'),
    cancelled: t('nodes.state.cancelled'),
    unknown: t('nodes.state.unknown'),
  };
}

export function directionLabels(t: Translator): Record<string, string> {
  return { increase: t('indicators.direction.increase'), decrease: t('indicators.direction.decrease') };
}

export function aggregationLabels(t: Translator): Record<string, string> {
  return {
    sum: t('indicators.aggregation.sum'),
    mean: t('indicators.aggregation.mean'),
    last: t('indicators.aggregation.last'),
  };
}

export function periodicityLabels(t: Translator): Record<string, string> {
  return {
    annual: t('indicators.periodicity.annual'),
    semiannual: t('indicators.periodicity.semiannual'),
    quarterly: t('indicators.periodicity.quarterly'),
    monthly: t('indicators.periodicity.monthly'),
    irregular: t('indicators.periodicity.irregular'),
  };
}

export function policyLabels(t: Translator): Record<string, string> {
  return {
    exclude: t('tree.policy.exclude'),
    zero: t('tree.policy.zero'),
    propagate: t('tree.policy.propagate'),
  };
}

export function basisLabels(t: Translator): Record<string, string> {
  return {
    indicators: t('tree.basis.indicators'),
    children: t('tree.basis.children'),
    none: t('tree.basis.none'),
  };
}

export function projectKindLabels(t: Translator): Record<string, string> {
  return {
    infrastructure: t('projects.kind.infrastructure'),
    informational: t('projects.kind.informational'),
    interactive: t('projects.kind.interactive'),
    transactional: t('projects.kind.transactional'),
    integrated: t('projects.kind.integrated'),
    programme: t('projects.kind.programme'),
    other: t('projects.kind.other'),
  };
}

export function bodyKindLabels(t: Translator): Record<string, string> {
  return {
    council: t('governance.kind.council'),
    committee: t('governance.kind.committee'),
    steering: t('governance.kind.steering'),
    observatory: t('governance.kind.observatory'),
    other: t('governance.kind.other'),
  };
}

export function observationStateLabels(t: Translator): Record<string, string> {
  return { provisional: t('observations.state.provisional'), approved: t('observations.state.approved') };
}

/** Calculation methods in plain words; an unknown method shows its code. */
export function methodLabel(t: Translator, method: string): string {
  const known: Record<string, string> = {
    'indicator.evaluation': t('method.indicator_evaluation'),
    'status.trajectory': t('method.status_trajectory'),
    'trajectory.expected_value': t('method.trajectory_expected_value'),
    'achievement.linear': t('method.achievement_linear'),
    'achievement.flat_target': t('method.achievement_flat_target'),
    'forecast.least_squares': t('method.forecast_least_squares'),
    'reported.compare': t('method.reported_compare'),
    'plan.node.indicators': t('method.plan_node_indicators'),
    'plan.node.rollup': t('method.plan_node_rollup'),
    'rollup.leaf': t('method.rollup_leaf'),
    'rollup.weighted_mean.exclude': t('method.rollup_weighted_mean_exclude'),
    'rollup.weighted_mean.zero': t('method.rollup_weighted_mean_zero'),
    'rollup.weighted_mean.propagate': t('method.rollup_weighted_mean_propagate'),
    'budget.execution': t('method.budget_execution'),
    'growth.year_on_year': t('method.growth_year_on_year'),
    'growth.cagr': t('method.growth_cagr'),
  };
  return known[method] ?? method;
}

/** Why a figure could not be computed, in plain words; an unknown reason shows its code. */
export function reasonLabel(t: Translator, reason: string): string {
  const known: Record<string, string> = {
    insufficient_data: t('reason.insufficient_data'),
    not_at_this_pace: t('reason.not_at_this_pace'),
    incomplete_target: t('reason.incomplete_target'),
    no_data: t('reason.no_data'),
    no_observation: t('reason.no_observation'),
    no_child_data: t('reason.no_child_data'),
    before_baseline: t('reason.before_baseline'),
    no_computed_value: t('reason.no_computed_value'),
    zero_base: t('reason.zero_base'),
  };
  return known[reason] ?? reason;
}
