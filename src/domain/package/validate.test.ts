import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIMENSIONS } from './builtin-dimensions';
import type { StrategyPackage } from './schema';
import { StrategyPackageSchema } from './schema';
import { type PackageError, validatePackage } from './validate';

const MINI = readFileSync(new URL('./fixtures/mini.json', import.meta.url), 'utf8');
const mini = (): StrategyPackage => JSON.parse(MINI);
const src = { document: 'Marsad test fixture' };

/** An edit of the fixture at a JSON pointer; untyped on purpose, since the bad cases break the types. */
type Edit = (parent: Record<string, unknown>, key: string) => void;
const set = (pointer: string, value: unknown): [string, Edit] => [
  pointer,
  (parent, key) => {
    parent[key] = value;
  },
];
const push = (pointer: string, value: unknown): [string, Edit] => [
  pointer,
  (parent, key) => {
    (parent[key] as unknown[]).push(value);
  },
];
const remove = (pointer: string): [string, Edit] => [
  pointer,
  (parent, key) => {
    delete parent[key];
  },
];

/** The mini fixture with the edits applied. */
function edited(edits: Array<[string, Edit]>): unknown {
  const pkg: unknown = JSON.parse(MINI);
  for (const [pointer, edit] of edits) {
    const keys = pointer.split('/').slice(1);
    const last = keys.pop()!;
    const parent = keys.reduce((node, key) => (node as Record<string, unknown>)[key], pkg);
    edit(parent as Record<string, unknown>, last);
  }
  return pkg;
}

function errorsOf(input: unknown, options?: Parameters<typeof validatePackage>[1]): Array<[string, string]> {
  const result = validatePackage(input, options);
  return result.ok ? [] : result.errors.map((e: PackageError) => [e.path, e.code]);
}

