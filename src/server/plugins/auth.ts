import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import { AppError } from '../errors';
import { resolveApiToken, resolveSession } from '../modules/auth/auth.service';
import { safeEqual } from '../modules/auth/tokens';
import type { App } from '../types';

export const SESSION_COOKIE = 'marsad_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on the few routes that accept writes before any session exists (login), which check Origin instead. */
    csrfExempt?: boolean;
  }
}

/**
 * Works out who is calling — a session cookie or an API token — and enforces CSRF protection on writes
 * authenticated by the cookie: they must echo the session's token in `x-csrf-token`. API tokens are sent
 * explicitly by their clients, so they need no CSRF token.
 */
async function authPlugin(app: App) {
  await app.register(cookie);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'anonymous', requestId: String(request.id) };
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await resolveApiToken(app.db, match[1]) : null;
      if (!actor) throw new AppError('invalid_token', 401, 'The API token is unknown or revoked');
      request.actor = { ...actor, requestId: String(request.id) };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(app.db, token);
    if (!session) return;
    request.actor = { ...session.actor, requestId: String(request.id) };
    request.csrfToken = session.csrfToken;
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config?.csrfExempt) {
      assertSameOrigin(request.headers.origin, request.headers.host);
      return;
    }
    if (request.actor.kind !== 'user') return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
      throw new AppError('csrf_failed', 403, 'Missing or wrong CSRF token (x-csrf-token header)');
    }
  });
}

/** A browser always sends Origin on a cross-site POST: refuse one that names another site. */
function assertSameOrigin(origin: string | undefined, host: string | undefined): void {
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = '';
  }
  if (originHost !== host) throw new AppError('csrf_failed', 403, 'Cross-site request refused');
}

export default fp(authPlugin, { name: 'auth', dependencies: ['errors'] });
