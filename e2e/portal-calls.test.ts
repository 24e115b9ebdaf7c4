import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/ar.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { adminJson, fill, html, okJson, type Server, seriousViolations, startSeededServer } from './pages';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

// An applicant on a phone, in Arabic, with JavaScript off: finds an open call on the portal, is told beside the
// field that the address is wrong, starts a draft, completes it behind the private link, attaches a file,
// consents to the 09-08 notice, submits, and erases the data. Every page of the way is checked with axe.
describe.skipIf(!hasChromium)('portal calls and consultation in Chromium', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let token = '';

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await launchBrowser();
    const admin = await adminJson(server);
    const call = await admin('POST', '/api/calls', {
      code: 'E2EPORTAL',
      title: { fr: 'Appel du portail', ar: 'نداء البوابة', en: 'Portal call' },
      eligibility: {
        fr: 'Les jeunes porteurs de projets',
        ar: 'حاملو المشاريع الشباب',
        en: 'Young founders',
      },
      themes: [
        { code: 'health', label: { fr: 'Santé', ar: 'الصحة', en: 'Health' } },
        { code: 'education', label: { fr: 'Éducation', ar: 'التعليم', en: 'Education' } },
      ],
      criteria: [
        { code: 'impact', label: { fr: 'Impact', ar: 'الأثر', en: 'Impact' }, weight: 2 },
        { code: 'team', label: { fr: 'Équipe', ar: 'الفريق', en: 'Team' }, weight: 1 },
      ],
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await admin('POST', '/api/calls/E2EPORTAL/open', { version: call.version });
    // a draft for the accessibility check of the private-link page
    const draft = await okJson(
      await fetch(`${server.baseUrl}/api/calls/E2EPORTAL/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'axe@example.ma', name: 'Axe', language: 'fr' }),
      }),
    );
    token = draft.token;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function open(options: { javaScriptEnabled: boolean; locale: string }): Promise<Page> {
    const context = await browser.newContext({ ...options, viewport: { width: 390, height: 844 } });
    contexts.push(context);
    return context.newPage();
  }

  it('in Arabic, with JavaScript off: applies to an open call by plain forms, from the call to erasing the data', async () => {
    const t = ar.portalCalls;
    const page = await open({ javaScriptEnabled: false, locale: 'ar-MA' });
    await page.goto(`${server.baseUrl}/ar/`);
    await page
      .getByRole('navigation', { name: ar.portal.navLabel })
      .getByRole('link', { name: t.nav.calls })
      .click();
    await page.waitForURL(`${server.baseUrl}/ar/calls`);
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('link', { name: 'نداء البوابة' }).click();
    await page.waitForURL(`${server.baseUrl}/ar/calls/E2EPORTAL`);
    await page.getByText('حاملو المشاريع الشباب').waitFor();
    await page.getByRole('heading', { level: 2, name: t.notice.title }).waitFor();

    // a wrong address: the form comes back with the message beside the field and the rest kept
    await page.getByLabel(t.fields.email).fill('salma-at-example');
    await page.getByLabel(t.fields.name).fill('سلمى');
    await page.getByLabel(t.fields.theme).selectOption('health');
    await page.getByRole('button', { name: t.apply.submit }).click();
    await page.getByText(t.errors.email).waitFor();
    expect(await page.getByLabel(t.fields.name).inputValue()).toBe('سلمى');
    expect(await page.getByLabel(t.fields.theme).inputValue()).toBe('health');
    // Right to left: the field's message starts at the right edge, like the field
    const field = await page.getByLabel(t.fields.email).boundingBox();
    const message = await page.getByText(t.errors.email).boundingBox();
    expect(field && message && Math.abs(field.x + field.width - (message.x + message.width)) < 2).toBe(true);
    await page.getByLabel(t.fields.email).fill('salma@example.ma');
    await page.getByRole('button', { name: t.apply.submit }).click();
    await page.waitForURL(/\/ar\/calls\/submission\/[\w-]+\?done=created$/);
    await page.getByText(t.done.created).waitFor();
    const privateUrl = page.url().split('?')[0]!;

    await page.getByLabel(t.fields.title).fill('الاستشارة الطبية عن بعد');
    await page.getByRole('button', { name: t.private.save }).click();
    await page.getByText(t.done.saved).waitFor();
    expect(await page.getByLabel(t.fields.title).inputValue()).toBe('الاستشارة الطبية عن بعد');

    await page
      .getByLabel(t.files.choose)
      .setInputFiles({ name: 'ملف.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: t.files.upload, exact: true }).click();
    await page.getByText(t.done.attached).waitFor();
    await page.getByRole('link', { name: 'ملف.pdf' }).waitFor();

    // submitting without consent is refused beside the box; with it, the application is in
    await page.getByRole('button', { name: t.private.submit }).click();
    await page.getByText(t.errors.consent).waitFor();
    await page.getByLabel(fill(t.private.consentLabel, { version: '\u20662026-11-v1\u2069' })).check();
    await page.getByRole('button', { name: t.private.submit }).click();
    await page.getByText(t.done.submitted).waitFor();
    await page.screenshot({ path: screenshotPath('portal-calls-ar-submitted'), fullPage: true });
    expect(await page.getByRole('link', { name: t.private.export }).getAttribute('href')).toMatch(
      /^\/api\/submissions\/[\w-]+\/export$/,
    );

    await page.getByRole('link', { name: t.private.erase }).click();
    await page.waitForURL(`${privateUrl}/erase`);
    await page.getByRole('button', { name: t.erase.confirm }).click();
    await page.getByRole('heading', { level: 1, name: t.erase.done }).waitFor();
    const gone = await page.goto(privateUrl);
    expect(gone?.status()).toBe(404);
  });

  it('has no serious or critical axe violation on the calls, a call, a private link and the consultation', async () => {
    const page = await open({ javaScriptEnabled: true, locale: 'fr' });
    for (const url of [
      '/ar/calls',
      '/fr/calls/E2EPORTAL',
      '/en/calls/HACKCOVID2020',
      `/fr/calls/submission/${token}`,
      `/ar/calls/submission/${token}`,
      '/ar/proposals',
      '/fr/proposals/DMPACT2020',
    ]) {
      await page.goto(`${server.baseUrl}${url}`);
      expect(await seriousViolations(page), url).toEqual([]);
    }
    // the Digital Morocco Pact is unanswered in the default data, and its page says so
    await page.goto(`${server.baseUrl}/ar/proposals/DMPACT2020`);
    await page.getByText(ar.consultation.unanswered).waitFor();
  });
});
