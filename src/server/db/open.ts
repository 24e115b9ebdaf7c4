import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { ensureBuiltinDimensions } from '../modules/imports/package-import.service';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';
import { type Db, openDb } from './pool';

export interface OpenDatabase {
  db: Db;
  embedded: boolean;
  /** Closes the pool, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/** Brings a database up to date: migrations, then the reference data every installation has (dimensions). */
export async function prepare(db: Db): Promise<void> {
  await migrate(db);
  await db.tx(ensureBuiltinDimensions);
}

/** When a Marsad already runs the embedded server on this DATA_DIR, its port, read from postmaster.pid. */
function runningEmbeddedPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null;
  }
}

/**
 * Connects to DATABASE_URL, or else to the embedded PostgreSQL under DATA_DIR — reusing the server of a running
 * Marsad, or starting one — and applies pending migrations.
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => undefined,
): Promise<OpenDatabase> {
  // pg's pool.end() resolves before its sockets are closed, so stopping the embedded server right after can
  // reach a backend still open and "terminate" it: not an error worth printing once we are closing.
  let closing = false;
  const onPoolError = (error: Error) => {
    if (!closing) log(`database pool error: ${error.message}`);
  };
  if (config.databaseUrl) {
    const db = openDb(config.databaseUrl, onPoolError);
    await prepare(db);
    return { db, embedded: false, close: () => db.close() };
  }
  const pgDir = path.join(config.dataDir, 'pg');
  const secretsDir = path.join(config.dataDir, 'secrets');
  const port = runningEmbeddedPort(pgDir);
  if (port) {
    const password = readFileSync(path.join(secretsDir, 'db-password'), 'utf8').trim();
    const db = openDb(
      `postgres://marsad:${encodeURIComponent(password)}@127.0.0.1:${port}/marsad`,
      onPoolError,
    );
    await migrate(db);
    return { db, embedded: false, close: () => db.close() };
  }
  const server = await startEmbeddedPostgres({ dataDir: pgDir, secretsDir });
  log(`embedded PostgreSQL started on 127.0.0.1:${server.port} (data in ${pgDir})`);
  const db = openDb(server.url, onPoolError);
  try {
    await prepare(db);
  } catch (error) {
    await db.close();
    await server.stop();
    throw error;
  }
  return {
    db,
    embedded: true,
    async close() {
      closing = true;
      await db.close();
      await server.stop();
    },
  };
}
