import { describe, expect, it } from 'vitest';
import {
  evaluateIndicator,
  evaluatePlan,
  type IndicatorEvaluation,
  type PlanNodeInput,
  statusOfPerformance,
} from './plan-progress';
import { DEFAULT_STATUS_THRESHOLDS } from './status';

const target = (baseline: number | null, final: number | null) => ({
  baseline: { period: '2008', value: baseline },
  milestones: [],
  final: { period: '2013', value: final },
});

describe('evaluateIndicator', () => {
  it.each([
    // [case, baseline, final, observations, asOf, status, achievement, performance]
    [
      'teachers trained, after the target date',
      0,
      200000,
      [['2014', 147277]],
      '2015-06-30',
      'at_risk',
      0.736385,
      0.736385,
    ],
    ['final target reached', 0, 400, [['2013', 400]], '2014-01-01', 'achieved', 1, 1],
    // 2008-12-31 → 2013-12-31 is 1,826 days; 2010-12-31 is day 730, so 39.978 is expected and 40 is 100.05 % of it
    [
      'ahead of the trajectory at mid-term',
      0,
      100,
      [['2010', 40]],
      '2011-01-01',
      'on_track',
      0.4,
      (40 * 1826) / 73000,
    ],
    // rank 140 → 60: by 2012-12-31 (day 1,461) 75.99 is expected; 120 is 20 of the 64.01 places expected
    [
      'a rank that improves downwards',
      140,
      60,
      [['2012', 120]],
      '2013-01-01',
      'off_track',
      0.25,
      20 / ((80 * 1461) / 1826),
    ],
    ['no observation yet', 0, 100, [], '2012-01-01', 'no_data', null, null],
  ] as const)('%s', (_name, baseline, final, observations, asOf, status, ach, perf) => {
    const result = evaluateIndicator({
      target: target(baseline, final),
      direction: final !== null && baseline !== null && final < baseline ? 'decrease' : 'increase',
      observations: observations.map(([period, value]) => ({ period, value })),
      asOf,
      startDate: '2009-01-01',
    }).result;
    expect(result.status).toBe(status);
    if (ach === null) expect(result.achievement).toBeNull();
    else expect(result.achievement).toBeCloseTo(ach, 6);
    if (perf === null) expect(result.performance).toBeNull();
    else expect(result.performance).toBeCloseTo(perf, 6);
  });

  it('cannot judge a target without a known baseline, and says why', () => {
    const evaluation = evaluateIndicator({
      target: target(null, 3000),
      direction: 'increase',
      observations: [{ period: '2013', value: 295 }],
      asOf: '2014-01-01',
    });
    expect(evaluation.result.status).toBe('no_data');
    expect(evaluation.reason).toBe('incomplete_target');
  });

  it('reports a target on the wrong side of its baseline instead of throwing', () => {
    const evaluation = evaluateIndicator({
      target: target(140, 180),
      direction: 'decrease',
      observations: [{ period: '2012', value: 120 }],
      asOf: '2013-01-01',
    });
    expect(evaluation.result.status).toBe('no_data');
    expect(evaluation.reason).toBe('target.against_direction');
  });
});

const indicator = (
  status: IndicatorEvaluation['status'],
  achievement: number | null,
  performance: number | null,
) => ({
  status,
  achievement,
  performance,
  judgedPeriod: null,
  actual: null,
  expected: null,
});
const leaf = (id: string, weight: number, ...indicators: IndicatorEvaluation[]): PlanNodeInput => ({
  id,
  weight,
  indicators,
  children: [],
});

describe('evaluatePlan', () => {
  it('rolls children up by weight, excluding those without data', () => {
    const root = evaluatePlan({
      id: 'P1',
      weight: 1,
      indicators: [],
      children: [
        leaf('M01', 3, indicator('on_track', 0.5, 1)),
        leaf('M02', 1, indicator('off_track', 0.1, 0.2)),
        leaf('M03', 2),
      ],
    });
    expect(root.basis).toBe('children');
    expect(root.progress).toBeCloseTo((3 * 0.5 + 1 * 0.1) / 4, 10);
    expect(root.performance).toBeCloseTo((3 * 1 + 1 * 0.2) / 4, 10);
    expect(root.status).toBe('at_risk'); // performance 0.8: between 0.7 and 0.9
  });

  it('sets the status from the rolled-up performance and the thresholds', () => {
    expect(statusOfPerformance(0.95, DEFAULT_STATUS_THRESHOLDS)).toBe('on_track');
    expect(statusOfPerformance(0.8, DEFAULT_STATUS_THRESHOLDS)).toBe('at_risk');
    expect(statusOfPerformance(0.5, DEFAULT_STATUS_THRESHOLDS)).toBe('off_track');
  });

  it('counts as missing what has no data under "zero", and propagates it under "propagate"', () => {
    const tree: PlanNodeInput = {
      id: 'P1',
      weight: 1,
      indicators: [],
      children: [leaf('M01', 1, indicator('on_track', 0.6, 1)), leaf('M02', 1)],
    };
    expect(evaluatePlan(tree, 'zero').progress).toBeCloseTo(0.3, 10);
    expect(evaluatePlan(tree, 'propagate').progress).toBeNull();
    expect(evaluatePlan(tree, 'exclude').progress).toBeCloseTo(0.6, 10);
  });

  it('judges a node by its own indicators when it has judged ones, and counts every node once', () => {
    const result = evaluatePlan({
      id: 'P1',
      weight: 1,
      indicators: [indicator('achieved', 1.2, 1.3), indicator('achieved', 1, 1)],
      children: [leaf('M01', 1, indicator('off_track', 0.1, 0.1))],
    });
    expect(result.basis).toBe('indicators');
    expect(result.progress).toBe(1); // capped at 1 per indicator
    expect(result.status).toBe('achieved');
    expect(result.statusCounts).toMatchObject({ achieved: 1, off_track: 1 });
  });

  it('a node with nothing measured has no data', () => {
    const result = evaluatePlan(leaf('M09', 1));
    expect(result).toMatchObject({ progress: null, status: 'no_data', basis: 'none' });
  });
});

describe('evaluatePlan without explanations', () => {
  it('gives the same figures, to the digit, as with them, under every policy', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const statuses = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
    const build = (depth: number, id: string): PlanNodeInput => ({
      id,
      weight: Math.floor(random() * 4),
      indicators:
        depth === 0 || random() < 0.2
          ? [indicator(statuses[Math.floor(random() * statuses.length)]!, random() * 1.2, random() * 1.3)]
          : [],
      children:
        depth === 0
          ? []
          : Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => build(depth - 1, `${id}.${i}`)),
    });
    const strip = (n: ReturnType<typeof evaluatePlan>): unknown => ({
      id: n.id,
      progress: n.progress,
      performance: n.performance,
      status: n.status,
      statusCounts: n.statusCounts,
      children: n.children.map(strip),
    });
    for (let round = 0; round < 30; round++) {
      const tree = build(3, 'root');
      for (const policy of ['exclude', 'zero', 'propagate'] as const) {
        expect(strip(evaluatePlan(tree, policy, DEFAULT_STATUS_THRESHOLDS, false))).toEqual(
          strip(evaluatePlan(tree, policy, DEFAULT_STATUS_THRESHOLDS, true)),
        );
      }
    }
  });
});
