import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses, Uuid } from '../../schemas';
import type { App } from '../../types';
import { listAgenda, listReasons, replaceReasons } from './agenda.service';
import {
  AgendaItem,
  CycleQuery,
  IdParams,
  Reason,
  ReasonsPut,
  ReopenInput,
  Report,
  ReportDraft,
  ReportQuery,
  ReturnInput,
  VersionBody,
} from './reporting.schema';
import { getReport, listReports, saveDraft } from './reports.service';
import { approveReport, reopenReport, returnReport, submitReport } from './workflow.service';

const tags = ['reporting'];
const one = '/api/reporting/reports/:id';
const hidden = 'Another organization’s report, or one the caller’s bodies do not review, answers 404.';
const review =
  'Needs `reporting.review` in a body that the reporting line names for the organization (a reviewer scoped ' +
  'to a member or the chair of the body; the strategy office and admins review all). Reviewing a report one ' +
  'wrote → 403.';

const ReportSummary = Type.Object({
  id: Uuid,
  cycle: Uuid,
  strategy: Type.String(),
  period: Type.String(),
  dueDate: Type.String(),
  organization: Type.String(),
  state: Type.String(),
  isLate: Type.Boolean(),
  version: Type.Integer(),
});

export default async function reportRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);
  const action = <B extends TSchema>(summary: string, description: string, body: B) => ({
    schema: {
      tags,
      summary,
      description,
      params: IdParams,
      body,
      response: { 200: Report, ...ProblemResponses },
    },
  });

  app.get(
    '/api/reporting/reports',
    {
      schema: {
        tags,
        summary:
          'The reports the caller may see (its own organization’s, those it reviews, all for the office)',
        querystring: ReportQuery,
        response: { 200: Type.Object({ items: Type.Array(ReportSummary) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listReports(ctx(request), request.query) }),
  );

  app.get(
    one,
    {
      schema: {
        tags,
        summary: 'One report: its scope, content, evaluations, comments and the caller’s abilities',
        description: hidden,
        params: IdParams,
        response: { 200: Report, ...ProblemResponses },
      },
    },
    (request) => getReport(ctx(request), request.params.id),
  );

  app.put(
    one,
    {
      schema: {
        tags,
        summary: 'Save the draft (the whole content); checked at once, stale version → 409',
        description: `Needs \`reporting.report\` in the organization. ${hidden}`,
        params: IdParams,
        body: ReportDraft,
        response: { 200: Report, ...ProblemResponses },
      },
    },
    (request) => saveDraft(ctx(request), request.params.id, request.body),
  );

  app.post(
    `${one}/submit`,
    action(
      'Submit (or resubmit) the saved draft',
      'A missing figure or a missing variance explanation for an item at risk or off track → 400 naming each.',
      VersionBody,
    ),
    (request) => submitReport(ctx(request), request.params.id, request.body.version),
  );

  app.post(
    `${one}/return`,
    action('Return a submitted report with comments per item', review, ReturnInput),
    (request) => returnReport(ctx(request), request.params.id, request.body),
  );

  app.post(
    `${one}/approve`,
    action(
      'Approve a submitted report: locked, its figures become approved observations at once',
      review,
      VersionBody,
    ),
    (request) => approveReport(ctx(request), request.params.id, request.body.version),
  );

  app.post(
    `${one}/reopen`,
    action('Reopen an approved report, with a reason', 'Needs `reporting.manage`.', ReopenInput),
    (request) => reopenReport(ctx(request), request.params.id, request.body),
  );

  app.get(
    '/api/reporting/reasons',
    {
      schema: {
        tags,
        summary: 'The variance reasons (configurable list)',
        response: { 200: Type.Object({ items: Type.Array(Reason) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listReasons(ctx(request)) }),
  );

  app.put(
    '/api/reporting/reasons',
    {
      schema: {
        tags,
        summary: 'Replace the variance reasons',
        description: 'Needs `reporting.manage`.',
        body: ReasonsPut,
        response: { 200: Type.Object({ items: Type.Array(Reason) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await replaceReasons(ctx(request), request.body) }),
  );

  app.get(
    '/api/reporting/agenda',
    {
      schema: {
        tags,
        summary: 'Escalated variances: the inter-ministerial committee’s agenda',
        description: 'Needs `reporting.review`; lists what the caller may see.',
        querystring: CycleQuery,
        response: { 200: Type.Object({ items: Type.Array(AgendaItem) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listAgenda(ctx(request), request.query) }),
  );
}
