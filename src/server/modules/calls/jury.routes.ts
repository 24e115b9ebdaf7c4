import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import {
  AssignInput,
  CallParams,
  ConflictInput,
  DecisionInput,
  ProjectFromSubmission,
  RankingRow,
  ReviewSchema,
  ScoreInput,
  ShortlistInput,
  Submission,
  SubmissionParams,
} from './calls.schema';
import { decideSubmission, getRanking, getResults, setShortlist, trackAsProject } from './decisions.service';
import {
  assignSubmissions,
  declareConflict,
  getJurySubmission,
  listJurySubmissions,
  listReviews,
  scoreSubmission,
} from './jury.service';

const tags = ['calls'];
const manage = 'Needs `calls.manage` (admin, strategy office).';
const juryOrManage =
  'Managers see every submitted application; a juror only those assigned to them without a declared conflict (others 404).';
const jurorOnly = 'A juror of the call (a jury membership), on an application assigned to them.';
const one = '/api/calls/:code/submissions/:ref';

export default async function juryRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.get(
    '/api/calls/:code/submissions',
    {
      schema: {
        tags,
        summary: 'Submitted applications (jury and managers)',
        description: juryOrManage,
        params: CallParams,
        response: { 200: Type.Object({ items: Type.Array(Submission) }), ...ProblemResponses },
      },
    },
    (request) => listJurySubmissions(ctx(request), request.params.code),
  );
  app.get(
    one,
    {
      schema: {
        tags,
        summary: 'One submitted application',
        description: juryOrManage,
        params: SubmissionParams,
        response: { 200: Submission, ...ProblemResponses },
      },
    },
    (request) => getJurySubmission(ctx(request), request.params.code, request.params.ref),
  );
  app.get(
    '/api/calls/:code/reviews',
    {
      schema: {
        tags,
        summary: 'Reviews: all for managers, a juror’s own otherwise',
        params: CallParams,
        response: { 200: Type.Object({ items: Type.Array(ReviewSchema) }), ...ProblemResponses },
      },
    },
    (request) => listReviews(ctx(request), request.params.code),
  );
  app.post(
    '/api/calls/:code/assignments',
    {
      schema: {
        tags,
        summary: 'Assign submitted applications to jurors (all × all by default)',
        description: manage,
        params: CallParams,
        body: AssignInput,
        response: { 200: Type.Object({ created: Type.Integer() }), ...ProblemResponses },
      },
    },
    (request) => assignSubmissions(ctx(request), request.params.code, request.body),
  );
  app.post(
    `${one}/conflict`,
    {
      schema: {
        tags,
        summary:
          'Declare a conflict of interest (then the application is hidden from you and cannot be scored)',
        description: jurorOnly,
        params: SubmissionParams,
        body: ConflictInput,
        response: { 200: ReviewSchema, ...ProblemResponses },
      },
    },
    (request) => declareConflict(ctx(request), request.params.code, request.params.ref, request.body.reason),
  );
  app.put(
    `${one}/review`,
    {
      schema: {
        tags,
        summary: 'Score every criterion on the call’s scale, with comments',
        description: `${jurorOnly} Out of scale → 400 \`out_of_scale\`; after a conflict → 409 \`jury.conflict_declared\`.`,
        params: SubmissionParams,
        body: ScoreInput,
        response: { 200: ReviewSchema, ...ProblemResponses },
      },
    },
    (request) => scoreSubmission(ctx(request), request.params.code, request.params.ref, request.body),
  );
  app.get(
    '/api/calls/:code/ranking',
    {
      schema: {
        tags,
        summary: 'Aggregated scores: weighted mean per application, spread (min, max, σ) and rank',
        description: manage,
        params: CallParams,
        response: {
          200: Type.Object({
            call: Type.String(),
            scale: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
            criteria: Type.Array(Type.Object({ code: Type.String(), weight: Type.Number() })),
            method: Type.String(),
            items: Type.Array(RankingRow),
          }),
          ...ProblemResponses,
        },
      },
    },
    (request) => getRanking(ctx(request), request.params.code),
  );
  app.put(
    '/api/calls/:code/shortlist',
    {
      schema: {
        tags,
        summary: 'Set the shortlist (these applications, and only them)',
        description: manage,
        params: CallParams,
        body: ShortlistInput,
        response: { 200: Type.Object({ shortlist: Type.Array(Type.String()) }), ...ProblemResponses },
      },
    },
    (request) => setShortlist(ctx(request), request.params.code, request.body.submissions),
  );
  app.post(
    `${one}/decision`,
    {
      schema: {
        tags,
        summary: 'Decide an application (selected or rejected, with the reason); the applicant is mailed',
        description: manage,
        params: SubmissionParams,
        body: DecisionInput,
        response: { 200: Submission, ...ProblemResponses },
      },
    },
    (request) => decideSubmission(ctx(request), request.params.code, request.params.ref, request.body),
  );
  app.post(
    `${one}/project`,
    {
      schema: {
        tags,
        summary: 'Track a selected application as a project under a plan node',
        description: `${manage} Also needs \`projects.manage\` in the project's scope (the projects service decides).`,
        params: SubmissionParams,
        body: ProjectFromSubmission,
        response: { 201: Submission, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await trackAsProject(ctx(request), request.params.code, request.params.ref, request.body)),
  );
  app.get(
    '/api/calls/:code/results',
    {
      schema: {
        tags,
        summary: 'Public results of a decided call: the selected applications and the projects they became',
        description: 'No personal data. Before the decision: 409 `call.not_decided`.',
        params: CallParams,
        response: {
          200: Type.Object({
            call: Type.String(),
            strategy: Type.Union([Type.String(), Type.Null()]),
            submitted: Type.Integer(),
            selected: Type.Array(
              Type.Object({
                ref: Type.String(),
                title: Type.Union([Type.String(), Type.Null()]),
                theme: Type.Union([Type.String(), Type.Null()]),
                project: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...ProblemResponses,
        },
      },
    },
    (request) => getResults(ctx(request), request.params.code),
  );
}
