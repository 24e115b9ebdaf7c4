import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { LOCALES, type Locale } from '../../../domain/i18n';
import type { AgreementsSource, AgreementView } from '../../../web/portal/agreements';
import { localText, portalEnv } from '../../../web/portal/context';
import { AgreementPage, AgreementsPage } from '../../../web/portal/pages/AgreementsPages';
import { BudgetPage } from '../../../web/portal/pages/BudgetPage';
import { DataPage } from '../../../web/portal/pages/DataPage';
import { HomePage } from '../../../web/portal/pages/HomePage';
import { IndicatorPage } from '../../../web/portal/pages/IndicatorPage';
import { MapPage } from '../../../web/portal/pages/MapPage';
import { NodePage } from '../../../web/portal/pages/NodePage';
import { NotFoundPage } from '../../../web/portal/pages/NotFoundPage';
import { ProjectPage } from '../../../web/portal/pages/ProjectPage';
import { SearchPage } from '../../../web/portal/pages/SearchPage';
import { StrategyPage } from '../../../web/portal/pages/StrategyPage';
import { renderPage } from '../../../web/portal/render';
import { anonymous } from '../../access/actor';
import { AppError } from '../../errors';
import type { App } from '../../types';
import { listAgreements } from '../agreements/agreements.service';
import { listReleases } from '../publishing/releases.service';
import * as portal from './portal.service';

/** A rendered page: its `<title>` and its content. */
interface Page {
  title: string;
  body: ReactElement;
}

const tags = ['portal'];
const Code = Type.String({ maxLength: 64 });

/**
 * Agreements as the public sees them, from the agreements service: verified realisations count as achieved,
 * and each commitment keeps its party and source.
 */
export function agreementsFromService(app: App): AgreementsSource {
  return async () => {
    const { items } = await listAgreements({ actor: anonymous, db: app.db }, {});
    return items.map(
      (a): AgreementView => ({
        code: a.code,
        title: a.title,
        kind: a.kind,
        event: a.event,
        signedOn: a.signedOn,
        regionCode: a.regionCode,
        parties: a.parties.map((p) => ({ code: p.code, name: p.name })),
        commitments: a.commitments.map((c) => ({
          metric: c.metric,
          value: c.value,
          dueYear: c.dueYear,
          source: c.source,
          party: c.party.code,
        })),
        totals: a.totals.map((x) => ({ metric: x.metric, committed: x.committed, verified: x.achieved })),
      }),
    );
  };
}

/**
 * The public transparency portal: server-rendered HTML under /fr/, /ar/ and /en/, no script, no sign-in.
 * A code the public cannot see (unknown, or a draft) gets the portal's own HTML 404 page.
 */
