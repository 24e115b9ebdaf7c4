import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { listReportingLines, replaceReportingLines } from './governance.lines.service';
import {
  Body,
  BodyInput,
  BodyParams,
  BodyPatch,
  ReportingLines,
  ReportingLinesPut,
  StrategyParams,
  VersionQuery,
} from './governance.schema';
import { createBody, deleteBody, getBody, listBodies, updateBody } from './governance.service';

const tags = ['governance'];
const national = 'Needs `strategy.manage` everywhere (an office scoped to an organization gets 403).';

export default async function governanceRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);
  const one = '/api/strategies/:code/bodies/:bodyCode';

  app.get(
    '/api/strategies/:code/bodies',
    {
      schema: {
        tags,
        summary: 'Governance bodies of a strategy, with chair, members, reports-to and mandate (public)',
        params: StrategyParams,
        response: { 200: Type.Object({ items: Type.Array(Body) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listBodies(ctx(request), request.params.code) }),
  );

  app.get(
    one,
    { schema: { tags, params: BodyParams, response: { 200: Body, ...ProblemResponses } } },
    (request) => getBody(ctx(request), request.params.code, request.params.bodyCode),
  );

  app.post(
    '/api/strategies/:code/bodies',
    {
      schema: {
        tags,
        summary: 'Create a governance body',
        description: national,
        params: StrategyParams,
        body: BodyInput,
        response: { 201: Body, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createBody(ctx(request), request.params.code, request.body)),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary: 'Edit a governance body (members replace the whole list)',
        description: national,
        params: BodyParams,
        body: BodyPatch,
        response: { 200: Body, ...ProblemResponses },
      },
    },
    (request) => updateBody(ctx(request), request.params.code, request.params.bodyCode, request.body),
  );

  app.delete(
    one,
    {
      schema: {
        tags,
        summary:
          'Delete a governance body (soft); 409 `in_use` while bodies report to it or it reviews reports',
        description: national,
        params: BodyParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteBody(ctx(request), request.params.code, request.params.bodyCode, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/strategies/:code/reporting-lines',
    {
      schema: {
        tags,
        summary: 'Which body reviews which organization’s reports (public)',
        params: StrategyParams,
        response: { 200: ReportingLines, ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listReportingLines(ctx(request), request.params.code) }),
  );

  app.put(
    '/api/strategies/:code/reporting-lines',
    {
      schema: {
        tags,
        summary: 'Replace the reporting lines of a strategy (all or nothing)',
        description: national,
        params: StrategyParams,
        body: ReportingLinesPut,
        response: { 200: ReportingLines, ...ProblemResponses },
      },
    },
    async (request) => ({
      items: await replaceReportingLines(ctx(request), request.params.code, request.body),
    }),
  );
}
