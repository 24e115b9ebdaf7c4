import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/ar.json';
import fr from '../src/web/i18n/fr.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { fill, html, type Server, seriousViolations, signIn, startSeededServer } from './pages';

// The executive dashboard of MN2013 as of the end of the strategy: reached from the main navigation, filtered
// through the address, drilled down to a priority and to the plan tree; in French, then in Arabic.
describe.skipIf(!hasChromium)('executive dashboard in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/strategies/MN2013/dashboard?asOf=2013-12-31`);
    await page.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await signIn(page, server.admin.username, server.admin.password);
    await page.getByRole('heading', { level: 2, name: fr.dashboard.rows.title }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the priorities, key indicators, off-track items and filters, accessibly', async () => {
    await page
      .getByRole('heading', {
        level: 1,
        name: fill(fr.dashboard.pageTitle, { strategy: 'Maroc Numeric 2013' }),
      })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: fr.dashboard.rows.title }).waitFor();
    expect(await page.locator('.dashboard-row').count()).toBe(6);
    await page.getByRole('heading', { level: 2, name: fr.dashboard.indicators.title }).waitFor();
    // Each sparkline is an image with a title, and its summary is written out too.
    expect(await page.locator('svg.sparkline[role="img"] title').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 2, name: fr.dashboard.attention.title }).waitFor();
    expect(
      await page.getByRole('link', { name: fr.dashboard.briefing.download }).getAttribute('href'),
    ).toContain('/api/strategies/MN2013/briefing.pdf?lang=fr');
    // A filter rewrites the address.
    await page.getByLabel(fr.dashboard.filters.priority).selectOption('P2');
    await expect.poll(() => new URL(page.url()).searchParams.get('priority')).toBe('P2');
    await page
      .getByRole('heading', { level: 2, name: fill(fr.dashboard.rows.titleChildren, { node: 'P2' }) })
      .waitFor();
    await page.screenshot({ path: screenshotPath('dashboard-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: fr.dashboard.filters.reset }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });

  it('drills down from a priority to its components, then to the node in the plan tree', async () => {
    await page.goto(`${server.baseUrl}/app/strategies/MN2013/dashboard?asOf=2013-12-31`);
    const drill = page.getByRole('link', {
      name: fill(fr.dashboard.rows.drillLabel, { node: 'P1 Transformation sociale' }),
    });
    await drill.click();
    await page
      .getByRole('heading', { level: 2, name: fill(fr.dashboard.rows.titleChildren, { node: 'P1' }) })
      .waitFor();
    expect(await page.locator('.dashboard-row h3').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('P1.1')]),
    );
    const open = page.getByRole('link', { name: /^Voir P1\.1 / });
    await open.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/strategies/MN2013');
    // The tree opens on the node, whose details (and "how was this computed") are beside it.
    await expect.poll(() => page.locator('[data-code="P1.1"]').getAttribute('aria-selected')).toBe('true');
  });

  it('reads right to left in Arabic, keyboard-usable, without serious accessibility violations', async () => {
    await page.goto(`${server.baseUrl}/app/dashboard`);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.goto(`${server.baseUrl}/app/strategies/MN2013/dashboard?asOf=2013-12-31`);
    await page.getByRole('heading', { level: 2, name: ar.dashboard.rows.title }).waitFor();
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    // Right to left: the first priority card starts at the right.
    const first = await page.locator('.dashboard-row').first().boundingBox();
    const second = await page.locator('.dashboard-row').nth(1).boundingBox();
    expect(first!.x).toBeGreaterThan(second!.x);
    // Keyboard: the priority filter is reachable and changes the address.
    await page.getByLabel(ar.dashboard.filters.priority).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('priority')).not.toBeNull();
    // The reload keeps the focus where it was.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dashboard-priority');
    await page.screenshot({ path: screenshotPath('dashboard-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
