import { describe, expect, it } from 'vitest';
import { type AgreementView, agreementsByRegion } from './agreements';
import { classify } from './RegionMap';

const agreement = (
  code: string,
  regionCode: string | null,
  totals: AgreementView['totals'],
): AgreementView => ({
  code,
  title: { fr: code },
  regionCode,
  parties: [],
  commitments: [],
  totals,
});

describe('agreementsByRegion', () => {
  it('counts agreements and adds up each committed metric per region, leaving out those without a region', () => {
    const result = agreementsByRegion([
      agreement('A', 'MA-06', [{ metric: 'jobs', committed: 700, verified: null }]),
      agreement('B', 'MA-06', [
        { metric: 'jobs', committed: 150, verified: 20 },
        { metric: 'investment', committed: null, verified: null },
      ]),
      agreement('C', 'MA-02', [{ metric: 'jobs', committed: 200, verified: null }]),
      agreement('D', null, [{ metric: 'jobs', committed: 1500, verified: null }]),
    ]);
    expect(result.regions).toEqual({
      'MA-06': { count: 2, committed: { jobs: 850 } },
      'MA-02': { count: 1, committed: { jobs: 200 } },
    });
    expect(result.metrics).toEqual(['investment', 'jobs']);
  });
});

describe('classify (equal intervals in five classes)', () => {
  it.each([
    [10, 0],
    [11.9, 0],
    [12, 1],
    [19.9, 4],
    [20, 4],
  ])('puts %d in class %d on a 10–20 scale', (value, expected) => {
    expect(classify([10, 15, 20]).classOf(value)).toBe(expected);
  });
  it('gives the breaks, and one top class when every value is equal', () => {
    expect(classify([10, 20]).breaks).toEqual([10, 12, 14, 16, 18, 20]);
    expect(classify([7, 7]).classOf(7)).toBe(4);
  });
});
