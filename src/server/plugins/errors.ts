import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type FieldError } from '../errors';
import type { App } from '../types';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  params?: Record<string, unknown>;
}

/** Sends an RFC 9457 problem document; every error Marsad returns goes through here. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Omit<Problem, 'type'>) {
  const body: Problem = {
    type: `urn:marsad:problem:${problem.code}`,
    ...problem,
    instance: request.url,
    requestId: String(request.id),
  };
  return reply.code(problem.status).type('application/problem+json').send(body);
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns Ajv's errors into field paths such as `/body/name/fr`, naming the missing property itself. */
function fieldErrors(context: string | undefined, errors: AjvError[]): FieldError[] {
  // A nullable field fails every branch of its union; the first error per field is the meaningful one.
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
    // Fastify names the query string 'querystring'; the API speaks of /query/…
    const part = context === 'querystring' ? 'query' : (context ?? 'body');
    const path = `/${part}${error.instancePath}${missing}`;
    if (seen.has(path)) return [];
    seen.add(path);
    return [{ path, code: error.keyword, message: error.message ?? 'is invalid' }];
  });
}

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
};

async function errorsPlugin(app: App) {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.status === 429 && typeof error.params.retryAfter === 'number') {
        reply.header('retry-after', String(error.params.retryAfter));
      }
      return sendProblem(reply, request, {
        title: error.message,
        status: error.status,
        code: error.code,
        ...(error.errors.length ? { errors: error.errors } : {}),
        ...(Object.keys(error.params).length ? { params: error.params } : {}),
      });
    }
    const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fastifyError.validation) {
      return sendProblem(reply, request, {
        title: 'The request has invalid fields',
        status: 400,
        code: 'validation_failed',
        errors: fieldErrors(fastifyError.validationContext, fastifyError.validation),
      });
    }
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (known) return sendProblem(reply, request, { title: error.message, ...known });
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      return sendProblem(reply, request, {
        title: error.message,
        status: fastifyError.statusCode,
        code: 'bad_request',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, { title: 'Internal error', status: 500, code: 'internal_error' });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, {
      title: `No route for ${request.method} ${request.url.split('?')[0]}`,
      status: 404,
      code: 'route_not_found',
    }),
  );
}

export default fp(errorsPlugin, { name: 'errors' });
