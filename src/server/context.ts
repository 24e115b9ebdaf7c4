import type { FastifyRequest } from 'fastify';
import type { App, Ctx } from './types';

/** The service context of a request: who calls, and the database. */
export function ctxOf(app: App, request: FastifyRequest): Ctx {
  return { actor: request.actor, db: app.db };
}
