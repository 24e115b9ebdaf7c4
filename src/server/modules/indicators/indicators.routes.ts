import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../context';
import { I18nText, Nullable, ProblemResponses, StringEnum } from '../../schemas';
import type { App } from '../../types';
import { IsoDate } from '../strategy/strategy.schema';
import { getIndicator, listDimensions, listIndicators } from './indicators.service';
import { changeTarget, recordObservation } from './indicators.write.service';

const Source = Type.Record(Type.String(), Type.Unknown(), {
  description: 'document, section, page, url, note, confidence',
});
const Point = Type.Object(
  {
    period: Type.String({ description: 'YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD' }),
    value: Nullable(Type.Number()),
    source: Type.Optional(Source),
  },
  { additionalProperties: false },
);

const tags = ['indicators'];

export default async function indicatorRoutes(app: App) {
  app.get(
    '/api/indicators',
    {
      schema: {
        tags,
        summary: 'Indicators, optionally of one strategy',
        querystring: Type.Object({
          strategy: Type.Optional(Type.String()),
          q: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                name: I18nText,
                unit: Type.String(),
                strategy: Type.String(),
                direction: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listIndicators(ctxOf(app, request), request.query) }),
  );

  app.get(
    '/api/indicators/:code',
    {
      schema: {
        tags,
        summary:
          'One indicator: definition, targets, observations, and computed status, achievement and forecast',
        description:
          'Every computed figure comes with its calculation components (inputs, method, thresholds, formula). ' +
          '`asOf` shows the indicator as it stood at that date: the target version then in force and the ' +
          'observations whose period had ended.',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ asOf: Type.Optional(IsoDate) }),
        response: { ...ProblemResponses },
      },
    },
    (request) => getIndicator(ctxOf(app, request), request.params.code, request.query),
  );

  app.get(
    '/api/dimensions',
    { schema: { tags, summary: 'Dimensions (region, zone, income, …) and their members' } },
    async (request) => ({ items: await listDimensions(ctxOf(app, request)) }),
  );

  app.put(
    '/api/indicators/:code/target',
    {
      schema: {
        tags,
        summary: 'Change the target: a new version, with its reason',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            baseline: Nullable(Point),
            milestones: Type.Array(Point, { maxItems: 100 }),
            final: Nullable(Point),
            reason: Type.String({ minLength: 3, maxLength: 2000, description: 'why the target changes' }),
            effectiveFrom: Type.Optional(IsoDate),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ indicator: Type.String(), version: Type.Integer() }),
          ...ProblemResponses,
        },
      },
    },
    (request) => changeTarget(ctxOf(app, request), request.params.code, request.body),
  );

  app.post(
    '/api/indicators/:code/observations',
    {
      schema: {
        tags,
        summary: 'Record or correct one observation (period × dimension members)',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            period: Type.String(),
            dimensions: Type.Optional(Type.Record(Type.String(), Type.String())),
            value: Nullable(Type.Number()),
            state: Type.Optional(StringEnum(['provisional', 'approved'] as const)),
            source: Type.Optional(Nullable(Source)),
            confidence: Type.Optional(Nullable(StringEnum(['high', 'medium', 'low', 'unverified'] as const))),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            indicator: Type.String(),
            period: Type.String(),
            dimensions: Type.Record(Type.String(), Type.String()),
            created: Type.Boolean(),
          }),
          ...ProblemResponses,
        },
      },
    },
    (request) => recordObservation(ctxOf(app, request), request.params.code, request.body),
  );
}
