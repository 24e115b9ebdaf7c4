import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
});
afterAll(() => t.close());

const budget = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/strategies/MN2013/budget?by=rubric,year' })).json();

describe('budget writes', () => {
  it('a revised line and transactions show in the budget and its execution', async () => {
    const lines = (
      await t.app.inject({ method: 'GET', url: '/api/strategies/MN2013/budget?by=node,rubric,year' })
    ).json();
    const line = lines.rows[0];
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/strategies/MN2013/budget/lines',
      headers: admin.headers,
      payload: {
        node: line.node,
        rubric: line.rubric,
        year: line.year,
        amount: line.amount + 10,
        type: 'original',
        status: 'committed',
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await budget()).totals.total).toBe(5197);
    for (const [type, amount] of [
      ['commitment', 100],
      ['disbursement', 60],
      ['expenditure', 40],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/strategies/MN2013/transactions',
        headers: admin.headers,
        payload: { node: 'M01', date: '2010-06-30', type, amount },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const after = await budget();
    expect(after.execution).toMatchObject({
      committed: 100,
      disbursed: 60,
      spent: 40,
      disbursementRate: 0.6,
    });
    expect(after.execution.commitmentRate).toBeCloseTo(100 / 5197, 10);
  });

  it('refuses a negative amount, a year outside the strategy and an unknown node, writing nothing', async () => {
    const total = (await budget()).totals.total;
    const negative = await t.app.inject({
      method: 'PUT',
      url: '/api/strategies/MN2013/budget/lines',
      headers: admin.headers,
      payload: { rubric: 'x', year: 2010, amount: -5, type: 'original', status: 'indicative' },
    });
    expect(negative.statusCode).toBe(400);
    expect(problem(negative).errors?.[0]?.path).toBe('/body/amount');
    const outside = await t.app.inject({
      method: 'PUT',
      url: '/api/strategies/MN2013/budget/lines',
      headers: admin.headers,
      payload: { node: 'M99', rubric: 'x', year: 2020, amount: 5, type: 'original', status: 'indicative' },
    });
    expect(
      problem(outside)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['/body/node', '/body/year']);
    expect((await budget()).totals.total).toBe(total);
  });
});
