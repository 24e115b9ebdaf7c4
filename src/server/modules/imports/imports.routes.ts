import { Type } from '@sinclair/typebox';
import { StrategyPackageSchema } from '../../../domain/package/schema';
import { ctxOf } from '../../context';
import { AppError } from '../../errors';
import { ProblemResponses, StringEnum } from '../../schemas';
import type { App } from '../../types';
import { Operation } from '../operations/operations.schema';
import { templateWorkbook } from './formats/xlsx';
import { CONTENT_TYPES, IMPORT_FORMATS, type ImportFormat, startImport } from './imports.service';

const FORMAT_BY_TYPE: Record<string, ImportFormat> = {
  'application/json': 'json',
  [CONTENT_TYPES.xlsx]: 'xlsx',
  'text/csv': 'csv',
};

/** Imports take the file as the raw request body, up to their own size limit. */
export default async function importRoutes(app: App) {
  const limit = app.config.importLimit;
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/imports',
    {
      bodyLimit: limit,
      schema: {
        tags: ['imports'],
        summary: 'Import a strategy package (JSON or XLSX) or observations (CSV)',
        description:
          'Send the file as the request body with its content type (application/json, the XLSX type, or text/csv), ' +
          'or say `format`. All or nothing: a bad file is reported row by row and nothing is written. Runs as a ' +
          'tracked operation (202); with `wait=true` the answer comes when it is finished (200, or 422 with every ' +
          'error).',
        querystring: Type.Object({
          format: Type.Optional(StringEnum(IMPORT_FORMATS)),
          filename: Type.Optional(Type.String({ maxLength: 300 })),
          wait: Type.Boolean({ default: false }),
        }),
        response: {
          200: Operation,
          202: Operation,
          413: ProblemResponses[400],
          422: ProblemResponses[400],
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = request.query.format ?? FORMAT_BY_TYPE[type];
      if (!format) {
        throw new AppError('unsupported_media_type', 415, 'Send JSON, XLSX or CSV, or give ?format=', {}, [
          {
            path: '/query/format',
            code: 'required',
            message: 'cannot tell the format from the content type',
          },
        ]);
      }
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError('validation_failed', 400, 'The file is empty', {}, [
          { path: '/body', code: 'required', message: 'send the file as the request body' },
        ]);
      }
      const { operation, finished } = await startImport(
        ctxOf(app, request),
        { format, filename: request.query.filename ?? null, body },
        (error) => request.log.error({ err: error }, 'import crashed'),
      );
      if (!request.query.wait) return reply.code(202).send(operation);
      const done = await finished;
      if (done.state === 'failed') {
        throw new AppError(
          String(done.summary?.code ?? 'import_failed'),
          422,
          String(done.summary?.message ?? 'The import failed'),
          { operation: done.id },
          (done.errors ?? []) as never,
        );
      }
      return reply.code(200).send(done);
    },
  );

  app.get(
    '/api/imports/template.xlsx',
    { schema: { tags: ['imports'], summary: 'The XLSX workbook template of a strategy package' } },
    async (_request, reply) =>
      reply
        .type(CONTENT_TYPES.xlsx)
        .header('content-disposition', 'attachment; filename="marsad-strategy-template.xlsx"')
        .send(await templateWorkbook()),
  );

  app.get(
    '/api/schemas/strategy-package.json',
    { schema: { tags: ['imports'], summary: 'JSON Schema of the strategy package' } },
    async (_request, reply) => reply.type('application/schema+json').send(StrategyPackageSchema),
  );
}
