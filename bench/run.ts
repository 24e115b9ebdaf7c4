// `npm run bench`: Marsad's performance goals, each a ratio of two figures measured in this same run.
// BENCH_SCALE=0.1 shrinks every size for a quick run; DATABASE_URL runs on that server (in a new database,
// dropped at the end) instead of an embedded PostgreSQL started in a temporary folder; BENCH_EXPLAIN=1 adds
// the query plans of both endpoints; BENCH_STRICT=1 makes a missed goal fail the run; BENCH_ONLY=portal runs
// only the public portal's page weights and first paints (bench/portal.ts), which also run after the others.
import os from 'node:os';
import { systemActor } from '../src/server/access/actor';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db/pool';
import { importPackage } from '../src/server/modules/imports/package-import.service';
import type { App } from '../src/server/types';
import { benchCallsBurst, printBurst } from './calls-burst';
import {
  benchCopy,
  benchMarsadImport,
  benchSchemaFloor,
  checkpoint,
  type ImportResult,
  importResult,
} from './csv-import';
import { openBenchDatabase } from './database';
import { explainEndpointQueries } from './explain';
import { AS_OF, buildObservationsCsv, buildPackage, type Shape, STRATEGY, shapeFor } from './generate';
import { benchIndicator } from './indicator-endpoint';
import { bytes, int, ms, type Stats, step, table } from './measure';
import { benchPortal } from './portal';
import { rawPool } from './raw-sql';
import { benchTree, type EndpointResult } from './tree-endpoint';

const ENDPOINT_GOAL = 2; // endpoint ≤ 2 × its raw SQL
const IMPORT_GOAL = 1 / 3; // CSV import ≥ ⅓ of COPY's rows/s

function scaleFromEnv(): number {
  const text = process.env.BENCH_SCALE ?? '1';
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 2) {
    throw new Error(`BENCH_SCALE must be a number in (0, 2], got "${text}"`);
  }
  return scale;
}

/** The app, built quietly: the schema compiler's warnings are the app's business, counted but not echoed. */
async function quietApp(db: Db): Promise<App> {
  const warn = console.warn;
  let warnings = 0;
  console.warn = () => {
    warnings++;
  };
  try {
    return await buildApp({ config: loadConfig({}), db, logger: false });
  } finally {
    console.warn = warn;
    if (warnings) console.log(`  (buildApp printed ${warnings} schema-compiler warnings, not shown)`);
  }
}

/**
 * Fills the database: the strategy package, then the observations through the CSV import, which is itself
 * measured against COPY. The generated package and CSV stay local to this function, so they are garbage by
 * the time the endpoints are timed.
 */
async function load(db: Db, url: string, shape: Shape): Promise<ImportResult> {
  const pkg = await step(`generate the strategy package (${int(shape.nodes)} nodes)`, async () =>
    buildPackage(shape),
  );
  await step('importPackage (validate + write, one transaction)', () =>
    importPackage({ actor: systemActor('benchmark'), db }, pkg, { source: 'bench' }),
  );
  const csv = await step(`generate the CSV (${int(shape.observations)} rows)`, async () =>
    buildObservationsCsv(shape),
  );
  console.log(`  (CSV: ${int(csv.rows)} rows, ${bytes(csv.bytes)}, ${csv.chunks.length} chunks)`);
  const copyRuns = await step('COPY baseline (3 loads into a plain table)', () =>
    benchCopy(url, csv.chunks, 3),
  );
  const marsad = await step('importObservationsCsv (loads the observations)', () =>
    benchMarsadImport(db, csv.chunks),
  );
  if (marsad.observations !== csv.rows) {
    throw new Error(`the import wrote ${marsad.observations} observations for ${csv.rows} rows`);
  }
  const floor = await step('schema floor (COPY into a copy of observations)', () => benchSchemaFloor(url));
  // What autovacuum would do next, and a checkpoint so that the load's dirty pages are not written during
  // the endpoint timings.
  await step('VACUUM ANALYZE, CHECKPOINT', async () => {
    await db.query('VACUUM ANALYZE');
    await checkpoint((sql) => db.query(sql));
  });
  return importResult(csv.rows, copyRuns, marsad, floor);
}

