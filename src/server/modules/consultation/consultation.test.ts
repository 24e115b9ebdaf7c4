import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';
import { seedEcosystem } from '../calls/ecosystem.seed';

// Consultation end to end: the federations' pact from the default data; a proposal submitted for an
// organization, endorsed once per organization, commented, answered by the ministry with a version check, and
// followed publicly to its measure, the measure's indicators and its budget.

let t: TestApp;
let admin: Session;
const users: Record<string, Session> = {};

type Method = 'GET' | 'POST' | 'PUT';
const send = (method: Method, url: string, session: Session | null = admin, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: session?.headers ?? {},
    ...(payload === undefined ? {} : { payload }),
  });
const ok = (response: LightMyRequestResponse, status = 200) => {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
};

beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
  const { items } = ok(await send('GET', '/api/organizations?q='));
  const orgId = (code: string) => items.find((o: { code: string }) => o.code === code).id;
  const roles: Record<string, [string, string | null]> = {
    apebi: ['reporter', 'APEBI'],
    ausim: ['viewer', 'AUSIM'],
    cgem: ['viewer', 'CGEM'],
    office: ['strategy_office', null],
    analyst: ['analyst', null],
  };
  for (const [name, [role, org]] of Object.entries(roles)) {
    ok(
      await send('POST', '/api/users', admin, {
        username: name,
        displayName: name,
        password: `${name}-password-1234`,
        roles: [{ role, organizationId: org ? orgId(org) : null }],
      }),
      201,
    );
    users[name] = await signIn(t.app, name, `${name}-password-1234`);
  }
  // a budget on the measure the proposal will become (test data, not default data)
  for (const [year, amount] of [
    [2019, 10],
    [2020, 5.5],
  ]) {
    ok(
      await send('PUT', '/api/strategies/MD2020/budget/lines', admin, {
        node: 'MD-A1',
        rubric: 'startups',
        year,
        amount,
        type: 'original',
        status: 'indicative',
      }),
    );
  }
});
afterAll(() => t.close());

describe('the default data', () => {
  it('the Digital Morocco Pact by the four federations, unanswered, with its source', async () => {
    const pact = ok(await send('GET', '/api/proposals/DMPACT2020', null));
    expect(pact).toMatchObject({
      organization: 'APEBI',
      coauthors: ['AUSIM', 'MNC', 'MSEC'],
      strategy: 'MD2020',
      submittedOn: '2020-09-11',
      response: null,
      nodes: [],
      lang: 'en',
    });
    expect(pact.source.document).toBe('../shared/seeds/002_59f9ff1b4a30371d.txt');
    expect((await send('GET', '/api/proposals/DMPACT2020/trace', null)).statusCode).toBe(404);
  });

  it('loading the ecosystem data again adds nothing', async () => {
    const lines: string[] = [];
    await seedEcosystem(t.database.db, (line) => lines.push(line));
    expect(lines).toEqual(['  ecosystem: 0 call(s), 0 proposal(s) added']);
    const n = await t.database.db.one<{ n: number }>('SELECT count(*)::int AS n FROM proposal_authors');
    expect(n.n).toBe(3);
  });
});

const PROPOSAL = {
  code: 'P-TEST',
  title: { fr: 'Guichet unique des startups' },
  body: { fr: 'Un guichet unique pour le label startup.' },
  lang: 'fr',
  organization: 'APEBI',
  coauthors: ['AUSIM'],
  strategy: 'MD2020',
};

