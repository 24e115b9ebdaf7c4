import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses, Uuid } from '../../schemas';
import type { App } from '../../types';
import { Realisation, RealisationInput, RealisationPatch, VerificationInput } from './agreements.schema';
import {
  amendRealisation,
  getRealisation,
  reportRealisation,
  verifyRealisation,
} from './realisations.service';

const tags = ['agreements'];
const IdParams = Type.Object({ id: Uuid });

export default async function realisationRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.post(
    '/api/realisations',
    {
      schema: {
        tags,
        summary: 'Report what a party delivered in a period against a commitment',
        description:
          'Needs `agreements.report`: a reporter for its own organization, or the strategy office.',
        body: RealisationInput,
        response: { 201: Realisation, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await reportRealisation(ctx(request), request.body)),
  );

  app.get(
    '/api/realisations/:id',
    {
      schema: {
        tags,
        summary: 'One realisation (public once verified)',
        params: IdParams,
        response: { 200: Realisation, ...ProblemResponses },
      },
    },
    (request) => getRealisation(ctx(request), request.params.id),
  );

  app.post(
    '/api/realisations/:id/verification',
    {
      schema: {
        tags,
        summary: 'Verify or dispute a reported realisation (a dispute says why)',
        description: 'Needs `agreements.verify` (strategy office).',
        params: IdParams,
        body: VerificationInput,
        response: { 200: Realisation, ...ProblemResponses },
      },
    },
    (request) => verifyRealisation(ctx(request), request.params.id, request.body),
  );

  app.patch(
    '/api/realisations/:id',
    {
      schema: {
        tags,
        summary: 'Correct a realisation not yet verified (it goes back to reported)',
        description: 'Needs `agreements.report` for the committing party; a verified figure is locked (409).',
        params: IdParams,
        body: RealisationPatch,
        response: { 200: Realisation, ...ProblemResponses },
      },
    },
    (request) => amendRealisation(ctx(request), request.params.id, request.body),
  );
}
