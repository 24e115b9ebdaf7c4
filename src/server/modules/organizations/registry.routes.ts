import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses, Uuid } from '../../schemas';
import type { App } from '../../types';
import { Contact, ContactInput, ContactPatch } from './contacts.schema';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.service';
import {
  Membership,
  MembershipInput,
  Memberships,
  Partnership,
  PartnershipInput,
} from './memberships.schema';
import {
  addMember,
  addPartnership,
  listMemberships,
  listPartnerships,
  removeMember,
  removePartnership,
} from './memberships.service';

// The registry's relations and contacts: routes beside the organizations' own (organizations.routes.ts).

const tags = ['organizations'];
const Id = Type.Object({ id: Uuid });
const IdAnd = (name: string) => Type.Object({ id: Uuid, [name]: Uuid });
const contactsOnly = 'Personal data: admin and strategy office only (scoped to their organizations).';

export default async function registryRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);
  const base = '/api/organizations/:id';

  app.get(
    `${base}/memberships`,
    {
      schema: {
        tags,
        summary: 'Members of an organization, and the groups it belongs to (public)',
        params: Id,
        response: { 200: Memberships, ...ProblemResponses },
      },
    },
    (request) => listMemberships(ctx(request), request.params.id),
  );
  app.post(
    `${base}/members`,
    {
      schema: {
        tags,
        summary: 'Add a member (e.g. to a cluster)',
        params: Id,
        body: MembershipInput,
        response: { 201: Membership, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addMember(ctx(request), request.params.id, request.body)),
  );
  app.delete(
    `${base}/members/:membershipId`,
    {
      schema: {
        tags,
        summary: 'Remove a member',
        params: IdAnd('membershipId'),
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; membershipId: string };
      await removeMember(ctx(request), params.id, params.membershipId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${base}/partnerships`,
    {
      schema: {
        tags,
        summary: 'Partnerships of an organization (public)',
        params: Id,
        response: { 200: Type.Object({ items: Type.Array(Partnership) }), ...ProblemResponses },
      },
    },
    (request) => listPartnerships(ctx(request), request.params.id),
  );
  app.post(
    `${base}/partnerships`,
    {
      schema: {
        tags,
        summary: 'Add a partnership with another organization',
        params: Id,
        body: PartnershipInput,
        response: { 201: Partnership, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addPartnership(ctx(request), request.params.id, request.body)),
  );
  app.delete(
    `${base}/partnerships/:partnershipId`,
    {
      schema: {
        tags,
        summary: 'End a partnership',
        params: IdAnd('partnershipId'),
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; partnershipId: string };
      await removePartnership(ctx(request), params.id, params.partnershipId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${base}/contacts`,
    {
      schema: {
        tags,
        summary: 'Contacts of an organization',
        description: contactsOnly,
        params: Id,
        response: { 200: Type.Object({ items: Type.Array(Contact) }), ...ProblemResponses },
      },
    },
    (request) => listContacts(ctx(request), request.params.id),
  );
  app.post(
    `${base}/contacts`,
    {
      schema: {
        tags,
        summary: 'Add a contact',
        description: contactsOnly,
        params: Id,
        body: ContactInput,
        response: { 201: Contact, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createContact(ctx(request), request.params.id, request.body)),
  );
  app.patch(
    `${base}/contacts/:contactId`,
    {
      schema: {
        tags,
        summary: 'Edit a contact',
        description: contactsOnly,
        params: IdAnd('contactId'),
        body: ContactPatch,
        response: { 200: Contact, ...ProblemResponses },
      },
    },
    (request) => {
      const params = request.params as { id: string; contactId: string };
      return updateContact(ctx(request), params.id, params.contactId, request.body);
    },
  );
  app.delete(
    `${base}/contacts/:contactId`,
    {
      schema: {
        tags,
        summary: 'Remove a contact',
        description: contactsOnly,
        params: IdAnd('contactId'),
        querystring: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; contactId: string };
      await deleteContact(ctx(request), params.id, params.contactId, request.query.version);
      return reply.code(204).send(null);
    },
  );
}
