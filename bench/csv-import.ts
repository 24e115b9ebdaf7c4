import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { systemActor } from '../src/server/access/actor';
import type { Db } from '../src/server/db/pool';
import { importObservationsCsv } from '../src/server/modules/imports/observations-import.service';
import { type Stats, stats, time } from './measure';

/** CHECKPOINT needs a superuser or pg_checkpoint: on a server where we have neither, go on without. */
export async function checkpoint(run: (sql: string) => Promise<unknown>): Promise<void> {
  await run('CHECKPOINT').catch(() => undefined);
}

export interface ImportResult {
  rows: number;
  copy: Stats;
  copyRuns: number[];
  marsad: number;
  observations: number;
  floor: number;
}

/**
 * PostgreSQL's own `COPY … FROM STDIN (FORMAT csv)` of the same CSV bytes into a plain table of the CSV's
 * shape (no index, no constraint) — the fastest way rows can get into PostgreSQL — timed `copyRuns` times.
 * A CHECKPOINT before each load keeps one load's dirty pages from being written during the next.
 */
export async function benchCopy(url: string, chunks: Buffer[], copyRuns: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_copy (indicator text, period text, value numeric, region text)');
    const samples: number[] = [];
    for (let run = 0; run < copyRuns; run++) {
      await client.query('TRUNCATE bench_copy');
      await checkpoint((sql) => client.query(sql));
      samples.push(
        await time(() =>
          pipeline(
            Readable.from(chunks),
            client.query(copyFrom('COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)')),
          ),
        ),
      );
    }
    await client.query('DROP TABLE bench_copy');
    return samples;
  } finally {
    await client.end();
  }
}

/**
 * Marsad's import of the same bytes: `importObservationsCsv` as the import route and the CLI call it —
 * parse and check every row, stage them with COPY, merge them into `observations`, all in one transaction
 * with its audit event. It loads the benchmark's observations, so it runs once, into an empty table.
 */
export async function benchMarsadImport(
  db: Db,
  chunks: Buffer[],
): Promise<{ ms: number; observations: number }> {
  await checkpoint((sql) => db.query(sql));
  let observations = 0;
  const elapsed = await time(async () => {
    const result = await importObservationsCsv(
      { actor: systemActor('benchmark'), db },
      Readable.from(chunks),
      { source: 'bench' },
    );
    observations = result.observations;
  });
  return { ms: elapsed, observations };
}

const OBSERVATION_COLUMNS =
  'indicator_id, period, period_end, dims, dims_key, value, state, source, confidence';

/**
 * The floor the schema sets, for context: the rows Marsad stored, COPY'd straight into a table like
 * `observations` (same columns, defaults, indexes and foreign key). No import into `observations` can be
 * faster than this, whatever its code does.
 */
export async function benchSchemaFloor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows: Buffer[] = [];
    await pipeline(
      client.query(copyTo(`COPY observations (${OBSERVATION_COLUMNS}) TO STDOUT`)),
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) rows.push(chunk);
      },
    );
    await client.query('CREATE TABLE bench_floor (LIKE observations INCLUDING ALL)');
    await client.query(
      `ALTER TABLE bench_floor ADD FOREIGN KEY (indicator_id) REFERENCES indicators (id)
         ON DELETE CASCADE DEFERRABLE`,
    );
    await checkpoint((sql) => client.query(sql));
    const elapsed = await time(() =>
      pipeline(
        Readable.from(rows),
        client.query(copyFrom(`COPY bench_floor (${OBSERVATION_COLUMNS}) FROM STDIN`)),
      ),
    );
    await client.query('DROP TABLE bench_floor');
    return elapsed;
  } finally {
    await client.end();
  }
}

export function importResult(
  rows: number,
  copyRuns: number[],
  marsad: { ms: number; observations: number },
  floor: number,
): ImportResult {
  return {
    rows,
    copy: stats(copyRuns),
    copyRuns,
    marsad: marsad.ms,
    observations: marsad.observations,
    floor,
  };
}
