import { describe, expect, it } from 'vitest';
import { iatiActivities, measureLevel } from './iati';
import { toCsv } from './open-data.formats';
import { dimensionKey } from './open-data.tables';

describe('CSV (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['تدبير مواكب', 'تدبير مواكب'],
    [12.5, '12.5'],
    [null, ''],
  ])('writes %j as %j', (value, cell) => {
    expect(toCsv({ columns: ['x'], rows: [{ x: value }] })).toBe(`x\r\n${cell}\r\n`);
  });

  it('keeps the header order and leaves missing cells empty', () => {
    expect(toCsv({ columns: ['b', 'a'], rows: [{ a: 1 }] })).toBe('b,a\r\n,1\r\n');
  });
});

describe('stable row keys', () => {
  it('writes dimension members as sorted dimension=member pairs, empty for a national total', () => {
    expect(dimensionKey({ zone: 'urban', region: 'MA-06' })).toBe('region=MA-06;zone=urban');
    expect(dimensionKey(undefined)).toBe('');
  });
});

describe('the IATI activity level', () => {
  const pkg = (levels: { key: string; name: { en: string } }[]) =>
    ({ strategy: { levels } }) as unknown as Parameters<typeof measureLevel>[0];

  it('is the level keyed or named "measure", else the deepest one', () => {
    const withSupport = [
      { key: 'priority', name: { en: 'Strategic priority / support measure' } },
      { key: 'initiative', name: { en: 'Initiative' } },
      { key: 'measure', name: { en: 'Measure' } },
      { key: 'action', name: { en: 'Action' } },
    ];
    expect(measureLevel(pkg(withSupport))).toBe('measure');
    expect(
      measureLevel(
        pkg([
          { key: 'axe', name: { en: 'Axis' } },
          { key: 'm', name: { en: 'Measures' } },
          { key: 'a', name: { en: 'Act' } },
        ]),
      ),
    ).toBe('m');
    expect(measureLevel(pkg([{ key: 'pillar', name: { en: 'Pillar' } }]))).toBe('pillar');
  });
});

describe('IATI activities below the measure level', () => {
  const pkg = {
    strategy: {
      code: 'T',
      title: { en: 'Test' },
      periodStart: '2020-01-01',
      periodEnd: '2021-12-31',
      state: 'adopted',
      levels: [
        { key: 'measure', name: { en: 'Measure' } },
        { key: 'action', name: { en: 'Action' } },
      ],
    },
    organizations: [],
    nodes: [
      { code: 'M1', parent: null, level: 'measure', order: 0, title: { en: 'M one' } },
      { code: 'A1', parent: 'M1', level: 'action', order: 0, title: { en: 'A one' } },
    ],
    indicators: [
      {
        code: 'I1',
        name: { en: 'I' },
        unit: 'x',
        direction: 'increase',
        aggregation: 'sum',
        decimals: 0,
        nodes: ['A1'],
      },
    ],
    budget: {
      currency: 'MAD',
      scale: 1000,
      lines: [
        { node: 'A1', rubric: 'capex', year: 2020, amount: 2.5, type: 'original', status: 'committed' },
      ],
      transactions: [{ node: 'A1', date: '2020-03-01', type: 'disbursement', amount: 1 }],
    },
  } as unknown as Parameters<typeof iatiActivities>[0];

  it('reports an action’s budget, transactions and indicators with its measure', () => {
    const xml = iatiActivities(pkg, { reportingOrgRef: 'XX', generatedAt: '2026-01-01T00:00:00Z' });
    const m1 = xml.split('\n').find((line) => line.includes('<iati-identifier>XX-T-M1</iati-identifier>'))!;
    expect(xml).not.toContain('XX-T-A1');
    expect(m1).toContain('<budget type="1" status="2">');
    expect(m1).toContain('<value value-date="2020-01-01">2500</value>');
    expect(m1).toContain('<transaction-type code="3"/><transaction-date iso-date="2020-03-01"/>');
    expect(m1).toContain('<reference vocabulary="99" code="I1"/>');
  });
});
