import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { LOCALES, type Locale } from '../../../domain/i18n';
import { localText, portalEnv } from '../../../web/portal/context';
import {
  asDone,
  CallPage,
  CallsPage,
  EMPTY_FORM,
  ErasedPage,
  ErasePage,
  type FormState,
  SubmissionPage,
} from '../../../web/portal/pages/CallsPages';
import { NotFoundPage } from '../../../web/portal/pages/NotFoundPage';
import { ProposalPage, ProposalsPage } from '../../../web/portal/pages/ProposalsPages';
import { renderPage } from '../../../web/portal/render';
import { AppError, type FieldError } from '../../errors';
import type { App } from '../../types';
import { SubmissionCreate, SubmissionPatch } from '../calls/calls.schema';
import {
  addSubmissionAttachment,
  createSubmission,
  eraseSubmission,
  removeSubmissionAttachment,
  submitSubmission,
  updateSubmission,
} from '../calls/submissions.service';
import { fileFromMultipart } from './multipart';
import * as portal from './portal-calls.service';

// The public face of calls for projects and of the consultation, in the portal's style: server-rendered HTML,
// no script. An applicant starts, edits, completes, submits, exports and erases an application with plain form
// posts; each post goes to the calls service (never an HTTP request to our own API) and answers with a 303 to
// the private-link page, or the same form again with each field's message beside it and what was typed kept.

interface Page {
  title: string;
  body: ReactElement;
  status?: number;
}
type Outcome = Page | { redirect: string };

const tags = ['portal'];
const Code = Type.String({ maxLength: 64 });
const Token = Type.String({ maxLength: 100 });
const NULLABLE = ['organization', 'title', 'summary', 'theme'];

/** The HTTP statuses of a refusal the applicant can act on: the form is shown again with the reason. */
const REFUSALS = new Set([400, 409, 413, 415, 422, 429]);

/** Server field errors (`/body/consent/accepted`, `/body`) by form field (`consent`, `file`): the first per field. */
export function fieldsOf(errors: FieldError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const name = error.path.replace(/^\/body\/?/, '').split('/')[0] || 'file';
    fields[name] ??= error.code;
  }
  return fields;
}

interface AjvLike {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}
const validationFields = (error: Error & { validation?: AjvLike[] }) =>
  fieldsOf(
    (error.validation ?? []).map((e) => ({
      path: `/body${e.instancePath}${e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : ''}`,
      code: e.keyword,
      message: '',
    })),
  );

/** The form state of a refusal, or null when the error is not one (a 404 or a fault goes on up). */
function refusal(error: unknown, values: Record<string, string>): (FormState & { status: number }) | null {
  if (!(error instanceof AppError) || !REFUSALS.has(error.status)) return null;
  return { values, errors: fieldsOf(error.errors), problem: error.code, status: error.status };
}

/**
 * A form post's outcome: the action's redirect when it succeeds; when the service refuses the input (a field
 * error, a stale version, a closed call…), the page again with that refusal and what was typed.
 */
async function formOutcome(
  values: Record<string, string>,
  act: () => Promise<string>,
  again: (refused: FormState, status: number) => Promise<Outcome>,
): Promise<Outcome> {
  try {
    return { redirect: await act() };
  } catch (error) {
    const refused = refusal(error, values);
    if (!refused) throw error;
    return again(refused, refused.status);
  }
}

/**
 * The private-link page sends no referrer, so a browser's posts from it carry `Origin: null`. The token in the
 * address is what authorizes them (a forged post would need it), so there an opaque origin counts as none;
 * another site's origin is still refused.
 */
async function opaqueOriginIsNone(request: FastifyRequest): Promise<void> {
  if (request.headers.origin === 'null') delete request.headers.origin;
}

