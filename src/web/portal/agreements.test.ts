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
  const many = [10, 12.5, 14, 15, 17, 20];
  it.each([
    [10, 0],
    [11.9, 0],
    [12, 1],
    [19.9, 4],
    [20, 4],
  ])('puts %d in class %d on a 10–20 scale', (value, expected) => {
    expect(classify(many).classOf(value)).toBe(expected);
  });
  it('gives the breaks as the legend', () => {
    expect(classify(many).breaks).toEqual([10, 12, 14, 16, 18, 20]);
    expect(classify(many).legend.map((e) => [e.from, e.to])).toEqual([
      [10, 12],
      [12, 14],
      [14, 16],
      [16, 18],
      [18, 20],
    ]);
  });
  it('with no more distinct values than classes, gives each value its own shade: no "1 – 1" in the legend', () => {
    const counts = classify([1, 2, 2]);
    expect(counts.legend).toEqual([
      { shade: 0, from: 1, to: 1 },
      { shade: 4, from: 2, to: 2 },
    ]);
    expect([counts.classOf(1), counts.classOf(2)]).toEqual([0, 4]);
    expect(classify([10, 15, 20]).legend.map((e) => e.shade)).toEqual([0, 2, 4]);
    expect(classify([7, 7]).classOf(7)).toBe(4);
  });
});
