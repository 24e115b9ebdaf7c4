import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { Actor } from './access/actor';
import type { Config } from './config';
import type { Db } from './db/pool';

/** The Fastify instance every module's routes receive, typed by its TypeBox schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What a service needs besides its input: who acts, and the database. */
export interface Ctx {
  actor: Actor;
  db: Db;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Set when the caller authenticated with the session cookie: cookie writes need the CSRF token. */
    csrfToken: string | null;
  }
}
