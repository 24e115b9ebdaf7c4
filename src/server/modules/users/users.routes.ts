import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../context';
import { ProblemResponses, Uuid } from '../../schemas';
import type { App } from '../../types';
import { User, UserInput, UserPatch } from './users.schema';
import { createUser, listUsers, updateUser } from './users.service';

const tags = ['users'];

export default async function userRoutes(app: App) {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List accounts (administrators)',
        response: { 200: Type.Object({ items: Type.Array(User) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listUsers(ctxOf(app, request)) }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account',
        body: UserInput,
        response: { 201: User, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(ctxOf(app, request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change an account (send the version you loaded)',
        params: Type.Object({ id: Uuid }),
        body: UserPatch,
        response: { 200: User, ...ProblemResponses },
      },
    },
    (request) => updateUser(ctxOf(app, request), request.params.id, request.body),
  );
}
