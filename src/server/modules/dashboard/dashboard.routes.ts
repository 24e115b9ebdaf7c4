import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { CodeParams, Dashboard, DashboardQuery } from './dashboard.schema';
import { getDashboard } from './dashboard.service';

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
}
