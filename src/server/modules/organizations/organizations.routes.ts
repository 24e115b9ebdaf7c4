import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses, Uuid } from '../../schemas';
import type { App } from '../../types';
import {
  Organization,
  OrganizationInput,
  OrganizationPatch,
  OrganizationQuery,
} from './organizations.schema';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service';

const tags = ['organizations'];
const IdParams = Type.Object({ id: Uuid });

export default async function organizationRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'List organizations (public)',
        querystring: OrganizationQuery,
        response: { 200: Type.Object({ items: Type.Array(Organization) }) },
      },
    },
    async (request) => ({ items: await listOrganizations(ctx(request), request.query) }),
  );

  app.get(
    '/api/organizations/:id',
    { schema: { tags, params: IdParams, response: { 200: Organization, ...ProblemResponses } } },
    (request) => getOrganization(ctx(request), request.params.id),
  );

  app.post(
    '/api/organizations',
    { schema: { tags, body: OrganizationInput, response: { 201: Organization, ...ProblemResponses } } },
    async (request, reply) => reply.code(201).send(await createOrganization(ctx(request), request.body)),
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: OrganizationPatch,
        response: { 200: Organization, ...ProblemResponses },
      },
    },
    (request) => updateOrganization(ctx(request), request.params.id, request.body),
  );

  app.delete(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteOrganization(ctx(request), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
}
