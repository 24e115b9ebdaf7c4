import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import {
  CommentInput,
  OrganizationBody,
  Proposal,
  ProposalInput,
  ProposalParams,
  ProposalQuery,
  ResponseInput,
  Trace,
} from './consultation.schema';
import {
  answerProposal,
  commentProposal,
  endorseProposal,
  getProposal,
  listProposals,
  submitProposal,
  traceProposal,
} from './consultation.service';

const tags = ['consultation'];
const speaks =
  'Needs `consultation.propose` in the scope of the named organization (a user speaks for the organizations its grants cover).';
const ok = { 200: Proposal, ...ProblemResponses };
const one = '/api/proposals/:code';

export default async function consultationRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.get(
    '/api/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals to the strategy, with endorsements, comments and the ministry’s answers (public)',
        querystring: ProposalQuery,
        response: { 200: Type.Object({ items: Type.Array(Proposal) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listProposals(ctx(request), request.query) }),
  );
  app.get(
    one,
    { schema: { tags, summary: 'One proposal (public)', params: ProposalParams, response: ok } },
    (request) => getProposal(ctx(request), request.params.code),
  );
  app.post(
    '/api/proposals',
    {
      schema: {
        tags,
        summary: 'Submit a proposal for an organization',
        description: speaks,
        body: ProposalInput,
        response: { 201: Proposal, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await submitProposal(ctx(request), request.body)),
  );
  app.post(
    `${one}/endorsements`,
    {
      schema: {
        tags,
        summary: 'Endorse a proposal for an organization (once per organization; not the authors)',
        description: speaks,
        params: ProposalParams,
        body: OrganizationBody,
        response: ok,
      },
    },
    (request) => endorseProposal(ctx(request), request.params.code, request.body.organization),
  );
  app.post(
    `${one}/comments`,
    {
      schema: {
        tags,
        summary: 'Comment on a proposal for an organization',
        description: speaks,
        params: ProposalParams,
        body: CommentInput,
        response: ok,
      },
    },
    (request) => commentProposal(ctx(request), request.params.code, request.body),
  );
  app.put(
    `${one}/response`,
    {
      schema: {
        tags,
        summary:
          'The ministry’s answer: accepted, modified or rejected, with the reason and the nodes it became',
        description: 'Needs `consultation.answer` (admin, strategy office). Stale `version` → 409.',
        params: ProposalParams,
        body: ResponseInput,
        response: ok,
      },
    },
    (request) => answerProposal(ctx(request), request.params.code, request.body),
  );
  app.get(
    `${one}/trace`,
    {
      schema: {
        tags,
        summary:
          'Traceability: the answered proposal → its plan nodes → their indicators, projects and budget',
        description: 'Public for answered proposals; an unanswered one is 404.',
        params: ProposalParams,
        response: { 200: Trace, ...ProblemResponses },
      },
    },
    (request) => traceProposal(ctx(request), request.params.code),
  );
}
