import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/app';

let t: TestApp;
let admin: Session;
let viewer: Session;
let scoped: Session;
const anonymous: Session = { cookie: '', csrfToken: '', headers: {} };
const base = '/api/strategies/MN2013/nodes';

async function orgId(code: string): Promise<string> {
  const row = await t.database.db.one<{ id: string }>('SELECT id FROM organizations WHERE code = $1', [code]);
  return row.id;
}

async function userWith(username: string, role: string, organizationId: string | null = null) {
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
  expect(response.statusCode, response.body).toBe(201);
  return signIn(t.app, username, `${username}-password`);
}

const get = (code: string, strategy = 'MN2013') =>
  t.app.inject({ method: 'GET', url: `/api/strategies/${strategy}/nodes/${code}` });
const version = async (code: string) => (await get(code)).json().version as number;
const send = (session: Session, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
const edit = async (
  session: Session,
  code: string,
  fields: Record<string, unknown> = { weight: 2, reason: 'Role matrix' },
) =>
  (await send(session, 'PATCH', `${base}/${code}`, { version: await version(code), ...fields })).statusCode;
const reorder = async (session: Session, code: string, parent: string, order = 1) =>
  (await send(session, 'POST', `${base}/${code}/move`, { parent, order, version: await version(code) }))
    .statusCode;
const remove = async (session: Session, code: string) =>
  (await send(session, 'DELETE', `${base}/${code}?version=${await version(code)}`)).statusCode;
const create = async (session: Session, code: string, parent: string, owner?: string) =>
  (await send(session, 'POST', base, { code, parent, owner, title: { fr: code } })).statusCode;

beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
  // A department of the ministry: inside the ministry's scope.
  const department = await send(admin, 'POST', '/api/organizations', {
    code: 'MICNT-DEPT',
    name: { fr: 'Département' },
    type: 'public_body',
    parentId: await orgId('MICNT'),
  });
  expect(department.statusCode).toBe(201);
  viewer = await userWith('viewer1', 'viewer');
  scoped = await userWith('office-micnt', 'strategy_office', await orgId('MICNT'));
  for (const [code, owner] of [
    ['P1.1', 'MICNT'],
    ['M01', 'MICNT'],
    ['M02', 'MICNT-DEPT'],
    ['M03', 'CGEM'],
    ['P1.3', 'CGEM'],
  ] as const) {
    expect(await edit(admin, code, { owner })).toBe(200);
  }
});
afterAll(() => t.close());

describe('plan nodes: role × action', () => {
  it('anonymous → 401 for every write', async () => {
    expect(await edit(anonymous, 'M01')).toBe(401);
    expect(await reorder(anonymous, 'M01', 'P1.1')).toBe(401);
    expect(await remove(anonymous, 'M01')).toBe(401);
    expect(await create(anonymous, 'X1', 'P1.1')).toBe(401);
  });

  it('viewer → 403 for every write, though it reads', async () => {
    expect((await get('M01')).statusCode).toBe(200);
    expect(await edit(viewer, 'M01')).toBe(403);
    expect(await reorder(viewer, 'M01', 'P1.1')).toBe(403);
    expect(await remove(viewer, 'M01')).toBe(403);
    expect(await create(viewer, 'X1', 'P1.1')).toBe(403);
  });

  it('a strategy office scoped to MICNT edits what MICNT or its department owns', async () => {
    expect(await edit(scoped, 'M01')).toBe(200);
    expect(await edit(scoped, 'M02')).toBe(200);
    expect(await reorder(scoped, 'M02', 'P1.1', 1)).toBe(200);
    expect(await create(scoped, 'X1', 'P1.1', 'MICNT-DEPT')).toBe(201);
    expect(await remove(scoped, 'X1')).toBe(204);
  });

  it('…and nothing outside: another owner, no owner, handing a node away, a parent outside (403)', async () => {
    expect(await edit(scoped, 'M03')).toBe(403);
    expect(await edit(scoped, 'M04')).toBe(403);
    expect(await edit(scoped, 'M01', { owner: 'CGEM' })).toBe(403);
    expect(await reorder(scoped, 'M03', 'P1.1')).toBe(403);
    expect(await remove(scoped, 'M03')).toBe(403);
    expect(await create(scoped, 'X2', 'P1.1', 'CGEM')).toBe(403);
    expect(await create(scoped, 'X2', 'P1.1')).toBe(403);
    expect(await create(scoped, 'X2', 'P1.3', 'MICNT')).toBe(403);
    expect(await reorder(scoped, 'M01', 'P1.3')).toBe(403);
    expect((await get('X2')).statusCode).toBe(404);
    expect((await get('M01')).json().owner).toBe('MICNT');
  });

  it('an unknown node → 404 for the scoped office, not 403', async () => {
    const response = await send(scoped, 'PATCH', `${base}/NOPE`, { version: 1, weight: 1 });
    expect(response.statusCode).toBe(404);
  });

  it('an administrator does all of it', async () => {
    expect(await edit(admin, 'M03')).toBe(200);
    expect(await reorder(admin, 'M03', 'P1.1', 1)).toBe(200);
    expect(await create(admin, 'X3', 'P1.3')).toBe(201);
    expect(await remove(admin, 'X3')).toBe(204);
  });

  it('a draft strategy’s nodes are hidden from the public (404) and shown to signed-in staff', async () => {
    await t.database.db.query(`UPDATE strategies SET state = 'draft' WHERE code = 'DM2030'`);
    expect((await get('DM-P1', 'DM2030')).statusCode).toBe(404);
    const staff = await t.app.inject({
      method: 'GET',
      url: '/api/strategies/DM2030/nodes/DM-P1',
      headers: viewer.headers,
    });
    expect(staff.statusCode).toBe(200);
    const write = await send(anonymous, 'PATCH', '/api/strategies/DM2030/nodes/DM-P1', {
      version: 1,
      weight: 2,
    });
    expect(write.statusCode).toBe(401);
  });
});
