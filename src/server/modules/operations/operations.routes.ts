import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../context';
import { ProblemResponses, Uuid } from '../../schemas';
import type { App } from '../../types';
import { Operation } from './operations.schema';
import { getOperation, listOperations } from './operations.service';

export default async function operationRoutes(app: App) {
  app.get(
    '/api/operations',
    {
      schema: {
        tags: ['imports'],
        summary: 'Recent operations (imports, exports) of the caller',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
        response: { 200: Type.Object({ items: Type.Array(Operation) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listOperations(ctxOf(app, request), request.query.limit) }),
  );

  app.get(
    '/api/operations/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'One operation, with its progress, summary and errors',
        params: Type.Object({ id: Uuid }),
        response: { 200: Operation, ...ProblemResponses },
      },
    },
    (request) => getOperation(ctxOf(app, request), request.params.id),
  );
}
