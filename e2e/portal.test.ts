import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPortalFixture, REGIONAL_INDICATOR } from '../src/server/modules/portal/portal.fixture';
import ar from '../src/web/i18n/ar.json';
import en from '../src/web/i18n/en.json';
import fr from '../src/web/i18n/fr.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { html, type Server, seriousViolations, startSeededServer } from './pages';

const CATALOGS = { fr, ar, en } as const;
type Lang = keyof typeof CATALOGS;

/** The titles a citizen clicks through, in each language, from the seeded MN2013 package. */
const MN2013 = { fr: 'Maroc Numeric 2013', ar: 'المغرب الرقمي 2013', en: 'Maroc Numeric 2013' };
const P1 = { fr: 'Transformation sociale', ar: 'التحول الاجتماعي', en: 'Social change' };
/** The name of the test fixture's indicator broken down by region. */
const REGIONAL_NAME = { fr: 'Accès de test', ar: 'ولوج الاختبار', en: 'Test access' };

/**
 * The citizen's journey: home → MN2013's progress by priority → a priority → its initiative → measure M01 with
 * its indicators, sources and "how was this computed" → the regional map → the open-data page.
 */
async function journey(page: Page, base: string, lang: Lang) {
  const t = CATALOGS[lang];
  await page.getByRole('link', { name: MN2013[lang], exact: true }).click();
  await page.waitForURL(`${base}/${lang}/strategies/MN2013`);
  const table = page.locator('table.progress-table');
  for (const code of ['P1', 'P2', 'P3', 'P4', 'S1', 'S2'])
    await table.getByRole('cell', { name: code, exact: true }).waitFor();
  await table.getByRole('link', { name: P1[lang] }).click();
  await page.waitForURL(`${base}/${lang}/strategies/MN2013/nodes/P1`);
  await page.locator('table.progress-table').getByRole('link').first().click();
  await page.waitForURL(`${base}/${lang}/strategies/MN2013/nodes/P1.1`);
  await page.locator('table.progress-table a[href$="/nodes/M01"]').click();
  await page.waitForURL(`${base}/${lang}/strategies/MN2013/nodes/M01`);
  const indicator = page.locator('article.indicator', { has: page.locator('#ind-MN-I28') });
  await indicator.getByText('La Vie éco (via maghress.com)', { exact: false }).first().waitFor();
  const formula = indicator.getByText('(147277 − 0) / (200000 − 0) = 0.736385');
  expect(await formula.isVisible()).toBe(false);
  await indicator.locator('summary', { hasText: t.how.title }).click();
  await formula.waitFor({ state: 'visible' });
  await page
    .getByRole('navigation', { name: t.portal.navLabel })
    .getByRole('link', { name: t.portal.nav.map })
    .click();
  await page.waitForURL(`${base}/${lang}/map`);
  const map = page.locator('figure.map', { hasText: REGIONAL_NAME[lang] }).locator('svg[role="img"]');
  await map.waitFor();
  expect(await map.locator('path.region').count()).toBe(12);
  await page
    .getByRole('navigation', { name: t.portal.navLabel })
    .getByRole('link', { name: t.portal.nav.data })
    .click();
  await page.waitForURL(`${base}/${lang}/data`);
  const csv = page.locator('a[href="/api/open-data/MN2013-observations.csv"]');
  expect(await csv.getAttribute('download')).toBe('');
}

describe.skipIf(!hasChromium)('public portal in Chromium', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startSeededServer();
    await loadPortalFixture(server.database.db);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function open(options: { javaScriptEnabled: boolean; locale: string }) {
    const context = await browser.newContext({ ...options, viewport: { width: 390, height: 844 } });
    contexts.push(context);
    return context.newPage();
  }

  it('in Arabic, with JavaScript off on a phone: reads MN2013 right to left down to a measure, the map and the data', async () => {
    const page = await open({ javaScriptEnabled: false, locale: 'ar-MA' });
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(`${server.baseUrl}/ar/`);
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('link', { name: MN2013.ar, exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/ar/strategies/MN2013`);
    // Right to left: the code column sits at the right edge, the status to its left.
    const row = page.locator('table.progress-table tbody tr').first();
    const code = await row.locator('td').first().boundingBox();
    const status = await row.locator('td').nth(2).boundingBox();
    expect(code && status && code.x > status.x).toBe(true);
    await page.screenshot({ path: screenshotPath('portal-ar-strategy'), fullPage: true });
    await page.goto(`${server.baseUrl}/ar/`);
    await journey(page, server.baseUrl, 'ar');
    await page.goto(`${server.baseUrl}/ar/map`);
    await page.screenshot({ path: screenshotPath('portal-ar-map'), fullPage: true });
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`in ${lang === 'fr' ? 'French' : 'English'}, with JavaScript on: the same journey`, async () => {
      const page = await open({ javaScriptEnabled: true, locale: lang });
      await page.goto(`${server.baseUrl}/${lang}/`);
      expect(await html(page)).toEqual({ lang, dir: 'ltr' });
      await journey(page, server.baseUrl, lang);
    });
  }

  it('has no serious or critical axe violation on any page type', async () => {
    const page = await open({ javaScriptEnabled: true, locale: 'fr' });
    const urls = [
      '/fr/',
      '/ar/strategies/MN2013',
      '/ar/strategies/MN2013/nodes/M01',
      '/fr/strategies/MN2013/nodes/P1',
      '/en/indicators/MN-I28',
      `/ar/indicators/${REGIONAL_INDICATOR}`,
      '/fr/strategies/MN2013/budget',
      '/en/strategies/MN2013/projects/EGOV-01',
      '/fr/search?q=internet',
      '/ar/data',
      '/fr/map',
      '/ar/agreements',
      '/fr/agreements/GITEX25-ARROW',
      '/fr/strategies/NOPE',
    ];
    const found: Record<string, string[]> = {};
    for (const url of urls) {
      await page.goto(`${server.baseUrl}${url}`);
      // Open every "how was this computed" so that its content is checked too.
      for (const summary of await page.locator('details summary').all()) await summary.click();
      const violations = await seriousViolations(page);
      if (violations.length) found[url] = violations;
    }
    expect(found).toEqual({});
  });

  it('works by keyboard: the skip link first, then the language switch', async () => {
    const page = await open({ javaScriptEnabled: false, locale: 'fr' });
    await page.goto(`${server.baseUrl}/fr/strategies/MN2013`);
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(await focused()).toBe(fr.shell.skipToContent);
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      reached.push(await focused());
    }
    expect(reached).toContain('العربية');
    expect(reached).toContain('English');
    // Enter on the Arabic link switches the same page to Arabic.
    while ((await focused()) !== 'العربية') await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.baseUrl}/ar/strategies/MN2013`);
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  });
});
