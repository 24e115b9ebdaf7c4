import { achievement, type Direction, validateTarget } from './achievement';
import { type Computation, formatNumber, roundTo } from './components';
import { assertFinite, DomainError } from './errors';
import { comparePeriods, type IsoDate, parseIsoDate, periodEnd } from './periods';
import { expectedValueAt, type Observation, type Target } from './trajectory';

export const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'not_started', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

/** Minimum progress, as a share of the progress expected by the trajectory, for each status. */
export interface StatusThresholds {
  onTrack: number;
  atRisk: number;
}

/** On track from 90 % of the expected progress, at risk from 70 %, off track below. */
export const DEFAULT_STATUS_THRESHOLDS: Readonly<StatusThresholds> = Object.freeze({
  onTrack: 0.9,
  atRisk: 0.7,
});

export interface StatusInput {
  target: Target;
  direction: Direction;
  observations: readonly Observation[];
  /** The day the status is computed for; observations whose period has not ended by then are not judged. */
  asOf: IsoDate;
  /** Planned start of the work; before it, no observation means "not started" rather than "no data". */
  startDate?: IsoDate | null;
  thresholds?: StatusThresholds;
}

export interface StatusResult {
  status: Status;
  /** The observation judged: the latest whose period ended after the baseline and by `asOf`. */
  observation: Observation | null;
  judgedAt: IsoDate | null;
  /** Value the trajectory expects at `judgedAt` (the final value once the target date has passed). */
  expected: number | null;
  /** (actual − baseline) / (expected − baseline). */
  progress: number | null;
  /** (actual − baseline) / (final − baseline). */
  achievement: number | null;
}

/** Refuses thresholds that could not order the statuses: 0 ≤ atRisk ≤ onTrack. */
export function assertThresholds(thresholds: StatusThresholds): void {
  assertFinite(thresholds.onTrack, 'thresholds.onTrack');
  assertFinite(thresholds.atRisk, 'thresholds.atRisk');
  if (thresholds.atRisk < 0 || thresholds.atRisk > thresholds.onTrack) {
    throw new DomainError('status.invalid_thresholds', { field: 'thresholds', value: thresholds });
  }
}

/** The latest observation that counts: measured after the baseline, with its period ended by `asOf`. */
function latestJudgeable(observations: readonly Observation[], baselineEnd: IsoDate, asOf: IsoDate) {
  const seen = new Set<string>();
  let latest: Observation | null = null;
  for (const [i, observation] of observations.entries()) {
    assertFinite(observation.value, `observations.${i}.value`);
    if (seen.has(observation.period)) {
      throw new DomainError('observation.duplicate_period', {
        field: `observations.${i}`,
        value: observation.period,
      });
    }
    seen.add(observation.period);
    const end = periodEnd(observation.period);
    if (end <= baselineEnd || end > asOf) continue;
    if (!latest || comparePeriods(observation.period, latest.period) > 0) latest = observation;
  }
  return latest;
}

function classify(progress: number, thresholds: StatusThresholds): Status {
  // Rounding keeps a progress of 0.9 computed as 0.8999999999999999 from dropping a status.
  const rounded = roundTo(progress, 9);
  if (rounded >= thresholds.onTrack) return 'on_track';
  if (rounded >= thresholds.atRisk) return 'at_risk';
  return 'off_track';
}

function describe(status: Status, progress: number, thresholds: StatusThresholds): string {
  const p = formatNumber(progress);
  if (status === 'on_track') return `progress ${p} ≥ ${formatNumber(thresholds.onTrack)} → on_track`;
  if (status === 'at_risk') {
    return `${formatNumber(thresholds.atRisk)} ≤ progress ${p} < ${formatNumber(thresholds.onTrack)} → at_risk`;
  }
  return `progress ${p} < ${formatNumber(thresholds.atRisk)} → off_track`;
}

/** Status of an indicator: its latest observation against the trajectory at that observation's date. */
export function indicatorStatus(input: StatusInput): Computation<StatusResult> {
  const { target, direction, observations } = input;
  const thresholds = input.thresholds ?? DEFAULT_STATUS_THRESHOLDS;
  assertThresholds(thresholds);
  const asOf = parseIsoDate(input.asOf, 'asOf');
  const startDate = input.startDate ? parseIsoDate(input.startDate, 'startDate') : null;
  const baselineEnd = validateTarget(target, direction)[0]!.date;
  const observation = latestJudgeable(observations, baselineEnd, asOf);
  const method = 'status.trajectory';
  const inputs = { target, direction, asOf, startDate, observation };
  const thresholdRecord = { onTrack: thresholds.onTrack, atRisk: thresholds.atRisk };
  if (!observation) {
    const started = asOf > baselineEnd && (startDate === null || asOf >= startDate);
    const status: Status = started ? 'no_data' : 'not_started';
    const formula = started
      ? `no observation ending after ${baselineEnd} and by ${asOf}`
      : startDate !== null && asOf > baselineEnd
        ? `${asOf} < start ${startDate}`
        : `${asOf} ≤ baseline end ${baselineEnd}`;
    const result = {
      status,
      observation: null,
      judgedAt: null,
      expected: null,
      progress: null,
      achievement: null,
    };
    return { method, inputs, thresholds: thresholdRecord, formula, result, reason: status };
  }
  const judgedAt = periodEnd(observation.period);
  const expectedStep = expectedValueAt(target, judgedAt);
  // Never null: the observation ends after the baseline, where the trajectory is defined.
  const expected = expectedStep.result.value!;
  const baseline = target.baseline.value;
  const actual = observation.value;
  const progressStep = achievement({ baseline, target: expected, actual, direction });
  const finalStep = achievement({ baseline, target: target.final.value, actual, direction });
  const progress = progressStep.result.ratio!;
  const reached = finalStep.result.achieved === true;
  const status = reached ? 'achieved' : classify(progress, thresholds);
  const formula = reached
    ? `${formatNumber(actual)} reaches final target ${formatNumber(target.final.value)} → achieved`
    : describe(status, progress, thresholds);
  const result = { status, observation, judgedAt, expected, progress, achievement: finalStep.result.ratio };
  const steps = [expectedStep, progressStep, finalStep];
  return { method, inputs, thresholds: thresholdRecord, formula, result, steps };
}