export default async function portalRoutes(app: App, options: { agreements?: AgreementsSource } = {}) {
  const agreements = options.agreements ?? agreementsFromService(app);

  async function send(
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
    load: () => Promise<Page>,
  ) {
    const [pathname = '/', query = ''] = request.url.slice(locale.length + 1).split(/(?=\?)/);
    const env = portalEnv(locale, pathname, query, { agreements: true });
    let page: Page;
    let status = 200;
    try {
      page = await load();
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      status = 404;
      page = { title: env.t('notFound.title'), body: <NotFoundPage /> };
    }
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
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

    app.get(root, { schema: schema('Portal: the home page') }, (_request, reply) =>
      reply.redirect(`${root}/`),
    );

    app.get(`${root}/`, { schema: schema('Portal: public strategies') }, (request, reply) =>
      send(locale, request, reply, async () => {
        const { strategies } = await portal.loadHome(app.db);
        return { title: t('portal.home.title'), body: <HomePage strategies={strategies} /> };
      }),
    );

    app.get<{ Params: { code: string } }>(
      `${root}/strategies/:code`,
      { schema: schema('Portal: a strategy and its progress by priority', { code: Code }) },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const data = await portal.loadStrategy(app.db, request.params.code);
          return { title: text(data.strategy.title, data.strategy.code), body: <StrategyPage data={data} /> };
        }),
    );

    app.get<{ Params: { code: string; nodeCode: string } }>(
      `${root}/strategies/:code/nodes/:nodeCode`,
      { schema: schema('Portal: a priority, initiative or measure', { code: Code, nodeCode: Code }) },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const data = await portal.loadNode(app.db, request.params.code, request.params.nodeCode);
          return { title: `${data.node.code} ${text(data.node.title, '')}`, body: <NodePage data={data} /> };
        }),
    );

    app.get<{ Params: { code: string } }>(
      `${root}/strategies/:code/budget`,
      { schema: schema('Portal: the budget of a strategy', { code: Code }) },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const data = await portal.loadBudget(app.db, request.params.code);
          return {
            title: `${t('budget.pageTitle')} — ${data.strategy.code}`,
            body: <BudgetPage data={data} />,
          };
        }),
    );

    app.get<{ Params: { code: string; projectCode: string } }>(
      `${root}/strategies/:code/projects/:projectCode`,
      { schema: schema('Portal: a project and its milestones', { code: Code, projectCode: Code }) },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const data = await portal.loadProject(app.db, request.params.code, request.params.projectCode);
          return { title: text(data.project.title, data.project.code), body: <ProjectPage data={data} /> };
        }),
    );

    app.get<{ Params: { code: string } }>(
      `${root}/indicators/:code`,
      { schema: schema('Portal: an indicator, its chart, sources and computation', { code: Code }) },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const { indicator } = await portal.loadIndicator(app.db, request.params.code);
          return {
            title: text(indicator.name, indicator.code),
            body: <IndicatorPage indicator={indicator} />,
          };
        }),
    );

    app.get<{ Querystring: { q?: string } }>(
      `${root}/search`,
      {
        schema: {
          ...schema('Portal: search'),
          querystring: Type.Object({ q: Type.Optional(Type.String()) }),
        },
      },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const results = await portal.search(app.db, (request.query.q ?? '').slice(0, 200));
          return { title: t('portal.search.title'), body: <SearchPage results={results} /> };
        }),
    );

    app.get(`${root}/data`, { schema: schema('Portal: open data') }, (request, reply) =>
      send(locale, request, reply, async () => {
        const { strategies } = await portal.loadDataPage(app.db);
        // Relative links: the portal's pages never depend on the host the request named.
        const releases = listReleases(app.config.dataDir, '').slice(0, 5);
        return {
          title: t('portal.data.title'),
          body: <DataPage strategies={strategies} releases={releases} />,
        };
      }),
    );

    app.get(`${root}/map`, { schema: schema('Portal: the regional map') }, (request, reply) =>
      send(locale, request, reply, async () => {
        const [{ indicators }, items] = await Promise.all([portal.loadRegional(app.db), agreements()]);
        return {
          title: t('portal.map.title'),
          body: <MapPage indicators={indicators} hasAgreements={items !== null} />,
        };
      }),
    );

    app.get<{ Querystring: { metric?: string } }>(
      `${root}/agreements`,
      {
        schema: {
          ...schema('Portal: agreements by region'),
          querystring: Type.Object({ metric: Type.Optional(Code) }),
        },
      },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const items = await agreements();
          if (items === null) throw new AppError('not_found', 404, 'agreements not published');
          return {
            title: t('portal.agreements.title'),
            body: <AgreementsPage items={items} metric={request.query.metric} />,
          };
        }),
    );

    app.get<{ Params: { code: string } }>(
      `${root}/agreements/:code`,
      { schema: schema('Portal: one agreement and its commitments', { code: Code }) },
      (request, reply) =>
        send(locale, request, reply, async () => {
          const agreement = (await agreements())?.find((a) => a.code === request.params.code);
          if (!agreement) throw new AppError('not_found', 404, 'agreement not found');
          return {
            title: text(agreement.title, agreement.code),
            body: <AgreementPage agreement={agreement} />,
          };
        }),
    );

    app.get(`${root}/*`, { schema: schema('Portal: any other address (404 page)') }, (request, reply) =>
      send(locale, request, reply, async () => {
        throw new AppError('not_found', 404, 'no such page');
      }),
    );
  }
}
