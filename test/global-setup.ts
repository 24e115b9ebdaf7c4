import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/server/db/embedded';
import { prepare } from '../src/server/db/open';
import { openDb } from '../src/server/db/pool';
import { withDatabase } from './urls';

declare module 'vitest' {
  interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * Starts the PostgreSQL the tests use — an embedded server, or the one DATABASE_URL names — and builds a
 * migrated template database, so that each test file gets a fresh database as a cheap copy of it.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let stopServer: (() => Promise<void>) | null = null;
  let scratch: string | null = null;
  if (!adminUrl) {
    scratch = mkdtempSync(path.join(tmpdir(), 'marsad-test-'));
    chmodSync(scratch, 0o755); // the postgres system user must reach its data folder inside
    const server = await startEmbeddedPostgres({
      dataDir: path.join(scratch, 'pg'),
      secretsDir: path.join(scratch, 'secrets'),
      database: 'postgres',
    });
    adminUrl = server.url;
    stopServer = () => server.stop();
  }
  const template = `marsad_tpl_${process.pid}_${project.name}`.replace(/\W/g, '_');
  const admin = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  const db = openDb(withDatabase(adminUrl, template));
  await prepare(db);
  await db.close();
  project.provide('pgAdminUrl', withDatabase(adminUrl, 'postgres'));
  project.provide('pgTemplate', template);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${template.replace('_tpl_', '_t_')}%`],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
    if (stopServer) await stopServer();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}
