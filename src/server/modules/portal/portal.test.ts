import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/app';
import ar from '../../../web/i18n/ar.json';
import en from '../../../web/i18n/en.json';
import fr from '../../../web/i18n/fr.json';
import type { AgreementView } from '../../../web/portal/agreements';
import { REGION_NAMES } from '../../../web/portal/map/regions';
import errorsPlugin from '../../plugins/errors';
import type { App } from '../../types';
import {
  DRAFT,
  loadPortalFixture,
  PROVISIONAL_VALUE,
  REGIONAL_INDICATOR,
  REGIONAL_VALUES,
} from './portal.fixture';
import { preferredLocale } from './portal.locale';
import portalRoutes from './portal.routes';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  await loadPortalFixture(t.database.db);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const page = async (url: string) => {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  return response.body;
};
const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** One address of each page type, as the weight and leak checks run them. */
const PAGE_TYPES = {
  home: '/fr/',
  strategy: '/ar/strategies/MN2013',
  node: '/ar/strategies/MN2013/nodes/M01',
  priority: '/fr/strategies/MN2013/nodes/P1',
  indicator: '/fr/indicators/MN-I28',
  regionalIndicator: `/ar/indicators/${REGIONAL_INDICATOR}`,
  budget: '/en/strategies/MN2013/budget',
  project: '/fr/strategies/MN2013/projects/EGOV-01',
  search: '/fr/search?q=internet',
  data: '/ar/data',
  map: '/fr/map',
};

describe('portal: languages and addresses', () => {
  it('sends / to the portal in the visitor’s language (Accept-Language), French by default', async () => {
    for (const [header, target] of [
      [undefined, '/fr/'],
      ['ar-MA,ar;q=0.9,fr;q=0.8', '/ar/'],
      ['en-GB,en;q=0.9', '/en/'],
      ['de-DE,de;q=0.9,en;q=0.5', '/en/'],
      ['es', '/fr/'],
    ] as const) {
      const response = await get('/', header ? { 'accept-language': header } : {});
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe(target);
    }
    expect(preferredLocale('fr;q=0.2, ar;q=0.9')).toBe('ar');
    expect(preferredLocale('ar;q=0, en')).toBe('en');
    expect((await get('/ar')).headers.location).toBe('/ar/');
  });

  it('writes each language with its direction: Arabic right to left, French and English left to right', async () => {
    expect(await page('/ar/')).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(await page('/fr/')).toMatch(/^<!doctype html><html lang="fr" dir="ltr">/);
    expect(await page('/en/')).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    const arabic = text(await page('/ar/strategies/MN2013'));
    expect(arabic).toContain('المغرب الرقمي 2013');
    expect(arabic).toContain(ar.portal.nav.map);
    expect(text(await page('/en/strategies/MN2013'))).toContain(en.portal.nav.map);
  });

  it('keeps the page and its query in the language switch, and links the back office’s sign-in', async () => {
    const html = await page('/ar/search?q=internet');
    expect(html).toContain('href="/fr/search?q=internet"');
    expect(html).toContain('href="/en/search?q=internet"');
    expect(html).toContain('href="/app/login"');
    expect(html).toContain('href="/api/docs"');
    expect(html).toMatch(/<a class="skip" href="#main">/);
    expect(html).toMatch(/<main id="main"/);
    expect(html).toMatch(/<footer/);
  });
});

