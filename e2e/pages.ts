import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { seedDefaultData } from '../src/server/modules/imports/seed';
import fr from '../src/web/i18n/fr.json';
import { startTestServer } from '../test/server';

export type Server = Awaited<ReturnType<typeof startTestServer>>;

/** axe findings that block a release: serious and critical ones, listed readably when a test fails. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Fills and sends the login form, in French. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(fr.login.username).fill(username);
  await page.getByLabel(fr.login.password).fill(password);
  await page.getByRole('button', { name: fr.login.submit }).click();
}

/** The document's language and direction, as set by the app. */
export const html = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/**
 * A test server holding Morocco's default data (MN2013, MD2020, DM2030, OBS), loaded into its fresh database
 * before the first page asks for anything.
 */
export async function startSeededServer(): Promise<Server> {
  const server = await startTestServer();
  await seedDefaultData(server.database.db);
  return server;
}
