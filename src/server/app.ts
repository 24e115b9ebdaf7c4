import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { Db } from './db/pool';
import jobsPlugin from './jobs/jobs.plugin';
import agreementRoutes from './modules/agreements/agreements.routes';
import auditRoutes from './modules/audit/audit.routes';
import authRoutes from './modules/auth/auth.routes';
import budgetRoutes from './modules/budget/budget.routes';
import budgetWriteRoutes from './modules/budget/budget.write';
import callsModule from './modules/calls/calls.routes';
import consultationRoutes from './modules/consultation/consultation.routes';
import dashboardRoutes from './modules/dashboard/dashboard.routes';
import governanceRoutes from './modules/governance/governance.routes';
import healthRoutes from './modules/health/health.routes';
import exportRoutes from './modules/imports/imports.export.routes';
import importRoutes from './modules/imports/imports.routes';
import indicatorRoutes from './modules/indicators/indicators.routes';
import outboxRoutes from './modules/mail/outbox.routes';
import operationRoutes from './modules/operations/operations.routes';
import organizationRoutes from './modules/organizations/organizations.routes';
import registryRoutes from './modules/organizations/registry.routes';
import portalRoutes from './modules/portal/portal.routes';
import portalCallsRoutes from './modules/portal/portal-calls.routes';
import projectRoutes from './modules/projects/projects.routes';
import publishingRoutes from './modules/publishing/publishing.routes';
import attachmentRoutes from './modules/reporting/attachments.routes';
import cycleRoutes from './modules/reporting/cycles.routes';
import planVersionRoutes from './modules/reporting/plan-versions.routes';
import reportRoutes from './modules/reporting/reports.routes';
import nodeRoutes from './modules/strategy/nodes.routes';
import strategyRoutes from './modules/strategy/strategy.routes';
import userRoutes from './modules/users/users.routes';
import authPlugin from './plugins/auth';
import errorsPlugin from './plugins/errors';
import metricsPlugin from './plugins/metrics';
import openapiPlugin from './plugins/openapi';
import webPlugin from './plugins/web';
import type { App } from './types';

/** Secrets never reach the logs, whatever a log call is given. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'csrfToken',
  '*.csrfToken',
];

/** URL parts that are secrets themselves (an applicant's private link, API or portal), masked in request log lines. */
const SECRET_IN_URL = /(\/api\/submissions\/|\/(?:fr|ar|en)\/calls\/submission\/)[^/?#]+/;

/** Fastify's request log fields, with the secrets some URLs carry masked. */
function requestForLog(req: FastifyRequest) {
  const version = req.headers['accept-version'];
  return {
    method: req.method,
    url: req.url.replace(SECRET_IN_URL, '$1[redacted]'),
    version: typeof version === 'string' ? version : undefined,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export interface BuildOptions {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions['logger'];
}

/** The modules, each a folder under modules/ with its routes; adding a module means adding it here. */
const MODULES = [
  healthRoutes,
  authRoutes,
  userRoutes,
  organizationRoutes,
  auditRoutes,
  strategyRoutes,
  nodeRoutes,
  projectRoutes,
  governanceRoutes,
  indicatorRoutes,
  budgetRoutes,
  budgetWriteRoutes,
  importRoutes,
  exportRoutes,
  operationRoutes,
  cycleRoutes,
  reportRoutes,
  attachmentRoutes,
  planVersionRoutes,
  outboxRoutes,
  publishingRoutes,
  dashboardRoutes,
  agreementRoutes,
  registryRoutes,
  portalRoutes,
  callsModule,
  consultationRoutes,
  portalCallsRoutes,
];

/** Builds the Marsad HTTP application on an open database (migrations already applied). */
export async function buildApp({ config, db, logger }: BuildOptions): Promise<App> {
  const logOptions = logger ?? {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  const app = Fastify({
    logger:
      typeof logOptions === 'object'
        ? { ...logOptions, serializers: { req: requestForLog, ...logOptions.serializers } }
        : logOptions,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Keep a caller's request id when it is a sane one, so logs can be followed across services.
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && /^[\w.-]{8,100}$/.test(sent) ? sent : randomUUID();
    },
    ajv: {
      customOptions: {
        allErrors: true,
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        // unions of scalar types (a page given as a number or a string) are intended
        allowUnionTypes: true,
      },
    },
    routerOptions: { ignoreTrailingSlash: false },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', db);
  app.decorate('config', config);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    // a page may ask for less (the private link's page sends no referrer at all)
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(errorsPlugin);
  await app.register(openapiPlugin);
  await app.register(metricsPlugin);
  await app.register(authPlugin);
  for (const module of MODULES) await app.register(module);
  await app.register(jobsPlugin);
  await app.register(webPlugin);
  await app.ready();
  return app;
}
