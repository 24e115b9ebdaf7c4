import { type RuleContext, refs } from './context';
import { periodSpan } from './period-check';
import type { Indicator, Observation, TargetPoint } from './schema';

interface Span {
  start: string;
  end: string;
}

/** Where an indicator's periods must lie; null for observatory series, which may lie anywhere. */
interface Window {
  start: string;
  end: string;
  /** Observations may also go back to the baseline, which usually precedes the strategy. */
  observationsFrom: string;
  /** …and run into the ex-post evaluation after its end (e.g. the Court of Accounts' 2014 review of MN2013). */
  observationsTo: string;
}

/** How long after a strategy's end its indicators may still be observed: its ex-post evaluation. */
export const EVALUATION_YEARS = 3;

function yearsAfter(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

interface TargetPointAt {
  point: TargetPoint;
  path: string;
  role: 'baseline' | 'milestone' | 'final';
}

function spanOf(ctx: RuleContext, path: string, period: string): Span | null {
  const span = periodSpan(period);
  if (!span) ctx.report(path, 'period.invalid', `"${period}" is not a valid period.`);
  return span;
}

function reportOutside(
  ctx: RuleContext,
  path: string,
  period: string,
  from: string | null,
  to: string,
): void {
  const range = from === null ? `after the strategy's end ${to}` : `outside ${from} … ${to}`;
  ctx.report(path, 'period.outside_strategy', `Period ${period} lies ${range}.`);
}

/** Baseline, milestones, final: valid periods, inside the strategy, in time order, null values sourced. */
function checkTarget(ctx: RuleContext, indicator: Indicator, base: string, window: Window | null): void {
  const target = indicator.target;
  if (!target) return;
  const points: TargetPointAt[] = [];
  if (target.baseline)
    points.push({ point: target.baseline, path: `${base}/target/baseline`, role: 'baseline' });
  target.milestones?.forEach((point, i) => {
    points.push({ point, path: `${base}/target/milestones/${i}`, role: 'milestone' });
  });
  if (target.final) points.push({ point: target.final, path: `${base}/target/final`, role: 'final' });

  const spans = new Map<string, Span>();
  for (const { point, path, role } of points) {
    if (point.value === null && !point.source) {
      ctx.report(`${path}/value`, 'target.null_without_source', 'A null value needs a source saying why.');
    }
    const span = spanOf(ctx, `${path}/period`, point.period);
    if (!span) continue;
    spans.set(path, span);
    const tooEarly = role !== 'baseline' && window !== null && span.start < window.start;
    if (window && (tooEarly || span.end > window.end)) {
      reportOutside(
        ctx,
        `${path}/period`,
        point.period,
        role === 'baseline' ? null : window.start,
        window.end,
      );
    }
  }
  checkTargetOrder(ctx, points, spans);
}

/** The baseline comes before every milestone, milestones are distinct, and the final target comes last. */
function checkTargetOrder(ctx: RuleContext, points: TargetPointAt[], spans: Map<string, Span>): void {
  const endOf = (role: TargetPointAt['role']) => {
    const found = points.find((p) => p.role === role);
    return found ? spans.get(found.path)?.end : undefined;
  };
  const baselineEnd = endOf('baseline');
  const finalEnd = endOf('final');
  const seen = new Set<string>();
  for (const { point, path, role } of points) {
    const span = spans.get(path);
    if (!span || role === 'baseline') continue;
    const at = `${path}/period`;
    if (baselineEnd !== undefined && span.end <= baselineEnd) {
      ctx.report(at, 'target.invalid_order', `${point.period} is not after the baseline.`);
    }
    if (role !== 'milestone') continue;
    if (finalEnd !== undefined && span.end >= finalEnd) {
      ctx.report(at, 'target.invalid_order', `Milestone ${point.period} is not before the final target.`);
    }
    const key = `${span.start}/${span.end}`;
    if (seen.has(key)) ctx.report(at, 'target.duplicate_period', `Two milestones for ${point.period}.`);
    seen.add(key);
  }
}

/** Each dimension used is declared on the indicator and each member exists. */
function checkObservationDimensions(ctx: RuleContext, indicator: Indicator, obs: Observation, path: string) {
  const declared = new Set(indicator.dimensions ?? []);
  for (const [dimension, member] of Object.entries(obs.dimensions ?? {})) {
    const at = `${path}/dimensions/${dimension.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const members = ctx.dimensions.get(dimension);
    if (!declared.has(dimension)) {
      ctx.report(
        at,
        'observation.undeclared_dimension',
        `Dimension "${dimension}" is not declared on the indicator.`,
      );
    } else if (members && !members.has(member)) {
      ctx.report(at, 'reference.unknown_member', `Unknown member "${member}" of dimension "${dimension}".`);
    }
  }
}

function checkObservations(
  ctx: RuleContext,
  indicator: Indicator,
  base: string,
  window: Window | null,
): void {
  const seen = new Set<string>();
  indicator.observations?.forEach((obs, i) => {
    const path = `${base}/observations/${i}`;
    const span = spanOf(ctx, `${path}/period`, obs.period);
    if (span && window && (span.start < window.observationsFrom || span.end > window.observationsTo)) {
      reportOutside(ctx, `${path}/period`, obs.period, window.observationsFrom, window.observationsTo);
    }
    checkObservationDimensions(ctx, indicator, obs, path);
    const members = Object.entries(obs.dimensions ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const key = JSON.stringify([obs.period, members]);
    if (seen.has(key)) {
      ctx.report(
        path,
        'observation.duplicate',
        `A second value for ${obs.period} and the same dimension members.`,
      );
    }
    seen.add(key);
  });
}

function windowOf(ctx: RuleContext, indicator: Indicator): Window | null {
  const period = ctx.pkg.period;
  if (!period || !indicator.nodes || indicator.nodes.length === 0) return null;
  const baseline = indicator.target?.baseline ? periodSpan(indicator.target.baseline.period) : null;
  const observationsFrom = baseline && baseline.start < period.start ? baseline.start : period.start;
  return {
    start: period.start,
    end: period.end,
    observationsFrom,
    observationsTo: yearsAfter(period.end, EVALUATION_YEARS),
  };
}

/** Indicators: linked nodes and dimensions exist; targets and observations are valid and in the period. */
export function checkIndicators(ctx: RuleContext): void {
  for (const { value: indicator, index } of ctx.pkg.indicators) {
    const base = `/indicators/${index}`;
    refs.node(ctx, `${base}/nodes`, indicator.nodes);
    refs.dimension(ctx, `${base}/dimensions`, indicator.dimensions);
    const window = windowOf(ctx, indicator);
    checkTarget(ctx, indicator, base, window);
    checkObservations(ctx, indicator, base, window);
  }
}
