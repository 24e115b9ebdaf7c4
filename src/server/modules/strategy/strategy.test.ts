import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { seedDefaultData } from '../imports/seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
});
afterAll(() => t.close());

const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

interface Node {
  code: string;
  level: string;
  status: string;
  progress: number | null;
  children: Node[];
}
const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('default data', () => {
  it('loads again without error and without duplicating anything (marsad seed)', async () => {
    const count = async () =>
      (
        await t.database.db.one<{ n: number }>(
          'SELECT (SELECT count(*) FROM plan_nodes) + (SELECT count(*) FROM observations) AS n',
        )
      ).n;
    const before = await count();
    const summaries = await seedDefaultData(t.database.db);
    expect(summaries.map((s) => s.strategy)).toEqual(['OBS', 'MN2013', 'MD2020', 'DM2030']);
    expect(await count()).toBe(before);
  });
});

describe('public read contract', () => {
  it('GET /api/strategies lists the default strategies, linked as predecessor and successors', async () => {
    const { items } = await get('/api/strategies');
    const codes = items.map((s: { code: string }) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['MN2013', 'MD2020', 'DM2030']));
    const mn = items.find((s: { code: string }) => s.code === 'MN2013');
    expect(mn).toMatchObject({ periodStart: '2009-01-01', periodEnd: '2013-12-31', successors: ['MD2020'] });
    expect(mn.title.fr).toBeTruthy();
    expect(items.find((s: { code: string }) => s.code === 'DM2030')).toMatchObject({ predecessor: 'MD2020' });
  });

  it('GET /api/strategies/MN2013/tree shows the 53 measures under their priorities, each with a computed status', async () => {
    const tree = await get('/api/strategies/MN2013/tree?asOf=2014-12-31');
    const all = flatten(tree.nodes);
    const measures = all.filter((n) => n.level === 'measure');
    expect(measures.map((m) => m.code)).toEqual(
      Array.from({ length: 53 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`),
    );
    expect(tree.nodes.map((n: Node) => n.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'S1', 'S2']);
    const statuses = new Set(['achieved', 'on_track', 'at_risk', 'off_track', 'not_started', 'no_data']);
    expect(all.every((n) => statuses.has(n.status))).toBe(true);
    expect(all.every((n) => n.progress === null || (n.progress >= 0 && n.progress <= 1))).toBe(true);
    // the status counts of the root cover every node once
    const total = Object.values(tree.statusCounts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(all.length + 1);
  });

  it('judges a measure by its indicators: M01 teachers trained 147,277 of 200,000 by 2014', async () => {
    const tree = await get('/api/strategies/MN2013/tree?asOf=2014-12-31&explain=true');
    const m01 = flatten(tree.nodes).find((n) => n.code === 'M01') as Node & {
      basis: string;
      indicators: string[];
    };
    expect(m01.basis).toBe('indicators');
    expect(m01.indicators).toContain('MN-I28');
    expect(m01.status).not.toBe('no_data');
  });

  it('GET /api/strategies/MN2013/budget?by=rubric,year gives 5,187 in all and the seed figure per year', async () => {
    const budget = await get('/api/strategies/MN2013/budget?by=rubric,year');
    expect(budget.currency).toBe('MAD');
    expect(budget.totals.total).toBe(5187);
    expect(budget.totals.byYear.map((r: { year: number; amount: number }) => [r.year, r.amount])).toEqual([
      [2009, 1145],
      [2010, 1467],
      [2011, 1256],
      [2012, 654],
      [2013, 665],
    ]);
    expect(budget.rows).toHaveLength(30);
    const sum = budget.rows.reduce((a: number, r: { amount: number }) => a + r.amount, 0);
    expect(sum).toBe(5187);
    expect(budget.rows[0]).toEqual(expect.objectContaining({ rubric: expect.any(String), year: 2009 }));
  });

  it('refuses an unknown budget dimension, naming the field', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/strategies/MN2013/budget?by=rubric,colour',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: '/query/by' });
  });

  it('GET /api/indicators/MN-I28 computes 73.6 % and keeps the reported 70 % beside it, flagged', async () => {
    const indicator = await get('/api/indicators/MN-I28?asOf=2015-06-30');
    expect(indicator.target.final).toMatchObject({ period: '2013', value: 200000 });
    const obs = indicator.observations.find((o: { period: string }) => o.period === '2014');
    expect(obs.value).toBe(147277);
    expect(obs.comparison.result).toMatchObject({
      computedPercent: 73.6,
      reportedPercent: 70,
      mismatch: true,
    });
    expect(indicator.computed.result.achievement).toBeCloseTo(0.736385, 6);
    // 73.6 % of the final target once its date has passed: between at-risk (70 %) and on-track (90 %)
    expect(indicator.computed.result.status).toBe('at_risk');
    expect(indicator.computed.method).toBe('indicator.evaluation');
    expect(JSON.stringify(indicator.computed.steps)).toContain('147277');
  });

  it('GET /api/indicators/:code with asOf before any observation shows none', async () => {
    const indicator = await get('/api/indicators/MN-I28?asOf=2012-01-01');
    expect(indicator.observations).toEqual([]);
    expect(indicator.computed.result.status).not.toBe('achieved');
  });

  it('an unknown strategy or indicator → 404 problem', async () => {
    for (const url of ['/api/strategies/NOPE/tree', '/api/indicators/NOPE', '/api/strategies/NOPE/budget']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('GET /api/schemas/strategy-package.json publishes the JSON Schema', async () => {
    const schema = await get('/api/schemas/strategy-package.json');
    expect(schema.properties.nodes.type).toBe('array');
  });
});