describe('validatePackage', () => {
  it('accepts the hand-written mini package, including an observatory series outside the period', () => {
    const result = validatePackage(mini());
    expect(result).toEqual({ ok: true, pkg: mini() });
  });

  const M = { en: 'Again' };
  const cases: Array<[string, Array<[string, Edit]>, Array<[string, string]>]> = [
    ['parent loop', [set('/nodes/0/parent', 'M01')], [['/nodes/0/parent', 'tree.cycle']]],
    ['node is its own parent', [set('/nodes/1/parent', 'I1')], [['/nodes/1/parent', 'tree.cycle']]],
    ['unknown parent', [set('/nodes/3/parent', 'I9')], [['/nodes/3/parent', 'reference.unknown_node']]],
    [
      'indicator linked to an unknown node',
      [push('/indicators/0/nodes', 'M99')],
      [['/indicators/0/nodes/1', 'reference.unknown_node']],
    ],
    [
      'negative budget amount',
      [set('/budget/lines/2/amount', -5)],
      [['/budget/lines/2/amount', 'schema.minimum']],
    ],
    [
      'final target after the strategy period',
      [set('/indicators/0/target/final/period', '2014')],
      [['/indicators/0/target/final/period', 'period.outside_strategy']],
    ],
    [
      'observation after the evaluation window that follows the strategy period',
      [set('/indicators/1/observations/0/period', '2017-Q1')],
      [['/indicators/1/observations/0/period', 'period.outside_strategy']],
    ],
    [
      'observation before the baseline',
      [set('/indicators/0/observations/0/period', '2007')],
      [['/indicators/0/observations/0/period', 'period.outside_strategy']],
    ],
    [
      'unknown region code in an observation',
      [set('/indicators/1/observations/1/dimensions/region', 'MA-13')],
      [['/indicators/1/observations/1/dimensions/region', 'reference.unknown_member']],
    ],
    [
      'unknown region code of an organization',
      [set('/organizations/1/region', 'MA-13')],
      [['/organizations/1/region', 'reference.unknown_member']],
    ],
    [
      'measure directly under a priority',
      [set('/nodes/2/parent', 'P1')],
      [['/nodes/2/level', 'tree.level_order']],
    ],
    [
      'measure at the initiative level',
      [set('/nodes/2/level', 'initiative')],
      [['/nodes/2/level', 'tree.level_order']],
    ],
    [
      'root below the top level',
      [set('/nodes/4/level', 'initiative')],
      [
        ['/nodes/4/level', 'tree.level_order'],
        ['/nodes/5/level', 'tree.level_order'],
      ],
    ],
    ['unknown level', [set('/nodes/3/level', 'action')], [['/nodes/3/level', 'reference.unknown_level']]],
    [
      'duplicate node code',
      [push('/nodes', { code: 'M02', parent: 'I1', level: 'measure', order: 3, title: M })],
      [['/nodes/7/code', 'code.duplicate']],
    ],
    [
      'duplicate level key',
      [push('/strategy/levels', { key: 'priority', name: M })],
      [['/strategy/levels/3/key', 'code.duplicate']],
    ],
    ['string in a number field', [set('/nodes/2/weight', '2')], [['/nodes/2/weight', 'schema.type']]],
    [
      'value neither number nor null',
      [set('/indicators/0/observations/1/value', 'n/a')],
      [['/indicators/0/observations/1/value', 'schema.type']],
    ],
    ['value outside an enumeration', [set('/strategy/state', 'done')], [['/strategy/state', 'schema.enum']]],
    [
      'missing title and misspelt field',
      [remove('/nodes/1/title'), set('/nodes/1/titel', M)],
      [
        ['/nodes/1/title', 'schema.required'],
        ['/nodes/1/titel', 'schema.unknown_property'],
      ],
    ],
    ['empty i18n text', [set('/nodes/0/title', {})], [['/nodes/0/title', 'schema.min_properties']]],
    ['code with a space', [set('/projects/0/code', 'PRJ 1')], [['/projects/0/code', 'schema.pattern']]],
    ['wrong format marker', [set('/format', 'other')], [['/format', 'schema.const']]],
    [
      'day that does not exist',
      [set('/nodes/2/plannedEnd', '2010-02-30')],
      [['/nodes/2/plannedEnd', 'date.invalid']],
    ],
    [
      'planned end before start',
      [set('/nodes/2/plannedEnd', '2008-12-31')],
      [['/nodes/2/plannedEnd', 'date.order']],
    ],
    [
      'strategy ends before it starts',
      [set('/strategy/periodEnd', '2008-12-31')],
      [['/strategy/periodEnd', 'date.order']],
    ],
    ['unknown owner', [set('/nodes/3/owner', 'XYZ')], [['/nodes/3/owner', 'reference.unknown_organization']]],
    [
      'unknown body member',
      [push('/bodies/1/members', 'XYZ')],
      [['/bodies/1/members/2', 'reference.unknown_organization']],
    ],
    [
      'unknown reviewer',
      [set('/reportingLines/0/reviewer', 'NOPE')],
      [['/reportingLines/0/reviewer', 'reference.unknown_body']],
    ],
    [
      'bodies reporting in a loop',
      [set('/bodies/0/reportsTo', 'STEER')],
      [['/bodies/0/reportsTo', 'tree.cycle']],
    ],
    [
      'organization parent loop',
      [set('/organizations/0/parent', 'AGN')],
      [['/organizations/0/parent', 'tree.cycle']],
    ],
    [
      'unknown dimension on an indicator',
      [push('/indicators/1/dimensions', 'age')],
      [['/indicators/1/dimensions/3', 'reference.unknown_dimension']],
    ],
    [
      'observation by a dimension the indicator does not declare',
      [set('/indicators/0/observations/1/dimensions', { region: 'MA-01' })],
      [['/indicators/0/observations/1/dimensions/region', 'observation.undeclared_dimension']],
    ],
    [
      'package dimension redefining a built-in one',
      [set('/dimensions/0/code', 'region')],
      [
        ['/dimensions/0/code', 'code.duplicate'],
        ['/indicators/1/dimensions/2', 'reference.unknown_dimension'],
      ],
    ],
    [
      'two values for the same period and members',
      [push('/indicators/1/observations', { period: '2012', value: 21, source: src })],
      [['/indicators/1/observations/3', 'observation.duplicate']],
    ],
    [
      'null target value without a source',
      [set('/indicators/0/target/milestones/0/value', null)],
      [['/indicators/0/target/milestones/0/value', 'target.null_without_source']],
    ],
    [
      'milestone not before the final target',
      [set('/indicators/0/target/milestones/0/period', '2013')],
      [['/indicators/0/target/milestones/0/period', 'target.invalid_order']],
    ],
    [
      'two milestones for one period',
      [push('/indicators/0/target/milestones', { period: '2011', value: 41 })],
      [['/indicators/0/target/milestones/1/period', 'target.duplicate_period']],
    ],
    [
      'budget year outside the period',
      [set('/budget/lines/2/year', 2015)],
      [['/budget/lines/2/year', 'period.outside_strategy']],
    ],
    [
      'budget line given twice',
      [
        push('/budget/lines', {
          node: 'M01',
          rubric: 'invest',
          year: 2010,
          amount: 7,
          type: 'original',
          status: 'committed',
        }),
      ],
      [['/budget/lines/3', 'budget.duplicate_line']],
    ],
    [
      'budget line for an unknown node',
      [set('/budget/lines/0/node', 'M99')],
      [['/budget/lines/0/node', 'reference.unknown_node']],
    ],
    [
      'project under an unknown node',
      [set('/projects/0/node', 'M99')],
      [['/projects/0/node', 'reference.unknown_node']],
    ],
    [
      'project milestone on a day that does not exist',
      [set('/projects/0/milestones/0/actualDate', '2011-02-29')],
      [['/projects/0/milestones/0/actualDate', 'period.invalid']],
    ],
    [
      'source language also unofficial',
      [set('/translations/unofficial', ['fr', 'en'])],
      [['/translations/unofficial/1', 'translations.conflict']],
    ],
    [
      'at-risk threshold above on-track',
      [set('/strategy/statusThresholds', { onTrack: 0.8, atRisk: 0.9 })],
      [['/strategy/statusThresholds/atRisk', 'status.invalid_thresholds']],
    ],
    [
      'strategy succeeding itself',
      [push('/strategy/successors', 'MINI')],
      [['/strategy/successors/1', 'reference.self']],
    ],
  ];

  it.each(cases)('rejects: %s', (_name, edits, expected) => {
    expect(errorsOf(edited(edits))).toEqual(expected);
  });

  it('reports schema and rule errors together, schema errors first', () => {
    const pkg = edited([
      set('/nodes/2/weight', '2'),
      set('/nodes/3/parent', 'I9'),
      set('/budget/lines/2/amount', -5),
      set('/organizations/1/region', 'MA-13'),
      push('/indicators', { ...mini().indicators[2] }),
    ]);
    expect(errorsOf(pkg)).toEqual([
      ['/nodes/2/weight', 'schema.type'],
      ['/budget/lines/2/amount', 'schema.minimum'],
      ['/indicators/3/code', 'code.duplicate'],
      ['/organizations/1/region', 'reference.unknown_member'],
      ['/nodes/3/parent', 'reference.unknown_node'],
    ]);
  });

  it('rejects something that is not a package at all', () => {
    expect(errorsOf('hello')).toEqual([['', 'schema.type']]);
    expect(errorsOf(null)).toEqual([['', 'schema.type']]);
  });

  it('lets observatory series lie anywhere in time', () => {
    const pkg = edited([push('/indicators/2/observations', { period: '1990', value: 3, source: src })]);
    expect(errorsOf(pkg)).toEqual([]);
  });

  it('accepts organizations declared outside the package when the caller lists them', () => {
    const pkg = edited([set('/nodes/3/owner', 'XYZ')]);
    expect(errorsOf(pkg, { externalOrganizations: ['XYZ'] })).toEqual([]);
  });

  it('knows only the dimensions the caller passes', () => {
    const withoutZone = BUILTIN_DIMENSIONS.filter((d) => d.code !== 'zone');
    expect(errorsOf(mini(), { dimensions: withoutZone })).toEqual([
      ['/indicators/1/dimensions/1', 'reference.unknown_dimension'],
    ]);
  });

  it('gives every error a readable message', () => {
    const result = validatePackage(edited([set('/strategy/state', 'done'), set('/nodes/0/parent', 'M01')]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.message)).toEqual([
        'Expected one of "draft", "adopted", "closed".',
        'Parent chain loops: P1 → M01 → I1 → P1.',
      ]);
    }
  });
});

describe('StrategyPackageSchema', () => {
  it('is a publishable JSON Schema with an id, a title and described fields', () => {
    const json = JSON.parse(JSON.stringify(StrategyPackageSchema));
    expect(json.$id).toBe('urn:marsad:schema:strategy-package:1');
    expect(json.title).toBe('Marsad strategy package');
    expect(json.properties.nodes.items.properties.parent.description).toBe('Parent node; null for a root.');
  });
});

describe('BUILTIN_DIMENSIONS', () => {
  it('ships the 12 regions, 3 zones and 5 income categories, each named in fr, ar and en', () => {
    const members = Object.fromEntries(BUILTIN_DIMENSIONS.map((d) => [d.code, d.members.map((m) => m.code)]));
    expect(members).toEqual({
      region: Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
      zone: ['dense', 'moderate', 'grey_white'],
      income: ['A', 'B', 'C', 'D', 'E'],
    });
    for (const dimension of BUILTIN_DIMENSIONS) {
      for (const named of [dimension, ...dimension.members]) {
        expect(Object.keys(named.name).sort()).toEqual(['ar', 'en', 'fr']);
      }
    }
  });
});
