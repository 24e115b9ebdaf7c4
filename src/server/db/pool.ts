import pg from 'pg';

// Bigint columns (counts, audit ids) come back as JS numbers: every one Marsad stores fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// Numeric columns come back as numbers: amounts are in currency units with at most a few decimals.
pg.types.setTypeParser(1700, (v) => Number(v));
// Dates stay as ISO strings (YYYY-MM-DD): no time zone shift.
pg.types.setTypeParser(1082, (v) => v);

/** Anything that can run a query: the pool or a transaction's client. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T>;
  maybeOne<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T | null>;
}

/** A transaction's handle: queries, plus the raw client for what only it can do (COPY). */
export interface Tx extends Queryable {
  readonly client: pg.PoolClient;
}

class ClientRunner<C extends pg.PoolClient | pg.Pool = pg.PoolClient | pg.Pool> implements Queryable {
  constructor(readonly client: C) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.client.query(sql, params);
    return result.rows as T[];
  }

  async one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const rows = await this.query<T>(sql, params);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
    return rows[0] as T;
  }

  async maybeOne<T>(sql: string, params: unknown[] = []): Promise<T | null> {
    const rows = await this.query<T>(sql, params);
    return (rows[0] as T | undefined) ?? null;
  }
}

/** The database handle services receive: queries on the pool, and `tx` for all-or-nothing writes. */
export class Db extends ClientRunner<pg.Pool> {
  constructor(readonly pool: pg.Pool) {
    super(pool);
  }

  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  async tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new ClientRunner<pg.PoolClient>(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Opens a pool on `url`; errors of idle clients are logged, not thrown (a restarting server must not crash us). */
export function openDb(url: string, onError: (error: Error) => void = () => undefined, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on('error', onError);
  return new Db(pool);
}
