import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';
import { validatePackage } from '../../../domain/package/validate';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
});
afterAll(() => t.close());

const base = '/api/strategies/MN2013';
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, session = admin) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
/** What a refused write must leave untouched. */
const snapshot = () =>
  t.database.db.one(
    `SELECT (SELECT count(*) FROM audit_events) AS audit, (SELECT count(*) FROM governance_bodies) AS bodies,
            (SELECT sum(version) FROM governance_bodies) AS versions,
            (SELECT count(*) FROM body_members) AS members,
            (SELECT string_agg(organization_id::text || reviewer_body_id::text, ',' ORDER BY id) FROM reporting_lines) AS lines`,
  );

describe('governance bodies', () => {
  it('lists MN2013’s bodies with chair, members, reports-to and mandate; one by code; unknown → 404', async () => {
    const { items } = await get(`${base}/bodies`);
    expect(items.map((b: { code: string }) => b.code)).toEqual([
      'CIGOV',
      'CNTI',
      'CP-TIEN',
      'CSSI',
      'DP-TIEN',
      'DPGOV',
      'OBS-TIEN',
      'SPGOV',
    ]);
    const cp = await get(`${base}/bodies/CP-TIEN`);
    expect(cp).toMatchObject({ chair: 'MICNT', reportsTo: 'CNTI', members: [], strategy: 'MN2013' });
    expect(items.find((b: { code: string }) => b.code === 'CIGOV').mandate.fr).toBeTruthy();
    expect((await t.app.inject({ method: 'GET', url: `${base}/bodies/NOPE` })).statusCode).toBe(404);
  });

  it('creates a body with members by organization code, audited', async () => {
    const response = await send('POST', `${base}/bodies`, {
      code: 'CS-DIGITAL',
      name: { fr: 'Comité de suivi', en: 'Follow-up committee' },
      kind: 'committee',
      mandate: { en: 'Reviews the ministries’ reports' },
      chair: 'micnt',
      members: ['CGEM', 'ANRT'],
      reportsTo: 'CNTI',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      chair: 'MICNT',
      members: ['ANRT', 'CGEM'],
      reportsTo: 'CNTI',
      version: 1,
    });
    const audit = await t.database.db.one<{ action: string }>(
      'SELECT action FROM audit_events ORDER BY id DESC LIMIT 1',
    );
    expect(audit.action).toBe('governance_body.create');
  });

  it.each([
    ['a duplicate code', { code: 'CIGOV' }, '/body/code', 'duplicate'],
    ['an unknown chair', { chair: 'NOBODY' }, '/body/chair', 'unknown'],
    ['an unknown member', { members: ['ANRT', 'NOBODY'] }, '/body/members/1', 'unknown'],
    ['a member twice', { members: ['ANRT', 'ANRT'] }, '/body/members', 'uniqueItems'],
    ['an unknown body to report to', { reportsTo: 'NOPE' }, '/body/reportsTo', 'unknown'],
    ['a body of another strategy to report to', { reportsTo: 'ADD-BOARD' }, '/body/reportsTo', 'unknown'],
    ['an unknown kind', { kind: 'club' }, '/body/kind', 'enum'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_what, fields, path, code) => {
    const before = await snapshot();
    const response = await send('POST', `${base}/bodies`, {
      code: 'NEW',
      name: { fr: 'N' },
      kind: 'other',
      ...fields,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(problem(response).errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a reporting loop, and a stale edit gets 409; neither writes anything', async () => {
    const before = await snapshot();
    const cnti = await get(`${base}/bodies/CNTI`);
    for (const reportsTo of ['DP-TIEN', 'CNTI']) {
      const loop = await send('PATCH', `${base}/bodies/CNTI`, { version: cnti.version, reportsTo });
      expect(loop.statusCode).toBe(400);
      expect(problem(loop).errors).toEqual([
        expect.objectContaining({ path: '/body/reportsTo', code: 'cycle' }),
      ]);
    }
    const stale = await send('PATCH', `${base}/bodies/CNTI`, {
      version: cnti.version + 1,
      members: ['ANRT'],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', params: { current: { code: 'CNTI' } } });
    expect(await snapshot()).toEqual(before);
    const ok = await send('PATCH', `${base}/bodies/CNTI`, {
      version: cnti.version,
      members: ['ANRT', 'MICNT'],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      members: ['ANRT', 'MICNT'],
      chair: 'CHEFGOV',
      version: cnti.version + 1,
    });
  });
});

describe('reporting lines', () => {
  it('replaces the whole set, all or nothing, and reads it back publicly', async () => {
    expect((await get(`${base}/reporting-lines`)).items).toEqual([]);
    const lines = [
      { organization: 'MICNT', reviewer: 'CNTI' },
      { organization: 'anrt', reviewer: 'CS-DIGITAL' },
    ];
    const response = await send('PUT', `${base}/reporting-lines`, { lines });
    expect(response.statusCode, response.body).toBe(200);
    const expected = [
      { organization: 'ANRT', reviewer: 'CS-DIGITAL' },
      { organization: 'MICNT', reviewer: 'CNTI' },
    ];
    expect(response.json().items).toEqual(expected);
    expect((await get(`${base}/reporting-lines`)).items).toEqual(expected);
    const audit = await t.database.db.one<{ action: string; after: unknown }>(
      'SELECT action, after FROM audit_events ORDER BY id DESC LIMIT 1',
    );
    expect(audit).toEqual({ action: 'reporting_lines.replace', after: { reportingLines: expected } });
  });

  it('the edited bodies and lines still export as a valid strategy package', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/strategies/MN2013/export',
      headers: admin.headers,
    });
    const result = validatePackage(response.json());
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(response.json().reportingLines).toEqual([
      { organization: 'ANRT', reviewer: 'CS-DIGITAL' },
      { organization: 'MICNT', reviewer: 'CNTI' },
    ]);
  });

  it('refuses unknown organizations and bodies and a pair listed twice, naming each, and keeps the lines', async () => {
    const before = await snapshot();
    const response = await send('PUT', `${base}/reporting-lines`, {
      lines: [
        { organization: 'NOBODY', reviewer: 'CNTI' },
        { organization: 'ANRT', reviewer: 'ADD-BOARD' },
        { organization: 'CGEM', reviewer: 'CIGOV' },
        { organization: 'cgem', reviewer: 'CIGOV' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/lines/0/organization', code: 'unknown' }),
      expect.objectContaining({ path: '/body/lines/1/reviewer', code: 'unknown' }),
      expect.objectContaining({ path: '/body/lines/3', code: 'duplicate' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('deleting bodies', () => {
  it('refuses while bodies report to it or it reviews reports (409 in_use), writing nothing', async () => {
    const before = await snapshot();
    for (const code of ['CP-TIEN', 'CS-DIGITAL']) {
      const { version } = await get(`${base}/bodies/${code}`);
      const response = await send('DELETE', `${base}/bodies/${code}?version=${version}`);
      expect(response.statusCode).toBe(409);
      expect(problem(response).code).toBe('in_use');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('soft-deletes a free body with the right version; its code stays taken', async () => {
    expect((await send('PUT', `${base}/reporting-lines`, { lines: [] })).statusCode).toBe(200);
    const { version } = await get(`${base}/bodies/CS-DIGITAL`);
    expect((await send('DELETE', `${base}/bodies/CS-DIGITAL?version=${version + 1}`)).statusCode).toBe(409);
    expect((await send('DELETE', `${base}/bodies/CS-DIGITAL?version=${version}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `${base}/bodies/CS-DIGITAL` })).statusCode).toBe(404);
    expect((await get(`${base}/bodies`)).items).toHaveLength(8);
    const row = await t.database.db.one<{ deleted: boolean }>(
      `SELECT deleted_at IS NOT NULL AS deleted FROM governance_bodies WHERE code = 'CS-DIGITAL'`,
    );
    expect(row.deleted).toBe(true);
    const again = await send('POST', `${base}/bodies`, {
      code: 'CS-DIGITAL',
      name: { fr: 'N' },
      kind: 'other',
    });
    expect(problem(again).errors).toEqual([
      expect.objectContaining({ path: '/body/code', code: 'duplicate' }),
    ]);
    const lines = await send('PUT', `${base}/reporting-lines`, {
      lines: [{ organization: 'ANRT', reviewer: 'CS-DIGITAL' }],
    });
    expect(problem(lines).errors).toEqual([expect.objectContaining({ path: '/body/lines/0/reviewer' })]);
  });
});
