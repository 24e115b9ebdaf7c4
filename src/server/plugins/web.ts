import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../errors';
import { preferredLocale } from '../modules/portal/portal.locale';
import type { App } from '../types';

/**
 * Serves the back office (the Vite build in `config.webDir`) under /app/, with index.html for client routes.
 * `/` leads to the public portal, in the visitor's language among French, Arabic and English.
 */
async function webPlugin(app: App) {
  const root = app.config.webDir;
  const built = existsSync(path.join(root, 'index.html'));
  app.get('/', { schema: { hide: true } }, (request, reply) =>
    reply
      .header('vary', 'accept-language')
      .redirect(`/${preferredLocale(request.headers['accept-language'])}/`),
  );
  if (!built) {
    app.get('/app/*', { schema: { hide: true } }, async () => {
      throw new AppError('web_not_built', 503, 'The web interface is not built: run `npm run build`');
    });
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/app/', index: false, wildcard: false });
  const sendIndex = (
    _request: unknown,
    reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown },
  ) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  app.get('/app', { schema: { hide: true } }, (_request, reply) => reply.redirect('/app/'));
  app.get('/app/', { schema: { hide: true } }, sendIndex as never);
  // Assets have content hashes in their names; any other path under /app/ is a client route.
  app.get('/app/*', { schema: { hide: true } }, (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    if (rel.startsWith('assets/') || rel.includes('.')) return reply.sendFile(rel);
    return sendIndex(request, reply);
  });
}

export default fp(webPlugin, { name: 'web' });
