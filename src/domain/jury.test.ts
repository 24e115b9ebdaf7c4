import { describe, expect, it } from 'vitest';
import { aggregateJury, type Criterion, isOnScale, type Review, weightedScore } from './jury';

const criteria: Criterion[] = [
  { code: 'impact', weight: 3 },
  { code: 'feasibility', weight: 2 },
  { code: 'team', weight: 1 },
];

describe('weightedScore', () => {
  it.each([
    [{ impact: 8, feasibility: 6, team: 10 }, (8 * 3 + 6 * 2 + 10) / 6], // 46 / 6
    [{ impact: 10, feasibility: 10, team: 10 }, 10],
    [{ impact: 0, feasibility: 0, team: 0 }, 0],
    [{ impact: 7, feasibility: 4, team: 1 }, 5],
    [{ impact: 7, feasibility: 4 }, null], // incomplete
    [{ impact: 7, feasibility: null, team: 3 }, null],
  ])('%j → %s', (scores, expected) => {
    expect(weightedScore(criteria, scores)).toBe(expected);
  });
});

const subs = [
  { ref: 'A', submittedAt: '2026-01-01T10:00:00Z' },
  { ref: 'B', submittedAt: '2026-01-01T09:00:00Z' },
  { ref: 'C', submittedAt: '2026-01-01T08:00:00Z' },
  { ref: 'D', submittedAt: '2026-01-01T07:00:00Z' },
];
const r = (submission: string, juror: string, s: [number, number, number], conflict = false): Review => ({
  submission,
  juror,
  conflict,
  scores: { impact: s[0], feasibility: s[1], team: s[2] },
});

describe('aggregateJury', () => {
  it('weighted mean per juror, mean and spread per submission, conflicts and incomplete reviews left out', () => {
    const reviews = [
      r('A', 'j1', [8, 6, 10]), // 7.6667
      r('A', 'j2', [7, 4, 1]), // 5
      r('A', 'j3', [0, 0, 0], true), // conflict: ignored
      r('B', 'j1', [9, 9, 9]), // 9
      { submission: 'B', juror: 'j2', conflict: false, scores: { impact: 1 } }, // incomplete: ignored
      r('C', 'j1', [6, 6, 6]),
      r('C', 'j2', [6, 6, 6]),
    ];
    const out = aggregateJury(criteria, subs, reviews);
    expect(out).toEqual([
      { ref: 'B', jurorScores: { j1: 9 }, jurors: 1, mean: 9, min: 9, max: 9, stdDev: 0, rank: 1 },
      {
        ref: 'A',
        jurorScores: { j1: 7.6667, j2: 5 },
        jurors: 2,
        mean: 6.3333,
        min: 5,
        max: 7.6667,
        stdDev: 1.3333,
        rank: 2,
      },
      { ref: 'C', jurorScores: { j1: 6, j2: 6 }, jurors: 2, mean: 6, min: 6, max: 6, stdDev: 0, rank: 3 },
      { ref: 'D', jurorScores: {}, jurors: 0, mean: null, min: null, max: null, stdDev: null, rank: null },
    ]);
  });

  it('ties: higher minimum, then smaller spread, then earlier submission, then reference', () => {
    const reviews = [
      // A and B: mean 6; A's minimum 4, B's 5 → B first
      r('A', 'j1', [8, 8, 8]),
      r('A', 'j2', [4, 4, 4]),
      r('B', 'j1', [7, 7, 7]),
      r('B', 'j2', [5, 5, 5]),
      // C and D: mean 3, minimum 3, spread 0 → D (earlier) before C
      r('C', 'j1', [3, 3, 3]),
      r('D', 'j1', [3, 3, 3]),
    ];
    const out = aggregateJury(criteria, subs, reviews);
    expect(out.map((x) => [x.ref, x.rank, x.mean, x.stdDev])).toEqual([
      ['B', 1, 6, 1],
      ['A', 2, 6, 2],
      ['D', 3, 3, 0],
      ['C', 4, 3, 0],
    ]);
  });

  it('ties all the way down fall back on the reference', () => {
    const same = [
      { ref: 'Y', submittedAt: '2026-01-01T00:00:00Z' },
      { ref: 'X', submittedAt: '2026-01-01T00:00:00Z' },
    ];
    const out = aggregateJury(criteria, same, [r('Y', 'j', [5, 5, 5]), r('X', 'j', [5, 5, 5])]);
    expect(out.map((x) => x.ref)).toEqual(['X', 'Y']);
  });

  it('three jurors: population standard deviation to 4 decimals', () => {
    const out = aggregateJury(
      [{ code: 'q', weight: 1 }],
      [subs[0]!],
      [
        { submission: 'A', juror: 'a', conflict: false, scores: { q: 2 } },
        { submission: 'A', juror: 'b', conflict: false, scores: { q: 4 } },
        { submission: 'A', juror: 'c', conflict: false, scores: { q: 9 } },
      ],
    );
    // mean 5; deviations −3, −1, 4 → variance 26/3 = 8.6667 → σ = 2.9439
    expect(out[0]).toMatchObject({ mean: 5, min: 2, max: 9, stdDev: 2.9439, rank: 1 });
  });
});

describe('isOnScale', () => {
  it.each([
    [0, true],
    [10, true],
    [5.5, true],
    [-0.1, false],
    [10.01, false],
    [Number.NaN, false],
  ])('%s on 0–10 → %s', (score, expected) => {
    expect(isOnScale(score, { min: 0, max: 10 })).toBe(expected);
  });
});
