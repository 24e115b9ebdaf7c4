import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/ar.json';
import fr from '../src/web/i18n/fr.json';
import { startTestServer } from '../test/server';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { html, type Server, seriousViolations, signIn } from './pages';

// Skipped only where /usr/bin/chromium is missing on a developer machine (browser.ts prints why, loudly);
// on CI a missing browser throws instead, so the journeys can never be silently left out there.
describe.skipIf(!hasChromium)('back office in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('sends a signed-out visitor to the login page, in French, accessible', async () => {
    // `/` is the public portal now; the back office lives under /app/.
    await page.goto(`${server.baseUrl}/app/`);
    await page.waitForURL(/\/app\/login\?next=/);
    await expect.poll(() => html(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await page.screenshot({ path: screenshotPath('login-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the translated error for a wrong password, and validates empty fields first', async () => {
    await page.getByRole('button', { name: fr.login.submit }).click();
    await page.getByText(fr.login.usernameRequired).first().waitFor();
    await signIn(page, server.admin.username, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: fr.errors.invalid_credentials }).waitFor();
    expect(page.url()).toContain('/app/login');
    expect(await page.getByLabel(fr.login.password).inputValue()).toBe('');
  });

  it('signs the admin in and lands on the home page', async () => {
    await signIn(page, server.admin.username, server.admin.password);
    await page.waitForURL(`${server.baseUrl}/app/`);
    await page.getByRole('heading', { level: 1, name: /^Bienvenue, / }).waitFor();
    const nav = page.getByRole('navigation', { name: fr.nav.label });
    await nav.getByRole('link', { name: fr.nav.administration }).waitFor();
    // Every module is built now: each is a link, none announced as coming.
    for (const module of [
      fr.nav.strategies,
      fr.nav.reporting,
      fr.nav.agreements,
      fr.nav.calls,
      fr.nav.consultation,
    ])
      await nav.getByRole('link', { name: module }).waitFor();
    expect(await nav.locator('[aria-disabled="true"]').count()).toBe(0);
    await page.getByRole('link', { name: fr.shell.apiDocs }).first().waitFor();
    await page.screenshot({ path: screenshotPath('home-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('switches to Arabic: <html lang="ar" dir="rtl">, mirrored layout, choice kept on reload', async () => {
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('heading', { level: 1, name: /^مرحبًا، / }).waitFor();
    // Mirrored: the brand sits at the right edge, the account menu at the left.
    const brand = await page.locator('.brand').boundingBox();
    const account = await page.locator('.account-button').boundingBox();
    expect(brand && account && brand.x > account.x).toBe(true);
    expect(brand && brand.x + brand.width).toBeGreaterThan(1280 - 100);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^مرحبًا، / }).waitFor();
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const cookie = (await context.cookies()).find((c) => c.name === 'marsad_locale');
    expect(cookie?.value).toBe('ar');
    await page.screenshot({ path: screenshotPath('home-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens the account menu by keyboard and closes it with Escape', async () => {
    const button = page.locator('.account-button');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator('.account-popup').getByRole('link', { name: ar.shell.apiTokens }).waitFor();
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => html(page)).toEqual({ lang: 'fr', dir: 'ltr' });
  });

  it('is usable by keyboard: the skip link comes first and every focus is visible', async () => {
    await page.goto(`${server.baseUrl}/app/`);
    await page.getByRole('heading', { level: 1, name: /^Bienvenue, / }).waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      outline: getComputedStyle(document.activeElement as Element).outlineStyle,
    }));
    expect(first).toEqual({ text: fr.shell.skipToContent, outline: 'solid' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(next).toBe('solid');
  });

  it('creates an organization through the form and lists it', async () => {
    await page.getByRole('link', { name: fr.nav.administration }).click();
    await page.getByRole('heading', { level: 1, name: fr.orgs.title }).waitFor();
    await page.getByRole('button', { name: fr.orgs.new }).click();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: fr.orgs.create }) });

    // Checked before anything is sent.
    await form.getByRole('button', { name: fr.orgs.create }).click();
    await page.locator('.error-summary').getByText(fr.orgs.nameRequired).waitFor();

    await form.getByLabel(fr.orgs.code).fill('E2E-ADD');
    await form.getByLabel(fr.common.inFrench).fill('Agence de développement du digital (essai)');
    await form.getByLabel(fr.common.inArabic).fill('وكالة التنمية الرقمية (تجربة)');
    await form.getByLabel(fr.orgs.type).selectOption('agency');
    await form.getByLabel(fr.orgs.region).fill('MA-04');
    await form.getByLabel(fr.orgs.website).fill('https://www.add.gov.ma');
    await form.getByRole('button', { name: fr.orgs.create }).click();

    await page.getByRole('status').filter({ hasText: 'E2E-ADD' }).first().waitFor();
    const row = page.getByRole('row').filter({ hasText: 'E2E-ADD' });
    await row.getByText('Agence de développement du digital (essai)').waitFor();
    await row.getByRole('cell', { name: fr.orgTypes.agency, exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('organizations-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the server’s field error next to the field (duplicate code)', async () => {
    await page.getByRole('button', { name: fr.orgs.new }).click();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: fr.orgs.create }) });
    await form.getByLabel(fr.orgs.code).fill('e2e-add');
    await form.getByLabel(fr.common.inFrench).fill('Doublon');
    await form.getByLabel(fr.orgs.type).selectOption('other');
    await form.getByRole('button', { name: fr.orgs.create }).click();
    const code = form.getByLabel(fr.orgs.code);
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent();
    expect(message).toBe(fr.validation.duplicate);
    await form.getByRole('button', { name: fr.common.cancel }).click();
  });

  it('filters the list by type', async () => {
    await page.getByLabel(fr.orgs.filterType).selectOption('ministry');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'E2E-ADD' }).count()).toBe(0);
    await page.getByLabel(fr.orgs.filterType).selectOption('agency');
    await page.getByRole('row').filter({ hasText: 'E2E-ADD' }).waitFor();
  });

  it('on an edit conflict, says someone else changed it and reloads the latest version', async () => {
    const row = page.getByRole('row').filter({ hasText: 'E2E-ADD' });
    await row.getByRole('button', { name: fr.common.edit }).click();
    // Someone else saves first, through the API, with the same session.
    await page.evaluate(async () => {
      const session = await (await fetch('/api/auth/session')).json();
      const list = await (await fetch('/api/organizations?q=E2E-ADD')).json();
      const org = list.items[0];
      const response = await fetch(`/api/organizations/${org.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ version: org.version, website: 'https://www.mmsp.gov.ma' }),
      });
      if (!response.ok) throw new Error(`concurrent PATCH failed: ${response.status}`);
    });
    await page.getByLabel(fr.common.inEnglish).fill('Digital Development Agency (test)');
    await page.getByRole('button', { name: fr.common.save }).click();
    await page.getByRole('alert').filter({ hasText: fr.orgs.conflict }).waitFor();
    // The form now holds the other person's version.
    await expect.poll(() => page.getByLabel(fr.orgs.website).inputValue()).toBe('https://www.mmsp.gov.ma');
    await page.getByRole('button', { name: fr.common.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: fr.orgs.updated.replace('{code}', 'E2E-ADD') })
      .waitFor();
  });

  it('signs out from the account menu', async () => {
    await page.locator('.account-button').click();
    await page.getByRole('button', { name: fr.shell.signOut }).click();
    await page.waitForURL(/\/app\/login/);
    await page.goto(`${server.baseUrl}/app/admin/users`);
    await page.waitForURL(/\/app\/login\?next=%2Fapp%2Fadmin%2Fusers/);
    await signIn(page, server.admin.username, server.admin.password);
    await page.waitForURL(`${server.baseUrl}/app/admin/users`);
    await page.getByRole('heading', { level: 1, name: fr.users.title }).waitFor();
  });
});
