import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../src/web/i18n/fr.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { type Server, seriousViolations, signIn, startSeededServer } from './pages';

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

// Calls and consultation on the default data: Hackcovid with only its published figures (150, about 30) and
// their source; the Digital Morocco Pact of the four federations, still unanswered.
describe.skipIf(!hasChromium)('calls and consultation in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/calls`);
    await page.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await signIn(page, server.admin.username, server.admin.password);
    await page.getByRole('heading', { level: 1, name: fr.calls.title }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('lists Hackcovid with its published figures and their source, accessible', async () => {
    const row = page.getByRole('row', { name: /Hackcovid/ });
    await row.getByText(fill(fr.calls.published, { value: '150' })).waitFor();
    await row.getByText(fill(fr.calls.publishedAbout, { value: '30' })).waitFor();
    await row.getByText(fr.calls.states.closed).waitFor();
    await page.getByText('003_844f564334cce44f.txt').first().waitFor();
    await page.screenshot({ path: screenshotPath('calls-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('link', { name: 'Hackcovid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hackcovid' }).waitFor();
    await page.getByText(fr.calls.noCriteria).waitFor();
    await page.getByRole('heading', { level: 2, name: fr.calls.ranking }).waitFor();
    await page.getByText(fr.calls.noApplications).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the Digital Morocco Pact by the four federations, unanswered', async () => {
    await page
      .getByRole('navigation', { name: fr.nav.label })
      .getByRole('link', { name: fr.nav.consultation })
      .click();
    await page.getByRole('heading', { level: 1, name: fr.consultation.title }).waitFor();
    const pact = page.getByRole('article', { name: 'Pacte Digital Morocco' });
    await pact
      .getByText(fill(fr.consultation.by, { organizations: 'APEBI, AUSIM, MNC, MSEC' }), { exact: false })
      .waitFor();
    await pact.getByText(fr.consultation.unanswered).waitFor();
    await page.screenshot({ path: screenshotPath('consultation-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
