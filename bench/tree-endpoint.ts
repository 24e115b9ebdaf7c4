import { anonymous } from '../src/server/access/actor';
import type { Db, Queryable } from '../src/server/db/pool';
import * as repo from '../src/server/modules/strategy/strategy.repo';
import { getTree } from '../src/server/modules/strategy/strategy.service';
import type { App } from '../src/server/types';
import { AS_OF, STRATEGY } from './generate';
import { compare, type Stats } from './measure';

export interface EndpointResult {
  endpoint: Stats;
  service: Stats;
  raw: Stats;
  responseBytes: number;
}

/**
 * `GET /api/strategies/{code}/tree` (with roll-up, as of a fixed date, as the public sees it) against the SQL
 * it needs, run directly: `findStrategy`, then `findTreeNodes` and `findIndicatorStates` together, as
 * `getTree` runs them. The service called without HTTP is timed too, to split the endpoint's time between
 * computation and HTTP/serialization.
 */
export async function benchTree(
  app: App,
  db: Db,
  raw: Queryable,
  options: { warmup: number; runs: number },
): Promise<EndpointResult> {
  const url = `/api/strategies/${STRATEGY}/tree?asOf=${AS_OF}`;
  let responseBytes = 0;
  const result = await compare(
    {
      endpoint: async () => {
        const response = await app.inject({ method: 'GET', url });
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        responseBytes = response.rawPayload.length;
      },
      service: () => getTree({ actor: anonymous, db }, STRATEGY, { asOf: AS_OF }),
      raw: async () => {
        const strategy = await repo.findStrategy(raw, STRATEGY);
        if (!strategy) throw new Error(`no strategy ${STRATEGY}`);
        await Promise.all([
          repo.findTreeNodes(raw, strategy.id, AS_OF),
          repo.findIndicatorStates(raw, strategy.id, AS_OF),
        ]);
      },
    },
    options,
  );
  return { ...result, responseBytes };
}
