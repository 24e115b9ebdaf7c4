import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app';
import { type Config, loadConfig } from '../src/server/config';
import { ensureAdmin } from '../src/server/modules/admin/bootstrap';
import { seedDefaultData } from '../src/server/modules/imports/seed';
import type { App } from '../src/server/types';
import { createTestDatabase, type TestDatabase } from './db';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestApp {
  app: App;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** A Marsad app on a fresh database with an `admin` account, for `app.inject()` tests. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  logger: Parameters<typeof buildApp>[0]['logger'] = false,
  options: { seed?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test' }), ...overrides };
  await ensureAdmin(database.db, ADMIN_PASSWORD);
  if (options.seed) await seedDefaultData(database.db);
  const app = await buildApp({ config, db: database.db, logger });
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A signed-in client: its cookie and CSRF token, and helpers that send them. */
export interface Session {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export async function signIn(app: App, username = 'admin', password = ADMIN_PASSWORD): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = response.json() as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/**
 * Creates, through the API as `admin`, a user holding one role — scoped to the organization with code
 * `organizationCode`, or everywhere — and signs it in.
 */
export async function signInWithRole(
  t: TestApp,
  admin: Session,
  username: string,
  role: string,
  organizationCode: string | null = null,
): Promise<Session> {
  const organizationId = organizationCode
    ? (
        await t.database.db.one<{ id: string }>('SELECT id FROM organizations WHERE code = $1', [
          organizationCode,
        ])
      ).id
    : null;
  const password = `${username}-password`;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin.headers,
    payload: { username, displayName: username, password, roles: [{ role, organizationId }] },
  });
  if (response.statusCode !== 201)
    throw new Error(`user ${username}: ${response.statusCode} ${response.body}`);
  return signIn(t.app, username, password);
}

export function problem(response: LightMyRequestResponse) {
  return response.json() as { code: string; status: number; errors?: { path: string; code: string }[] };
}
