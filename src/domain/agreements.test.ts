import { describe, expect, it } from 'vitest';
import {
  attributedRollup,
  type CommitmentFigures,
  checkShares,
  commitmentRisk,
  cumulativeVerified,
  type RealisationFigure,
  totalsByMetric,
} from './agreements';

const r = (period: string, value: number, state: RealisationFigure['state'] = 'verified') => ({
  period,
  value,
  state,
});

// GITEX Africa 2025: KPMG 150, Arrow ECS 700, 2T Services 200 direct jobs (morocco-facts.md §5.4).
const gitex: CommitmentFigures[] = [
  { id: 'kpmg', metric: 'direct_jobs', value: 150, realisations: [r('2025', 40), r('2026', 10, 'reported')] },
  { id: 'arrow', metric: 'direct_jobs', value: 700, realisations: [r('2025', 100, 'disputed')] },
  { id: '2t', metric: 'direct_jobs', value: 200, realisations: [] },
  { id: 'oracle', metric: 'investment_mad', value: 1_400_000_000, realisations: [] },
  { id: 'nokia', metric: 'other', value: null, realisations: [] },
];

describe('totalsByMetric', () => {
  it('sums what was committed, and counts only verified realisations as achieved', () => {
    expect(totalsByMetric(gitex)).toEqual([
      {
        metric: 'direct_jobs',
        commitments: 3,
        withoutValue: 0,
        committed: 1050,
        achieved: 40,
        reported: 10,
        disputed: 100,
      },
      {
        metric: 'investment_mad',
        commitments: 1,
        withoutValue: 0,
        committed: 1_400_000_000,
        achieved: 0,
        reported: 0,
        disputed: 0,
      },
      {
        metric: 'other',
        commitments: 1,
        withoutValue: 1,
        committed: 0,
        achieved: 0,
        reported: 0,
        disputed: 0,
      },
    ]);
  });

  it('moves a figure from reported to achieved when it is verified', () => {
    const before = totalsByMetric([gitex[0]!])[0]!;
    const verified = { ...gitex[0]!, realisations: [r('2025', 40), r('2026', 10)] };
    const after = totalsByMetric([verified])[0]!;
    expect([before.achieved, before.reported, after.achieved, after.reported]).toEqual([40, 10, 50, 0]);
  });

  it('gives nothing for no commitments', () => {
    expect(totalsByMetric([])).toEqual([]);
  });
});

describe('checkShares', () => {
  it.each([
    ['two halves', [0.5, 0.5], []],
    ['a third three times', [1 / 3, 1 / 3, 1 / 3], []],
    ['60 % + 60 %', [0.6, 0.6], [{ index: null, code: 'over_100' }]],
    ['zero', [0], [{ index: 0, code: 'out_of_range' }]],
    [
      'above one',
      [1.5],
      [
        { index: 0, code: 'out_of_range' },
        { index: null, code: 'over_100' },
      ],
    ],
    ['negative', [0.5, -0.2], [{ index: 1, code: 'out_of_range' }]],
  ])('%s', (_name, shares, problems) => {
    expect(checkShares(shares.map((share, i) => ({ node: `N${i}`, share })))).toEqual(problems);
  });

  it('refuses the same node twice', () => {
    expect(
      checkShares([
        { node: 'A', share: 0.2 },
        { node: 'A', share: 0.2 },
      ]),
    ).toEqual([{ index: 1, code: 'duplicate' }]);
  });
});

