import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, signInWithRole, type TestApp } from '../../../../test/app';

let t: TestApp;
let admin: Session;
const anonymous: Session = { cookie: '', csrfToken: '', headers: {} };
const base = '/api/strategies/MN2013';

const userWith = (username: string, role: string, organizationCode: string | null = null) =>
  signInWithRole(t, admin, username, role, organizationCode);

const send = (session: Session, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
const version = async (code: string) =>
  (await t.app.inject({ method: 'GET', url: `${base}/bodies/${code}` })).json().version as number;

/** The status of each governance write for one session, in a fixed order. */
async function writes(session: Session, suffix: string): Promise<number[]> {
  const create = await send(session, 'POST', `${base}/bodies`, {
    code: `B-${suffix}`,
    name: { fr: 'B' },
    kind: 'other',
  });
  const edit = await send(session, 'PATCH', `${base}/bodies/CSSI`, {
    version: await version('CSSI'),
    members: ['ANRT'],
  });
  const lines = await send(session, 'PUT', `${base}/reporting-lines`, {
    lines: [{ organization: 'MICNT', reviewer: 'CIGOV' }],
  });
  const target = create.statusCode === 201 ? `B-${suffix}` : 'SPGOV';
  const remove = await send(session, 'DELETE', `${base}/bodies/${target}?version=${await version(target)}`);
  return [create.statusCode, edit.statusCode, lines.statusCode, remove.statusCode];
}

beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
});
afterAll(() => t.close());

describe('governance: role × action (create, edit, reporting lines, delete)', () => {
  it('anonymous → 401', async () => {
    expect(await writes(anonymous, 'ANON')).toEqual([401, 401, 401, 401]);
  });

  it('viewer and reviewer → 403', async () => {
    expect(await writes(await userWith('viewer1', 'viewer'), 'V')).toEqual([403, 403, 403, 403]);
    expect(await writes(await userWith('reviewer1', 'reviewer'), 'R')).toEqual([403, 403, 403, 403]);
  });

  it('a strategy office scoped to an organization → 403: governance spans the whole strategy', async () => {
    expect(await writes(await userWith('office-micnt', 'strategy_office', 'MICNT'), 'S')).toEqual([
      403, 403, 403, 403,
    ]);
  });

  it('a national strategy office and an administrator → allowed', async () => {
    expect(await writes(await userWith('office', 'strategy_office'), 'O')).toEqual([201, 200, 200, 204]);
    expect(await writes(admin, 'A')).toEqual([201, 200, 200, 204]);
  });

  it('a draft strategy’s bodies and reporting lines are hidden from the public (404)', async () => {
    await t.database.db.query(`UPDATE strategies SET state = 'draft' WHERE code = 'DM2030'`);
    for (const url of ['/api/strategies/DM2030/bodies', '/api/strategies/DM2030/reporting-lines']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
    const viewer = await signIn(t.app, 'viewer1', 'viewer1-password');
    const staff = await t.app.inject({
      method: 'GET',
      url: '/api/strategies/DM2030/bodies',
      headers: viewer.headers,
    });
    expect(staff.json().items.map((b: { code: string }) => b.code)).toEqual(['CNDN']);
  });
});
