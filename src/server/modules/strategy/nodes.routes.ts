import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { moveNode } from './nodes.move.service';
import {
  NodeInput,
  NodeMove,
  NodeParams,
  NodePatch,
  PlanNode,
  StrategyParams,
  VersionQuery,
} from './nodes.schema';
import { createNode, deleteNode, getNode, updateNode } from './nodes.service';

const tags = ['strategies'];
const scoped =
  'Needs `strategy.manage`; a strategy office scoped to an organization may only touch nodes that its ' +
  'organization (or one below it) owns.';

export default async function nodeRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.get(
    '/api/strategies/:code/nodes/:nodeCode',
    {
      schema: {
        tags,
        summary: 'One plan node with everything attached to it (public unless the strategy is a draft)',
        params: NodeParams,
        response: { 200: PlanNode, ...ProblemResponses },
      },
    },
    (request) => getNode(ctx(request), request.params.code, request.params.nodeCode),
  );

  app.post(
    '/api/strategies/:code/nodes',
    {
      schema: {
        tags,
        summary: 'Add a plan node',
        description: `The level is the one right below the parent's (the first for a root). ${scoped}`,
        params: StrategyParams,
        body: NodeInput,
        response: { 201: PlanNode, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createNode(ctx(request), request.params.code, request.body)),
  );

  app.patch(
    '/api/strategies/:code/nodes/:nodeCode',
    {
      schema: {
        tags,
        summary: 'Edit a plan node',
        description: scoped,
        params: NodeParams,
        body: NodePatch,
        response: { 200: PlanNode, ...ProblemResponses },
      },
    },
    (request) => updateNode(ctx(request), request.params.code, request.params.nodeCode, request.body),
  );

  app.post(
    '/api/strategies/:code/nodes/:nodeCode/move',
    {
      schema: {
        tags,
        summary: 'Move a plan node to another parent and/or position (reorder with the same parent)',
        description: `Refuses a cycle (\`/body/parent\` \`cycle\`) and a level that does not fit. ${scoped}`,
        params: NodeParams,
        body: NodeMove,
        response: { 200: PlanNode, ...ProblemResponses },
      },
    },
    (request) => moveNode(ctx(request), request.params.code, request.params.nodeCode, request.body),
  );

  app.delete(
    '/api/strategies/:code/nodes/:nodeCode',
    {
      schema: {
        tags,
        summary: 'Delete a plan node (soft); 409 `has_children` or `in_use` while anything hangs on it',
        description: scoped,
        params: NodeParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteNode(ctx(request), request.params.code, request.params.nodeCode, request.query.version);
      return reply.code(204).send(null);
    },
  );
}
