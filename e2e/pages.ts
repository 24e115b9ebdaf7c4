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

/** A catalogue message with its `{name}` parameters filled in, as the page shows it. */
export const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

/** The JSON body of a 2xx answer (null when empty); any other answer throws with its status and body. */
export async function okJson(response: Response) {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Signs the seeded administrator in over HTTP and returns a sender of JSON API calls with its cookie and CSRF
 * token, which throws on any answer that is not 2xx (setting data up for a browser journey).
 */
export async function adminJson(server: Server) {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(server.admin),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = await okJson(login);
  return (method: string, path: string, body?: object) =>
    fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: body && JSON.stringify(body),
    }).then(okJson);
}
