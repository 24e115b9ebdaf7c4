import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/ar.json';
import fr from '../src/web/i18n/fr.json';
import { hasChromium, launchBrowser, screenshotPath } from './browser';
import { fill, html, type Server, seriousViolations, signIn, startSeededServer } from './pages';

/** Figures as the app writes them: Moroccan conventions with Western digits in Arabic. */
const figure = (locale: string, value: number) =>
  new Intl.NumberFormat(locale, { numberingSystem: 'latn', maximumFractionDigits: 2 }).format(value);
const percent = (locale: string, ratio: number) =>
  new Intl.NumberFormat(locale, {
    numberingSystem: 'latn',
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(ratio);

// The strategy screens on Morocco's default data: the MN2013 plan (6 top-level branches, 53 measures),
// indicator MN-I28 (147,277 teachers trained against 200,000: 73.6 %, reported as 70 %), the 5,187 million
// MAD budget, a target change, an import; in French, then the same screens in Arabic.
describe.skipIf(!hasChromium)('strategy screens in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/strategies`);
    await page.getByRole('heading', { level: 1, name: fr.login.title }).waitFor();
    await signIn(page, server.admin.username, server.admin.password);
    await page.getByRole('heading', { level: 1, name: fr.strategies.title }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('lists the strategies and opens MN2013 with its 6 top-level branches', async () => {
    const card = page.getByRole('article', { name: 'Maroc Numeric 2013' });
    await card.getByText(fr.strategies.state.closed).waitFor();
    await card.getByRole('link', { name: 'MD2020' }).waitFor();
    await card.getByRole('link', { name: 'Maroc Numeric 2013' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maroc Numeric 2013' }).waitFor();
    const tree = page.getByRole('tree');
    await tree.waitFor();
    expect(await tree.getByRole('treeitem', { level: 1 }).count()).toBe(6);
    // Each node's status is written out, not only coloured.
    const status = await page.locator('#tree-row-P1 .status-badge').textContent();
    expect(Object.values(fr.status).some((name) => status?.includes(name))).toBe(true);
  });

  it('is navigable by keyboard and expands to the 53 measures', async () => {
    const first = page.getByRole('treeitem', { level: 1 }).first();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => first.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe('P1.1');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe('P1');
    // The selected node's details follow the focus.
    await page.getByRole('heading', { level: 2, name: 'Transformation sociale' }).waitFor();

    await page.getByRole('button', { name: fr.tree.expandAll }).click();
    await expect.poll(() => page.getByRole('treeitem', { level: 3 }).count()).toBe(53);
    expect(await page.getByRole('treeitem', { level: 2 }).count()).toBe(18);
    await page.locator('[id="tree-row-M01"]').click();
    await page
      .getByRole('heading', { level: 2, name: /^Doter les établissements d'enseignement publics/ })
      .waitFor();
    await page.screenshot({ path: screenshotPath('strategy-tree-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('adds, reorders and deletes a plan node through the nodes API', async () => {
    await page.locator('[id="tree-row-S2"]').click();
    await page.getByRole('button', { name: fill(fr.nodes.addChild, { level: 'Initiative' }) }).click();
    await page.getByLabel(fr.nodes.code).fill('S2.9');
    await page.getByLabel(fr.common.inFrench).fill('Initiative d’essai');
    await page.getByRole('button', { name: fr.nodes.create }).click();
    await page
      .getByRole('status')
      .filter({ hasText: fill(fr.nodes.created, { code: 'S2.9' }) })
      .waitFor();
    const siblings = () =>
      page
        .locator('[data-code="S2"] > ul > [role="treeitem"]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
    await expect.poll(siblings).toEqual(['S2.1', 'S2.2', 'S2.3', 'S2.9']);

    await page.getByRole('button', { name: fr.nodes.moveUp }).click();
    await expect.poll(siblings).toEqual(['S2.1', 'S2.2', 'S2.9', 'S2.3']);

    await page.getByRole('button', { name: fr.nodes.delete }).click();
    await page.getByRole('button', { name: fr.nodes.deleteConfirm }).click();
    await expect.poll(siblings).toEqual(['S2.1', 'S2.2', 'S2.3']);
  });

  it('shows MN-I28 with the reported-versus-computed mismatch in "how was this computed"', async () => {
    await page.locator('[id="tree-row-M01"]').click();
    await page.getByRole('link', { name: /MN-I28/ }).click();
    await page.getByRole('heading', { level: 1, name: /^MN-I28 — / }).waitFor();
    const how = page.getByRole('region', { name: fr.how.title });
    const comparison = how.getByTestId('comparison');
    await comparison
      .getByText(`${figure('fr', 147277)} / ${figure('fr', 200000)} = ${percent('fr', 0.736)}`)
      .waitFor();
    await comparison.getByText('70 %', { exact: false }).first().waitFor();
    await comparison.getByText(fr.how.mismatch.split(':')[0] ?? '', { exact: false }).waitFor();
    // The chart is an image with a text summary, and its data is a table.
    await page.getByRole('img', { name: /Enseignants formés aux TI/ }).waitFor();
    await page.getByRole('table', { name: fr.chart.tableCaption }).getByText(figure('fr', 147277)).waitFor();
    await page.screenshot({ path: screenshotPath('indicator-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('changes the target with a reason and shows version 2', async () => {
    await page.getByRole('button', { name: fr.target.change }).click();
    await page.getByRole('button', { name: fr.target.save }).click();
    // The reason is required: checked before anything is sent.
    await page.locator('.error-summary').getByText(fr.validation.required).waitFor();
    await page.getByLabel(fr.target.reason).fill('Révision à mi-parcours (essai)');
    await page.getByRole('button', { name: fr.target.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: fill(fr.target.saved, { version: '2' }) })
      .waitFor();
    await page
      .getByTestId('target-version')
      .getByText(/^Version 2 /)
      .waitFor();
    const history = page.getByTestId('target-versions');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    await history.getByText('Révision à mi-parcours (essai)').waitFor();
  });

  it('records an observation through the form, with a select for each breakdown and its source', async () => {
    // The national figure already recorded, entered again from its source: a correction, no new fact.
    const known = await page.evaluate(async () => {
      const indicator = await (await fetch('/api/indicators/MN-I02')).json();
      return indicator.observations.find((o: { dims: object }) => Object.keys(o.dims).length === 0);
    });
    await page.goto(`${server.baseUrl}/app/indicators/MN-I02`);
    await page.getByRole('button', { name: fr.observations.add }).click();
    const form = page.getByRole('region', { name: fr.observations.addTitle });
    await form.getByRole('combobox', { name: 'Zone', exact: false }).first().waitFor();
    await form.getByLabel(fr.observations.period).fill(known.period);
    await form.getByLabel(/^Valeur/).fill(String(known.value));
    await form.getByRole('button', { name: fr.observations.save }).click();
    // Every figure carries its source: checked before sending.
    await form.locator('.error-summary').getByText(fr.validation.required).waitFor();
    await form.getByLabel(fr.observations.sourceDocument).fill('ANRT (saisie de contrôle e2e)');
    await form.getByLabel(fr.observations.confidence).selectOption('high');
    await form.getByRole('button', { name: fr.observations.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: fill(fr.observations.updated, { period: known.period }) })
      .waitFor();
    await page
      .getByRole('region', { name: fr.observations.title })
      .getByText('ANRT (saisie de contrôle e2e)')
      .waitFor();
  });

  it('reads the MN2013 budget: 5,187 million MAD in total, rubric × year', async () => {
    await page.goto(`${server.baseUrl}/app/strategies/MN2013/budget`);
    const table = page.getByRole('table', { name: /Budget de MN2013/ });
    await table.waitFor();
    await expect.poll(() => page.getByTestId('budget-grand-total').textContent()).toBe(figure('fr', 5187));
    await table.getByRole('columnheader', { name: '2009' }).waitFor();
    await table.getByRole('rowheader', { name: 'Transformation sociale' }).waitFor();
    await page.screenshot({ path: screenshotPath('budget-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('switches to Arabic: right-to-left budget table and tree, Moroccan number format', async () => {
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect.poll(() => page.getByTestId('budget-grand-total').textContent()).toBe(figure('ar-MA', 5187));
    const rubric = await page.getByRole('columnheader', { name: ar.budget.rubric }).boundingBox();
    const total = await page.getByRole('columnheader', { name: ar.budget.total }).boundingBox();
    const y2009 = await page.getByRole('columnheader', { name: '2009' }).boundingBox();
    const y2013 = await page.getByRole('columnheader', { name: '2013' }).boundingBox();
    // Read right to left: rubric first (rightmost), then 2009 … 2013, then the total (leftmost).
    expect(
      rubric && y2009 && y2013 && total && rubric.x > y2009.x && y2009.x > y2013.x && y2013.x > total.x,
    ).toBe(true);
    await page.screenshot({ path: screenshotPath('budget-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: ar.strategy.sectionsLabel })
      .getByRole('link', { name: ar.strategy.sections.tree })
      .click();
    await page.getByRole('button', { name: ar.tree.expandAll }).click();
    await expect.poll(() => page.getByRole('treeitem', { level: 3 }).count()).toBe(53);
    const parent = await page.locator('[id="tree-row-P1"]').boundingBox();
    const child = await page.locator('[id="tree-row-P1.1"]').boundingBox();
    // Children are indented from the right.
    expect(parent && child && child.x + child.width < parent.x + parent.width - 10).toBe(true);
    // In Arabic, the Left arrow opens and goes down the tree.
    await page.getByRole('button', { name: ar.tree.collapseAll }).click();
    const first = page.getByRole('treeitem', { level: 1 }).first();
    await first.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => first.getAttribute('aria-expanded')).toBe('true');
    await page.locator('[id="tree-row-P1"]').click();
    await page.screenshot({ path: screenshotPath('strategy-tree-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the indicator and the observatory in Arabic', async () => {
    await page.goto(`${server.baseUrl}/app/indicators/MN-I28`);
    await page.getByRole('heading', { level: 2, name: ar.how.title }).waitFor();
    await page
      .getByTestId('comparison')
      .getByText(percent('ar-MA', 0.736), { exact: false })
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath('indicator-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: ar.nav.label })
      .getByRole('link', { name: ar.nav.observatory })
      .click();
    const egdi = page.getByRole('region', { name: /^مؤشر الأمم المتحدة لتطوير الحكومة الإلكترونية/ });
    await egdi.getByRole('img').waitFor();
    // Five countries, one line each, named in the legend.
    for (const country of ['المغرب', 'تونس', 'مصر', 'الأردن', 'الجزائر']) {
      await egdi.locator('.chart-legend').getByText(country).waitFor();
    }
    await page.screenshot({ path: screenshotPath('observatory-ar'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => html(page)).toEqual({ lang: 'fr', dir: 'ltr' });
  });

  it('imports a CSV of observations and follows its progress to the end', async () => {
    await page
      .getByRole('navigation', { name: fr.nav.label })
      .getByRole('link', { name: fr.nav.imports })
      .click();
    await page.getByRole('heading', { level: 1, name: fr.imports.title }).waitFor();
    // A figure already in the default data, re-imported from its source: an upsert, no new fact.
    const csv =
      'indicator,period,value,confidence,source_document\nMN-I31,2013,5770000,high,ANRT (e2e re-import)\n';
    await page.getByLabel(fr.imports.file, { exact: true }).setInputFiles({
      name: 'observations.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: fr.imports.submit }).click();
    const progress = page.getByRole('progressbar', { name: fr.imports.progress });
    await progress.waitFor();
    await page.locator('#import-progress-text').getByText(fr.imports.state.succeeded).waitFor();
    const done = await progress.evaluate((bar: HTMLProgressElement) => ({ value: bar.value, max: bar.max }));
    expect(done.value).toBe(done.max);
    await page.getByText(fr.imports.succeeded).waitFor();
    await page.locator('.figure-grid').getByText(fr.imports.summary.observations).waitFor();
    await page.screenshot({ path: screenshotPath('import-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists every error of a bad CSV with its row and column, and imports nothing', async () => {
    const csv = 'indicator,period,value,source_document\nNO-SUCH,2013,1,test\nMN-I31,2013-13,1,test\n';
    await page.getByLabel(fr.imports.file, { exact: true }).setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: fr.imports.submit }).click();
    await page.locator('#import-progress-text').getByText(fr.imports.state.failed).waitFor();
    const errors = page.getByRole('table', { name: fr.imports.errorsCaption });
    await errors
      .getByText(`${fr.imports.csvFile} · ${fill(fr.imports.row, { row: '2' })}`, { exact: false })
      .waitFor();
    await errors
      .getByText(`${fr.imports.csvFile} · ${fill(fr.imports.row, { row: '3' })}`, { exact: false })
      .waitFor();
    await page.screenshot({ path: screenshotPath('import-errors-fr'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
