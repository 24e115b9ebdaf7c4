import pg from 'pg';
import type { Queryable } from '../src/server/db/pool';

/**
 * The baseline of the endpoint benchmarks: the repositories' own functions — so the very SQL text and
 * parameters the services send — run on a bare `pg.Pool` of the same size as the app's, with nothing around
 * them: no Fastify, no service code, no computation, no serialization. Rows are still parsed by `pg` (with
 * the type parsers Marsad registers), since the endpoint cannot do without them either.
 */
export function rawPool(url: string, max = 10): { sql: Queryable; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max });
  const query = async <T>(text: string, params: unknown[] = []) =>
    (await pool.query(text, params)).rows as T[];
  return {
    sql: {
      query,
      async one<T>(text: string, params?: unknown[]) {
        const rows = await query<T>(text, params);
        if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
        return rows[0]!;
      },
      async maybeOne<T>(text: string, params?: unknown[]) {
        return (await query<T>(text, params))[0] ?? null;
      },
    },
    close: () => pool.end(),
  };
}
