import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type {
  Indicator,
  PlanNode,
  Source,
  StrategyPackage,
  TargetPoint,
} from '../../src/domain/package/schema';
import { validatePackage } from '../../src/domain/package/validate';

// data/packages/mn2013.json is transcribed by hand from the Maroc Numeric 2013 strategy
// (../shared/seeds/001_8c9e7c464e2c7c65.txt) and the achieved figures of ../shared/facts/morocco-facts.md.
// The expected figures below were read from the seed again, separately, so that a typo in the JSON fails.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packagePath = (name: string) => resolve(root, 'data/packages', `${name}.json`);
const pkg = JSON.parse(readFileSync(packagePath('mn2013'), 'utf8')) as StrategyPackage;

const YEARS = [2009, 2010, 2011, 2012, 2013] as const;

// "Budget Allocation" table, MAD million, 2009 … 2013 (seed, Implementation Modalities).
const BUDGET: Record<string, { node: string | null; years: number[]; total: number }> = {
  social_change: { node: 'P1', years: [346, 605, 413, 381, 383], total: 2128 },
  user_oriented_public_service: { node: 'P2', years: [618, 684, 664, 99, 121], total: 2186 },
  sme_productivity: { node: 'P3', years: [73, 64, 63, 61, 59], total: 320 },
  it_industry: { node: 'P4', years: [96, 99, 101, 98, 87], total: 481 },
  cyber_confidence: { node: 'S2', years: [3, 8, 8, 8, 8], total: 35 },
  governance: { node: null, years: [9, 7, 7, 7, 7], total: 37 },
};
const YEAR_TOTALS = [1145, 1467, 1256, 654, 665];

// "Ambitions and Objectives" tables: indicator → [2008 baseline, 2013 target]; null where the seed gives no
// usable value ("-", "<1%", a blank 2008 column, or a cell of the digital-confidence table that cannot be
// attributed to its row).
const AMBITIONS: Record<string, [number | null, number | null]> = {
  'MN-I01': [20, 100],
  'MN-I02': [10, 33.3],
  'MN-I03': [null, 100],
  'MN-I04': [0, 400], // the seed prints "-"; the facts file (§1.3, MN-K12) gives 0
  'MN-I05': [13, 50],
  'MN-I06': [0.2, 0.8],
  'MN-I07': [null, 100],
  'MN-I08': [16, 89],
  'MN-I09': [1, 5],
  'MN-I10': [null, 20],
  'MN-I11': [0.5, 1],
  'MN-I12': [0, 3000], // facts §1.3, MN-K10
  'MN-I13': [0, 10000], // facts §1.3, MN-K11
  'MN-I14': [32000, 58000],
  'MN-I15': [null, 100],
  'MN-I16': [null, 7],
  'MN-I17': [null, 25],
  'MN-I18': [null, 2],
  'MN-I19': [0.8, 6],
  'MN-I20': [null, 30000],
  'MN-I21': [null, 3000],
  'MN-I22': [null, 70],
  'MN-I23': [null, null],
  'MN-I24': [null, 60000],
  'MN-I25': [null, null],
  'MN-I26': [null, null],
  'MN-I27': [null, 100],
};

// Fields of the package format that hold an I18n text (crossReferences labels may also be plain strings).
const I18N_FIELDS = new Set([
  'title',
  'subtitle',
  'name',
  'description',
  'vision',
  'mandate',
  'group',
  'label',
  'rubricLabel',
]);

/** Every value under `value`, with its JSON path, depth first. */
function* walk(value: unknown, path = ''): Generator<[string, unknown]> {
  yield [path, value];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* walk(item, `${path}/${i}`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* walk(item, `${path}/${key}`);
  }
}

function indicator(code: string): Indicator {
  const found = pkg.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`indicator ${code} missing`);
  return found;
}

