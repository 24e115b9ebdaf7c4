import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, problem, signIn, type TestApp } from '../../../../test/app';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(
    { login: { maxFailuresPerAccount: 3, maxFailuresPerAddress: 1000, windowSeconds: 600 } },
    { level: 'trace', stream: logStream },
  );
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('sign-in', () => {
  it('stores passwords as argon2id hashes', async () => {
    const row = await t.database.db.one<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE username = 'admin'",
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it('sets an HttpOnly SameSite session cookie and returns a CSRF token', async () => {
    const response = await login('admin', ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'marsad_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    expect(response.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(response.json().user.abilities).toContain('users.manage');
  });

  it('marks the cookie Secure behind https', async () => {
    const response = await login('admin', ADMIN_PASSWORD, { 'x-forwarded-proto': 'https' });
    // trustProxy is off by default, so a forwarded header alone must not flip it
    expect(response.cookies.find((c) => c.name === 'marsad_session')?.secure).toBeFalsy();
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrongPassword = await login('admin', 'not-the-password');
    const unknownUser = await login('nobody', 'not-the-password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(problem(wrongPassword).code).toBe('invalid_credentials');
    expect(wrongPassword.json().title).toBe(unknownUser.json().title);
  });

  it('never logs a password, a session cookie or a CSRF token', async () => {
    const session = await signIn(t.app);
    await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers });
    const logs = logLines.join('');
    expect(logs).toContain('/api/auth/login');
    expect(logs).not.toContain(ADMIN_PASSWORD);
    expect(logs).not.toContain(session.cookie.split('=')[1]);
    expect(logs).not.toContain(session.csrfToken);
  });

  it('refuses a login posted from another site', async () => {
    const response = await login('admin', ADMIN_PASSWORD, { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(problem(response).code).toBe('csrf_failed');
  });
});

describe('throttling', () => {
  it('answers 429 with Retry-After after too many failures for one account, even with the right password', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: (await signIn(t.app)).headers,
      payload: { username: 'target', displayName: 'Target', password: 'target-password-1', roles: [] },
    });
    for (let i = 0; i < 3; i++) expect((await login('target', 'wrong-password')).statusCode).toBe(401);
    const blocked = await login('target', 'target-password-1');
    expect(blocked.statusCode).toBe(429);
    expect(problem(blocked).code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(600);
    // another account from the same address is not blocked
    expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  });
});

describe('session and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF token, and writes nothing', async () => {
    const session = await signIn(t.app);
    const before = await t.database.db.one<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: session.cookie },
      payload: { code: 'X1', name: { fr: 'X' }, type: 'agency' },
    });
    expect(response.statusCode).toBe(403);
    expect(problem(response).code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
      payload: { code: 'X1', name: { fr: 'X' }, type: 'agency' },
    });
    expect(wrong.statusCode).toBe(403);
    const after = await t.database.db.one<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
    expect(after.n).toBe(before.n);
  });

  it('logs out: the cookie no longer works', async () => {
    const session = await signIn(t.app);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers });
    expect(after.json()).toEqual({ user: null, csrfToken: null });
  });
});

describe('API tokens', () => {
  it('creates a token shown once, authenticates with it without CSRF, and revokes it', async () => {
    const session = await signIn(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: session.headers,
      payload: { name: 'etl' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token, prefix } = created.json();
    expect(token).toMatch(new RegExp(`^msd_${prefix}_`));
    const stored = await t.database.db.one<{ token_hash: Buffer }>(
      'SELECT token_hash FROM api_tokens WHERE id = $1',
      [id],
    );
    expect(stored.token_hash.toString('utf8')).not.toContain(token);

    const list = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: session.headers });
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(id);
    expect(JSON.stringify(list.json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: bearer,
      payload: { code: 'TOKORG', name: { en: 'Made by a token' }, type: 'other' },
    });
    expect(write.statusCode).toBe(201);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${id}`,
      headers: session.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer });
    expect(again.statusCode).toBe(401);
    expect(problem(again).code).toBe('invalid_token');
  });
});
