import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/ar.json';
import fr from '../src/web/i18n/fr.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { fill, html, type Server, seriousViolations, signIn, startSeededServer } from './pages';

/** Sends one API call as the seeded administrator (cookie and CSRF header, like the browser). */
async function adminApi(server: Server) {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: server.admin.username, password: server.admin.password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
}

// The strategy office's settings: the variance reasons (add, rename, retire, save) in French, and the plan's
// versions on the strategy page (a re-baselined MN-I01 target, compared before and after) in Arabic.
describe.skipIf(!hasChromium)('variance reasons and plan versions in Chromium', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let send: Awaited<ReturnType<typeof adminApi>>;

  const open = async (locale: string): Promise<Page> => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await launchBrowser();
    send = await adminApi(server);
    const target = await send('PUT', '/api/indicators/MN-I01/target', {
      baseline: { period: '2008', value: 20 },
      milestones: [{ period: '2011', value: 50 }],
      final: { period: '2013', value: 90 },
      reason: 'Re-baselined after the 2010 review',
      effectiveFrom: '2011-01-01',
    });
    expect(target.status, JSON.stringify(target.json)).toBe(200);
    const office = await send('POST', '/api/users', {
      username: 'office',
      displayName: 'مكتب الاستراتيجية',
      email: 'office@example.ma',
      locale: 'ar',
      password: 'office-password-1234',
      roles: [{ role: 'strategy_office', organizationId: null }],
    });
    expect(office.status, JSON.stringify(office.json)).toBe(201);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('the strategy office adds, renames and retires variance reasons, then saves the list', async () => {
    const page = await open('fr-FR');
    await page.goto(`${server.baseUrl}/app/reporting/reasons`);
    await page.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await signIn(page, server.admin.username, server.admin.password);
    await page.getByRole('heading', { level: 1, name: fr.reasons.title }).waitFor();
    const reason = (code: string) =>
      page.locator('fieldset', { has: page.locator('legend code', { hasText: new RegExp(`^${code}$`) }) });
    await reason('other').waitFor();

    // Checked before anything is sent: a new reason needs a well-formed code.
    await page.getByRole('button', { name: fr.reasons.add }).click();
    const fresh = page.locator('.reason-row').last();
    await fresh.locator('legend', { hasText: fr.reasons.newReason }).waitFor();
    await fresh.getByLabel(fr.reasons.code).fill('Météo');
    await page.getByRole('button', { name: fr.reasons.save }).click();
    await page.locator('.error-summary').getByText(fr.reasons.codeInvalid).waitFor();
    await fresh.getByLabel(fr.reasons.code).fill('weather');
    await reason('weather').getByLabel(fr.reasons.labelFr).fill('Intempéries');
    await reason('weather').getByLabel(fr.reasons.labelAr).fill('أحوال جوية');

    await reason('other').getByLabel(fr.reasons.labelFr).fill('Autre motif');
    await page
      .getByRole('button', { name: fill(fr.reasons.remove, { reason: 'Capacités ou ressources humaines' }) })
      .click();
    await page
      .getByRole('region', { name: fr.reasons.retired })
      .getByRole('button', { name: fill(fr.reasons.restore, { reason: 'Capacités ou ressources humaines' }) })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: fr.reasons.save }).click();
    await page.getByRole('status').filter({ hasText: fr.reasons.saved }).waitFor();
    await page.screenshot({ path: screenshotPath('reasons-fr'), fullPage: true });

    const { json } = await send('GET', '/api/reporting/reasons');
    const items = (json as { items: { code: string; label: { fr?: string }; active: boolean }[] }).items;
    expect(items.find((i) => i.code === 'weather')).toMatchObject({
      active: true,
      label: { fr: 'Intempéries' },
    });
    expect(items.find((i) => i.code === 'other')).toMatchObject({
      active: true,
      label: { fr: 'Autre motif' },
    });
    expect(items.find((i) => i.code === 'capacity')).toMatchObject({ active: false });
  });

  it('the plan versions list the re-baselined target and compare the plan before and after, in Arabic', async () => {
    const page = await open('ar-MA');
    await page.goto(`${server.baseUrl}/app/strategies/MN2013/versions`);
    await page.getByRole('heading', { level: 1, name: ar.login.title }).waitFor();
    await page.getByLabel(ar.login.username).fill('office');
    await page.getByLabel(ar.login.password).fill('office-password-1234');
    await page.getByRole('button', { name: ar.login.submit }).click();
    await page.getByRole('heading', { level: 2, name: ar.versions.title }).waitFor();
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const history = page.getByRole('table', { name: ar.versions.history });
    const row = history.getByRole('row').filter({ hasText: 'Re-baselined after the 2010 review' });
    await row.locator('code', { hasText: 'MN-I01' }).waitFor();
    await row.getByText(server.admin.username, { exact: true }).waitFor();
    // The button's name says what it compares: this change, before and after.
    await row.getByRole('button', { name: /MN-I01/ }).click();

    const compared = page.getByRole('table', { name: ar.versions.targetsCaption });
    const line = compared.getByRole('row').filter({ has: page.locator('code', { hasText: 'MN-I01' }) });
    await line.getByText('Re-baselined after the 2010 review').waitFor();
    // Side by side: version 1 in force the day before, version 2 from 1 January 2011.
    const cells = line.getByRole('cell');
    await cells
      .nth(0)
      .getByText(fill(ar.versions.versionN, { n: '1' }), { exact: false })
      .waitFor();
    await cells
      .nth(1)
      .getByText(fill(ar.versions.versionN, { n: '2' }), { exact: false })
      .waitFor();
    expect(await page.locator('#compare-from').inputValue()).toBe('2010-12-31');
    expect(await page.locator('#compare-to').inputValue()).toBe('2011-01-01');
    await page.screenshot({ path: screenshotPath('plan-versions-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
