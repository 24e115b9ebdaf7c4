import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import {
  InnovationProject,
  InnovationProjectInput,
  InnovationProjectPatch,
  InnovationQuery,
} from './innovation.schema';
import {
  createInnovationProject,
  getInnovationProject,
  listInnovationProjects,
  updateInnovationProject,
} from './innovation.service';

const tags = ['agreements'];
const Params = Type.Object({ code: Type.String({ maxLength: 64 }) });
const ok = { 200: InnovationProject, ...ProblemResponses };

export default async function innovationRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.get(
    '/api/innovation-projects',
    {
      schema: {
        tags,
        summary: 'Cluster innovation projects by cluster, niche of excellence or stage (public)',
        querystring: InnovationQuery,
        response: { 200: Type.Object({ items: Type.Array(InnovationProject) }), ...ProblemResponses },
      },
    },
    (request) => listInnovationProjects(ctx(request), request.query),
  );
  app.get(
    '/api/innovation-projects/:code',
    { schema: { tags, summary: 'One innovation project (public)', params: Params, response: ok } },
    (request) => getInnovationProject(ctx(request), request.params.code),
  );
  app.post(
    '/api/innovation-projects',
    {
      schema: {
        tags,
        summary: 'Record a labelled innovation project',
        description: 'Needs `agreements.manage` (strategy office).',
        body: InnovationProjectInput,
        response: { 201: InnovationProject, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createInnovationProject(ctx(request), request.body)),
  );
  app.patch(
    '/api/innovation-projects/:code',
    {
      schema: {
        tags,
        summary: 'Edit an innovation project (stage, funding, members, …)',
        description: 'Needs `agreements.manage` (strategy office).',
        params: Params,
        body: InnovationProjectPatch,
        response: ok,
      },
    },
    (request) => updateInnovationProject(ctx(request), request.params.code, request.body),
  );
}
