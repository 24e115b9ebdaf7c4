import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
});
afterAll(() => t.close());

const send = (method: 'PUT' | 'POST', url: string, payload: unknown, session: Session | null = admin) =>
  t.app.inject({ method, url, payload: payload as object, headers: session?.headers ?? {} });
const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).json();

describe('targets are versioned', () => {
  it('a change is a new version with its reason; the old one stays readable as of an earlier date', async () => {
    const before = await get('/api/indicators/MN-I31');
    expect(before.target.version).toBe(1);
    const response = await send('PUT', '/api/indicators/MN-I31/target', {
      baseline: { period: '2009', value: 1186923 },
      milestones: [],
      final: { period: '2013', value: 5000000 },
      reason: 'Re-baselined after the 2011 mid-term review',
      effectiveFrom: '2012-01-01',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().version).toBe(2);
    const now = await get('/api/indicators/MN-I31');
    expect(now.target).toMatchObject({ version: 2, reason: 'Re-baselined after the 2011 mid-term review' });
    expect(now.targetVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const then = await get('/api/indicators/MN-I31?asOf=2011-06-30');
    expect(then.target.version).toBe(1);
    expect(then.target.final.value).toBe(6000000);
  });

  it('refuses a change without a reason, with a period outside the strategy, or against the direction', async () => {
    const noReason = await send('PUT', '/api/indicators/MN-I31/target', {
      baseline: null,
      milestones: [],
      final: null,
    });
    expect(noReason.statusCode).toBe(400);
    expect(problem(noReason).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/body/reason' })]),
    );
    const outside = await send('PUT', '/api/indicators/MN-I31/target', {
      baseline: { period: '2009', value: 1 },
      milestones: [],
      final: { period: '2020', value: 2 },
      reason: 'too late',
    });
    expect(problem(outside).errors).toEqual([
      expect.objectContaining({ path: '/body/final/period', code: 'period.outside_strategy' }),
    ]);
    const backwards = await send('PUT', '/api/indicators/MN-I30/target', {
      baseline: { period: '2008', value: 140 },
      milestones: [],
      final: { period: '2013', value: 180 },
      reason: 'a rank target worse than the baseline',
    });
    expect(backwards.statusCode).toBe(400);
    expect(problem(backwards).errors?.[0]?.code).toBe('target.against_direction');
    const versions = await t.database.db.one<{ n: number }>(
      "SELECT count(*)::int AS n FROM target_versions t JOIN indicators i ON i.id = t.indicator_id WHERE i.code = 'MN-I30'",
    );
    expect(versions.n).toBe(1);
  });
});

describe('observations', () => {
  it('a recorded figure shows at once in the indicator and the tree', async () => {
    const response = await send('POST', '/api/indicators/MN-I12/observations', {
      period: '2012',
      value: 150,
      source: { document: 'test report' },
      confidence: 'high',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().created).toBe(true);
    const indicator = await get('/api/indicators/MN-I12?asOf=2013-06-30');
    expect(
      indicator.observations.map((o: { period: string; value: number }) => [o.period, o.value]),
    ).toContainEqual(['2012', 150]);
    const again = await send('POST', '/api/indicators/MN-I12/observations', { period: '2012', value: 160 });
    expect(again.json().created).toBe(false);
  });

  it('refuses undeclared dimensions, unknown members and bad periods, naming each field', async () => {
    const response = await send('POST', '/api/indicators/MN-I12/observations', {
      period: '2012-Q5',
      dimensions: { region: 'MA-13' },
      value: 1,
    });
    expect(response.statusCode).toBe(400);
    const paths = problem(response).errors?.map((e) => `${e.path} ${e.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/body/period period.invalid',
        '/body/dimensions/region observation.undeclared_dimension',
      ]),
    );
  });

  it('needs the right to write observations', async () => {
    expect(
      (await send('POST', '/api/indicators/MN-I12/observations', { period: '2012', value: 1 }, null))
        .statusCode,
    ).toBe(401);
    await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'reader',
        displayName: 'Reader',
        password: 'reader-password',
        roles: [{ role: 'viewer' }],
      },
    });
    const viewer = await signIn(t.app, 'reader', 'reader-password');
    expect(
      (await send('POST', '/api/indicators/MN-I12/observations', { period: '2012', value: 1 }, viewer))
        .statusCode,
    ).toBe(403);
  });
});
