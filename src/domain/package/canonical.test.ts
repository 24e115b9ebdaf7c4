import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalizePackage, serializePackage } from './canonical';
import type { StrategyPackage } from './schema';
import { validatePackage } from './validate';

const MINI = readFileSync(new URL('./fixtures/mini.json', import.meta.url), 'utf8');
const mini = (): StrategyPackage => JSON.parse(MINI);

/** Deterministic pseudo-random numbers (mulberry32), so a failing shuffle can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Every object's keys in a random order, at every depth; arrays keep their order. */
function shuffleKeys(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, next));
  if (typeof value !== 'object' || value === null) return value;
  const entries = shuffled(Object.entries(value), next);
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, next)]));
}

/** The same package with every unordered collection in a random order. */
function shuffle(pkg: StrategyPackage, seed: number): StrategyPackage {
  const next = random(seed);
  const mix = <T>(items: T[] | undefined) => items && shuffled(items, next);
  const copy = structuredClone(pkg);
  copy.translations!.unofficial = mix(copy.translations!.unofficial)!;
  copy.organizations = mix(copy.organizations)!;
  copy.bodies = mix(copy.bodies)!.map((b) => ({ ...b, members: mix(b.members)! }));
  copy.nodes = mix(copy.nodes)!.map((n) => ({ ...n, contributors: mix(n.contributors) }));
  copy.indicators = mix(copy.indicators)!.map((i) => ({
    ...i,
    dimensions: mix(i.dimensions),
    observations: mix(i.observations),
    target: i.target && { ...i.target, milestones: mix(i.target.milestones) },
  }));
  copy.budget!.lines = mix(copy.budget!.lines)!;
  copy.projects = mix(copy.projects);
  return shuffleKeys(copy, next) as StrategyPackage;
}

describe('serializePackage', () => {
  const expected = serializePackage(mini());

  it.each([1, 2, 3, 42, 2013])('gives the same bytes for a shuffled package (seed %i)', (seed) => {
    const input = shuffle(mini(), seed);
    expect(JSON.stringify(input)).not.toBe(JSON.stringify(mini()));
    expect(serializePackage(input)).toBe(expected);
  });

  it('is stable across export → import → export', () => {
    expect(serializePackage(JSON.parse(expected))).toBe(expected);
  });

  it('writes 2-space indented JSON ending with a newline, in schema key order', () => {
    expect(expected.startsWith('{\n  "format": "marsad.strategy-package",\n  "formatVersion": 1,\n')).toBe(
      true,
    );
    expect(expected.endsWith('}\n')).toBe(true);
    expect(expected).toContain(
      '"title": {\n      "fr": "Mini stratégie de test",\n      "en": "Mini test strategy"\n',
    );
  });

  it('produces a package that still validates', () => {
    expect(validatePackage(JSON.parse(expected)).ok).toBe(true);
  });
});

describe('canonicalizePackage', () => {
  it('puts nodes in tree order, siblings by order then code', () => {
    const pkg = mini();
    pkg.nodes.find((n) => n.code === 'P1')!.order = 3;
    expect(canonicalizePackage(shuffle(pkg, 7)).nodes.map((n) => n.code)).toEqual([
      'P2',
      'I2',
      'M03',
      'P1',
      'I1',
      'M01',
      'M02',
    ]);
  });

  it('sorts entities by code and observations chronologically, keeping levels and members in their order', () => {
    const pkg = canonicalizePackage(shuffle(mini(), 11));
    expect(pkg.organizations.map((o) => o.code)).toEqual(['AGN', 'FED', 'MIN']);
    expect(pkg.indicators.map((i) => i.code)).toEqual(['IND1', 'IND2', 'OBS1']);
    expect(pkg.indicators[0]!.observations!.map((o) => o.period)).toEqual(['2008', '2010', '2013']);
    expect(pkg.strategy.levels.map((l) => l.key)).toEqual(['priority', 'initiative', 'measure']);
    expect(pkg.translations!.unofficial).toEqual(['fr', 'ar']);
  });

  it('orders periods by time, a year before its parts', () => {
    const pkg = mini();
    const source = { document: 'Marsad test fixture' };
    pkg.indicators[2]!.observations = ['2012-Q2', '2012-H1', '2012', '2011-12', '2012-01-15'].map(
      (period) => ({
        period,
        value: 1,
        source,
      }),
    );
    const periods = canonicalizePackage(pkg).indicators[2]!.observations!.map((o) => o.period);
    expect(periods).toEqual(['2011-12', '2012', '2012-H1', '2012-01-15', '2012-Q2']);
  });

  it('drops undefined fields and does not change its input', () => {
    const pkg = mini();
    pkg.nodes[0]!.description = undefined;
    const before = structuredClone(pkg);
    const canonical = canonicalizePackage(pkg);
    expect('description' in canonical.nodes[0]!).toBe(false);
    expect(pkg).toEqual(before);
  });
});
