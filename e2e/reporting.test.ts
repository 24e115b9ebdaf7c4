import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/ar.json';
import fr from '../src/web/i18n/fr.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { fill, html, type Server, seriousViolations, signIn, startSeededServer } from './pages';

const MN = '/api/strategies/MN2013';
/** A minimal PDF, built here: the server judges the type by its first bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const figure = (locale: string, value: number) =>
  new Intl.NumberFormat(locale, { numberingSystem: 'latn', maximumFractionDigits: 4 }).format(value);

type Send = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }>;

/** An API session over HTTP, signed in like the browser (cookie and CSRF header). */
async function apiAs(baseUrl: string, username: string, password: string): Promise<Send> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
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

/**
 * The MN2013 set-up of the server's reporting tests (reporting.fixture.ts), through the API: the Ministry of
 * Education (MEN) owns M01 (GENIE), ANRT owns M05; the steering committee CP-TIEN (MICNT) reviews MEN's
 * reports; a strategy-office user, a MEN reporter who works in Arabic, a MICNT reviewer who works in French.
 */
async function setUpReporting(server: Server) {
  const admin = await apiAs(server.baseUrl, server.admin.username, server.admin.password);
  const ok = async <T = { version: number }>(call: ReturnType<Send>, status = 200): Promise<T> => {
    const response = await call;
    expect(response.status, JSON.stringify(response.json)).toBe(status);
    return response.json as T;
  };
  const men = await ok<{ id: string }>(
    admin('POST', '/api/organizations', {
      code: 'MEN',
      name: {
        fr: 'Ministère de l’Éducation nationale',
        ar: 'وزارة التربية الوطنية',
        en: 'Ministry of National Education',
      },
      type: 'ministry',
    }),
    201,
  );
  const orgs: Record<string, string> = { MEN: men.id };
  for (const code of ['ANRT', 'MICNT']) {
    const { items } = await ok<{ items: { code: string; id: string }[] }>(
      admin('GET', `/api/organizations?q=${code}`),
    );
    orgs[code] = items.find((o) => o.code === code)?.id ?? '';
  }
  for (const [node, owner] of [
    ['M01', 'MEN'],
    ['M05', 'ANRT'],
  ] as const) {
    const current = await ok(admin('GET', `${MN}/nodes/${node}`));
    await ok(admin('PATCH', `${MN}/nodes/${node}`, { version: current.version, owner }));
  }
  await ok(
    admin('POST', `${MN}/projects`, {
      code: 'GENIE-VMM',
      node: 'M01',
      owner: 'MEN',
      title: {
        fr: 'GENIE : valises multimédias',
        ar: 'جيني: الحقائب متعددة الوسائط',
        en: 'GENIE: multimedia kits',
      },
      milestones: [{ title: { fr: 'Valises livrées aux écoles' }, plannedDate: '2010-09-30' }],
    }),
    201,
  );
  const body = await ok(admin('GET', `${MN}/bodies/CP-TIEN`));
  await ok(admin('PATCH', `${MN}/bodies/CP-TIEN`, { version: body.version, members: ['MICNT'] }));
  await ok(
    admin('PUT', `${MN}/reporting-lines`, {
      lines: [
        { organization: 'MEN', reviewer: 'CP-TIEN' },
        { organization: 'ANRT', reviewer: 'CSSI' },
      ],
    }),
  );
  const users = {
    office: { role: 'strategy_office', org: null, locale: 'fr' },
    reporter: { role: 'reporter', org: 'MEN', locale: 'ar' },
    reviewer: { role: 'reviewer', org: 'MICNT', locale: 'fr' },
  } as const;
  for (const [name, { role, org, locale }] of Object.entries(users)) {
    await ok(
      admin('POST', '/api/users', {
        username: name,
        displayName: name,
        email: `${name}@example.ma`,
        locale,
        password: `${name}-password-1234`,
        roles: [{ role, organizationId: org ? orgs[org] : null }],
      }),
      201,
    );
  }
}

