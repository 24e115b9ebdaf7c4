import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { Attachment, AttachmentParams, UploadQuery } from './attachments.schema';
import {
  addAttachment,
  contentDisposition,
  deleteAttachment,
  getAttachmentContent,
  listAttachments,
} from './attachments.service';
import { MEDIA_TYPES } from './attachments.sniff';
import { IdParams } from './reporting.schema';

const tags = ['reporting'];
const many = '/api/reporting/reports/:id/attachments';
const one = `${many}/:attachmentId`;
const hidden = 'Another organization’s report, or one the caller’s bodies do not review, answers 404.';
const editable =
  'Needs `reporting.report` in the organization, while the report is assigned, draft or returned and its cycle ' +
  `open (otherwise 409). ${hidden}`;

/** A report's evidence. Uploads take the file as the raw body, whatever its declared type, up to their own limit. */
export default async function attachmentRoutes(app: App) {
  const limit = app.config.attachmentLimit;
  const ctx = (request: FastifyRequest) => ctxOf(app, request);
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    many,
    {
      bodyLimit: limit,
      schema: {
        tags,
        summary: 'Attach evidence (PDF, PNG, JPEG or XLSX) to the report; the file is the request body',
        description: `The type is detected from the bytes, not from the name or the content type: another type → 415 \`attachment.type\` naming it; over ${limit} bytes → 413. ${editable}`,
        params: IdParams,
        querystring: UploadQuery,
        response: {
          201: Attachment,
          413: ProblemResponses[400],
          415: ProblemResponses[400],
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const attachment = await addAttachment(ctx(request), request.params.id, {
        filename: request.query.filename,
        content,
      });
      return reply.code(201).send(attachment);
    },
  );

  app.get(
    many,
    {
      schema: {
        tags,
        summary: 'The report’s attachments (without their bytes)',
        description: hidden,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Attachment) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listAttachments(ctx(request), request.params.id) }),
  );

  app.get(
    one,
    {
      schema: {
        tags,
        summary: 'Download an attachment, as the type detected when it was uploaded',
        description: hidden,
        params: AttachmentParams,
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const file = await getAttachmentContent(ctx(request), id, attachmentId);
      return reply
        .type(MEDIA_TYPES[file.type])
        .header('content-disposition', contentDisposition(file.filename, file.type))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${file.sha256}"`)
        .send(file.content);
    },
  );

  app.delete(
    one,
    {
      schema: {
        tags,
        summary: 'Remove an attachment from the report',
        description: editable,
        params: AttachmentParams,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteAttachment(ctx(request), request.params.id, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );
}
