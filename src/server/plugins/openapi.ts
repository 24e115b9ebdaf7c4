import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { Problem } from '../schemas';
import type { App } from '../types';

/** Every route's schemas make up the OpenAPI 3.1 document at /api/openapi.json, readable at /api/docs. */
async function openapiPlugin(app: App) {
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Marsad API',
        version: '0.1.0',
        description:
          'Plan, run, monitor and publish a national digital strategy. Published data is readable without signing in. ' +
          'Writes need a session cookie plus the x-csrf-token header, or an API token (Authorization: Bearer msd_…). ' +
          'Errors are application/problem+json with a stable `code` and, for invalid fields, `errors[].path`.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'marsad_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

export default fp(openapiPlugin, { name: 'openapi' });
