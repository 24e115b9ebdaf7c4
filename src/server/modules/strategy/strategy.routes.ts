import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../context';
import { ProblemResponses, StringEnum } from '../../schemas';
import type { App } from '../../types';
import { setFiscalCalendar } from './fiscal-calendar.service';
import { FiscalCalendar, IsoDate, Strategy, Tree } from './strategy.schema';
import { getStrategy, getTree, listStrategies } from './strategy.service';

const tags = ['strategies'];
const CodeParams = Type.Object({ code: Type.String({ maxLength: 64 }) });

export default async function strategyRoutes(app: App) {
  app.get(
    '/api/strategies',
    {
      schema: {
        tags,
        summary: 'Strategies (public: adopted and closed ones)',
        response: { 200: Type.Object({ items: Type.Array(Strategy) }) },
      },
    },
    async (request) => ({ items: await listStrategies(ctxOf(app, request)) }),
  );

  app.get(
    '/api/strategies/:code',
    { schema: { tags, params: CodeParams, response: { 200: Strategy, ...ProblemResponses } } },
    (request) => getStrategy(ctxOf(app, request), request.params.code),
  );

  app.get(
    '/api/strategies/:code/tree',
    {
      schema: {
        tags,
        summary: 'The plan tree with computed progress and status per node',
        description:
          'Each indicator is judged against the target version in force at `asOf` and its latest national ' +
          'observation by then; a node with judged indicators takes their mean, others the weighted roll-up of ' +
          'their children under `policy`. `explain=true` adds the calculation components of every node.',
        params: CodeParams,
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          policy: StringEnum(['exclude', 'zero', 'propagate'] as const, { default: 'exclude' } as never),
          explain: Type.Boolean({ default: false }),
        }),
        response: { 200: Tree, ...ProblemResponses },
      },
      // fast-json-stringify builds a deep recursive tree by nested concatenation, about 4× slower than
      // JSON.stringify here (measured by bench/); the schema still documents the response, and getTree
      // builds every field explicitly, so nothing unintended can leak.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    (request) => getTree(ctxOf(app, request), request.params.code, request.query),
  );

  app.put(
    '/api/strategies/:code/fiscal-calendar',
    {
      schema: {
        tags,
        summary: 'Set the fiscal calendar the strategy’s reporting cycles follow (before its first cycle)',
        params: CodeParams,
        body: Type.Composite([FiscalCalendar, Type.Object({ version: Type.Integer({ minimum: 1 }) })], {
          additionalProperties: false,
        }),
        response: { 200: Strategy, ...ProblemResponses },
      },
    },
    (request) => setFiscalCalendar(ctxOf(app, request), request.params.code, request.body),
  );
}
