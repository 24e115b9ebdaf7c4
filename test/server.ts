import path from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { ensureAdmin } from '../src/server/modules/admin/bootstrap';
import { createTestDatabase } from './db';

export const E2E_ADMIN = { username: 'admin', password: 'admin-password-for-e2e' };

/** A real Marsad server on a random port with a fresh database, for browser tests. */
export async function startTestServer() {
  const database = await createTestDatabase();
  const config = { ...loadConfig({}), webDir: path.resolve('dist/web'), port: 0, host: '127.0.0.1' };
  await ensureAdmin(database.db, E2E_ADMIN.password);
  const app = await buildApp({ config, db: database.db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    admin: E2E_ADMIN,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
