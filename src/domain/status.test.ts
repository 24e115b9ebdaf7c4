import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_THRESHOLDS, indicatorStatus, type Status } from './status';
import type { Observation, Target } from './trajectory';

const target: Target = {
  baseline: { period: '2008', value: 0 },
  milestones: [{ period: '2010', value: 100 }],
  final: { period: '2013', value: 200 },
};

// EGDI rank of Morocco: 126 in 2010, planned 60 by 2020; a rank improves downwards.
const rankTarget: Target = {
  baseline: { period: '2010', value: 126 },
  milestones: [],
  final: { period: '2020', value: 60 },
};

function judge(observations: Observation[], asOf = '2020-01-01', t = target) {
  return indicatorStatus({
    target: t,
    direction: t === rankTarget ? 'decrease' : 'increase',
    observations,
    asOf,
  });
}

describe('indicatorStatus against the trajectory', () => {
  it('defaults to on track from 0.9 of the expected progress and at risk from 0.7', () => {
    expect(DEFAULT_STATUS_THRESHOLDS).toEqual({ onTrack: 0.9, atRisk: 0.7 });
  });

  it.each([
    // Expected at end 2009 is 50 (halfway to the 2010 milestone).
    ['2009', 45, 'on_track', '2009-12-31', 50, 0.9],
    ['2009', 44.99, 'at_risk', '2009-12-31', 50, 0.8998],
    ['2009', 35, 'at_risk', '2009-12-31', 50, 0.7],
    ['2009', 34.9, 'off_track', '2009-12-31', 50, 0.698],
    // The milestone wins: 95 is judged against 100, not against the straight line's 79.956.
    ['2010', 95, 'on_track', '2010-12-31', 100, 0.95],
    ['2011', 110, 'at_risk', '2011-12-31', 133.302919708029, 0.825188227241615],
    ['2013', 200, 'achieved', '2013-12-31', 200, 1],
    // The final target reached early is achieved.
    ['2012', 210, 'achieved', '2012-12-31', 166.697080291971, 1.259770114942529],
    // After the target date the observation is judged against the final target.
    ['2014', 170, 'at_risk', '2014-12-31', 200, 0.85],
    ['2014', 120, 'off_track', '2014-12-31', 200, 0.6],
    ['2015-Q2', 190, 'on_track', '2015-06-30', 200, 0.95],
  ] as Array<[string, number, Status, string, number, number]>)(
    '%s = %d → %s',
    (period, value, status, judgedAt, expected, progress) => {
      const { result } = judge([{ period, value }]);
      expect(result.status).toBe(status);
      expect(result.judgedAt).toBe(judgedAt);
      expect(result.expected).toBeCloseTo(expected, 12);
      expect(result.progress).toBeCloseTo(progress, 14);
    },
  );

  it.each([
    ['2012', 120, 'off_track', 112.792773063236, 0.45429672926253, 0.090909090909091],
    ['2014', 90, 'on_track', 99.603613468382, 1.363823035280941, 0.545454545454545],
    ['2014', 82, 'on_track', 99.603613468382, 1.666894820898928, 0.666666666666667],
    ['2014', 105, 'at_risk', 99.603613468382, 0.795563437247216, 0.318181818181818],
    ['2014', 110, 'off_track', 99.603613468382, 0.606143571235974, 0.242424242424242],
    ['2018', 110, 'off_track', 73.207226936764, 0.303071785617987, 0.242424242424242],
    ['2020', 58, 'achieved', 60, 1.03030303030303, 1.03030303030303],
  ] as Array<[string, number, Status, number, number, number]>)(
    'decreasing rank: %s = %d → %s',
    (period, value, status, expected, progress, achievement) => {
      const { result } = judge([{ period, value }], '2021-01-01', rankTarget);
      expect(result.status).toBe(status);
      expect(result.expected).toBeCloseTo(expected, 12);
      expect(result.progress).toBeCloseTo(progress, 14);
      expect(result.achievement).toBeCloseTo(achievement, 14);
    },
  );

  it('judges the latest observation, not the best one', () => {
    const { result } = judge([
      { period: '2011', value: 50 },
      { period: '2009', value: 45 },
    ]);
    expect(result.observation).toEqual({ period: '2011', value: 50 });
    expect(result.progress).toBeCloseTo(0.375085557837098, 14);
    expect(result.status).toBe('off_track');
  });

  it('ignores an observation whose period has not ended by asOf', () => {
    const { result } = judge(
      [
        { period: '2009', value: 45 },
        { period: '2011', value: 200 },
      ],
      '2011-06-30',
    );
    expect(result.observation).toEqual({ period: '2009', value: 45 });
    expect(result.status).toBe('on_track');
  });

  it('applies thresholds configured by the strategy', () => {
    const thresholds = { onTrack: 0.8, atRisk: 0.5 };
    const input = { target, direction: 'increase' as const, asOf: '2020-01-01', thresholds };
    const computation = indicatorStatus({ ...input, observations: [{ period: '2009', value: 41 }] });
    expect(computation.result.status).toBe('on_track');
    expect(computation.thresholds).toEqual(thresholds);
    expect(indicatorStatus({ ...input, observations: [{ period: '2009', value: 24 }] }).result.status).toBe(
      'off_track',
    );
  });

  it('returns the steps a reader can redo', () => {
    const computation = judge([{ period: '2009', value: 45 }]);
    expect(computation.method).toBe('status.trajectory');
    expect(computation.formula).toBe('progress 0.9 ≥ 0.9 → on_track');
    expect(computation.steps?.map((s) => s.method)).toEqual([
      'trajectory.expected_value',
      'achievement.linear',
      'achievement.linear',
    ]);
    expect(computation.steps?.[1]?.formula).toBe('(45 − 0) / (50 − 0) = 0.9');
    expect(computation.steps?.[2]?.formula).toBe('(45 − 0) / (200 − 0) = 0.225');
    expect(computation.result.achievement).toBe(0.225);
  });
});

