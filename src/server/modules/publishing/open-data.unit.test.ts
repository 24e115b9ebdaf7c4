import { describe, expect, it } from 'vitest';
import { measureLevel } from './iati';
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
