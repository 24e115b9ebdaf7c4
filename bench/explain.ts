import type { Queryable } from '../src/server/db/pool';
import * as indicatorsRepo from '../src/server/modules/indicators/indicators.repo';
import * as strategyRepo from '../src/server/modules/strategy/strategy.repo';
import { AS_OF, indicatorCode, STRATEGY } from './generate';

interface Captured {
  label: string;
  sql: string;
  params: unknown[];
}

/** A Queryable that runs nothing and keeps the SQL and parameters a repository function sends. */
function recorder(label: string, into: Captured[]): Queryable {
  const keep = async (sql: string, params: unknown[] = []) => {
    into.push({ label, sql, params });
    return [];
  };
  return {
    query: keep as Queryable['query'],
    maybeOne: (async (sql: string, params?: unknown[]) => {
      await keep(sql, params);
      return null;
    }) as Queryable['maybeOne'],
    one: (async () => {
      throw new Error('not recorded');
    }) as Queryable['one'],
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the queries behind both endpoints, with the parameters they run with here:
 * the repositories' own SQL, captured rather than copied. Printed when BENCH_EXPLAIN=1.
 */
export async function explainEndpointQueries(db: Queryable): Promise<string> {
  const strategy = await strategyRepo.findStrategy(db, STRATEGY);
  const indicator = await indicatorsRepo.findIndicator(db, indicatorCode(0));
  if (!strategy || !indicator) throw new Error('benchmark data missing');
  const captured: Captured[] = [];
  const r = (label: string) => recorder(label, captured);
  await strategyRepo.findTreeNodes(r('findTreeNodes'), strategy.id, AS_OF);
  await strategyRepo.findIndicatorStates(r('findIndicatorStates'), strategy.id, AS_OF);
  await indicatorsRepo.findIndicator(r('findIndicator'), indicator.code);
  await indicatorsRepo.findTargetVersions(r('findTargetVersions'), indicator.id);
  await indicatorsRepo.findObservations(r('findObservations'), indicator.id, AS_OF, false);
  const out: string[] = [];
  for (const { label, sql, params } of captured) {
    const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    out.push(`-- ${label}`, ...plan.map((row) => row['QUERY PLAN']), '');
  }
  return out.join('\n');
}