const byLevel = (level: string): PlanNode[] => pkg.nodes.filter((n) => n.level === level);
const node = (code: string): PlanNode | undefined => pkg.nodes.find((n) => n.code === code);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('Maroc Numeric 2013 package', () => {
  it('passes the package validator', () => {
    const result = validatePackage(pkg);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is the closed 2009-2013 strategy, followed by Maroc Digital 2020, with unofficial fr and ar', () => {
    expect(pkg.strategy).toMatchObject({
      code: 'MN2013',
      periodStart: '2009-01-01',
      periodEnd: '2013-12-31',
      state: 'closed',
      successors: ['MD2020'],
    });
    expect(pkg.strategy.title).toMatchObject({ fr: 'Maroc Numeric 2013', ar: 'المغرب الرقمي 2013' });
    expect(pkg.strategy.levels.map((l) => l.key)).toEqual(['priority', 'initiative', 'measure']);
    expect(pkg.translations).toEqual({ source: 'en', unofficial: ['fr', 'ar'] });
  });

  it('has the 4 priorities and 2 support measures at the top, with 3 initiatives each', () => {
    const tops = byLevel('priority');
    expect(tops.map((n) => n.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'S1', 'S2']);
    expect(tops.every((n) => n.parent === null)).toBe(true);
    expect(tops.map((n) => n.title.en)).toEqual([
      'Social change',
      'User-oriented public services',
      'Productivity of small and medium enterprises',
      'IT industry',
      'Human capital',
      'Digital confidence',
    ]);
    const initiatives = byLevel('initiative');
    expect(initiatives).toHaveLength(18);
    for (const top of tops) {
      expect(initiatives.filter((n) => n.parent === top.code).map((n) => n.code)).toEqual(
        [1, 2, 3].map((i) => `${top.code}.${i}`),
      );
    }
  });

  it('has exactly the 53 measures M01…M53 in order, each under an initiative of a top-level node', () => {
    const measures = byLevel('measure');
    expect(measures.map((m) => m.code)).toEqual(
      Array.from({ length: 53 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`),
    );
    for (const measure of measures) {
      const initiative = node(measure.parent ?? '');
      expect(initiative?.level, measure.code).toBe('initiative');
      expect(node(initiative?.parent ?? '')?.parent, measure.code).toBeNull();
    }
  });

  it('places each measure under the initiative the seed lists it in', () => {
    const ranges: Record<string, [number, number]> = {
      'P1.1': [1, 4],
      'P1.2': [5, 7],
      'P1.3': [8, 10],
      'P2.1': [11, 11],
      'P2.2': [12, 12],
      'P2.3': [13, 13],
      'P3.1': [14, 16],
      'P3.2': [17, 19],
      'P3.3': [20, 22],
      'P4.1': [23, 28],
      'P4.2': [29, 30],
      'P4.3': [31, 36],
      'S1.1': [37, 37],
      'S1.2': [38, 39],
      'S1.3': [40, 41],
      'S2.1': [42, 44],
      'S2.2': [45, 49],
      'S2.3': [50, 53],
    };
    for (const measure of byLevel('measure')) {
      const n = Number(measure.code.slice(1));
      const [initiative] = Object.entries(ranges).find(([, [from, to]]) => n >= from && n <= to) ?? [];
      expect(measure.parent, measure.code).toBe(initiative);
    }
  });

  describe('budget (MAD million)', () => {
    const lines = pkg.budget?.lines ?? [];

    it('is in MAD millions, original and indicative, one line per rubric and year', () => {
      expect(pkg.budget).toMatchObject({ currency: 'MAD', scale: 1_000_000 });
      expect(lines).toHaveLength(30);
      expect(lines.every((l) => l.type === 'original' && l.status === 'indicative' && l.source)).toBe(true);
    });

    it.each(Object.entries(BUDGET))('%s matches the seed table year by year', (rubric, expected) => {
      const own = lines.filter((l) => l.rubric === rubric);
      expect(own.map((l) => [l.year, l.amount, l.node ?? null]).sort()).toEqual(
        YEARS.map((year, i) => [year, expected.years[i], expected.node]).sort(),
      );
      expect(sum(own.map((l) => l.amount))).toBe(expected.total);
    });

    it('sums by year to 1,145 / 1,467 / 1,256 / 654 / 665 and to 5,187 in all', () => {
      expect(YEARS.map((year) => sum(lines.filter((l) => l.year === year).map((l) => l.amount)))).toEqual(
        YEAR_TOTALS,
      );
      expect(sum(lines.map((l) => l.amount))).toBe(5187);
    });
  });

  describe('indicators', () => {
    it.each(Object.entries(AMBITIONS))(
      '%s keeps the 2008 baseline and 2013 target of its table',
      (code, [b, f]) => {
        const target = indicator(code).target;
        expect(target?.baseline).toMatchObject({ period: '2008', value: b });
        expect(target?.final).toMatchObject({ period: '2013', value: f });
      },
    );

    it('takes the e-government milestones from the expected launch calendar', () => {
      expect(indicator('MN-I08').target?.milestones?.map((m) => [m.period, m.value])).toEqual([
        ['2009', 41],
        ['2010', 53],
        ['2011', 63],
        ['2012', 69],
      ]);
    });

    it('gives every observation and target point a source with a confidence, and a reason for a null', () => {
      const problems: string[] = [];
      for (const ind of pkg.indicators) {
        const points: Array<[string, Pick<TargetPoint, 'value' | 'source'>]> = [
          ...(ind.observations ?? []).map((o, i): [string, TargetPoint] => [`observations/${i}`, o]),
          ...(ind.target?.baseline ? [['baseline', ind.target.baseline] as [string, TargetPoint]] : []),
          ...(ind.target?.milestones ?? []).map((m, i): [string, TargetPoint] => [`milestones/${i}`, m]),
          ...(ind.target?.final ? [['final', ind.target.final] as [string, TargetPoint]] : []),
        ];
        for (const [at, point] of points) {
          const source: Source | undefined = point.source;
          if (!source?.document) problems.push(`${ind.code} ${at}: no source`);
          if (!source?.confidence) problems.push(`${ind.code} ${at}: no confidence`);
          if (point.value === null && !source?.note) problems.push(`${ind.code} ${at}: null without a note`);
        }
        for (const [i, obs] of (ind.observations ?? []).entries()) {
          if (obs.confidence !== obs.source.confidence)
            problems.push(`${ind.code} observations/${i}: confidence`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('uses no "unverified" figure (the facts mark none of those used so)', () => {
      const unverified = [...walk(pkg)].filter(([, v]) => v === 'unverified').map(([path]) => path);
      expect(unverified).toEqual([]);
    });

    it('keeps observations of plan indicators within 2009-2013, plus the ex-post figures of 2014', () => {
      const outside = pkg.indicators
        .filter((i) => (i.nodes ?? []).length > 0)
        .flatMap((i) => (i.observations ?? []).map((o) => `${i.code} ${o.period}`))
        .filter((label) => {
          const year = Number(label.split(' ')[1]!.slice(0, 4));
          return year < 2009 || year > 2013;
        });
      expect(outside).toEqual(['MN-I01 2014', 'MN-I06 2014', 'MN-I28 2014', 'MN-I30 2014']);
    });

    it('keeps the press figure "70 %" beside the teachers-trained figure (147,277 of 200,000)', () => {
      const teachers = indicator('MN-I28');
      expect(teachers.target?.final?.value).toBe(200000);
      expect(teachers.observations?.find((o) => o.period === '2014')).toMatchObject({
        value: 147277,
        reported: { value: 70, unit: '%' },
      });
    });

    it('keeps the figure the source reported beside the computed one', () => {
      const cac = indicator('MN-I04').observations?.find((o) => o.period === '2013');
      expect(cac).toMatchObject({ value: 74, confidence: 'medium', reported: { value: 18, unit: '%' } });
      const egdi = indicator('MN-I06').observations?.map((o) => [o.period, o.value, o.confidence]);
      expect(egdi).toEqual([
        ['2010', 0.3287, 'high'],
        ['2012', 0.4209, 'high'],
        ['2014', 0.506, 'high'],
      ]);
    });
  });

  describe('e-government projects', () => {
    const flagships = (pkg.projects ?? []).filter((p) => p.flagship);

    it('lists the 15 flagship projects of measure 12 in three groups of 5, 6 and 4', () => {
      expect(flagships.map((p) => p.code)).toEqual(
        Array.from({ length: 15 }, (_, i) => `EGOV-${String(i + 1).padStart(2, '0')}`),
      );
      expect(flagships.every((p) => p.node === 'M12' && p.source)).toBe(true);
      const groups = new Map<string, number>();
      for (const p of flagships) groups.set(p.group?.en ?? '', (groups.get(p.group?.en ?? '') ?? 0) + 1);
      expect([...groups.values()]).toEqual([5, 6, 4]);
      expect(flagships.every((p) => p.milestones?.[0]?.plannedDate === '2011')).toBe(true);
    });

    it('carries the launch calendar as programme milestones', () => {
      const programme = pkg.projects?.find((p) => p.code === 'EGOV-PROG');
      expect(programme).toMatchObject({ node: 'M13', kind: 'programme', flagship: false });
      expect(programme?.milestones?.map((m) => m.plannedDate)).toEqual([
        '2009',
        '2010',
        '2011',
        '2012',
        '2013',
      ]);
    });
  });

  it('has every text in French, Arabic and English', () => {
    const incomplete: string[] = [];
    for (const [path, value] of walk(pkg)) {
      const field = path.slice(path.lastIndexOf('/') + 1);
      if (!I18N_FIELDS.has(field) || typeof value !== 'object' || value === null) continue;
      const text = value as Record<string, unknown>;
      for (const locale of ['fr', 'ar', 'en']) {
        const t = text[locale];
        if (typeof t !== 'string' || t.trim() === '') incomplete.push(`${path}.${locale}`);
      }
    }
    expect(incomplete).toEqual([]);
  });

  it('names governance bodies as the seed does, with the e-government structures reporting to CIGOV', () => {
    const reportsTo = Object.fromEntries(pkg.bodies.map((b) => [b.code, b.reportsTo ?? null]));
    expect(reportsTo).toMatchObject({
      CNTI: null,
      'CP-TIEN': 'CNTI',
      'DP-TIEN': 'CP-TIEN',
      'OBS-TIEN': 'CP-TIEN',
      DPGOV: 'CIGOV',
      SPGOV: 'CIGOV',
    });
    expect(pkg.bodies.find((b) => b.code === 'CNTI')?.chair).toBe('CHEFGOV');
  });

  it('keeps the same name, type and acronym as the other packages for a shared organization code', () => {
    const clashes: string[] = [];
    for (const other of ['md2020', 'dm2030', 'observatory']) {
      if (!existsSync(packagePath(other))) continue;
      const theirs = (JSON.parse(readFileSync(packagePath(other), 'utf8')) as StrategyPackage).organizations;
      for (const org of pkg.organizations) {
        const twin = theirs.find((o) => o.code === org.code);
        const key = (o: typeof org) => JSON.stringify([o.name, o.type, o.acronym ?? null]);
        if (twin && key(twin) !== key(org)) clashes.push(`${other}: ${org.code}`);
      }
    }
    expect(clashes).toEqual([]);
  });
});
