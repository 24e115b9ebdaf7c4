import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { generateBriefing, listBriefings, readBriefing } from './briefing.service';
import {
  BriefingQuery,
  Briefings,
  CodeParams,
  Dashboard,
  DashboardQuery,
  FileParams,
} from './dashboard.schema';
import { getDashboard } from './dashboard.service';

const PDF = {
  200: { description: 'application/pdf', type: 'string', format: 'binary' },
  ...ProblemResponses,
};

const tags = ['dashboard'];

export default async function dashboardRoutes(app: App) {
  app.get(
    '/api/strategies/:code/dashboard',
    {
      schema: {
        tags,
        summary:
          'Executive dashboard: status, progress, budget, key indicators, off-track items, completeness',
        description:
          'Per priority (or per child of the node given as `priority`): status counts of the subtree, weighted ' +
          'progress, budget allocated/committed/disbursed/spent with financial vs physical progress. Key ' +
          'indicators are those linked to the top-level nodes in scope. `organization` keeps the nodes it owns; ' +
          '`region` judges indicators on that region’s observations; `period` takes its budget years and cycle ' +
          'and caps `asOf` at its end.',
        params: CodeParams,
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...ProblemResponses },
      },
    },
    (request) => getDashboard(ctxOf(app, request), request.params.code, request.query),
  );

  app.get(
    '/api/strategies/:code/briefing.pdf',
    {
      schema: {
        tags,
        summary: 'The steering committee’s briefing book (PDF), generated now, in French or Arabic',
        params: CodeParams,
        querystring: BriefingQuery,
        response: PDF,
      },
    },
    async (request, reply) => {
      const { lang = 'fr', asOf } = request.query;
      const { pdf, asOf: date } = await generateBriefing(ctxOf(app, request), request.params.code, {
        lang,
        asOf,
      });
      const name = `${request.params.code}-${date}-${lang}.pdf`.replace(/[^\w.-]/g, '_');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/strategies/:code/briefings',
    {
      schema: {
        tags,
        summary: 'The briefings stored by the schedule, newest first',
        params: CodeParams,
        response: { 200: Briefings, ...ProblemResponses },
      },
    },
    async (request) => ({
      items: await listBriefings(ctxOf(app, request), app.config.dataDir, request.params.code),
    }),
  );

  app.get(
    '/api/strategies/:code/briefings/:file',
    { schema: { tags, summary: 'One stored briefing (PDF)', params: FileParams, response: PDF } },
    async (request, reply) => {
      const { code, file } = request.params;
      const pdf = await readBriefing(ctxOf(app, request), app.config.dataDir, code, file);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file}"`)
        .send(pdf);
    },
  );
}
