import { daysBetween } from '../../../domain/periods';
import {
  evaluateIndicator,
  evaluatePlan,
  type PartialTarget,
  statusOfPerformance,
} from '../../../domain/plan-progress';
import type { Status, StatusThresholds } from '../../../domain/status';
import type { FieldError } from '../../errors';
import { nationalSeries } from '../indicators/indicators.service';
import type { ReportContent } from './reporting.schema';
import type { Scope } from './reports.repo';

// The variance loop: each figure of a submitted report is judged by the computation library against the
// target in force at the end of the cycle's period; an item at risk or off track needs an explanation.

export interface ItemEvaluation {
  kind: 'indicator' | 'node';
  code: string;
  status: Status;
  performance: number | null;
  needsExplanation: boolean;
}

const NEEDS_EXPLANATION: Status[] = ['at_risk', 'off_track'];

function item(kind: ItemEvaluation['kind'], code: string, status: Status, performance: number | null) {
  return { kind, code, status, performance, needsExplanation: NEEDS_EXPLANATION.includes(status) };
}

/**
 * A node without judged indicators is judged on its reported physical progress against the share of its
 * planned duration elapsed at `asOf` (the plan's implicit linear schedule).
 */
function scheduleStatus(
  node: Scope['nodes'][number],
  progress: number | null | undefined,
  asOf: string,
  thresholds: StatusThresholds,
): { status: Status; performance: number | null } {
  if (progress == null || !node.plannedStart || !node.plannedEnd)
    return { status: 'no_data', performance: null };
  if (progress >= 100) return { status: 'achieved', performance: 1 };
  const span = daysBetween(node.plannedStart, node.plannedEnd);
  const elapsed = Math.min(1, Math.max(0, span > 0 ? daysBetween(node.plannedStart, asOf) / span : 1));
  if (elapsed === 0) return { status: 'not_started', performance: null };
  const performance = progress / 100 / elapsed;
  return { status: statusOfPerformance(performance, thresholds), performance };
}

/** The status of every indicator and node of the assignment, from the report's figures and progress. */
export function evaluateReport(input: {
  content: ReportContent;
  scope: Scope;
  targets: Map<string, unknown>;
  asOf: string;
  startDate: string;
  thresholds: StatusThresholds;
}): ItemEvaluation[] {
  const { content, scope, asOf, thresholds } = input;
  const byIndicator = new Map<string, ReturnType<typeof evaluateIndicator>['result']>();
  for (const indicator of scope.indicators) {
    const rows = (content.figures ?? [])
      .filter((f) => f.indicator === indicator.code)
      .map((f) => ({ period: f.period, dims: f.dimensions ?? {}, value: f.value }));
    const series = nationalSeries(
      rows as unknown as Parameters<typeof nationalSeries>[0],
      indicator.aggregation,
    );
    const evaluation = evaluateIndicator({
      target: (input.targets.get(indicator.id) as PartialTarget | null) ?? null,
      direction: indicator.direction,
      observations: series,
      asOf,
      startDate: input.startDate,
      thresholds,
    }).result;
    byIndicator.set(indicator.code, evaluation);
  }
  const results: ItemEvaluation[] = scope.indicators.map((i) => {
    const e = byIndicator.get(i.code)!;
    return item('indicator', i.code, e.status, e.performance);
  });
  const progress = new Map((content.nodes ?? []).map((n) => [n.node, n.progress]));
  for (const node of scope.nodes) {
    const indicators = scope.indicators
      .filter((i) => i.nodes.includes(node.code))
      .map((i) => byIndicator.get(i.code)!);
    const plan = evaluatePlan({ id: node.code, weight: 1, indicators, children: [] }, 'exclude', thresholds);
    const judged =
      plan.basis === 'indicators'
        ? { status: plan.status, performance: plan.performance }
        : scheduleStatus(node, progress.get(node.code), asOf, thresholds);
    results.push(item('node', node.code, judged.status, judged.performance));
  }
  return results;
}

/**
 * What a submission still lacks: a figure for every indicator of the assignment (a null value needs a note),
 * and a complete explanation for every item that needs one. Paths point into the report (`/report/…`).
 */
export function submissionErrors(content: ReportContent, scope: Scope, evaluations: ItemEvaluation[]) {
  const errors: FieldError[] = [];
  const figures = content.figures ?? [];
  for (const indicator of scope.indicators) {
    if (!figures.some((f) => f.indicator === indicator.code)) {
      errors.push({
        path: `/report/figures/${indicator.code}`,
        code: 'figure.required',
        message: `a figure for ${indicator.code} is required`,
      });
    }
  }
  figures.forEach((f, i) => {
    if (f.value === null && !f.note?.trim()) {
      errors.push({
        path: `/report/figures/${i}/note`,
        code: 'figure.note_required',
        message: 'a figure left empty needs a note saying why',
      });
    }
  });
  const explained = new Set((content.explanations ?? []).map((e) => `${e.kind}:${e.code}`));
  for (const e of evaluations) {
    if (e.needsExplanation && !explained.has(`${e.kind}:${e.code}`)) {
      errors.push({
        path: `/report/explanations/${e.kind}:${e.code}`,
        code: 'variance.explanation_required',
        message: `${e.kind} ${e.code} is ${e.status.replace('_', ' ')}: explain the variance`,
      });
    }
  }
  return errors;
}
