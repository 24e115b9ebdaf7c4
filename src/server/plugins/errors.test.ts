import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, signIn, type TestApp } from '../../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ bodyLimit: 2048 });
});
afterAll(() => t.close());

const auditCount = async () =>
  (await t.database.db.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).n;

describe('errors are application/problem+json and write nothing', () => {
  it('unknown route → 404 with a stable code', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem(response).code).toBe('route_not_found');
  });

  it('malformed JSON → 400 malformed_json', async () => {
    const before = await auditCount();
    const session = await signIn(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { ...session.headers, 'content-type': 'application/json' },
      payload: '{"code": "X", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem(response).code).toBe('malformed_json');
    expect(await auditCount()).toBe(before + 1); // only the sign-in's session event
  });

  it('body over the limit → 413 payload_too_large', async () => {
    const session = await signIn(t.app);
    const before = await t.database.db.one<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: session.headers,
      payload: { code: 'BIG', type: 'other', name: { fr: 'x'.repeat(5000) } },
    });
    expect(response.statusCode).toBe(413);
    expect(problem(response).code).toBe('payload_too_large');
    const after = await t.database.db.one<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
    expect(after.n).toBe(before.n);
  });

  it('invalid fields → 400 naming each field at fault', async () => {
    const session = await signIn(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: session.headers,
      payload: { code: 'ok-code', name: {}, type: 'planet', regionCode: 'atlantis' },
    });
    expect(response.statusCode).toBe(400);
    const body = problem(response);
    expect(body.code).toBe('validation_failed');
    const paths = body.errors?.map((e) => e.path).sort();
    expect(paths).toEqual(['/body/name', '/body/regionCode', '/body/type']);
  });

  it('a missing required field is named by its own path', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin' },
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/password', code: 'required' }),
    ]);
  });

  it('anonymous write → 401', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: { code: 'ANON', name: { fr: 'x' }, type: 'other' },
    });
    expect(response.statusCode).toBe(401);
    expect(problem(response).code).toBe('unauthenticated');
  });
});