describe('proposals', () => {
  it('a user submits only for an organization its grants cover', async () => {
    expect((await send('POST', '/api/proposals', null, PROPOSAL)).statusCode).toBe(401);
    expect((await send('POST', '/api/proposals', users.analyst, PROPOSAL)).statusCode).toBe(403);
    expect((await send('POST', '/api/proposals', users.cgem, PROPOSAL)).statusCode).toBe(403);
    const unknown = await send('POST', '/api/proposals', users.apebi, { ...PROPOSAL, coauthors: ['NOPE'] });
    expect(problem(unknown).errors).toEqual([
      expect.objectContaining({ path: '/body/coauthors/0', code: 'unknown' }),
    ]);
    const created = ok(await send('POST', '/api/proposals', users.apebi, PROPOSAL), 201);
    expect(created).toMatchObject({
      organization: 'APEBI',
      coauthors: ['AUSIM'],
      response: null,
      version: 1,
    });
    const dup = await send('POST', '/api/proposals', users.apebi, PROPOSAL);
    expect(problem(dup).errors![0]).toMatchObject({ path: '/body/code', code: 'duplicate' });
  });

  it('one endorsement per organization, never by the authors; comments for an organization', async () => {
    const url = '/api/proposals/P-TEST/endorsements';
    expect(ok(await send('POST', url, users.cgem, { organization: 'CGEM' })).endorsements).toMatchObject([
      { organization: 'CGEM' },
    ]);
    expect(problem(await send('POST', url, users.cgem, { organization: 'CGEM' })).code).toBe(
      'proposal.already_endorsed',
    );
    expect(problem(await send('POST', url, users.apebi, { organization: 'APEBI' })).code).toBe(
      'proposal.own',
    );
    expect(problem(await send('POST', url, users.ausim, { organization: 'AUSIM' })).code).toBe(
      'proposal.own',
    );
    expect((await send('POST', url, users.cgem, { organization: 'AUSIM' })).statusCode).toBe(403);
    const commented = ok(
      await send('POST', '/api/proposals/P-TEST/comments', users.cgem, {
        organization: 'CGEM',
        body: 'Nous soutenons.',
      }),
    );
    expect(commented.comments).toMatchObject([{ organization: 'CGEM', body: 'Nous soutenons.' }]);
    expect(
      (await send('POST', '/api/proposals/P-TEST/comments', null, { organization: 'CGEM', body: 'x' }))
        .statusCode,
    ).toBe(401);
  });

  it('the ministry answers: bad answers are refused and nothing is written', async () => {
    const url = '/api/proposals/P-TEST/response';
    const answer = { version: 1, decision: 'accepted', reason: { fr: 'Repris dans la mesure MD-A1' } };
    expect(
      (await send('PUT', url, users.apebi, { ...answer, nodes: [{ strategy: 'MD2020', node: 'MD-A1' }] }))
        .statusCode,
    ).toBe(403);
    const stale = await send('PUT', url, users.office, {
      ...answer,
      version: 9,
      nodes: [{ strategy: 'MD2020', node: 'MD-A1' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale)).toMatchObject({ code: 'version_conflict' });
    expect(problem(await send('PUT', url, users.office, answer)).errors![0]).toMatchObject({
      path: '/body/nodes',
      code: 'required',
    });
    const rejectedWithNodes = await send('PUT', url, users.office, {
      ...answer,
      decision: 'rejected',
      nodes: [{ strategy: 'MD2020', node: 'MD-A1' }],
    });
    expect(problem(rejectedWithNodes).errors![0]!.code).toBe('not_allowed');
    const unknown = await send('PUT', url, users.office, {
      ...answer,
      nodes: [{ strategy: 'MD2020', node: 'NOPE' }],
    });
    expect(problem(unknown).errors![0]).toMatchObject({ path: '/body/nodes/0', code: 'unknown' });
    const current = ok(await send('GET', '/api/proposals/P-TEST', null));
    expect(current).toMatchObject({ response: null, nodes: [], version: 1 });
    expect((await send('GET', '/api/proposals/P-TEST/trace', null)).statusCode).toBe(404);
  });

  it('an accepted proposal is followed publicly to its measure, indicators and budget', async () => {
    const answered = ok(
      await send('PUT', '/api/proposals/P-TEST/response', users.office, {
        version: 1,
        decision: 'modified',
        reason: { fr: 'Repris, élargi aux incubateurs', en: 'Taken up, widened to incubators' },
        nodes: [{ strategy: 'MD2020', node: 'MD-A1' }],
      }),
    );
    expect(answered).toMatchObject({
      response: { decision: 'modified' },
      nodes: [{ strategy: 'MD2020', node: 'MD-A1' }],
      version: 2,
    });
    const trace = ok(await send('GET', '/api/proposals/P-TEST/trace', null));
    expect(trace.proposal).toMatchObject({ code: 'P-TEST', organization: 'APEBI' });
    expect(trace.response.reason.en).toBe('Taken up, widened to incubators');
    expect(trace.nodes).toHaveLength(1);
    const [node] = trace.nodes;
    expect(node.indicators.map((i: { code: string }) => i.code)).toEqual(['MD-I02', 'MD-I03', 'MD-I04']);
    expect(node.budget).toEqual({
      currency: null, // MD2020's package declares no budget currency
      total: 15.5,
      byYear: [
        { year: 2019, amount: 10 },
        { year: 2020, amount: 5.5 },
      ],
    });
    const listed = ok(await send('GET', '/api/proposals?answered=true', null));
    expect(listed.items.map((p: { code: string }) => p.code)).toEqual(['P-TEST']);
  });
});
