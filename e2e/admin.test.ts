import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/ar.json';
import { startTestServer } from '../test/server';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { type Server, seriousViolations, signIn } from './pages';

// Same skip rule as shell.test.ts: only on a developer machine without /usr/bin/chromium, never on CI.
// These journeys run in Arabic, so the right-to-left forms and tables are exercised too.
describe.skipIf(!hasChromium)('administration in Arabic', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'ar-MA', viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/admin/organizations`);
    // The browser asks for Arabic, so the login page is in Arabic before anyone chose.
    await page.getByRole('heading', { level: 1, name: ar.login.title }).waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await signIn(page, server.admin.username, server.admin.password);
    await page.getByRole('heading', { level: 1, name: 'Organismes' }).waitFor();
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: ar.orgs.title }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('creates an organization with an Arabic name only, shown right-to-left', async () => {
    await page.getByRole('button', { name: ar.orgs.new }).click();
    await page.getByRole('textbox', { name: ar.orgs.code, exact: true }).fill('MTNRA');
    await page.getByLabel(ar.common.inArabic).fill('وزارة الانتقال الرقمي وإصلاح الإدارة');
    await page.getByRole('combobox', { name: ar.orgs.type, exact: true }).first().selectOption('ministry');
    await page.getByRole('button', { name: ar.orgs.create }).click();
    const row = page.getByRole('row').filter({ hasText: 'MTNRA' });
    await row.getByText('وزارة الانتقال الرقمي وإصلاح الإدارة').waitFor();
    await page.screenshot({ path: screenshotPath('organizations-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates a user with a role scoped to that organization, and validates first', async () => {
    await page
      .getByRole('navigation', { name: ar.nav.administration })
      .getByRole('link', { name: ar.users.title })
      .click();
    await page.getByRole('heading', { level: 1, name: ar.users.title }).waitFor();
    await page.getByRole('button', { name: ar.users.new }).click();
    await page.getByLabel(ar.users.username).fill('reporter.mtnra');
    await page.getByLabel(ar.users.displayName).fill('سلمى العلوي');
    await page.getByLabel(ar.users.password).fill('short');
    await page.getByRole('button', { name: ar.users.create }).click();
    // 10 characters: Arabic's "few" form (3-10), a plural the catalogue must get right.
    await page
      .locator('.error-summary')
      .getByText(ar.validation.passwordLength.few.replace('{count}', '10'))
      .waitFor();
    await page.locator('.error-summary').getByText(ar.validation.required).waitFor();

    await page.getByLabel(ar.users.password).fill('a-long-enough-password');
    await page.getByRole('combobox', { name: ar.users.role, exact: true }).selectOption('reporter');
    const scope = page.getByLabel(ar.users.scope);
    const mtnra = await scope.locator('option', { hasText: 'MTNRA' }).getAttribute('value');
    await scope.selectOption(mtnra ?? '');
    await page.getByRole('button', { name: ar.users.create }).click();
    const row = page.getByRole('row').filter({ hasText: 'reporter.mtnra' });
    await row.getByText(ar.roles.reporter).waitFor();
    await row.getByText('MTNRA', { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('users-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates an API token shown once, lists it, and revokes it', async () => {
    await page.locator('.account-button').click();
    await page.locator('.account-popup').getByRole('link', { name: ar.shell.apiTokens }).click();
    await page.getByRole('heading', { level: 1, name: ar.tokens.title }).waitFor();
    await page.getByLabel(ar.tokens.name).fill('تصدير شهري');
    await page.getByRole('button', { name: ar.tokens.create }).click();
    const secret = await page.getByRole('textbox', { name: ar.tokens.secret, exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    const row = page.getByRole('row').filter({ hasText: 'تصدير شهري' });
    await row.waitFor();
    await page.screenshot({ path: screenshotPath('tokens-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: ar.tokens.done }).click();
    expect(await page.getByRole('textbox', { name: ar.tokens.secret, exact: true }).count()).toBe(0);

    await row.getByRole('button', { name: ar.tokens.revoke }).click();
    await row.getByRole('button', { name: ar.tokens.revokeConfirmButton }).click();
    await page
      .getByRole('status')
      .filter({ hasText: ar.tokens.revoked.replace('{name}', 'تصدير شهري') })
      .waitFor();
    await page.getByText(ar.tokens.none).waitFor();
  });

  it('shows the audit log with the changed fields, filtered by action', async () => {
    await page.getByRole('link', { name: ar.nav.administration }).click();
    await page
      .getByRole('navigation', { name: ar.nav.administration })
      .getByRole('link', { name: ar.audit.title })
      .click();
    await page.getByRole('heading', { level: 1, name: ar.audit.title }).waitFor();
    await page.getByRole('row').filter({ hasText: 'MTNRA' }).first().waitFor();
    await page.getByRole('textbox', { name: ar.audit.action, exact: true }).fill('organization.create');
    await page.getByRole('button', { name: ar.common.applyFilters }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.locator('tbody tr').getByText('organization.create').waitFor();
    await page.getByRole('button', { name: ar.common.resetFilters }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(1);
    await page.screenshot({ path: screenshotPath('audit-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a not-found view for an unknown address inside the app', async () => {
    await page.goto(`${server.baseUrl}/app/no/such/page`);
    await page.getByRole('heading', { level: 1, name: ar.notFound.title }).waitFor();
    await page.getByRole('link', { name: ar.notFound.home }).click();
    await page.waitForURL(`${server.baseUrl}/app/`);
  });
});
