import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app);
});
afterAll(() => t.close());

async function create(body: Record<string, unknown>, session = admin) {
  return t.app.inject({ method: 'POST', url: '/api/organizations', headers: session.headers, payload: body });
}

async function createUserWith(username: string, role: string, organizationId: string | null = null) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin.headers,
    payload: {
      username,
      displayName: username,
      password: `${username}-password`,
      roles: [{ role, organizationId }],
    },
  });
  expect(response.statusCode).toBe(201);
  return signIn(t.app, username, `${username}-password`);
}

describe('organizations', () => {
  it('creates one and writes its audit event with the same request id', async () => {
    const response = await create({
      code: 'MIICEN',
      name: { fr: 'Ministère', ar: 'وزارة' },
      type: 'ministry',
    });
    expect(response.statusCode).toBe(201);
    const org = response.json();
    const events = await t.app.inject({
      method: 'GET',
      url: `/api/audit?subjectType=organization&subjectId=${org.id}`,
      headers: admin.headers,
    });
    expect(events.json().items).toEqual([
      expect.objectContaining({
        action: 'organization.create',
        actor: expect.objectContaining({ username: 'admin' }),
        requestId: response.headers['x-request-id'],
        diff: expect.objectContaining({ code: { from: null, to: 'MIICEN' } }),
      }),
    ]);
  });

  it('refuses a region that is not a member of the region dimension', async () => {
    const response = await create({ code: 'REG', name: { fr: 'R' }, type: 'agency', regionCode: 'MA-13' });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/regionCode', code: 'unknown' }),
    ]);
    const ok = await create({ code: 'REG', name: { fr: 'R' }, type: 'agency', regionCode: 'MA-06' });
    expect(ok.statusCode).toBe(201);
  });

  it('lists publicly, with a filter', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/organizations?type=ministry' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((o: { code: string }) => o.code)).toEqual(['MIICEN']);
  });

  it('refuses a duplicate code, case-insensitively, naming the field', async () => {
    const response = await create({ code: 'miicen', name: { fr: 'Doublon' }, type: 'ministry' });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/code', code: 'duplicate' }),
    ]);
  });

  it('a stale edit gets 409 with the current version and overwrites nothing', async () => {
    const org = (await create({ code: 'ADD', name: { fr: 'ADD' }, type: 'agency' })).json();
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${org.id}`,
      headers: admin.headers,
      payload: { version: 1, website: 'https://www.add.gov.ma' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${org.id}`,
      headers: admin.headers,
      payload: { version: 1, website: 'https://stale.example' },
    });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('version_conflict');
    const now = await t.app.inject({ method: 'GET', url: `/api/organizations/${org.id}` });
    expect(now.json().website).toBe('https://www.add.gov.ma');
  });

  it('refuses a parent that would close a cycle', async () => {
    const parent = (await create({ code: 'PARENT', name: { fr: 'P' }, type: 'ministry' })).json();
    const child = (
      await create({ code: 'CHILD', name: { fr: 'C' }, type: 'agency', parentId: parent.id })
    ).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${parent.id}`,
      headers: admin.headers,
      payload: { version: parent.version, parentId: child.id },
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.[0]).toMatchObject({ path: '/body/parentId', code: 'cycle' });
  });

  it('role × action: viewer 403, scoped strategy office only inside its scope (404 for the unknown)', async () => {
    const viewer = await createUserWith('viewer1', 'viewer');
    expect((await create({ code: 'V1', name: { fr: 'V' }, type: 'other' }, viewer)).statusCode).toBe(403);

    const ministry = (await create({ code: 'MIN-A', name: { fr: 'A' }, type: 'ministry' })).json();
    const agency = (
      await create({ code: 'AG-A', name: { fr: 'AA' }, type: 'agency', parentId: ministry.id })
    ).json();
    const other = (await create({ code: 'MIN-B', name: { fr: 'B' }, type: 'ministry' })).json();
    const office = await createUserWith('office-a', 'strategy_office', ministry.id);

    const inScope = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${agency.id}`,
      headers: office.headers,
      payload: { version: agency.version, website: 'https://a.example' },
    });
    expect(inScope.statusCode).toBe(200);
    const outOfScope = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${other.id}`,
      headers: office.headers,
      payload: { version: other.version, website: 'https://b.example' },
    });
    expect(outOfScope.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: '/api/organizations/00000000-0000-4000-8000-000000000000',
      headers: office.headers,
      payload: { version: 1 },
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/audit', headers: office.headers })).statusCode,
    ).toBe(403);
  });
});
