import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../context';
import { AppError } from '../../errors';
import { I18nText, Nullable, ProblemResponses, StringEnum } from '../../schemas';
import type { App } from '../../types';
import { BUDGET_DIMENSIONS, type BudgetDimension } from './budget.repo';
import { getBudget } from './budget.service';

const Amounts = Type.Array(
  Type.Object({
    rubric: Type.Optional(Type.String()),
    rubricLabel: Type.Optional(Nullable(I18nText)),
    year: Type.Optional(Type.Integer()),
    node: Type.Optional(Nullable(Type.String())),
    amount: Type.Number(),
  }),
);

const Budget = Type.Object({
  strategy: Type.String(),
  currency: Nullable(Type.String()),
  scale: Nullable(Type.Number({ description: 'amounts are in currency × scale (1000000 = millions)' })),
  type: Type.String(),
  by: Type.Array(Type.String()),
  rows: Amounts,
  totals: Type.Object({ total: Type.Number(), byYear: Amounts, byRubric: Amounts }),
  execution: Type.Object({
    allocated: Type.Number(),
    committed: Type.Number(),
    disbursed: Type.Number(),
    spent: Type.Number(),
    commitmentRate: Nullable(Type.Number()),
    disbursementRate: Nullable(Type.Number()),
    executionRate: Nullable(Type.Number()),
    components: Type.Unknown(),
  }),
});

function parseBy(by: string): BudgetDimension[] {
  const parts = by
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const wrong = parts.filter((p) => !(BUDGET_DIMENSIONS as readonly string[]).includes(p));
  if (wrong.length) {
    throw new AppError('validation_failed', 400, 'Unknown budget dimension', {}, [
      {
        path: '/query/by',
        code: 'enum',
        message: `use ${BUDGET_DIMENSIONS.join(', ')}; got ${wrong.join(', ')}`,
      },
    ]);
  }
  return parts as BudgetDimension[];
}

export default async function budgetRoutes(app: App) {
  app.get(
    '/api/strategies/:code/budget',
    {
      schema: {
        tags: ['budget'],
        summary: 'Budget by rubric, year and/or node, with totals and execution',
        params: Type.Object({ code: Type.String() }),
        querystring: Type.Object({
          by: Type.String({ default: 'rubric,year', description: 'comma-separated: rubric, year, node' }),
          type: Type.Optional(StringEnum(['original', 'revised'] as const)),
        }),
        response: { 200: Budget, ...ProblemResponses },
      },
    },
    (request) =>
      getBudget(ctxOf(app, request), request.params.code, {
        by: parseBy(request.query.by),
        type: request.query.type,
      }),
  );
}