describe('attributedRollup', () => {
  // P ─ I ─ M1, M2 ; P ─ J ─ M3
  const nodes = [
    { id: 'P', parentId: null },
    { id: 'I', parentId: 'P' },
    { id: 'M1', parentId: 'I' },
    { id: 'M2', parentId: 'I' },
    { id: 'J', parentId: 'P' },
    { id: 'M3', parentId: 'J' },
  ];
  const jobs: CommitmentFigures = {
    id: 'c1',
    metric: 'direct_jobs',
    value: 100,
    realisations: [r('2025', 40), r('2026', 8, 'reported')],
  };

  it('counts a job attributed to two measures once in their common parent', () => {
    const totals = attributedRollup(
      nodes,
      [
        { commitmentId: 'c1', nodeId: 'M1', share: 0.5 },
        { commitmentId: 'c1', nodeId: 'M2', share: 0.5 },
      ],
      [jobs],
    );
    const achieved = (id: string) => totals.get(id)?.[0]?.achieved;
    expect([achieved('M1'), achieved('M2'), achieved('I'), achieved('P')]).toEqual([20, 20, 40, 40]);
    expect(totals.get('I')).toEqual([{ metric: 'direct_jobs', committed: 100, achieved: 40, reported: 8 }]);
    expect(totals.has('J')).toBe(false);
  });

  it('counts a node and its own child holding shares once each, never more than the whole', () => {
    const totals = attributedRollup(
      nodes,
      [
        { commitmentId: 'c1', nodeId: 'I', share: 0.7 },
        { commitmentId: 'c1', nodeId: 'M1', share: 0.3 },
      ],
      [jobs],
    );
    expect([
      totals.get('M1')?.[0]?.achieved,
      totals.get('I')?.[0]?.achieved,
      totals.get('P')?.[0]?.achieved,
    ]).toEqual([12, 40, 40]);
  });

  it('splits across branches and caps bad stored shares at the whole', () => {
    const split = attributedRollup(
      nodes,
      [
        { commitmentId: 'c1', nodeId: 'M1', share: 0.25 },
        { commitmentId: 'c1', nodeId: 'M3', share: 0.5 },
      ],
      [jobs],
    );
    expect([
      split.get('I')?.[0]?.committed,
      split.get('J')?.[0]?.committed,
      split.get('P')?.[0]?.committed,
    ]).toEqual([25, 50, 75]);
    const over = attributedRollup(
      nodes,
      [
        { commitmentId: 'c1', nodeId: 'M1', share: 1 },
        { commitmentId: 'c1', nodeId: 'M2', share: 1 },
      ],
      [jobs],
    );
    expect(over.get('I')?.[0]?.achieved).toBe(40);
  });

  it('keeps metrics apart', () => {
    const money: CommitmentFigures = {
      id: 'c2',
      metric: 'investment_mad',
      value: 1_000_000,
      realisations: [],
    };
    const totals = attributedRollup(
      nodes,
      [
        { commitmentId: 'c1', nodeId: 'M1', share: 1 },
        { commitmentId: 'c2', nodeId: 'M3', share: 0.1 },
      ],
      [jobs, money],
    );
    expect(totals.get('P')).toEqual([
      { metric: 'direct_jobs', committed: 100, achieved: 40, reported: 8 },
      { metric: 'investment_mad', committed: 100_000, achieved: 0, reported: 0 },
    ]);
  });
});

describe('cumulativeVerified', () => {
  it('adds verified flows by period end, leaving out reported and disputed ones', () => {
    expect(
      cumulativeVerified([r('2026', 10), r('2025-Q4', 5), r('2025', 15), r('2026-H1', 3, 'reported')]),
    ).toEqual([
      { period: '2025-12-31', value: 20 },
      { period: '2026-12-31', value: 30 },
    ]);
  });
});

describe('commitmentRisk (KPMG: 150 jobs, signed 2025-04-15, due 2029)', () => {
  const base = { signedOn: '2025-04-15', dueYear: 2029, value: 150, asOf: '2026-06-30' };
  // From 2025-04-15 to 2025-12-31 is 260 days of 1,721 to 2029-12-31: 150 × 260 / 1721 = 22.6612… expected.
  it.each([
    [21, 'on_track', false, 0.926692],
    [20, 'at_risk', true, 0.882564],
    [16, 'at_risk', true, 0.706051],
    [15, 'off_track', true, 0.661923],
    [150, 'achieved', false, 6.619231],
  ])('%d verified jobs by end 2025 → %s', (value, status, atRisk, progress) => {
    const risk = commitmentRisk({ ...base, realisations: [r('2025', value)] });
    expect(risk.result.status).toBe(status);
    expect(risk.result.atRisk).toBe(atRisk);
    expect(risk.result.expected).toBeCloseTo(22.661243, 6);
    expect(risk.result.progress).toBeCloseTo(progress, 6);
  });

  it('ignores figures not yet verified', () => {
    const risk = commitmentRisk({ ...base, realisations: [r('2025', 100, 'reported')] });
    expect(risk.result).toEqual({
      status: 'no_data',
      atRisk: false,
      achieved: 0,
      expected: null,
      progress: null,
    });
  });

  it('is not started before any period ends after signing', () => {
    expect(commitmentRisk({ ...base, asOf: '2025-04-10', realisations: [] }).result.status).toBe(
      'not_started',
    );
  });

  it.each([
    ['no value (Nokia)', { value: null }],
    ['no due year (Oracle)', { dueYear: null }],
    ['no signing date', { signedOn: null }],
    ['due before signing ends', { dueYear: 2024 }],
  ])('%s → no_target', (_name, change) => {
    const risk = commitmentRisk({ ...base, ...change, realisations: [r('2025', 5)] });
    expect(risk.result).toEqual({
      status: 'no_target',
      atRisk: false,
      achieved: 5,
      expected: null,
      progress: null,
    });
  });
});
