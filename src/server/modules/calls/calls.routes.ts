import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { Call, CallInput, CallParams, CallPatch, JurorInput, VersionBody } from './calls.schema';
import {
  addJuror,
  createCall,
  getCall,
  listCalls,
  listJurors,
  markDecided,
  openCall,
  updateCall,
} from './calls.service';
import juryRoutes from './jury.routes';
import submissionAttachmentRoutes from './submission-attachments.routes';
import submissionRoutes from './submissions.routes';

const tags = ['calls'];
const manage = 'Needs `calls.manage` (admin, strategy office).';
const ok = { 200: Call, ...ProblemResponses };
const Jurors = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() })),
});

async function callRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.get(
    '/api/calls',
    {
      schema: {
        tags,
        summary: 'Calls for projects (drafts only to managers)',
        response: { 200: Type.Object({ items: Type.Array(Call) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listCalls(ctx(request)) }),
  );
  app.get(
    '/api/calls/:code',
    {
      schema: {
        tags,
        summary: 'One call: criteria, themes, dates, privacy notice, counts',
        params: CallParams,
        response: ok,
      },
    },
    (request) => getCall(ctx(request), request.params.code),
  );
  app.post(
    '/api/calls',
    {
      schema: {
        tags,
        summary: 'Create a call (as a draft)',
        description: manage,
        body: CallInput,
        response: { 201: Call, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createCall(ctx(request), request.body)),
  );
  app.patch(
    '/api/calls/:code',
    {
      schema: {
        tags,
        summary: 'Edit a call (criteria and scale frozen once closed)',
        description: manage,
        params: CallParams,
        body: CallPatch,
        response: ok,
      },
    },
    (request) => updateCall(ctx(request), request.params.code, request.body),
  );
  app.post(
    '/api/calls/:code/open',
    {
      schema: {
        tags,
        summary: 'Open a draft call to applicants (needs criteria and a future closing date)',
        description: `${manage} The call then closes by itself at \`closesAt\`.`,
        params: CallParams,
        body: VersionBody,
        response: ok,
      },
    },
    (request) => openCall(ctx(request), request.params.code, request.body.version),
  );
  app.post(
    '/api/calls/:code/decided',
    {
      schema: {
        tags,
        summary: 'Mark a closed call decided (every application has a decision)',
        description: manage,
        params: CallParams,
        body: VersionBody,
        response: ok,
      },
    },
    (request) => markDecided(ctx(request), request.params.code, request.body.version),
  );
  app.get(
    '/api/calls/:code/jurors',
    {
      schema: {
        tags,
        summary: 'The call’s jury',
        description: manage,
        params: CallParams,
        response: { 200: Jurors, ...ProblemResponses },
      },
    },
    (request) => listJurors(ctx(request), request.params.code),
  );
  app.post(
    '/api/calls/:code/jurors',
    {
      schema: {
        tags,
        summary: 'Put a user on the call’s jury (the membership is what lets them review)',
        description: manage,
        params: CallParams,
        body: JurorInput,
        response: { 200: Jurors, ...ProblemResponses },
      },
    },
    (request) => addJuror(ctx(request), request.params.code, request.body.username),
  );
}

/** Calls for projects: the calls, the applicants' side (no account) and the jury's. */
export default async function callsModule(app: App) {
  await app.register(callRoutes);
  await app.register(submissionRoutes);
  await app.register(submissionAttachmentRoutes);
  await app.register(juryRoutes);
}
