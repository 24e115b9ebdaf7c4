import { Type } from '@sinclair/typebox';
import { isSignedIn } from '../../access/actor';
import { unauthenticated } from '../../errors';
import { SESSION_COOKIE } from '../../plugins/auth';
import { Nullable, ProblemResponses, Uuid } from '../../schemas';
import type { App } from '../../types';
import { createApiToken, describeActor, listApiTokens, login, logout, revokeApiToken } from './auth.service';

const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  locale: Type.String(),
  roles: Type.Array(
    Type.Object({
      role: Type.String(),
      organizationId: Nullable(Type.String()),
      organizationCode: Nullable(Type.String()),
    }),
  ),
  abilities: Type.Array(Type.String()),
});
const SessionInfo = Type.Object({ user: Nullable(Me), csrfToken: Nullable(Type.String()) });
const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
});

export default async function authRoutes(app: App) {
  const secure = (proto: string) => proto === 'https';

  app.post(
    '/api/auth/login',
    {
      config: { csrfExempt: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the HttpOnly session cookie',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 200 }),
          password: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: { 200: SessionInfo, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const result = await login(app.db, app.config, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request.protocol),
        expires: result.expiresAt,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null(), ...ProblemResponses } } },
    async (request, reply) => {
      await logout({ actor: request.actor, db: app.db });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, with roles and abilities',
        response: { 200: SessionInfo },
      },
    },
    async (request) => ({ user: describeActor(request.actor), csrfToken: request.csrfToken }),
  );

  app.get(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: "The caller's API tokens",
        response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listApiTokens({ actor: request.actor, db: app.db }) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (shown once)',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: {
          201: Type.Composite([ApiToken, Type.Object({ token: Type.String() })]),
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      if (!isSignedIn(request.actor)) throw unauthenticated();
      const created = await createApiToken({ actor: request.actor, db: app.db }, request.body);
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken({ actor: request.actor, db: app.db }, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
