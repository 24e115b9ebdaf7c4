import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/ar.json';
import fr from '../src/web/i18n/fr.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { html, type Server, seriousViolations, signIn, startSeededServer } from './pages';

// The agreements list in French, then in Arabic right to left: the GITEX Africa 2025 MoUs with their total
// of 1,050 direct jobs, an agreement page with its sources, and no serious or critical axe finding.
describe.skipIf(!hasChromium)('agreements in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/login`);
    await signIn(page, server.admin.username, server.admin.password);
    await page.waitForURL(`${server.baseUrl}/app/`);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('lists the GITEX Africa 2025 agreements in French with 1,050 direct jobs promised', async () => {
    await page
      .getByRole('navigation', { name: fr.nav.label })
      .getByRole('link', { name: fr.nav.agreements })
      .click();
    await page.getByRole('heading', { level: 1, name: fr.agreements.title }).waitFor();
    await page.getByLabel(fr.agreements.event).selectOption('GITEX Africa 2025');
    await page.waitForURL(/event=GITEX/);
    await page.getByRole('status').filter({ hasText: '4 conventions' }).waitFor();
    const totals = page.getByRole('table', { name: fr.agreements.totalsCaption });
    const jobs = totals.getByRole('row', { name: new RegExp(fr.agreements.metric.direct_jobs) });
    // 1 050 in French (narrow no-break space as the group separator).
    await expect.poll(() => jobs.textContent()).toMatch(/1\s050/u);
    for (const partner of ['KPMG SASU', 'Arrow ECS Support Center Morocco', '2T Services Maroc', /^Nokia/]) {
      await page.getByRole('cell', { name: partner, exact: typeof partner === 'string' }).waitFor();
    }
    await page.screenshot({ path: screenshotPath('agreements-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens an agreement with its commitment, trajectory and sources', async () => {
    await page.getByRole('link', { name: /Arrow ECS/ }).click();
    await page.getByRole('heading', { level: 1, name: /Arrow ECS/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: fr.agreements.commitments }).waitFor();
    await page
      .getByRole('link', { name: /morocco-facts\.md/ })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reports a realisation, verifies it, and the achieved total moves', async () => {
    await page.goto(`${server.baseUrl}/app/agreements/GITEX25-KPMG`);
    await page.getByRole('heading', { level: 1, name: /KPMG/ }).waitFor();
    const totals = page.getByRole('table', { name: fr.agreements.totalsCaption });
    const jobs = totals.getByRole('row', { name: new RegExp(fr.agreements.metric.direct_jobs) });
    const report = page.getByRole('region', { name: fr.agreements.reportTitle });
    await report.getByLabel(fr.agreements.period).fill('2025');
    await report.getByLabel(fr.agreements.value).fill('12');
    await report.getByRole('button', { name: fr.agreements.reportSubmit }).click();
    await page.getByText(fr.agreements.reportedNotice).waitFor();
    // Reported, not yet verified: promised 150, achieved 0, reported 12.
    await expect
      .poll(async () => (await jobs.getByRole('cell').allTextContents()).slice(1))
      .toEqual(['150', '0', '12', '0']);
    await page.getByText(fr.agreements.verifyAction).click();
    await page.getByLabel(fr.agreements.decision).selectOption('verified');
    await page.getByRole('button', { name: fr.common.save }).click();
    await expect
      .poll(async () => (await jobs.getByRole('cell').allTextContents()).slice(1))
      .toEqual(['150', '12', '0', '0']);
    await page.getByText(fr.agreements.state.verified, { exact: true }).first().waitFor();
    await page.screenshot({ path: screenshotPath('agreement-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the Maroc Numeric Cluster with its partnership with Systematic', async () => {
    await page.goto(`${server.baseUrl}/app/organizations/MNC`);
    await page.getByRole('heading', { level: 2, name: fr.agreements.profile.partnerships }).waitFor();
    await page.getByRole('link', { name: /Systematic/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: fr.agreements.profile.projects }).waitFor();
    await page.screenshot({ path: screenshotPath('cluster-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the list in Arabic, right to left, accessible', async () => {
    await page.goto(`${server.baseUrl}/app/agreements?event=GITEX%20Africa%202025`);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('heading', { level: 1, name: ar.agreements.title }).waitFor();
    const totals = page.getByRole('table', { name: ar.agreements.totalsCaption });
    await totals.getByRole('rowheader', { name: ar.agreements.metric.direct_jobs }).waitFor();
    // Western digits with Moroccan grouping: 1.050.
    await expect.poll(() => totals.textContent()).toContain('1.050');
    await page.screenshot({ path: screenshotPath('agreements-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
