import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../context';
import { I18nText, Nullable, ProblemResponses, StringEnum } from '../../schemas';
import type { App } from '../../types';
import { comparePlanVersions, listPlanVersions } from './plan-versions.service';

const Day = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description} (YYYY-MM-DD)` });
const Params = Type.Object({ code: Type.String({ maxLength: 64, description: 'strategy code' }) });
const Change = {
  version: Type.Integer(),
  reason: Type.String({ description: 'why the target changed' }),
  effectiveFrom: Type.String(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String({ description: 'username of who made the change' })),
};
const Target = Nullable(
  Type.Object({
    version: Type.Integer(),
    baseline: Type.Unknown(),
    milestones: Type.Unknown(),
    final: Type.Unknown(),
    effectiveFrom: Type.String(),
  }),
);
const Weight = Type.Object({
  node: Type.String(),
  from: Type.Number(),
  to: Type.Number(),
  reason: Type.String(),
  effectiveFrom: Type.String(),
  at: Type.String(),
});

export default async function planVersionRoutes(app: App) {
  app.get(
    '/api/strategies/:code/plan-versions',
    {
      schema: {
        tags: ['strategies'],
        summary: 'The plan’s change history, newest first: target versions and weight changes',
        params: Params,
        response: {
          200: Type.Object({
            strategy: Type.String(),
            items: Type.Array(
              Type.Object({
                kind: StringEnum(['target', 'weight'] as const),
                subject: Type.String({ description: 'indicator or node code' }),
                at: Type.String(),
                version: Type.Optional(Type.Integer()),
                reason: Type.Optional(Type.String()),
                effectiveFrom: Type.Optional(Type.String()),
                from: Type.Optional(Type.Number()),
                to: Type.Optional(Type.Number()),
                createdBy: Nullable(Type.String()),
              }),
            ),
          }),
          ...ProblemResponses,
        },
      },
    },
    (request) => listPlanVersions(ctxOf(app, request), request.params.code),
  );

  app.get(
    '/api/strategies/:code/plan-versions/compare',
    {
      schema: {
        tags: ['strategies'],
        summary: 'The plan as of two dates side by side: what changed, when, by whom, why',
        params: Params,
        querystring: Type.Object({ from: Day('the earlier view'), to: Day('the later view') }),
        response: {
          200: Type.Object({
            strategy: Type.String(),
            from: Type.String(),
            to: Type.String(),
            targets: Type.Array(
              Type.Object({
                indicator: Type.String(),
                name: I18nText,
                from: Target,
                to: Target,
                changes: Type.Array(Type.Object(Change)),
              }),
            ),
            weights: Type.Array(Type.Composite([Weight, Type.Object({ by: Nullable(Type.String()) })])),
          }),
          ...ProblemResponses,
        },
      },
    },
    (request) =>
      comparePlanVersions(ctxOf(app, request), request.params.code, request.query.from, request.query.to),
  );
}
