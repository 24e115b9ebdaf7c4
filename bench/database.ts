import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/server/db/embedded';
import { prepare } from '../src/server/db/open';
import { type Db, openDb } from '../src/server/db/pool';

export interface BenchDatabase {
  url: string;
  db: Db;
  /** Where it runs, for the report. */
  where: string;
  close(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for the benchmark: on the server DATABASE_URL names (a new database beside the
 * one it names, dropped at the end, so that its data is never touched), or else on an embedded PostgreSQL
 * started in a temporary folder and removed at the end.
 */
export async function openBenchDatabase(label = 'bench'): Promise<BenchDatabase> {
  const name = `marsad_${label}_${process.pid}`;
  let serverUrl = process.env.DATABASE_URL;
  let stopServer: (() => Promise<void>) | null = null;
  let scratch: string | null = null;
  let where = 'DATABASE_URL server';
  if (!serverUrl) {
    scratch = mkdtempSync(path.join(tmpdir(), 'marsad-bench-'));
    chmodSync(scratch, 0o755); // as root, postgres runs as the `postgres` user, which must reach its folder
    const server = await startEmbeddedPostgres({
      dataDir: path.join(scratch, 'pg'),
      secretsDir: path.join(scratch, 'secrets'),
      database: 'postgres',
    });
    serverUrl = server.url;
    stopServer = () => server.stop();
    where = `embedded PostgreSQL in ${scratch}`;
  }
  const maintenance = withDatabase(serverUrl, 'postgres');
  await admin(maintenance, `DROP DATABASE IF EXISTS "${name}"`);
  await admin(maintenance, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  const db = openDb(url);
  await prepare(db);
  return {
    url,
    db,
    where,
    async close() {
      await db.close();
      await admin(maintenance, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      if (stopServer) await stopServer();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
