import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import {
  CallParams,
  Created,
  Submission,
  SubmissionCreate,
  SubmissionPatch,
  SubmitBody,
  TokenParams,
} from './calls.schema';
import {
  createSubmission,
  eraseSubmission,
  exportSubmission,
  getSubmissionByToken,
  submitSubmission,
  updateSubmission,
} from './submissions.service';

const tags = ['calls'];
const link =
  'Public, no account: the token of the private link is the credential. An unknown or erased link is 404.';
const editing = `${link} Only a draft, while the call accepts submissions (409 \`call.closed\` after \`closesAt\`, by the server’s clock).`;
// Public writes: no session, so no CSRF token; a browser's cross-site post is still refused by its Origin.
const config = { csrfExempt: true };

/** The applicant's side of a call: a draft behind a private link, submitted with consent, exported, erased. */
export default async function submissionRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);
  const deps = (request: FastifyRequest) => ({ config: app.config, ip: request.ip });

  app.post(
    '/api/calls/:code/submissions',
    {
      config,
      schema: {
        tags,
        summary: 'Start an application: a draft behind a private link (mailed to the applicant)',
        description:
          'Public. One application per email and call (409 `submission.duplicate`); new drafts are throttled per address (429). The token is returned once and mailed; only its hash is stored.',
        params: CallParams,
        body: SubmissionCreate,
        response: { 201: Created, 429: ProblemResponses[400], ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createSubmission(ctx(request), deps(request), request.params.code, request.body)),
  );
  app.get(
    '/api/submissions/:token',
    {
      schema: {
        tags,
        summary: 'The application behind a private link',
        description: link,
        params: TokenParams,
        response: { 200: Submission, ...ProblemResponses },
      },
    },
    (request) => getSubmissionByToken(ctx(request), request.params.token),
  );
  app.put(
    '/api/submissions/:token',
    {
      config,
      schema: {
        tags,
        summary: 'Save the draft (absent fields kept; stale `version` → 409 with the current one)',
        description: editing,
        params: TokenParams,
        body: SubmissionPatch,
        response: { 200: Submission, ...ProblemResponses },
      },
    },
    (request) => updateSubmission(ctx(request), request.params.token, request.body),
  );
  app.post(
    '/api/submissions/:token/submit',
    {
      config,
      schema: {
        tags,
        summary: 'Submit the application: consent to the privacy notice required; a confirmation is mailed',
        description: `${editing} \`consent.noticeVersion\` must be the call’s current notice version; it is recorded.`,
        params: TokenParams,
        body: SubmitBody,
        response: { 200: Submission, ...ProblemResponses },
      },
    },
    (request) => submitSubmission(ctx(request), deps(request), request.params.token, request.body),
  );
  app.get(
    '/api/submissions/:token/export',
    {
      schema: {
        tags,
        summary: 'Everything kept about the applicant in this application, as JSON (right of access)',
        description: link,
        params: TokenParams,
        response: {
          200: Type.Object({
            exportedAt: Type.String(),
            privacyNotice: Type.Unknown(),
            call: Type.Unknown(),
            submission: Submission,
          }),
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const data = await exportSubmission(ctx(request), request.params.token);
      return reply
        .header('content-disposition', `attachment; filename="application-${data.submission.ref}.json"`)
        .send(data);
    },
  );
  app.delete(
    '/api/submissions/:token',
    {
      config,
      schema: {
        tags,
        summary: 'Erase the applicant’s data',
        description: `${link} A draft is deleted; a submitted application keeps an anonymous tombstone (number, dates, decision, scores; no personal field, no file) so the call’s counts stay true.`,
        params: TokenParams,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await eraseSubmission(ctx(request), request.params.token);
      return reply.code(204).send(null);
    },
  );
}