const password = (name: string) => `${name}-password-1234`;

// The journey of issue 5 on MN2013: the strategy office opens the 2010 cycle; the Ministry of Education's
// reporter fills the GENIE figures in Arabic, is asked for the variance explanations, gives them and submits;
// the CP-TIEN reviewer returns the report in French with a comment; the reporter corrects and resubmits; the
// reviewer approves, and the approved figure shows on the indicator page at once.
describe.skipIf(!hasChromium)('a reporting cycle in Chromium, in Arabic and French', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let office: Page;
  let reporter: Page;
  let reviewer: Page;
  let reportUrl = '';

  const open = async (locale: string) => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    server = await startSeededServer();
    await setUpReporting(server);
    browser = await launchBrowser();
    office = await open('fr-FR');
    reporter = await open('ar-MA');
    reviewer = await open('fr-FR');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('the admin outbox lists the captured mails', async () => {
    const admin = await open('fr-FR');
    await admin.goto(`${server.baseUrl}/app/admin/outbox`);
    await admin.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await signIn(admin, server.admin.username, server.admin.password);
    await admin.getByRole('heading', { level: 1, name: fr.outbox.title }).waitFor();
    await admin
      .getByRole('navigation', { name: fr.nav.administration })
      .getByRole('link', { name: fr.outbox.title })
      .waitFor();
    await admin.locator('.result-count').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it('the strategy office opens the 2010 cycle and follows completeness per organization', async () => {
    await office.goto(`${server.baseUrl}/app/reporting`);
    await office.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await signIn(office, 'office', password('office'));
    await office.getByRole('heading', { level: 1, name: fr.reporting.title }).waitFor();
    await office.getByRole('button', { name: fr.reporting.openCycle }).click();
    await office.getByRole('button', { name: fr.reporting.openCycleSubmit }).click();
    // Checked before anything is sent.
    await office.locator('.error-summary').getByText(fr.validation.required).first().waitFor();
    await office.getByLabel(fr.reporting.strategy).selectOption('MN2013');
    await office.getByLabel(fr.reporting.period).fill('2010');
    await office.getByLabel(fr.reporting.dueDate).fill('2099-01-31');
    await office.getByRole('button', { name: fr.reporting.openCycleSubmit }).click();
    await office
      .getByRole('status')
      .filter({ hasText: fill(fr.reporting.cycleOpened, { period: '2010', strategy: 'MN2013' }) })
      .waitFor();
    await office
      .getByRole('link', { name: fill(fr.reporting.cycleName, { strategy: 'MN2013', period: '2010' }) })
      .click();
    const table = office.getByRole('table', { name: fr.reporting.completeness });
    await table.waitFor();
    const rows = table.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    const men = table.getByRole('row').filter({ has: office.locator('code', { hasText: /^MEN$/ }) });
    const cells = await men.getByRole('cell').allTextContents();
    // assigned, draft, submitted, returned, approved, late
    expect(cells).toEqual(['1', '0', '0', '0', '0', '0']);
    await office.screenshot({ path: screenshotPath('reporting-cycle-fr'), fullPage: true });
    expect(await seriousViolations(office)).toEqual([]);
  });

  it('the reporter fills the report in Arabic and is asked for the variance explanations', async () => {
    await reporter.goto(`${server.baseUrl}/app/reporting`);
    await reporter.getByRole('heading', { level: 1, name: ar.login.title }).waitFor();
    await reporter.getByLabel(ar.login.username).fill('reporter');
    await reporter.getByLabel(ar.login.password).fill(password('reporter'));
    await reporter.getByRole('button', { name: ar.login.submit }).click();
    await reporter.getByRole('heading', { level: 1, name: ar.reporting.title }).waitFor();
    expect(await html(reporter)).toEqual({ lang: 'ar', dir: 'rtl' });
    await reporter
      .getByRole('region', { name: ar.reporting.myReports })
      .getByRole('link', { name: fill(ar.reporting.reportOf, { organization: 'MEN' }) })
      .click();
    await reporter.getByRole('heading', { level: 1, name: /وزارة التربية الوطنية/ }).waitFor();
    reportUrl = reporter.url();

    // Someone else saves the same report meanwhile: the form's save is refused, and it offers to reload.
    const reportId = reportUrl.split('/').at(-1) ?? '';
    const other = await apiAs(server.baseUrl, 'reporter', password('reporter'));
    const loaded = (await other('GET', `/api/reporting/reports/${reportId}`)).json as { version: number };
    const saved = await other('PUT', `/api/reporting/reports/${reportId}`, {
      version: loaded.version,
      narrative: 'مسودة أولى',
    });
    expect(saved.status).toBe(200);
    await reporter.getByRole('button', { name: ar.reporting.saveDraft }).click();
    const conflict = reporter.getByRole('alert').filter({ hasText: ar.reporting.conflict });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: ar.reporting.reload }).click();
    await expect.poll(() => reporter.getByLabel(ar.reporting.narrativeLabel).inputValue()).toBe('مسودة أولى');

    const item = (code: string) =>
      reporter.locator('.report-item', { has: reporter.locator('h3 code', { hasText: code }) });
    await reporter.getByLabel(ar.reporting.nodeProgress).fill('45');
    await reporter.getByLabel(ar.reporting.nodeState).selectOption('in_progress');
    await item('MN-I01').locator('input[name$=".value"]').fill('56');
    await item('MN-I28').locator('input[name$=".value"]').fill('60000');
    await item('MN-I33').locator('input[name$=".value"]').fill('40');
    await item('MN-I34').locator('input[name$=".note"]').fill('جرد القاعات في طور الإنجاز');
    await reporter.locator('input[name^="milestones."]').fill('2010-11-15');
    await reporter
      .getByLabel(ar.reporting.narrativeLabel)
      .fill('برنامج جيني 2010: تجهيز المؤسسات وتكوين الأساتذة.');
    await reporter.getByRole('button', { name: ar.reporting.submit }).click();

    // The server refuses: MN-I28 and M01 are at risk; each gets its explanation form, beside its figure.
    const summary = reporter.locator('.error-summary');
    await summary.waitFor();
    await reporter.getByRole('alert').filter({ hasText: ar.reporting.explanationsRequired }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      ar.validation.variance.explanation_required,
      ar.validation.variance.explanation_required,
    ]);
    const explanation = (key: string) => reporter.locator(`[id="report-explanations-${key}"]`);
    await explanation('indicator:MN-I28').getByText(ar.validation.variance.explanation_required).waitFor();
    expect(await item('MN-I28').locator('fieldset.explanation').count()).toBe(1);
    expect(await item('MN-I01').locator('fieldset.explanation').count()).toBe(0);
    await reporter.screenshot({ path: screenshotPath('report-explanations-ar'), fullPage: true });
    expect(await seriousViolations(reporter)).toEqual([]);

    for (const key of ['indicator:MN-I28', 'node:M01']) {
      const form = explanation(key);
      await form.getByLabel(ar.explanation.reason).selectOption('procurement');
      await form.getByLabel(ar.explanation.owner).fill('مديرية برنامج جيني');
      await form.getByLabel(ar.explanation.dueDate).fill('2011-06-30');
      await form.getByLabel(ar.explanation.narrative).fill('تأخر إطلاق صفقات التكوين.');
      await form.getByLabel(ar.explanation.correctiveAction).fill('مسطرة مستعجلة مع الأكاديميات الجهوية.');
    }
    await explanation('indicator:MN-I28').getByLabel(ar.explanation.escalate).check();

    // Evidence: a small PDF goes up as the raw body, is listed with its type and size, and downloads.
    const evidence = reporter.getByRole('region', { name: ar.attachments.title });
    const fileInput = evidence.getByLabel(ar.attachments.add);
    await fileInput.setInputFiles({ name: 'genie-2010.pdf', mimeType: 'application/pdf', buffer: PDF });
    await evidence.getByRole('button', { name: ar.attachments.upload }).click();
    await reporter
      .getByRole('status')
      .filter({ hasText: fill(ar.attachments.added, { filename: 'genie-2010.pdf' }) })
      .waitFor();
    const row = evidence.getByRole('row').filter({ hasText: 'genie-2010.pdf' });
    await row.getByRole('cell', { name: ar.attachments.types.pdf }).waitFor();
    const link = row.getByRole('link', {
      name: fill(ar.attachments.download, { filename: 'genie-2010.pdf' }),
    });
    const [download] = await Promise.all([reporter.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('genie-2010.pdf');
    expect(readFileSync(await download.path()).equals(PDF)).toBe(true);

    // A text file named .pdf is refused by its bytes, and the message says what it really is.
    await fileInput.setInputFiles({
      name: 'faux.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('ceci n’est pas un PDF\n'),
    });
    await evidence.getByRole('button', { name: ar.attachments.upload }).click();
    await evidence
      .getByText(fill(ar.attachments.wrongType, { detected: ar.attachments.detected.text }))
      .waitFor();
    expect(await evidence.getByRole('row').count()).toBe(2);
    await evidence.screenshot({ path: screenshotPath('report-attachments-ar') });
    expect(await seriousViolations(reporter)).toEqual([]);

    await reporter.getByRole('button', { name: ar.reporting.submit }).click();
    await reporter.getByRole('status').filter({ hasText: ar.reporting.submitted }).waitFor();
    await reporter.locator('.page-header').getByText(ar.reporting.state.submitted).waitFor();
    expect(await html(reporter)).toEqual({ lang: 'ar', dir: 'rtl' });
    await reporter.screenshot({ path: screenshotPath('report-submitted-ar'), fullPage: true });
  });

  it('the reviewer returns it in French with a comment on MN-I01', async () => {
    await reviewer.goto(`${server.baseUrl}/app/reporting`);
    await reviewer.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await signIn(reviewer, 'reviewer', password('reviewer'));
    await reviewer.getByRole('heading', { level: 1, name: fr.reporting.title }).waitFor();
    await reviewer
      .getByRole('region', { name: fr.reporting.toReview })
      .getByRole('link', { name: fill(fr.reporting.reportOf, { organization: 'MEN' }) })
      .click();
    const review = reviewer.getByRole('region', { name: fr.review.title });
    await review.waitFor();
    // The reviewer reads the explanations the reporter gave.
    await reviewer
      .getByRole('region', { name: fr.explanation.listTitle })
      .getByText(fr.explanation.escalated)
      .waitFor();
    // The reviewer sees the evidence, read-only.
    const evidence = reviewer.getByRole('region', { name: fr.attachments.title });
    await evidence
      .getByRole('link', { name: fill(fr.attachments.download, { filename: 'genie-2010.pdf' }) })
      .waitFor();
    expect(await evidence.locator('input[type="file"]').count()).toBe(0);
    expect(await evidence.getByRole('button').count()).toBe(0);
    await reviewer.screenshot({ path: screenshotPath('report-review-fr'), fullPage: true });
    expect(await seriousViolations(reviewer)).toEqual([]);

    await review.getByRole('button', { name: fr.review.return }).click();
    await review.getByRole('button', { name: fr.review.sendBack }).click();
    await review.getByText(fr.review.commentRequired).first().waitFor();
    await review.getByLabel(fr.review.message).fill('Merci de préciser la source.');
    await review.getByLabel(fill(fr.review.onItem, { item: 'MN-I01' })).fill('Source du chiffre 2010 ?');
    await review.getByRole('button', { name: fr.review.sendBack }).click();
    await reviewer.getByRole('status').filter({ hasText: fr.review.returned }).waitFor();
    await reviewer.locator('.page-header').getByText(fr.reporting.state.returned).waitFor();
  });

  it('the reporter sees the comment beside the figure, corrects it and resubmits', async () => {
    await reporter.goto(reportUrl);
    await reporter.getByRole('heading', { level: 2, name: ar.review.returnedTitle }).waitFor();
    const item = reporter.locator('.report-item', {
      has: reporter.locator('h3 code', { hasText: 'MN-I01' }),
    });
    await item.getByRole('note').getByText('Source du chiffre 2010 ?').waitFor();
    await item.locator('input[name$=".value"]').fill('58');
    await item.locator('input[name$=".note"]').fill('Enquête AREF 2010');
    await reporter.screenshot({ path: screenshotPath('report-returned-ar'), fullPage: true });
    expect(await seriousViolations(reporter)).toEqual([]);
    await reporter.getByRole('button', { name: ar.reporting.resubmit }).click();
    await reporter.getByRole('status').filter({ hasText: ar.reporting.submitted }).waitFor();
  });

  it('the reviewer approves; the approved figure is on the indicator page at once', async () => {
    await reviewer.goto(reportUrl);
    const review = reviewer.getByRole('region', { name: fr.review.title });
    await review.getByRole('button', { name: fr.review.approve }).click();
    await reviewer.getByRole('status').filter({ hasText: fr.review.approved }).waitFor();
    await reviewer.locator('.page-header').getByText(fr.reporting.state.approved).waitFor();

    await reviewer.goto(`${server.baseUrl}/app/indicators/MN-I01`);
    await reviewer.getByRole('heading', { level: 1, name: /^MN-I01 — / }).waitFor();
    const observations = reviewer.getByRole('region', { name: fr.observations.title });
    const row = observations.getByRole('row').filter({ hasText: fr.observations.state.approved });
    await row
      .filter({ hasText: '2010' })
      .getByRole('cell', { name: figure('fr', 58), exact: true })
      .waitFor();
    await reviewer.screenshot({ path: screenshotPath('indicator-approved-fr'), fullPage: true });
    // The milestone date the reporter gave is on the project too.
    const project = await fetch(`${server.baseUrl}${MN}/projects/GENIE-VMM`).then((r) => r.json());
    expect(project.milestones[0]).toMatchObject({ actualDate: '2010-11-15' });

    // The escalated variance is on the inter-ministerial committee's agenda.
    await reviewer.goto(`${server.baseUrl}/app/reporting/agenda`);
    const agenda = reviewer.getByRole('table', { name: fr.agenda.title });
    await agenda.getByRole('row').filter({ hasText: 'MN-I28' }).getByText('MEN', { exact: true }).waitFor();
    await reviewer.screenshot({ path: screenshotPath('agenda-fr'), fullPage: true });
    expect(await seriousViolations(reviewer)).toEqual([]);

    await office.reload();
    const men = office
      .getByRole('table', { name: fr.reporting.completeness })
      .getByRole('row')
      .filter({ has: office.locator('code', { hasText: /^MEN$/ }) });
    await expect.poll(() => men.getByRole('cell').allTextContents()).toEqual(['0', '0', '0', '0', '1', '0']);
    // Across cycles: MEN's report was approved, and submitted on time.
    const history = office
      .getByRole('table', { name: fr.reporting.history })
      .getByRole('row')
      .filter({ has: office.locator('code', { hasText: /^MEN$/ }) });
    // The history table loads after the completeness table: wait for it rather than read it at once.
    await expect.poll(() => history.getByRole('cell').allTextContents()).toEqual(['0', '0', '1', '0', '1']);
    await office.screenshot({ path: screenshotPath('reporting-cycle-approved-fr'), fullPage: true });
  });
});
