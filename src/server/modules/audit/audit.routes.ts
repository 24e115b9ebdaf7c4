import { Type } from '@sinclair/typebox';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { listAuditEvents } from './audit.service';

const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Union([Type.Object({ id: Type.String(), username: Type.String() }), Type.Null()]),
  actorKind: Type.String(),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  diff: Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
});

const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ description: 'username or user id' })),
  subjectType: Type.Optional(Type.String()),
  subjectId: Type.Optional(Type.String()),
  action: Type.Optional(Type.String()),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'page: events older than this id' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});

export default async function auditRoutes(app: App) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Audit trail (administrators)',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditEvent) }), ...ProblemResponses },
      },
    },
    async (request) => {
      const { before, ...filter } = request.query;
      const items = await listAuditEvents(
        { actor: request.actor, db: app.db },
        { ...filter, beforeId: before },
      );
      return { items };
    },
  );
}
