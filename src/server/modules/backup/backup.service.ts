import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { readMigrations } from '../../db/migrate';
import type { Db, Queryable } from '../../db/pool';

// A backup is gzip'd JSON lines: a header, then for each table a {"table"} line followed by one line per row.
// It is Marsad's own logical format, so it restores into any PostgreSQL ≥ 15 without pg_dump.
const FORMAT = 'marsad.backup';
const BATCH = 2000;

/** Tables a fresh database already fills (built-in dimensions), parents first. */
const REFERENCE_TABLES = ['dimensions', 'dimension_members'];

/** The application's tables (all of schema public but the migration ledger), parents before children. */
export async function applicationTables(db: Queryable): Promise<string[]> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
          AND NOT c.relispartition
        ORDER BY c.relname`,
    )
  ).map((row) => row.name);
  const edges = await db.query<{ child: string; parent: string }>(
    `SELECT DISTINCT cc.relname AS child, pc.relname AS parent
       FROM pg_constraint k JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cc.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND cc.relname <> pc.relname`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.child === table) visit(edge.parent);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Writes every row of every application table to `file`, from one consistent snapshot. */
export async function backupTo(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const client = await db.pool.connect();
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (
      await client.query('SELECT version FROM schema_migrations ORDER BY version')
    ).rows.map((row) => row.version as string);
    const runner = {
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    };
    const tables = await applicationTables(runner as Queryable);
    await write({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables });
    for (const table of tables) {
      await write({ table });
      await client.query(
        `DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quote(table)} t`,
      );
      for (;;) {
        const batch = await client.query(`FETCH ${BATCH} FROM dump`);
        for (const row of batch.rows) {
          if (!gzip.write(`${row.j}\n`)) await once(gzip, 'drain');
        }
        rows += batch.rowCount ?? 0;
        if ((batch.rowCount ?? 0) < BATCH) break;
      }
      await client.query('CLOSE dump');
    }
    await client.query('COMMIT');
    gzip.end();
    await once(out, 'close');
    return { tables: tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    gzip.destroy();
    out.destroy();
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Loads a backup into a migrated, empty database, all in one transaction: a failure leaves the database empty.
 * Foreign keys are deferrable by convention, so self-references can arrive in any order.
 */
export async function restoreFrom(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const known = new Set(readMigrations().map((m) => m.version));
  return db.tx(async (tx) => {
    const tables = await applicationTables(tx);
    for (const table of tables.filter((t) => !REFERENCE_TABLES.includes(t))) {
      const row = await tx.one<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS found`);
      if (row.found) throw new Error(`restore needs an empty database, but table ${table} has rows`);
    }
    // Reference data every database starts with is replaced by the backup's own.
    for (const table of [...REFERENCE_TABLES].reverse()) await tx.query(`DELETE FROM ${quote(table)}`);
    await tx.query('SET CONSTRAINTS ALL DEFERRED');
    let header: { format?: string; migrations?: string[] } | null = null;
    let table: string | null = null;
    let batch: string[] = [];
    let rows = 0;
    let tableCount = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await tx.query(
        `INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(null::${quote(table)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      rows += batch.length;
      batch = [];
    };
    // Created only now: readline drops the lines it reads before iteration starts.
    const lines = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line);
        if (header?.format !== FORMAT) throw new Error(`${file} is not a Marsad backup`);
        const unknown = (header.migrations ?? []).filter((v) => !known.has(v));
        if (unknown.length)
          throw new Error(`the backup comes from a newer Marsad (migrations ${unknown.join(', ')})`);
        continue;
      }
      if (line.startsWith('{"table":')) {
        await flush();
        table = (JSON.parse(line) as { table: string }).table;
        if (!tables.includes(table)) throw new Error(`the backup has an unknown table ${table}`);
        tableCount++;
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (!header) throw new Error(`${file} is empty`);
    // Serial columns continue after the restored ids.
    await tx.query(`
      DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
                   FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                   JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                   JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' LOOP
          EXECUTE format('SELECT setval(%L, coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', r.seq, r.col, r.tbl);
        END LOOP; END $$`);
    return { tables: tableCount, rows };
  });
}
