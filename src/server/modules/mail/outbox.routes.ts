import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../context';
import { Nullable, ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { listOutbox } from './outbox.service';

const CapturedMail = Type.Object({
  id: Type.Integer(),
  messageId: Nullable(Type.String()),
  from: Nullable(Type.String()),
  to: Type.Array(Type.String()),
  subject: Type.String(),
  text: Nullable(Type.String()),
  language: Nullable(Type.String({ description: 'Content-Language of the mail (fr, ar, en)' })),
  receivedAt: Type.String(),
});

export default async function outboxRoutes(app: App) {
  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Mails caught by the local SMTP capture (development and tests), newest first',
        description: 'Needs `mail.outbox` (admins). Empty when Marsad sends through a real SMTP_URL.',
        querystring: Type.Object({
          to: Type.Optional(Type.String({ maxLength: 320, description: 'only mails to this address' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(CapturedMail) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listOutbox(ctxOf(app, request), request.query) }),
  );
}
