import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { contentDisposition } from '../reporting/attachments.service';
import { MEDIA_TYPES } from '../reporting/attachments.sniff';
import {
  AttachmentInfo,
  SubmissionParams,
  TokenAttachmentParams,
  TokenParams,
  UploadQuery,
} from './calls.schema';
import { getJuryAttachment } from './jury.service';
import {
  addSubmissionAttachment,
  getSubmissionAttachment,
  removeSubmissionAttachment,
} from './submissions.service';

type File = Awaited<ReturnType<typeof getSubmissionAttachment>>;
const sendFile = (reply: FastifyReply, file: File) =>
  reply
    .type(MEDIA_TYPES[file.type])
    .header('content-disposition', contentDisposition(file.filename, file.type))
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${file.sha256}"`)
    .send(file.content);

const tags = ['calls'];

/** Files attached to a draft application; the upload is the raw body, typed by its bytes, up to the attachment limit. */
export default async function submissionAttachmentRoutes(app: App) {
  const limit = app.config.attachmentLimit;
  const ctx = (request: FastifyRequest) => ctxOf(app, request);
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/submissions/:token/attachments',
    {
      bodyLimit: limit,
      config: { csrfExempt: true },
      schema: {
        tags,
        summary: 'Attach a file (PDF, PNG, JPEG or XLSX) to the draft; the file is the request body',
        description: `Public, behind the private link; a draft while the call accepts submissions. The type is detected from the bytes: another type → 415 \`attachment.type\`; over ${limit} bytes → 413.`,
        params: TokenParams,
        querystring: UploadQuery,
        response: {
          201: AttachmentInfo,
          413: ProblemResponses[400],
          415: ProblemResponses[400],
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const added = await addSubmissionAttachment(ctx(request), request.params.token, {
        filename: request.query.filename,
        content,
      });
      return reply.code(201).send(added);
    },
  );
  app.delete(
    '/api/submissions/:token/attachments/:attachmentId',
    {
      config: { csrfExempt: true },
      schema: {
        tags,
        summary: 'Remove a file from the draft',
        params: TokenAttachmentParams,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await removeSubmissionAttachment(ctx(request), request.params.token, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/submissions/:token/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download a file of the application behind the private link',
        params: TokenAttachmentParams,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await getSubmissionAttachment(ctx(request), request.params.token, request.params.attachmentId),
      ),
  );
  app.get(
    '/api/calls/:code/submissions/:ref/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download a file of a submitted application (managers, its jurors without a conflict)',
        params: Type.Composite([
          SubmissionParams,
          Type.Object({ attachmentId: Type.String({ format: 'uuid' }) }),
        ]),
      },
    },
    async (request, reply) => {
      const { code, ref, attachmentId } = request.params;
      return sendFile(reply, await getJuryAttachment(ctx(request), code, ref, attachmentId));
    },
  );
}
