import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';

let t: TestApp;
let admin: Session;
const today = new Date().toISOString().slice(0, 10);
const get = (url: string, session: Session | null = admin) =>
  t.app.inject({ method: 'GET', url, headers: session?.headers ?? {} });

beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
  const target = await t.app.inject({
    method: 'PUT',
    url: '/api/indicators/MN-I01/target',
    headers: admin.headers,
    payload: {
      baseline: { period: '2008', value: 20 },
      milestones: [{ period: '2011', value: 50 }],
      final: { period: '2013', value: 90 },
      reason: 'Re-baselined after the 2010 review',
      effectiveFrom: '2011-01-01',
    },
  });
  expect(target.statusCode, target.body).toBe(200);
  const node = (await get('/api/strategies/MN2013/nodes/M01')).json();
  const weight = await t.app.inject({
    method: 'PATCH',
    url: '/api/strategies/MN2013/nodes/M01',
    headers: admin.headers,
    payload: {
      version: node.version,
      weight: 2,
      reason: 'Broadband weighs more after the mid-term review',
      effectiveFrom: '2012-01-01',
    },
  });
  expect(weight.statusCode, weight.body).toBe(200);
});
afterAll(() => t.close());

describe('plan versions', () => {
  it('compares two dates side by side: the targets that changed, why, when and by whom; the weights', async () => {
    const response = await get(`/api/strategies/MN2013/plan-versions/compare?from=2010-06-30&to=${today}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.targets).toEqual([
      {
        indicator: 'MN-I01',
        name: expect.objectContaining({ en: 'Equipped public schools' }),
        from: expect.objectContaining({ version: 1, final: expect.objectContaining({ value: 100 }) }),
        to: expect.objectContaining({
          version: 2,
          effectiveFrom: '2011-01-01',
          final: { period: '2013', value: 90 },
        }),
        changes: [
          expect.objectContaining({
            version: 2,
            reason: 'Re-baselined after the 2010 review',
            effectiveFrom: '2011-01-01',
            createdBy: 'admin',
          }),
        ],
      },
    ]);
    expect(body.weights).toEqual([
      expect.objectContaining({
        node: 'M01',
        from: 1,
        to: 2,
        by: 'admin',
        effectiveFrom: '2012-01-01',
        reason: 'Broadband weighs more after the mid-term review',
      }),
    ]);
  });

  it('before the new version takes effect, the two views agree', async () => {
    const body = (
      await get('/api/strategies/MN2013/plan-versions/compare?from=2010-06-30&to=2010-12-31')
    ).json();
    expect(body.targets).toEqual([]);
    expect(body.weights).toEqual([]);
  });

  it('a weight changed during execution is a plan version: refused without its reason, nothing written', async () => {
    const node = (await get('/api/strategies/MN2013/nodes/M02')).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/strategies/MN2013/nodes/M02',
      headers: admin.headers,
      payload: { version: node.version, weight: 3 },
    });
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/reason', code: 'plan_version.reason_required' }),
    ]);
    const after = (await get('/api/strategies/MN2013/nodes/M02')).json();
    expect([after.weight, after.version]).toEqual([node.weight, node.version]);
  });

  it('the tree rolls up with the weights in force at its date', async () => {
    const weightOf = async (asOf: string) => {
      const tree = (await get(`/api/strategies/MN2013/tree?asOf=${asOf}`, null)).json();
      const find = (nodes: { code: string; weight: number; children: never[] }[]): number | undefined => {
        for (const n of nodes) {
          if (n.code === 'M01') return n.weight;
          const inner = find(n.children);
          if (inner !== undefined) return inner;
        }
        return undefined;
      };
      return find(tree.nodes);
    };
    expect(await weightOf('2011-12-31')).toBe(1);
    expect(await weightOf('2012-01-01')).toBe(2);
  });

  it('lists the changes, newest first', async () => {
    const { items } = (await get('/api/strategies/MN2013/plan-versions')).json();
    const recent = items.filter(
      (i: { kind: string; version?: number }) => i.kind === 'weight' || i.version === 2,
    );
    expect(recent.map((i: { kind: string; subject: string }) => `${i.kind}:${i.subject}`)).toEqual([
      'weight:M01',
      'target:MN-I01',
    ]);
  });

  it('refuses dates in the wrong order; who changed what is not public', async () => {
    const reversed = await get('/api/strategies/MN2013/plan-versions/compare?from=2012-01-01&to=2011-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(problem(reversed).errors).toEqual([
      expect.objectContaining({ path: '/query/to', code: 'date_order' }),
    ]);
    expect((await get('/api/strategies/MN2013/plan-versions', null)).statusCode).toBe(401);
  });

  it('the reporting, plan-version and outbox routes are documented in the OpenAPI document', async () => {
    const response = await get('/api/openapi.json', null);
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const path of [
      '/api/reporting/cycles',
      '/api/reporting/reports/{id}/approve',
      '/api/reporting/agenda',
      '/api/strategies/{code}/plan-versions/compare',
      '/api/admin/outbox',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
