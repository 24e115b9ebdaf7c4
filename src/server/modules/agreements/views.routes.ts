import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { I18nText, Nullable, ProblemResponses, StringEnum } from '../../schemas';
import type { App } from '../../types';
import { AgreementQuery, Commitment, Metric, MetricTotal } from './agreements.schema';
import {
  listCommitmentsAtRisk,
  rollupCommitments,
  SUMMARY_KEYS,
  summarizeCommitments,
} from './agreements.views.service';

const tags = ['agreements'];

const Summary = Type.Object({
  by: StringEnum(SUMMARY_KEYS),
  groups: Type.Array(
    Type.Object({
      key: Nullable(Type.String({ description: 'the event, party code, region code, metric or due year' })),
      name: Nullable(I18nText),
      totals: Type.Array(MetricTotal),
    }),
  ),
});

const AtRisk = Type.Object({
  asOf: Type.String(),
  items: Type.Array(
    Type.Object({
      agreement: Type.Object({
        code: Type.String(),
        title: I18nText,
        event: Nullable(Type.String()),
        regionCode: Nullable(Type.String()),
      }),
      commitment: Commitment,
    }),
  ),
});

const Rollup = Type.Object({
  strategy: Type.String(),
  nodes: Type.Array(
    Type.Object({
      code: Type.String(),
      totals: Type.Array(
        Type.Object({
          metric: Metric,
          committed: Type.Number(),
          achieved: Type.Number(),
          reported: Type.Number(),
        }),
      ),
    }),
  ),
});

export default async function viewRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);

  app.get(
    '/api/agreements/summary',
    {
      schema: {
        tags,
        summary: 'Commitments against realisations by event, party, region, metric or due year (public)',
        querystring: Type.Composite([
          Type.Omit(AgreementQuery, ['asOf']),
          Type.Object({ by: StringEnum(SUMMARY_KEYS) }),
        ]),
        response: { 200: Summary, ...ProblemResponses },
      },
    },
    (request) => {
      const { by, ...filter } = request.query;
      return summarizeCommitments(ctx(request), by, filter);
    },
  );

  app.get(
    '/api/agreements/at-risk',
    {
      schema: {
        tags,
        summary: 'Commitments at risk or off track on their trajectory to the due year (public)',
        querystring: Type.Pick(AgreementQuery, ['asOf']),
        response: { 200: AtRisk, ...ProblemResponses },
      },
    },
    (request) => listCommitmentsAtRisk(ctx(request), request.query.asOf),
  );

  app.get(
    '/api/strategies/:code/commitment-rollup',
    {
      schema: {
        tags,
        summary: 'Commitments credited to each node of a strategy, each realisation counted once per roll-up',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: Rollup, ...ProblemResponses },
      },
    },
    (request) => rollupCommitments(ctx(request), request.params.code),
  );
}