describe('indicatorStatus without a judgeable observation', () => {
  it.each([
    [
      'baseline period not over',
      [],
      '2008-06-01',
      null,
      'not_started',
      '2008-06-01 ≤ baseline end 2008-12-31',
    ],
    ['on the baseline end', [], '2008-12-31', null, 'not_started', '2008-12-31 ≤ baseline end 2008-12-31'],
    [
      'start date not reached',
      [],
      '2009-06-30',
      '2010-01-01',
      'not_started',
      '2009-06-30 < start 2010-01-01',
    ],
    [
      'started, nothing reported',
      [],
      '2010-01-01',
      '2010-01-01',
      'no_data',
      'no observation ending after 2008-12-31 and by 2010-01-01',
    ],
    [
      'only the baseline measured',
      [{ period: '2008', value: 0 }],
      '2011-01-01',
      null,
      'no_data',
      'no observation ending after 2008-12-31 and by 2011-01-01',
    ],
  ] as Array<[string, Observation[], string, string | null, Status, string]>)(
    '%s → %s',
    (_name, observations, asOf, startDate, status, formula) => {
      const computation = indicatorStatus({ target, direction: 'increase', observations, asOf, startDate });
      expect(computation.result).toEqual({
        status,
        observation: null,
        judgedAt: null,
        expected: null,
        progress: null,
        achievement: null,
      });
      expect(computation.reason).toBe(status);
      expect(computation.formula).toBe(formula);
    },
  );
});

describe('indicatorStatus with a flat target (target equals baseline)', () => {
  const flat: Target = {
    baseline: { period: '2008', value: 10 },
    milestones: [],
    final: { period: '2013', value: 10 },
  };
  it.each([
    [10, 'achieved', 1],
    [9, 'off_track', 0],
  ] as Array<[number, Status, number]>)('actual %d → %s', (value, status, progress) => {
    const { result } = indicatorStatus({
      target: flat,
      direction: 'increase',
      observations: [{ period: '2010', value }],
      asOf: '2014-01-01',
    });
    expect(result.status).toBe(status);
    expect(result.progress).toBe(progress);
  });
});

describe('indicatorStatus refuses invalid input', () => {
  it.each([[{ onTrack: 0.5, atRisk: 0.7 }], [{ onTrack: 0.9, atRisk: -0.1 }]])(
    'thresholds %j',
    (thresholds) => {
      expect(() =>
        indicatorStatus({ target, direction: 'increase', observations: [], asOf: '2010-01-01', thresholds }),
      ).toThrow(expect.objectContaining({ code: 'status.invalid_thresholds' }));
    },
  );

  it('two observations for one period', () => {
    const observations = [
      { period: '2009', value: 1 },
      { period: '2009', value: 2 },
    ];
    expect(() => judge(observations)).toThrow(
      expect.objectContaining({ code: 'observation.duplicate_period' }),
    );
  });

  it('a target against the direction', () => {
    expect(() =>
      indicatorStatus({ target, direction: 'decrease', observations: [], asOf: '2010-01-01' }),
    ).toThrow(expect.objectContaining({ code: 'target.against_direction' }));
  });
});
