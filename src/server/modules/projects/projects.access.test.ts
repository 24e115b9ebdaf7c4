import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, signInWithRole, type TestApp } from '../../../../test/app';

let t: TestApp;
let admin: Session;
let viewer: Session;
let scoped: Session;
const anonymous: Session = { cookie: '', csrfToken: '', headers: {} };
const base = '/api/strategies/MN2013/projects';

const userWith = (username: string, role: string, organizationCode: string | null = null) =>
  signInWithRole(t, admin, username, role, organizationCode);

const send = (session: Session, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
const version = async (code: string) =>
  (await t.app.inject({ method: 'GET', url: `${base}/${code}` })).json().version as number;
const edit = async (session: Session, code: string, fields: Record<string, unknown> = { flagship: true }) =>
  (await send(session, 'PATCH', `${base}/${code}`, { version: await version(code), ...fields })).statusCode;
const addMilestone = async (session: Session, code: string) =>
  (
    await send(session, 'POST', `${base}/${code}/milestones`, {
      version: await version(code),
      title: { fr: 'J' },
    })
  ).statusCode;
const remove = async (session: Session, code: string) =>
  (await send(session, 'DELETE', `${base}/${code}?version=${await version(code)}`)).statusCode;
const create = async (session: Session, code: string, owner?: string) =>
  (await send(session, 'POST', base, { code, owner, title: { fr: code } })).statusCode;

beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
  viewer = await userWith('viewer1', 'viewer');
  scoped = await userWith('office-micnt', 'strategy_office', 'MICNT');
  expect(await edit(admin, 'EGOV-01', { owner: 'MICNT' })).toBe(200);
  expect(await edit(admin, 'EGOV-02', { owner: 'CGEM' })).toBe(200);
});
afterAll(() => t.close());

describe('projects: role × action', () => {
  it('anonymous → 401 and viewer → 403 for every write', async () => {
    for (const session of [anonymous, viewer]) {
      const expected = session === anonymous ? 401 : 403;
      expect(await edit(session, 'EGOV-01')).toBe(expected);
      expect(await addMilestone(session, 'EGOV-01')).toBe(expected);
      expect(await remove(session, 'EGOV-01')).toBe(expected);
      expect(await create(session, 'P-X', 'MICNT')).toBe(expected);
    }
  });

  it('a strategy office scoped to MICNT manages MICNT’s projects', async () => {
    expect(await edit(scoped, 'EGOV-01')).toBe(200);
    expect(await addMilestone(scoped, 'EGOV-01')).toBe(201);
    expect(await create(scoped, 'P-MICNT', 'MICNT')).toBe(201);
    expect(await remove(scoped, 'P-MICNT')).toBe(204);
  });

  it('…and not others’: another owner, no owner, handing one away (403); unknown → 404', async () => {
    expect(await edit(scoped, 'EGOV-02')).toBe(403);
    expect(await addMilestone(scoped, 'EGOV-02')).toBe(403);
    expect(await remove(scoped, 'EGOV-02')).toBe(403);
    expect(await edit(scoped, 'EGOV-03')).toBe(403);
    expect(await edit(scoped, 'EGOV-01', { owner: 'CGEM' })).toBe(403);
    expect(await create(scoped, 'P-NONE')).toBe(403);
    expect(await create(scoped, 'P-CGEM', 'CGEM')).toBe(403);
    expect((await send(scoped, 'PATCH', `${base}/NOPE`, { version: 1 })).statusCode).toBe(404);
  });

  it('an administrator manages any project', async () => {
    expect(await edit(admin, 'EGOV-02')).toBe(200);
    expect(await addMilestone(admin, 'EGOV-03')).toBe(201);
  });

  it('a draft strategy’s projects are hidden from the public (404) and shown to signed-in staff', async () => {
    await t.database.db.query(`UPDATE strategies SET state = 'draft' WHERE code = 'DM2030'`);
    const url = '/api/strategies/DM2030/projects';
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const staff = await t.app.inject({ method: 'GET', url, headers: viewer.headers });
    expect(staff.json().items.map((p: { code: string }) => p.code)).toEqual(['DM-JAZARI']);
  });
});
