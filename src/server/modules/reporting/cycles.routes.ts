import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import {
  closeCycle,
  completenessHistory,
  cycleCompleteness,
  getCycle,
  listCycles,
  openCycle,
} from './cycles.service';
import {
  CompletenessRow,
  Cycle,
  CycleDetail,
  CycleInput,
  CycleQuery,
  HistoryQuery,
  IdParams,
  VersionBody,
} from './reporting.schema';

const tags = ['reporting'];

export default async function cycleRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.get(
    '/api/reporting/cycles',
    {
      schema: {
        tags,
        summary: 'Reporting cycles, newest first, with their assignments counted by state',
        querystring: CycleQuery,
        response: { 200: Type.Object({ items: Type.Array(Cycle) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listCycles(ctx(request), request.query) }),
  );

  app.post(
    '/api/reporting/cycles',
    {
      schema: {
        tags,
        summary: 'Open a reporting cycle',
        description:
          'Needs `reporting.manage`. Creates one assignment per organization covering exactly what it owns: ' +
          'its nodes, the indicators linked to them, its projects.',
        body: CycleInput,
        response: { 201: Cycle, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await openCycle(ctx(request), request.body)),
  );

  app.get(
    '/api/reporting/cycles/:id',
    {
      schema: {
        tags,
        summary: 'One cycle with the assignments the caller may see',
        params: IdParams,
        response: { 200: CycleDetail, ...ProblemResponses },
      },
    },
    (request) => getCycle(ctx(request), request.params.id),
  );

  app.post(
    '/api/reporting/cycles/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a cycle: its reports take no further action',
        description: 'Needs `reporting.manage`.',
        params: IdParams,
        body: VersionBody,
        response: { 200: Cycle, ...ProblemResponses },
      },
    },
    (request) => closeCycle(ctx(request), request.params.id, request.body.version),
  );

  app.get(
    '/api/reporting/cycles/:id/completeness',
    {
      schema: {
        tags,
        summary: 'Completeness of a cycle per organization: by state, late, on time',
        params: IdParams,
        response: {
          200: Type.Object({ cycle: Cycle, items: Type.Array(CompletenessRow) }),
          ...ProblemResponses,
        },
      },
    },
    (request) => cycleCompleteness(ctx(request), request.params.id),
  );

  app.get(
    '/api/reporting/completeness',
    {
      schema: {
        tags,
        summary: 'Completeness per organization across every cycle of a strategy',
        querystring: HistoryQuery,
        response: {
          200: Type.Object({ strategy: Type.String(), items: Type.Array(CompletenessRow) }),
          ...ProblemResponses,
        },
      },
    },
    (request) => completenessHistory(ctx(request), request.query.strategy),
  );
}