async function context(db: Db) {
  const [row] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM plan_nodes) AS nodes, (SELECT count(*) FROM indicators) AS indicators,
            (SELECT count(*) FROM target_versions) AS targets, (SELECT count(*) FROM observations) AS observations,
            (SELECT count(*) FROM observations WHERE dims_key = '') AS national,
            pg_total_relation_size('observations') AS "observationsSize",
            pg_database_size(current_database()) AS size`,
  );
  return row!;
}

function endpointRows(name: string, result: EndpointResult): string[][] {
  const row = (side: string, s: Stats) => [
    `${name} ${side}`,
    ms(s.median),
    ms(s.p95),
    ms(s.min),
    String(s.runs),
    (s.median / result.raw.median).toFixed(2),
    (s.p95 / result.raw.p95).toFixed(2),
  ];
  return [row('endpoint', result.endpoint), row('service', result.service), row('raw SQL', result.raw)];
}

const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');

/** The calls burst, on its own server and database (BENCH_CALLS=0 leaves it out). */
async function burst(): Promise<boolean> {
  if (process.env.BENCH_CALLS === '0') return true;
  console.log('\ncalls burst (BURST_COUNT, BURST_CONCURRENCY, BURST_MAX_SECONDS bound it)');
  return printBurst(await step('applications to one call over loopback HTTP', benchCallsBurst));
}

async function main(): Promise<boolean> {
  if (process.env.BENCH_ONLY === 'calls') return burst();
  const scale = scaleFromEnv();
  const shape = shapeFor(scale);
  const started = Date.now();
  const cpus = os.cpus();
  console.log(`Marsad benchmark — BENCH_SCALE=${scale}`);
  console.log(
    `machine: ${cpus.length} CPU (${cpus[0]?.model.trim()}), ${bytes(os.totalmem())} RAM, node ${process.version}`,
  );

  console.log('\nset-up');
  const database = await step('start PostgreSQL, create and migrate a database', openBenchDatabase);
  const { db } = database;
  const raw = rawPool(database.url);
  const app = await quietApp(db);
  try {
    const [server] = await db.query<{ server_version: string }>('SHOW server_version');
    console.log(`  (PostgreSQL ${server!.server_version}, ${database.where})`);
    const loaded = await load(db, database.url, shape);
    const counts = await context(db);

    const tree = await step('tree endpoint / service / raw SQL', () =>
      benchTree(app, db, raw.sql, { warmup: 3, runs: scale < 0.5 ? 40 : 15 }),
    );
    const indicator = await step('indicator endpoint / service / raw SQL', () =>
      benchIndicator(app, db, raw.sql, shape.indicators, { warmup: 20, runs: 200 }),
    );

    console.log(`\ndata (strategy ${STRATEGY}, every figure as of ${AS_OF})`);
    console.log(
      table([
        ['', 'count'],
        ['plan nodes', int(counts.nodes!)],
        ['indicators (linked to nodes, with targets)', int(counts.indicators!)],
        ['target versions', int(counts.targets!)],
        ['observations', int(counts.observations!)],
        ['  of which national totals', int(counts.national!)],
        ['observations table with its indexes', bytes(counts.observationsSize!)],
        ['database size', bytes(counts.size!)],
      ]),
    );

    console.log(
      '\nendpoints — app.inject() (in-process HTTP: no socket on either side), public caller;\n' +
        'service = the service function without HTTP; ratio = median / raw SQL median, p95 ratio alike',
    );
    console.log(
      table([
        ['', 'median', 'p95', 'min', 'runs', 'ratio', 'p95 ratio'],
        ...endpointRows('tree', tree),
        ...endpointRows('indicator', indicator),
      ]),
    );
    console.log(
      `  (response sizes: tree ${bytes(tree.responseBytes)}, indicator ${bytes(indicator.responseBytes)})`,
    );

    const rate = (msTaken: number) => (loaded.rows / msTaken) * 1000;
    const copyRate = rate(loaded.copy.median);
    const marsadRate = rate(loaded.marsad);
    console.log('\nCSV import — the same bytes, the same rows');
    console.log(
      table([
        ['', 'time', 'rows/s', 'vs COPY'],
        [
          `COPY into a plain table (median of ${loaded.copyRuns.length})`,
          ms(loaded.copy.median),
          int(copyRate),
          '1.00',
        ],
        ['importObservationsCsv', ms(loaded.marsad), int(marsadRate), (marsadRate / copyRate).toFixed(2)],
        [
          'context: COPY of the stored rows into a copy of observations',
          ms(loaded.floor),
          int(rate(loaded.floor)),
          (rate(loaded.floor) / copyRate).toFixed(2),
        ],
      ]),
    );
    console.log(
      `  (the last line is the floor the table's indexes and foreign key set: importObservationsCsv runs at ` +
        `${(marsadRate / rate(loaded.floor)).toFixed(2)} of it)`,
    );

    if (process.env.BENCH_EXPLAIN === '1') console.log(`\nquery plans\n${await explainEndpointQueries(db)}`);

    const treeRatio = tree.endpoint.median / tree.raw.median;
    const indicatorRatio = indicator.endpoint.median / indicator.raw.median;
    // The goal compares with COPY of the same rows into a table of the same schema (its unique key, indexes
    // and foreign key): that is what PostgreSQL itself needs to store these rows. COPY into a bare table,
    // which skips all of it, is printed beside for context.
    const importRatio = marsadRate / rate(loaded.floor);
    const goals = [treeRatio <= ENDPOINT_GOAL, indicatorRatio <= ENDPOINT_GOAL, importRatio >= IMPORT_GOAL];
    const pad = (label: string) => label.padEnd(26);
    const endpointLine = (label: string, result: EndpointResult, ratio: number, ok: boolean) =>
      `${pad(label)} median ${ms(result.endpoint.median).padStart(8)}   raw SQL ${ms(result.raw.median).padStart(8)}   ` +
      `ratio ${ratio.toFixed(2)}  (goal ≤ ${ENDPOINT_GOAL})  ${verdict(ok)}`;
    console.log(`\nsummary (BENCH_SCALE=${scale}, ${Math.round((Date.now() - started) / 1000)} s in all)`);
    console.log(endpointLine('tree endpoint', tree, treeRatio, goals[0]!));
    console.log(endpointLine('indicator endpoint', indicator, indicatorRatio, goals[1]!));
    console.log(
      `${pad(`CSV import ${int(loaded.rows)} rows`)} ${int(marsadRate)} rows/s   COPY ${int(rate(loaded.floor))} rows/s   ` +
        `ratio ${importRatio.toFixed(2)}  (goal ≥ 0.33)  ${verdict(goals[2]!)}`,
    );
    console.log(
      `${pad('')} (COPY into the same schema; into a bare table without keys COPY runs at ${int(copyRate)} rows/s, ` +
        `ratio ${(marsadRate / copyRate).toFixed(2)})`,
    );
    goals.push(await burst());
    return !goals.includes(false);
  } finally {
    await app.close();
    await raw.close();
    await database.close();
  }
}

/** The data benchmarks, then the portal's page weights and first paints (or only those, with BENCH_ONLY=portal). */
async function all(): Promise<boolean> {
  const data = process.env.BENCH_ONLY === 'portal' ? true : await main();
  const portal = await benchPortal();
  return data && portal;
}

all().then(
  // The run succeeds when it measured; a missed goal is reported above, and fails the run only when asked.
  (met) => {
    if (!met && process.env.BENCH_STRICT === '1') process.exitCode = 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
