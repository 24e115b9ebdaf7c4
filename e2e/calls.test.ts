import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE } from '../src/server/modules/calls/privacy-notice';
import fr from '../src/web/i18n/fr.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { adminJson, fill, okJson, type Server, seriousViolations, signIn, startSeededServer } from './pages';

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

// A jury at work: a juror scores an application (an out-of-scale score is refused beside its field), the call
// closes, and the strategy office selects the application from the ranking.
describe.skipIf(!hasChromium)('a jury in Chromium', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await launchBrowser();
    const admin = await adminJson(server);
    await admin('POST', '/api/users', {
      username: 'juror',
      displayName: 'Juror',
      password: 'juror-password-1234',
      roles: [{ role: 'viewer', organizationId: null }],
    });
    const call = await admin('POST', '/api/calls', {
      code: 'E2E',
      title: { fr: 'Appel du navigateur' },
      criteria: [
        { code: 'impact', label: { fr: 'Impact' }, weight: 2 },
        { code: 'team', label: { fr: 'Équipe' }, weight: 1 },
      ],
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await admin('POST', '/api/calls/E2E/open', { version: call.version });
    await admin('POST', '/api/calls/E2E/jurors', { username: 'juror' });
    const draft = await okJson(
      await fetch(`${server.baseUrl}/api/calls/E2E/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'applicant@example.ma', name: 'Salma', title: 'Télé-consultation' }),
      }),
    );
    await okJson(
      await fetch(`${server.baseUrl}/api/submissions/${draft.token}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          version: draft.submission.version,
          consent: { accepted: true, noticeVersion: PRIVACY_NOTICE.version },
        }),
      }),
    );
    await admin('POST', '/api/calls/E2E/assignments', {});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the juror scores; a score off the scale is refused beside its field', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/calls/E2E`);
    await page.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await signIn(page, 'juror', 'juror-password-1234');
    await page.getByRole('heading', { level: 2, name: fr.calls.myReviews }).waitFor();
    const article = page.getByRole('article', { name: /Télé-consultation/ });
    const label = fill(fr.calls.score, { min: '0', max: '10' });
    await article.getByRole('group', { name: 'Impact' }).getByLabel(label).fill('11');
    await article.getByRole('group', { name: 'Équipe' }).getByLabel(label).fill('7');
    await article.getByRole('button', { name: fr.calls.saveScores }).click();
    await article.getByText(fill(fr.calls.outOfScale, { min: '0', max: '10' })).waitFor();
    await article.getByRole('group', { name: 'Impact' }).getByLabel(label).fill('8');
    await article.getByRole('button', { name: fr.calls.saveScores }).click();
    await article.getByText(fr.calls.saved).waitFor();
    await page.screenshot({ path: screenshotPath('jury-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('once closed, the strategy office sees the weighted mean and selects the application', async () => {
    await server.database.db.query(`UPDATE calls SET state = 'closed' WHERE code = 'E2E'`);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/calls/E2E`);
    await signIn(page, server.admin.username, server.admin.password);
    await page.getByRole('heading', { level: 2, name: fr.calls.ranking }).waitFor();
    const row = page.getByRole('row', { name: /Télé-consultation/ });
    // (8 × 2 + 7 × 1) / 3 = 7.67
    await row.getByText('7,67', { exact: true }).waitFor();
    await row.getByLabel(fr.calls.reason).fill('Projet solide');
    await row.getByRole('button', { name: fr.calls.select, exact: true }).click();
    await row.getByText(fr.calls.decisions.selected).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
