import { anonymous } from '../src/server/access/actor';
import type { Db, Queryable } from '../src/server/db/pool';
import * as repo from '../src/server/modules/indicators/indicators.repo';
import { getIndicator } from '../src/server/modules/indicators/indicators.service';
import type { App } from '../src/server/types';
import { AS_OF, indicatorCode } from './generate';
import { compare } from './measure';
import type { EndpointResult } from './tree-endpoint';

/**
 * `GET /api/indicators/{code}` (as of a fixed date, as the public sees it) against the SQL it needs, run
 * directly: `findIndicator`, then `findTargetVersions` and `findObservations` together, as `getIndicator`
 * runs them. Each round asks for another indicator (all have the same number of observations), the same one
 * on every side.
 */
export async function benchIndicator(
  app: App,
  db: Db,
  raw: Queryable,
  indicators: number,
  options: { warmup: number; runs: number },
): Promise<EndpointResult> {
  const code = (i: number) => indicatorCode((i * 37) % indicators);
  let responseBytes = 0;
  const result = await compare(
    {
      endpoint: async (i) => {
        const url = `/api/indicators/${code(i)}?asOf=${AS_OF}`;
        const response = await app.inject({ method: 'GET', url });
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        responseBytes = response.rawPayload.length;
      },
      service: (i) => getIndicator({ actor: anonymous, db }, code(i), { asOf: AS_OF }),
      raw: async (i) => {
        const indicator = await repo.findIndicator(raw, code(i));
        if (!indicator) throw new Error(`no indicator ${code(i)}`);
        await Promise.all([
          repo.findTargetVersions(raw, indicator.id),
          repo.findObservations(raw, indicator.id, AS_OF, false),
        ]);
      },
    },
    options,
  );
  return { ...result, responseBytes };
}