describe('portal: what a citizen reads', () => {
  it('shows MN2013’s progress by priority, each with its status and distribution', async () => {
    const tree = (await get('/api/strategies/MN2013/tree')).json();
    const html = await page('/fr/strategies/MN2013');
    for (const node of tree.nodes) {
      expect(html).toContain(`href="/fr/strategies/MN2013/nodes/${node.code}"`);
    }
    // The overall figure is the tree's own, written as a percentage.
    expect(text(html)).toContain(`${Math.round(tree.progress * 100)} %`);
    expect(text(html)).toContain(fr.status.off_track);
    expect(html).toContain('<details class="how" id="how-overall">');
  });

  it('shows a measure’s indicators with their sources and how each figure was computed', async () => {
    const html = await page('/fr/strategies/MN2013/nodes/M01');
    const body = text(html);
    expect(body).toContain('MN-I01');
    expect(body).toContain('MN-I28');
    // The computation with its actual numbers, and the sources of the definition and of the latest value.
    expect(body).toContain('(147277 − 0) / (200000 − 0) = 0.736385');
    expect(body).toContain('Maroc Numeric 2013 (seeds/001_8c9e7c464e2c7c65.txt)');
    expect(html).toContain('href="https://maghress.com/fr/lavieeco/52581"');
    expect(html).toContain('<details class="how" id="how-node">');
    expect(html).toContain('<details class="how" id="how-MN-I28">');
    expect(body).toContain(fr.method.plan_node_indicators);
    // The source's "70 %" is kept beside the recomputed 73.6 %, and the gap is flagged.
    expect(body).toContain('70 %');
    expect(body).toContain('73,6 %');
    expect(html).toContain('class="mismatch"');
  });

  it('draws an indicator’s trajectory and actuals as SVG, with the observations and their sources', async () => {
    const html = await page('/en/indicators/MN-I28');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('147,277');
    expect(text(html)).toContain(en.how.forecastTitle);
  });

  it('shows a choropleth of the 12 regions for an indicator broken down by region, named officially', async () => {
    const html = await page(`/ar/indicators/${REGIONAL_INDICATOR}`);
    const map = html.slice(html.indexOf('<figure class="map"'));
    expect((map.match(/<path d="M/g) ?? []).length).toBe(12);
    for (const region of REGION_NAMES) expect(map).toContain(region.ar);
    expect(map).toContain('morocco-map (yousfiSaad), ODbL-1.0');
    // Values in the table beside it (Arabic, Moroccan conventions: decimal comma), not only in colour.
    expect(text(map)).toContain('الدار البيضاء-سطات 19');
    expect(REGIONAL_VALUES['MA-06']).toBe(19);
    expect(text(map)).toContain('طنجة تطوان الحسيمة 11,5');
    // A region without a figure says so, and is hatched rather than coloured.
    expect(text(map)).toContain('الداخلة-وادي الذهب —');
    expect(map).toContain('fill="url(#map-indicator-nv)"');
    const french = await page(`/en/indicators/${REGIONAL_INDICATOR}`);
    expect(french).toContain('Tanger-Tétouan-Al Hoceïma');
    expect(french).not.toContain('(EH');
    const mapPage = text(await page('/fr/map'));
    expect(mapPage).toContain('Accès de test');
    expect(mapPage).toContain('Dakhla-Oued Ed-Dahab');
  });

  it('lists each public strategy’s open-data files, and finds elements by a word without its accents', async () => {
    const html = await page('/fr/data');
    for (const kind of ['nodes', 'indicators', 'observations', 'budget']) {
      for (const format of ['csv', 'xlsx', 'json'])
        expect(html).toContain(`/api/open-data/MN2013-${kind}.${format}`);
    }
    for (const link of [
      '/api/strategies/MN2013/iati-activities.xml',
      '/api/catalog',
      '/api/releases/public-key.pem',
    ])
      expect(html).toContain(`href="${link}"`);
    const search = await page('/fr/search?q=developper');
    expect(search).toContain('href="/fr/strategies/MN2013/nodes/P1.3"');
    expect(text(await page('/fr/search?q=EGOV-01'))).toContain('EGOV-01');
  });

  it('shows the budget by rubric and year with its execution, and a project with its milestones', async () => {
    const budget = text(await page('/en/strategies/MN2013/budget'));
    expect(budget).toContain(en.budget.title);
    expect(budget).toContain('5,187');
    expect(budget).toContain('Implementation Modalities › Budget Allocation');
    const project = text(await page('/fr/strategies/MN2013/projects/EGOV-01'));
    expect(project).toContain('Gestion intégrée de la dépense publique');
  });
});

describe('portal: public data only', () => {
  it('answers an HTML 404 page for unknown codes, draft strategies and unknown addresses', async () => {
    for (const url of [
      '/fr/strategies/NOPE',
      `/fr/strategies/${DRAFT.code}`,
      `/ar/strategies/${DRAFT.code}/nodes/D1`,
      `/en/strategies/${DRAFT.code}/budget`,
      '/fr/strategies/MN2013/nodes/NOPE',
      '/fr/strategies/MN2013/projects/NOPE',
      '/fr/indicators/NOPE',
      '/fr/no/such/page',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.body, url).toContain(
        url.startsWith('/ar')
          ? ar.notFound.title
          : url.startsWith('/en')
            ? en.notFound.title
            : fr.notFound.title,
      );
      expect(response.body).not.toContain(DRAFT.title);
    }
  });

  it('never shows a draft strategy, an unapproved figure or an internal id, even to a signed-in administrator', async () => {
    const admin = await signIn(t.app);
    for (const url of Object.values(PAGE_TYPES)) {
      for (const headers of [{}, admin.headers]) {
        const response = await get(url, headers);
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).not.toContain(DRAFT.title);
        expect(response.body, url).not.toMatch(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
        );
        expect(text(response.body), url).not.toMatch(/4[  ,.]?242/);
      }
    }
    expect(text(await page('/fr/search?q=brouillon'))).not.toContain(DRAFT.title);
    expect(PROVISIONAL_VALUE).toBe(4242.5);
  });

  it('keeps every page type under 150 KB, with no script, no web font and no external stylesheet', async () => {
    for (const [type, url] of Object.entries(PAGE_TYPES)) {
      const response = await get(url);
      const bytes = response.rawPayload.length;
      expect(bytes, `${type} ${url}: ${bytes} bytes`).toBeLessThan(150 * 1024);
      expect(response.body).not.toMatch(/<script|<link rel="stylesheet"|@font-face/);
    }
  });
});

describe('portal: agreements (read through an injected source)', () => {
  const items: AgreementView[] = [
    {
      code: 'AG-T1',
      title: { fr: 'Convention de test', ar: 'اتفاقية اختبار', en: 'Test agreement' },
      kind: 'mou',
      event: 'Test event',
      signedOn: '2025-04-15',
      regionCode: 'MA-06',
      parties: [{ code: 'ORG-T', name: 'Test company' }],
      commitments: [
        { metric: 'direct_jobs', value: 700, dueYear: 2029, source: { document: 'Marsad test fixture' } },
      ],
      totals: [{ metric: 'direct_jobs', committed: 700, verified: null }],
    },
  ];
  let app: App;
  beforeAll(async () => {
    app = Fastify({ logger: false }) as unknown as App;
    app.decorate('db', t.database.db);
    await app.register(errorsPlugin);
    await app.register(portalRoutes, { agreements: async () => items });
    await app.ready();
  });
  afterAll(() => app.close());

  it('maps agreements by region and lists them, each with its commitments and sources', async () => {
    const list = await app.inject({ method: 'GET', url: '/fr/agreements' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/fr/agreements/AG-T1"');
    expect(text(list.body)).toContain('Casablanca-Settat 1');
    expect(text(list.body)).toContain('Casablanca-Settat 700');
    const one = await app.inject({ method: 'GET', url: '/ar/agreements/AG-T1' });
    expect(one.statusCode).toBe(200);
    expect(text(one.body)).toContain('اتفاقية اختبار');
    expect(text(one.body)).toContain('Marsad test fixture');
    expect((await app.inject({ method: 'GET', url: '/fr/agreements/NOPE' })).statusCode).toBe(404);
  });

  it('reads the platform’s own agreements: GITEX Africa 2025’s jobs by region, each agreement with its sources', async () => {
    const list = await get('/fr/agreements');
    expect(list.statusCode).toBe(200);
    expect(text(list.body)).toContain('Casablanca-Settat : 850');
    expect(list.body).toContain('href="/fr/agreements/GITEX25-KPMG"');
    const one = await get('/ar/agreements/GITEX25-KPMG');
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('dir="rtl"');
    expect(one.body).toContain('allafrica.com');
  });
});
