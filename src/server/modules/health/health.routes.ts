import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors';
import type { App } from '../../types';

export default async function healthRoutes(app: App) {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: '200 when the database answers, 503 otherwise',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('up') }) },
      },
    },
    async () => {
      if (!(await app.db.ping()))
        throw new AppError('database_unavailable', 503, 'The database does not answer');
      return { status: 'ok' as const, database: 'up' as const };
    },
  );
}
