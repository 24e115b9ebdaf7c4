import { createHash } from 'node:crypto';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { notFound } from '../../errors';
import { I18nText, ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { exportIati } from './iati.service';
import { contentType, FORMATS } from './open-data.formats';
import { catalogFor, listDatasets, renderDataset } from './open-data.service';
import { currentPublicKey, listReleases, readReleaseFile } from './releases.service';

const RELEASE_TYPES: Record<string, string> = {
  '.csv': contentType('csv'),
  '.json': contentType('json'),
  '.xlsx': contentType('xlsx'),
  '.xml': 'application/xml; charset=utf-8',
  '.pem': 'application/x-pem-file',
  '.sig': 'text/plain; charset=utf-8',
};

const Dataset = Type.Object({
  id: Type.String({ description: '{STRATEGY}-{kind}, stable across re-imports' }),
  strategy: Type.String(),
  kind: Type.String(),
  title: I18nText,
  description: I18nText,
  modified: Type.String({ description: 'When the data last changed (UTC)' }),
  license: Type.String(),
  distributions: Type.Array(
    Type.Object({ format: Type.String(), mediaType: Type.String(), url: Type.String() }),
  ),
});

const Release = Type.Object({
  id: Type.String(),
  created: Type.String(),
  files: Type.Integer(),
  manifestUrl: Type.String(),
  signatureUrl: Type.String(),
  publicKeyUrl: Type.String(),
});

/** Absolute URLs: PUBLIC_URL when configured, else the address the caller used. */
const baseUrlOf = (app: App, request: FastifyRequest) =>
  (app.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');

/** Sends a downloadable body with a strong ETag (and Last-Modified when known); 304 when unchanged. */
function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { body: string | Buffer; type: string; filename: string; modified?: string | null },
) {
  const etag = `"${createHash('sha256').update(file.body).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=300');
  if (file.modified) reply.header('last-modified', new Date(file.modified).toUTCString());
  const known = String(request.headers['if-none-match'] ?? '')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''));
  if (known.includes(etag)) return reply.code(304).send();
  return reply
    .type(file.type)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.body);
}

export default async function publishingRoutes(app: App) {
  const tags = ['open-data'];

  app.get(
    '/api/open-data',
    {
      schema: {
        tags,
        summary: 'Public datasets: four per published strategy, each as CSV, XLSX and JSON',
        response: { 200: Type.Object({ items: Type.Array(Dataset) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listDatasets(ctxOf(app, request), baseUrlOf(app, request)) }),
  );

  app.get(
    '/api/open-data/:file',
    {
      schema: {
        tags,
        summary:
          'Download a dataset: /api/open-data/{STRATEGY}-{nodes|indicators|observations|budget}.{csv|xlsx|json}',
        params: Type.Object({
          file: Type.String({ description: `e.g. MN2013-observations.csv (${FORMATS.join(', ')})` }),
        }),
        response: { ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const file = await renderDataset(ctxOf(app, request), request.params.file);
      return sendFile(request, reply, { ...file, type: contentType(file.format) });
    },
  );

  app.get(
    '/api/catalog',
    {
      schema: {
        tags,
        summary: 'DCAT-AP catalogue of the open data (JSON-LD), for CKAN-style portals to harvest',
        response: { ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const catalog = await catalogFor(ctxOf(app, request), baseUrlOf(app, request));
      return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(catalog));
    },
  );

  app.get(
    '/api/strategies/:code/iati-activities.xml',
    {
      schema: {
        tags: ['open-data', 'publishing'],
        summary:
          'IATI 2.03 activity file of a published strategy: its measures with budgets, transactions and results',
        description:
          'One iati-activity per plan node down to the measure level, under one for the strategy (hierarchy and ' +
          'related-activity links). The reporting organisation is IATI_REPORTING_ORG_REF (default MARSAD-{code}).',
        params: Type.Object({ code: Type.String() }),
        response: { ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const xml = await exportIati(ctxOf(app, request), request.params.code);
      const filename = `${request.params.code}-iati-activities.xml`;
      return sendFile(request, reply, { body: xml, type: 'application/xml; charset=utf-8', filename });
    },
  );

  app.get(
    '/api/releases',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Signed releases of the public data, newest first',
        response: { 200: Type.Object({ items: Type.Array(Release) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: listReleases(app.config.dataDir, baseUrlOf(app, request)) }),
  );

  app.get(
    '/api/releases/public-key.pem',
    {
      schema: {
        tags: ['publishing'],
        summary: 'The Ed25519 public key that signs releases (PEM); check a release with `marsad verify`',
        response: { ...ProblemResponses },
      },
    },
    async (_request, reply) => {
      const pem = currentPublicKey(app.config.dataDir);
      if (!pem) throw notFound('public key');
      return reply.type('application/x-pem-file').send(pem);
    },
  );

  app.get(
    '/api/releases/:id/:file',
    {
      schema: {
        tags: ['publishing'],
        summary: 'One file of a release (a data file, manifest.json, manifest.sig or public-key.pem)',
        params: Type.Object({ id: Type.String(), file: Type.String() }),
        response: { ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const { bytes, name } = readReleaseFile(app.config.dataDir, request.params.id, request.params.file);
      const type = RELEASE_TYPES[path.extname(name)] ?? 'application/octet-stream';
      return sendFile(request, reply, { body: bytes, type, filename: name });
    },
  );
}
