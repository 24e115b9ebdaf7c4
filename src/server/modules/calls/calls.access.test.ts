import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/app';

// Role × action on the calls: who passes the gate. A caller past the gate meets a rule of the call instead
// (a duplicate code, an unknown user, a call still open), so each row asserts the gate without changing state.

let t: TestApp;
const sessions: Record<string, Session | null> = { anonymous: null };
const ROLES = ['admin', 'strategy_office', 'reviewer', 'reporter', 'analyst', 'viewer'] as const;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await signIn(t.app);
  sessions.admin = admin;
  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
  for (const role of [...ROLES.slice(1), 'juror']) {
    const created = await post('/api/users', {
      username: role,
      displayName: role,
      password: `${role}-password-1234`,
      roles: [{ role: role === 'juror' ? 'viewer' : role, organizationId: null }],
    });
    expect(created.statusCode, created.body).toBe(201);
    sessions[role] = await signIn(t.app, role, `${role}-password-1234`);
  }
  const call = await post('/api/calls', {
    code: 'MATRIX',
    title: { en: 'Matrix' },
    criteria: [{ code: 'q', label: { en: 'Quality' }, weight: 1 }],
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  expect(call.statusCode, call.body).toBe(201);
  expect((await post('/api/calls/MATRIX/open', { version: call.json().version })).statusCode).toBe(200);
  expect((await post('/api/calls/MATRIX/jurors', { username: 'juror' })).statusCode).toBe(200);
});
afterAll(() => t.close());

type Row = [string, 'GET' | 'POST' | 'PUT', string, object | undefined, Record<string, number>];
const managers = { admin: 0, strategy_office: 0 };
const ACTIONS: Row[] = [
  ['create a call', 'POST', '/api/calls', { code: 'MATRIX', title: { en: 'x' } }, { ...managers, pass: 400 }],
  ['add a juror', 'POST', '/api/calls/MATRIX/jurors', { username: 'nobody' }, { ...managers, pass: 400 }],
  ['list the jury', 'GET', '/api/calls/MATRIX/jurors', undefined, { ...managers, pass: 200 }],
  ['see the ranking', 'GET', '/api/calls/MATRIX/ranking', undefined, { ...managers, pass: 200 }],
  [
    'set the shortlist',
    'PUT',
    '/api/calls/MATRIX/shortlist',
    { submissions: [] },
    { ...managers, pass: 409 },
  ],
  ['assign', 'POST', '/api/calls/MATRIX/assignments', { jurors: ['nobody'] }, { ...managers, pass: 400 }],
  [
    'list applications',
    'GET',
    '/api/calls/MATRIX/submissions',
    undefined,
    { ...managers, juror: 0, pass: 200, hidden: 404 },
  ],
  ['read the call', 'GET', '/api/calls/MATRIX', undefined, { everyone: 1, pass: 200 }],
];

/** The status each caller gets: the row's `pass` for those allowed, 401 for the public, 403 (or `hidden`) otherwise. */
function expected(row: Record<string, number>, who: string): number {
  if (row.everyone || who in row) return row.pass!;
  if (who === 'anonymous') return 401;
  return row.hidden ?? 403;
}

describe('role × action on calls', () => {
  for (const [action, method, url, payload, row] of ACTIONS) {
    it(action, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of ['anonymous', ...ROLES, 'juror']) {
        const session = sessions[who];
        const response = await t.app.inject({
          method,
          url,
          headers: session?.headers ?? {},
          ...(payload ? { payload } : {}),
        });
        got[who] = response.statusCode;
        want[who] = expected(row, who);
      }
      expect(got).toEqual(want);
    });
  }
});
