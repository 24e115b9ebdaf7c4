import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Source, StrategyPackage } from '../../src/domain/package/schema';
import { validatePackage } from '../../src/domain/package/validate';

// The Maroc Digital 2020, Digital Morocco 2030 and observatory packages are transcribed from
// ../shared/facts (morocco-facts.md and the UNU-EGOV EGDI extract). These tests pin what the transcription
// promises: strategy links, a source beside every figure, no figure the facts call unverified, and EGDI
// values equal to the CSV they were copied from.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EGDI_CSV = resolve(root, '../shared/facts/egdi_unu_2010_2018.csv');
const FILES = ['md2020', 'dm2030', 'observatory'] as const;

function load(name: (typeof FILES)[number]): StrategyPackage {
  return JSON.parse(readFileSync(resolve(root, 'data/packages', `${name}.json`), 'utf8')) as StrategyPackage;
}

const packages = Object.fromEntries(FILES.map((name) => [name, load(name)])) as Record<
  (typeof FILES)[number],
  StrategyPackage
>;

function indicator(pkg: StrategyPackage, code: string): Indicator {
  const found = pkg.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`indicator ${code} missing`);
  return found;
}

/** Every value under `value`, with its JSON path, depth first. */
function* walk(value: unknown, path = ''): Generator<[string, unknown]> {
  yield [path, value];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* walk(item, `${path}/${i}`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* walk(item, `${path}/${key}`);
  }
}

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
]);

function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

describe('successor strategy packages', () => {
  it.each(FILES)('%s passes the package validator', (name) => {
    const result = validatePackage(packages[name]);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('links MN2013 → MD2020 → DM2030', () => {
    expect(packages.md2020.strategy).toMatchObject({
      code: 'MD2020',
      predecessor: 'MN2013',
      successors: ['DM2030'],
    });
    expect(packages.dm2030.strategy).toMatchObject({ code: 'DM2030', predecessor: 'MD2020' });
    expect(packages.observatory.strategy.code).toBe('OBS');
  });

  it.each(FILES)(
    '%s gives a source for every observation and target point, and a reason for a null',
    (name) => {
      const missing: string[] = [];
      for (const ind of packages[name].indicators) {
        const points: Array<[string, { value: number | null; source?: Source }]> = [
          ...(ind.observations ?? []).map((o, i): [string, Observation] => [`observations/${i}`, o]),
          ...(ind.target?.baseline
            ? [['baseline', ind.target.baseline] as [string, typeof ind.target.baseline]]
            : []),
          ...(ind.target?.milestones ?? []).map((m, i): [string, typeof m] => [`milestones/${i}`, m]),
          ...(ind.target?.final ? [['final', ind.target.final] as [string, typeof ind.target.final]] : []),
        ];
        for (const [at, point] of points) {
          if (!point.source?.document) missing.push(`${ind.code} ${at}: no source`);
          if (!point.source?.confidence) missing.push(`${ind.code} ${at}: no confidence`);
          if (point.value === null && !point.source?.note)
            missing.push(`${ind.code} ${at}: null without a note`);
        }
      }
      expect(missing).toEqual([]);
    },
  );

  it.each(FILES)('%s uses no "unverified" figure (the facts mark none of those used so)', (name) => {
    const unverified = [...walk(packages[name])].filter(([, v]) => v === 'unverified').map(([path]) => path);
    expect(unverified).toEqual([]);
  });

  it.each(FILES)('%s has every text in French, Arabic and English', (name) => {
    const incomplete: string[] = [];
    for (const [path, value] of walk(packages[name])) {
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

  it('declares the five EGDI countries and has values for each', () => {
    const obs = packages.observatory;
    const countries = ['MAR', 'TUN', 'EGY', 'JOR', 'DZA'];
    expect(obs.dimensions?.find((d) => d.code === 'country')?.members.map((m) => m.code)).toEqual(countries);
    const egdi = indicator(obs, 'OBS-EGDI');
    expect(egdi.dimensions).toEqual(['country']);
    const seen = new Set(egdi.observations?.map((o) => o.dimensions?.country));
    expect([...seen].sort()).toEqual([...countries].sort());
  });

  it('gives the EGDI rank of Morocco as a separate indicator that improves downwards', () => {
    const rank = indicator(packages.observatory, 'OBS-EGDI-RANK');
    expect(rank.direction).toBe('decrease');
    const byYear = Object.fromEntries(rank.observations?.map((o) => [o.period, o.value]) ?? []);
    // Facts §3: "140 (2008) → 126 → 120 → 82 → 85 → 110 → 106 → 101 → 90 (2024)".
    expect(byYear).toEqual({
      '2008': 140,
      '2010': 126,
      '2012': 120,
      '2014': 82,
      '2016': 85,
      '2018': 110,
      '2020': 106,
      '2022': 101,
      '2024': 90,
    });
  });

  it('links the DM2030 targets to pillars and keeps the §5.2 figures', () => {
    const dm = packages.dm2030;
    expect(dm.indicators).toHaveLength(13);
    expect(indicator(dm, 'DM-I04').target).toMatchObject({
      baseline: { period: '2022', value: 130000 },
      milestones: [{ period: '2026', value: 190000 }],
      final: { period: '2030', value: 270000 },
    });
    expect(indicator(dm, 'DM-I07')).toMatchObject({
      direction: 'decrease',
      target: { baseline: { period: '2024', value: 113 }, final: { period: '2030', value: 50 } },
    });
    expect(indicator(dm, 'DM-I10').target?.final?.value).toBeNull();
  });

  it('keeps the same name and type for an organization code in every package', () => {
    const byCode = new Map<string, string>();
    const clashes: string[] = [];
    for (const name of FILES) {
      for (const org of packages[name].organizations) {
        const key = JSON.stringify([org.name, org.type, org.acronym ?? null]);
        if (byCode.has(org.code) && byCode.get(org.code) !== key) clashes.push(`${name}: ${org.code}`);
        byCode.set(org.code, key);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe.skipIf(!existsSync(EGDI_CSV))('EGDI values against ../shared/facts/egdi_unu_2010_2018.csv', () => {
  const rows = existsSync(EGDI_CSV) ? csvRows(readFileSync(EGDI_CSV, 'utf8')) : [];
  const egdi = indicator(packages.observatory, 'OBS-EGDI');
  const rank = indicator(packages.observatory, 'OBS-EGDI-RANK');

  it('covers every Morocco year of the CSV', () => {
    const years = rows.filter((r) => r.iso3 === 'MAR').map((r) => r.year);
    expect(years).toEqual(['2010', '2012', '2014', '2016', '2018']);
  });

  it.each(rows.map((r) => [r.year, r.iso3, r] as const))('%s %s equals the CSV', (year, iso3, row) => {
    const found = egdi.observations?.filter((o) => o.period === year && o.dimensions?.country === iso3) ?? [];
    expect(found.map((o) => o.value)).toEqual([Number(row.egdi)]);
    if (iso3 === 'MAR') {
      expect(rank.observations?.find((o) => o.period === year)?.value).toBe(Number(row.egdi_rank));
    }
  });
});
