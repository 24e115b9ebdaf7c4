import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import {
  Agreement,
  AgreementInput,
  AgreementList,
  AgreementParams,
  AgreementPatch,
  AgreementQuery,
  AttributionsInput,
  CommitmentInput,
  CommitmentParams,
  CommitmentPatch,
  VersionQuery,
} from './agreements.schema';
import {
  createAgreement,
  deleteAgreement,
  getAgreement,
  listAgreements,
  updateAgreement,
} from './agreements.service';
import { addCommitment, deleteCommitment, setAttributions, updateCommitment } from './commitments.service';
import innovationRoutes from './innovation.routes';
import realisationRoutes from './realisations.routes';
import viewRoutes from './views.routes';

const tags = ['agreements'];
const manage = 'Needs `agreements.manage` (strategy office).';
const ok = { 200: Agreement, ...ProblemResponses };

export default async function agreementRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);
  const one = '/api/agreements/:code';
  const commitment = `${one}/commitments/:commitmentCode`;

  app.get(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Agreements with their commitments and totals per metric (public)',
        description:
          'Filters: `event` (exact name), `region` (MA-06), `party` (organization code), `metric`.',
        querystring: AgreementQuery,
        response: { 200: AgreementList, ...ProblemResponses },
      },
    },
    (request) => listAgreements(ctx(request), request.query),
  );

  app.get(
    one,
    {
      schema: {
        tags,
        summary: 'One agreement (public)',
        params: AgreementParams,
        querystring: Type.Pick(AgreementQuery, ['asOf']),
        response: ok,
      },
    },
    (request) => getAgreement(ctx(request), request.params.code, request.query.asOf),
  );

  app.post(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Create an agreement',
        description: manage,
        body: AgreementInput,
        response: { 201: Agreement, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createAgreement(ctx(request), request.body)),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary: 'Edit an agreement',
        description: manage,
        params: AgreementParams,
        body: AgreementPatch,
        response: ok,
      },
    },
    (request) => updateAgreement(ctx(request), request.params.code, request.body),
  );

  app.delete(
    one,
    {
      schema: {
        tags,
        summary: 'Delete an agreement and its commitments (soft)',
        description: manage,
        params: AgreementParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteAgreement(ctx(request), request.params.code, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${one}/commitments`,
    {
      schema: {
        tags,
        summary: 'Add a commitment (returns the agreement)',
        description: manage,
        params: AgreementParams,
        body: CommitmentInput,
        response: { 201: Agreement, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addCommitment(ctx(request), request.params.code, request.body)),
  );

  app.patch(
    commitment,
    {
      schema: {
        tags,
        summary: 'Edit a commitment',
        description: manage,
        params: CommitmentParams,
        body: CommitmentPatch,
        response: ok,
      },
    },
    (request) =>
      updateCommitment(ctx(request), request.params.code, request.params.commitmentCode, request.body),
  );

  app.delete(
    commitment,
    {
      schema: {
        tags,
        summary: 'Delete a commitment (soft)',
        description: manage,
        params: CommitmentParams,
        querystring: VersionQuery,
        response: ok,
      },
    },
    (request) =>
      deleteCommitment(
        ctx(request),
        request.params.code,
        request.params.commitmentCode,
        request.query.version,
      ),
  );

  app.put(
    `${commitment}/attributions`,
    {
      schema: {
        tags,
        summary: 'Set the shares of a commitment credited to plan nodes (at most 100 % in all)',
        description: manage,
        params: CommitmentParams,
        body: AttributionsInput,
        response: ok,
      },
    },
    (request) =>
      setAttributions(ctx(request), request.params.code, request.params.commitmentCode, request.body),
  );

  await realisationRoutes(app);
  await viewRoutes(app);
  await innovationRoutes(app);
}
