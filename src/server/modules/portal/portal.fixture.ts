import { systemActor } from '../../access/actor';
import type { Db } from '../../db/pool';
import { importPackage } from '../imports/package-import.service';

// Test data for the portal, on top of the default Morocco data: a small public strategy with an indicator
// broken down by the 12 regions (fictional figures, marked as such), an unapproved figure that must never
// reach the portal, and a draft strategy that must stay invisible.

const SOURCE = { document: 'Marsad test fixture', note: 'Fictional figures, for tests only.' };
export const REGIONAL_INDICATOR = 'PT-REG';
/** Fictional regional figures: MA-01 → 11.5, MA-02 → 13, … MA-11 → 26.5; MA-12 has none (a region without data). */
export const REGIONAL_VALUES: Record<string, number> = Object.fromEntries(
  Array.from({ length: 11 }, (_, i) => [`MA-${String(i + 1).padStart(2, '0')}`, 10 + 1.5 * (i + 1)]),
);
/** A provisional figure: anyone can find it in the HTML if it leaks. */
export const PROVISIONAL_VALUE = 4242.5;
export const DRAFT = { code: 'PDRAFT', title: 'Plan brouillon confidentiel' };

const pkg = (strategy: Record<string, unknown>, rest: Record<string, unknown>) => ({
  format: 'marsad.strategy-package',
  formatVersion: 1,
  translations: { source: 'fr', unofficial: ['ar', 'en'] },
  strategy: {
    periodStart: '2020-01-01',
    periodEnd: '2025-12-31',
    levels: [{ key: 'pillar', name: { fr: 'Pilier', ar: 'ركيزة', en: 'Pillar' } }],
    source: SOURCE,
    ...strategy,
  },
  organizations: [],
  bodies: [],
  indicators: [],
  ...rest,
});

export function regionalPackage() {
  return pkg(
    {
      code: 'PTEST',
      title: {
        fr: 'Stratégie de test du portail',
        ar: 'استراتيجية اختبار البوابة',
        en: 'Portal test strategy',
      },
      state: 'adopted',
    },
    {
      nodes: [
        {
          code: 'T1',
          parent: null,
          level: 'pillar',
          order: 1,
          title: { fr: 'Pilier de test', ar: 'ركيزة الاختبار', en: 'Test pillar' },
        },
      ],
      indicators: [
        {
          code: REGIONAL_INDICATOR,
          name: { fr: 'Accès de test', ar: 'ولوج الاختبار', en: 'Test access' },
          unit: '%',
          direction: 'increase',
          aggregation: 'mean',
          decimals: 1,
          dimensions: ['region'],
          nodes: ['T1'],
          target: { baseline: { period: '2020', value: 10 }, final: { period: '2025', value: 50 } },
          observations: [
            { period: '2022', value: 30, source: SOURCE },
            ...Object.entries(REGIONAL_VALUES).map(([region, value]) => ({
              period: '2022',
              dimensions: { region },
              value,
              source: SOURCE,
            })),
            { period: '2023', value: PROVISIONAL_VALUE, state: 'provisional', source: SOURCE },
          ],
        },
      ],
    },
  );
}

export function draftPackage() {
  return pkg(
    { code: DRAFT.code, title: { fr: DRAFT.title, en: DRAFT.title }, state: 'draft' },
    {
      nodes: [
        { code: 'D1', parent: null, level: 'pillar', order: 1, title: { fr: `${DRAFT.title} — pilier` } },
      ],
    },
  );
}

/** Loads the portal's test strategies into a database that already holds the default data. */
export async function loadPortalFixture(db: Db): Promise<void> {
  const ctx = { actor: systemActor('portal tests'), db };
  await importPackage(ctx, regionalPackage(), { source: 'portal test fixture' });
  await importPackage(ctx, draftPackage(), { source: 'portal test fixture' });
}