export default async function portalCallsRoutes(app: App) {
  const limit = app.config.attachmentLimit;
  const ctx = () => portal.publicCtx(app.db);
  const deps = (request: FastifyRequest) => ({ config: app.config, ip: request.ip });
  /** What the applicant typed, as sent, to fill the form again after a refusal. */
  const typed = new WeakMap<FastifyRequest, Record<string, string>>();

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(String(body))) fields[key] ??= value;
      done(null, fields);
    },
  );
  // a single file, read from the raw body by ./multipart (no dependency); twice the file limit leaves room for
  // the form's framing, and a file over the limit is refused beside its field
  const multipartLimit = limit * 2 + 64 * 1024;
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: multipartLimit },
    (_request, body, done) => done(null, body),
  );

  /** Keeps the typed values, then hands validation a copy: blanks dropped, or null where the field allows it. */
  const keepForm =
    (blank: 'drop' | 'null') =>
    async (request: FastifyRequest): Promise<void> => {
      const raw = (request.body ?? {}) as Record<string, string>;
      if (typeof raw !== 'object' || Buffer.isBuffer(raw)) return;
      typed.set(request, { ...raw });
      const clean: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(raw)) {
        const v = typeof value === 'string' ? value.trim() : value;
        if (v !== '') clean[key] = v;
        else if (blank === 'null' && NULLABLE.includes(key)) clean[key] = null;
        else if (blank === 'null' && key === 'name') clean[key] = '';
      }
      request.body = clean;
    };

  async function send(
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
    load: () => Promise<Outcome>,
    options: { path?: string; private?: boolean } = {},
  ) {
    const [urlPath = '/', urlQuery = ''] = request.url.slice(locale.length + 1).split(/(?=\?)/);
    const path = options.path ?? urlPath;
    const query = options.path ? '' : urlQuery;
    const env = portalEnv(locale, path, query, {
      agreements: app.hasRoute({ method: 'GET', url: '/api/agreements' }),
    });
    if (options.private) {
      // the page's address is the applicant's credential: never cached, never sent on as a referrer
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    } else {
      reply.header('cache-control', request.method === 'GET' ? 'public, max-age=60' : 'no-store');
    }
    let page: Page;
    try {
      const outcome = await load();
      if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
      page = outcome;
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      page = { title: env.t('notFound.title'), body: <NotFoundPage />, status: 404 };
    }
    return reply
      .code(page.status ?? 200)
      .type('text/html; charset=utf-8')
      .header('content-language', locale)
      .send(renderPage(env, page.title, page.body));
  }

  for (const locale of LOCALES) {
    const root = `/${locale}`;
    const t = portalEnv(locale, '/').t;
    const text = (value: Record<string, string> | null | undefined, fallback: string) =>
      localText(value, locale, fallback);
    const schema = (summary: string, params?: Record<string, typeof Code>) => ({
      tags,
      summary,
      hide: true,
      ...(params ? { params: Type.Object(params) } : {}),
    });
    const privateLink = (token: string) => `${root}/calls/submission/${token}`;
    const writes = { config: { csrfExempt: true }, attachValidation: true } as const;

    app.get(`${root}/calls`, { schema: schema('Portal: calls for projects') }, (request, reply) =>
      send(locale, request, reply, async () => ({
        title: t('portalCalls.title'),
        body: <CallsPage calls={await portal.loadCalls(app.db)} accepting={(c) => portal.isAccepting(c)} />,
      })),
    );

    /** The call's page, with its start form (empty, or refused with what was typed). */
    const callPage = async (code: string, form: FormState, status = 200): Promise<Page> => {
      const data = await portal.loadCall(app.db, code);
      return {
        title: text(data.call.title, data.call.code),
        body: <CallPage data={data} accepting={portal.isAccepting(data.call)} form={form} />,
        status,
      };
    };

    app.get<{ Params: { code: string } }>(
      `${root}/calls/:code`,
      { schema: schema('Portal: a call, its criteria, privacy notice and application form', { code: Code }) },
      (request, reply) => send(locale, request, reply, () => callPage(request.params.code, EMPTY_FORM)),
    );

    app.post<{ Params: { code: string }; Body: SubmissionCreate }>(
      `${root}/calls/:code`,
      {
        ...writes,
        preValidation: keepForm('drop'),
        schema: {
          ...schema('Portal: start an application (form post)', { code: Code }),
          body: SubmissionCreate,
        },
      },
      (request, reply) =>
        send(
          locale,
          request,
          reply,
          async () => {
            const { code } = request.params;
            const values = typed.get(request) ?? {};
            if (request.validationError)
              return callPage(
                code,
                { values, errors: validationFields(request.validationError), problem: 'validation_failed' },
                400,
              );
            return formOutcome(
              values,
              async () => {
                const created = await createSubmission(ctx(), deps(request), code, request.body);
                return `${privateLink(created.token)}?done=created`;
              },
              (refused, status) => callPage(code, refused, status),
            );
          },
          { path: `/calls/${encodeURIComponent(request.params.code)}` },
        ),
    );

    /** The private-link page, with the forms refused last time (if any). */
    const submissionPage = async (
      token: string,
      forms: { edit?: FormState; file?: FormState; submit?: FormState; done?: unknown } = {},
      status = 200,
    ): Promise<Page> => {
      const data = await portal.loadSubmission(app.db, token);
      return {
        title: `${t('portalCalls.private.title', { ref: data.submission.ref })} — ${text(data.call.title, data.call.code)}`,
        body: (
          <SubmissionPage
            {...data}
            token={token}
            form={forms.edit ?? EMPTY_FORM}
            fileForm={forms.file ?? EMPTY_FORM}
            submitForm={forms.submit ?? EMPTY_FORM}
            done={asDone(forms.done)}
            attachmentLimit={limit}
          />
        ),
        status,
      };
    };
    const privately = (request: FastifyRequest<{ Params: { token: string } }>) => ({
      path: `/calls/submission/${request.params.token}`,
      private: true,
    });

    app.get<{ Params: { token: string }; Querystring: { done?: string } }>(
      `${root}/calls/submission/:token`,
      {
        schema: {
          ...schema('Portal: an application behind its private link', { token: Token }),
          querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }),
        },
      },
      (request, reply) =>
        send(
          locale,
          request,
          reply,
          () => submissionPage(request.params.token, { done: request.query.done }),
          privately(request),
        ),
    );

    app.post<{ Params: { token: string }; Body: SubmissionPatch }>(
      `${root}/calls/submission/:token`,
      {
        ...writes,
        onRequest: opaqueOriginIsNone,
        preValidation: keepForm('null'),
        schema: { ...schema('Portal: save the draft (form post)', { token: Token }), body: SubmissionPatch },
      },
      (request, reply) =>
        send(
          locale,
          request,
          reply,
          async () => {
            const { token } = request.params;
            const values = typed.get(request) ?? {};
            if (request.validationError) {
              const errors = validationFields(request.validationError);
              return submissionPage(token, { edit: { values, errors, problem: 'validation_failed' } }, 400);
            }
            return formOutcome(
              values,
              async () => {
                await updateSubmission(ctx(), token, request.body);
                return `${privateLink(token)}?done=saved`;
              },
              (refused, status) => submissionPage(token, { edit: refused }, status),
            );
          },
          privately(request),
        ),
    );

    app.post<{ Params: { token: string }; Body: { version: number; consent?: string } }>(
      `${root}/calls/submission/:token/submit`,
      {
        ...writes,
        onRequest: opaqueOriginIsNone,
        preValidation: keepForm('drop'),
        schema: {
          ...schema('Portal: consent and submit (form post)', { token: Token }),
          body: Type.Object({
            version: Type.Integer(),
            consent: Type.Optional(Type.String({ maxLength: 100 })),
          }),
        },
      },
      (request, reply) =>
        send(
          locale,
          request,
          reply,
          async () => {
            const { token } = request.params;
            const values = typed.get(request) ?? {};
            if (request.validationError) {
              const errors = validationFields(request.validationError);
              return submissionPage(token, { submit: { values, errors, problem: 'validation_failed' } }, 400);
            }
            const { version, consent } = request.body;
            return formOutcome(
              values,
              async () => {
                await submitSubmission(ctx(), deps(request), token, {
                  version,
                  ...(consent ? { consent: { accepted: true, noticeVersion: consent } } : {}),
                });
                return `${privateLink(token)}?done=submitted`;
              },
              (refused, status) => submissionPage(token, { submit: refused }, status),
            );
          },
          privately(request),
        ),
    );

    app.post<{ Params: { token: string } }>(
      `${root}/calls/submission/:token/attachments`,
      {
        config: { csrfExempt: true },
        onRequest: opaqueOriginIsNone,
        bodyLimit: multipartLimit,
        schema: schema('Portal: attach a file (multipart form post, one file)', { token: Token }),
      },
      (request, reply) =>
        send(
          locale,
          request,
          reply,
          async () => {
            const { token } = request.params;
            const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
            const file = fileFromMultipart(body, request.headers['content-type'], 'file');
            const refuse = (code: string, status: number) =>
              submissionPage(token, { file: { values: {}, errors: { file: code } } }, status);
            if (!file || file.content.length === 0) return refuse('required', 400);
            if (file.content.length > limit) return refuse('too_large', 413);
            return formOutcome(
              {},
              async () => {
                await addSubmissionAttachment(ctx(), token, {
                  filename: file.filename || 'file',
                  content: file.content,
                });
                return `${privateLink(token)}?done=attached`;
              },
              (refused, status) => submissionPage(token, { file: refused }, status),
            );
          },
          privately(request),
        ),
    );

    app.post<{ Params: { token: string; attachmentId: string } }>(
      `${root}/calls/submission/:token/attachments/:attachmentId/remove`,
      {
        config: { csrfExempt: true },
        onRequest: opaqueOriginIsNone,
        schema: {
          ...schema('Portal: remove a file (form post)'),
          params: Type.Object({ token: Token, attachmentId: Type.String({ format: 'uuid' }) }),
        },
      },
      (request, reply) =>
        send(
          locale,
          request,
          reply,
          async () => {
            const { token, attachmentId } = request.params;
            return formOutcome(
              {},
              async () => {
                await removeSubmissionAttachment(ctx(), token, attachmentId);
                return `${privateLink(token)}?done=removed`;
              },
              (refused, status) => submissionPage(token, { file: refused }, status),
            );
          },
          privately(request),
        ),
    );

    app.get<{ Params: { token: string } }>(
      `${root}/calls/submission/:token/erase`,
      { schema: schema('Portal: confirm erasing an application', { token: Token }) },
      (request, reply) =>
        send(
          locale,
          request,
          reply,
          async () => {
            const data = await portal.loadSubmission(app.db, request.params.token);
            return {
              title: t('portalCalls.erase.title'),
              body: <ErasePage submission={data.submission} call={data.call} token={request.params.token} />,
            };
          },
          { ...privately(request), path: `/calls/submission/${request.params.token}/erase` },
        ),
    );

    app.post<{ Params: { token: string } }>(
      `${root}/calls/submission/:token/erase`,
      {
        config: { csrfExempt: true },
        onRequest: opaqueOriginIsNone,
        schema: schema('Portal: erase an application (form post)', { token: Token }),
      },
      (request, reply) =>
        send(
          locale,
          request,
          reply,
          async () => {
            await eraseSubmission(ctx(), request.params.token);
            return { title: t('portalCalls.erase.done'), body: <ErasedPage /> };
          },
          { private: true, path: '/calls' },
        ),
    );

    app.get(`${root}/proposals`, { schema: schema('Portal: the consultation') }, (request, reply) =>
      send(locale, request, reply, async () => ({
        title: t('portalCalls.proposals.title'),
        body: <ProposalsPage proposals={await portal.loadProposals(app.db)} />,
      })),
    );

    app.get<{ Params: { code: string } }>(
      `${root}/proposals/:code`,
      { schema: schema('Portal: a proposal, the answer, and the measures it became', { code: Code }) },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const { proposal, trace } = await portal.loadProposal(app.db, request.params.code);
          return {
            title: text(proposal.title, proposal.code),
            body: <ProposalPage proposal={proposal} trace={trace} />,
          };
        }),
    );
  }
}
