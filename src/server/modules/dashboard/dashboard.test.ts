import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem, signIn } from '../../../../test/app';
import { budgetExecution, financialPhysicalGap, sumBudgets } from '../../../domain/budget';
import {
  evaluateIndicator,
  evaluatePlan,
  type PartialTarget,
  type PlanNodeEvaluation,
  type PlanNodeInput,
} from '../../../domain/plan-progress';
import { rollUp } from '../../../domain/rollup';
import { DEFAULT_STATUS_THRESHOLDS } from '../../../domain/status';
import {
  explanation,
  type Fixture,
  fillGenie,
  GENIE_2010,
  MN,
  openCycle,
  setUp,
} from '../reporting/reporting.fixture';

// The dashboard's figures for MN2013 checked against the computation library called directly on data this
// test reads with its own SQL — never against numbers written here.

let f: Fixture;
beforeAll(async () => {
  f = await setUp();
});
afterAll(() => f.t.close());

const AS_OF = '2013-12-31';
const get = (query = '', session = f.admin) => f.send('GET', `${MN}/dashboard${query}`, session);

/** The plan evaluated by the domain library from the database, as of a date, national figures. */
async function expectedPlan(asOf: string) {
  const db = f.t.database.db;
  const strategy = await db.one<{ id: string; start: string }>(
    `SELECT id, to_char(period_start, 'YYYY-MM-DD') AS start FROM strategies WHERE code = 'MN2013'`,
  );
  const nodes = await db.query<{ id: string; code: string; parent: string | null; weight: number }>(
    `SELECT id, code, parent_id AS parent, weight FROM plan_nodes
      WHERE strategy_id = $1 AND deleted_at IS NULL ORDER BY position, code`,
    [strategy.id],
  );
  const indicators = await db.query<{
    code: string;
    direction: 'increase' | 'decrease';
    target: PartialTarget | null;
    latest: { period: string; value: number } | null;
    nodes: string[];
  }>(
    `SELECT i.code, i.direction,
            (SELECT json_build_object('baseline', t.baseline, 'milestones', t.milestones, 'final', t.final)
               FROM target_versions t WHERE t.indicator_id = i.id AND t.effective_from <= $2
              ORDER BY t.effective_from DESC, t.version DESC LIMIT 1) AS target,
            (SELECT json_build_object('period', o.period, 'value', o.value) FROM observations o
              WHERE o.indicator_id = i.id AND o.dims_key = '' AND o.period_end <= $2 AND o.value IS NOT NULL
                AND o.state = 'approved' ORDER BY o.period_end DESC LIMIT 1) AS latest,
            ARRAY(SELECT x.node_id FROM indicator_nodes x WHERE x.indicator_id = i.id)::text[] AS nodes
       FROM indicators i WHERE i.strategy_id = $1 AND i.deleted_at IS NULL`,
    [strategy.id, asOf],
  );
  const evaluations = new Map(
    indicators.map((i) => [
      i.code,
      evaluateIndicator({
        target: i.target,
        direction: i.direction,
        observations: i.latest ? [i.latest] : [],
        asOf,
        startDate: strategy.start,
        thresholds: DEFAULT_STATUS_THRESHOLDS,
      }).result,
    ]),
  );
  const input = (node: (typeof nodes)[number]): PlanNodeInput => ({
    id: node.code,
    weight: node.weight,
    indicators: indicators.filter((i) => i.nodes.includes(node.id)).map((i) => evaluations.get(i.code)!),
    children: nodes.filter((n) => n.parent === node.id).map(input),
  });
  const roots = nodes.filter((n) => n.parent === null);
  const plan = evaluatePlan({ id: 'MN2013', weight: 1, indicators: [], children: roots.map(input) });
  return { plan, evaluations };
}

function find(node: PlanNodeEvaluation, id: string): PlanNodeEvaluation | null {
  if (node.id === id) return node;
  for (const child of node.children) {
    const found = find(child, id);
    if (found) return found;
  }
  return null;
}

async function allocatedByNode(years: [number, number] | null = null) {
  const rows = await f.t.database.db.query<{ node: string | null; amount: number }>(
    `SELECT n.code AS node, sum(l.amount)::float8 AS amount FROM budget_lines l
       JOIN strategies s ON s.id = l.strategy_id LEFT JOIN plan_nodes n ON n.id = l.node_id
      WHERE s.code = 'MN2013' AND l.type = 'original' AND ($1::int IS NULL OR l.year BETWEEN $1 AND $2)
      GROUP BY n.code`,
    [years?.[0] ?? null, years?.[1] ?? null],
  );
  return new Map(rows.map((r) => [r.node ?? '', Math.round(r.amount * 100)]));
}

type Row = {
  code: string;
  progress: number | null;
  status: string | null;
  statusCounts: Record<string, number>;
  scope: string[];
  budget: Record<string, number | null>;
  components: { formula: string } | null;
};

describe('GET /api/strategies/:code/dashboard', () => {
  it('is for signed-in users who work on plans: 401 for the public, 403 without internal.read', async () => {
    expect((await get('', null as never)).statusCode).toBe(401);
    const created = await f.send('POST', '/api/users', f.admin, {
      username: 'noroles',
      displayName: 'No roles',
      email: 'noroles@example.ma',
      locale: 'fr',
      password: 'noroles-password-1234',
      roles: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await get('', await signIn(f.t.app, 'noroles', 'noroles-password-1234'));
    expect(response.statusCode).toBe(403);
    expect((await get('', f.users.viewer)).statusCode).toBe(200);
  });

  it('gives, per priority, the status counts, progress and budget the computation library gives', async () => {
    const response = await get(`?asOf=${AS_OF}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const { plan } = await expectedPlan(AS_OF);
    const allocated = await allocatedByNode();
    expect(body.rows.map((r: Row) => r.code)).toEqual(plan.children.map((c) => c.id));
    for (const row of body.rows as Row[]) {
      const expected = find(plan, row.code)!;
      expect(row.progress).toBe(expected.progress);
      expect(row.status).toBe(expected.status);
      expect(row.statusCounts).toEqual(expected.statusCounts);
      const amounts = { allocated: allocated.get(row.code) ?? 0, committed: 0, disbursed: 0, spent: 0 };
      const execution = budgetExecution(sumBudgets([amounts])).result;
      expect(row.budget.allocated).toBe(execution.allocated / 100);
      expect(row.budget.executionRate).toBe(execution.executionRate);
      const gap = financialPhysicalGap({
        allocated: amounts.allocated,
        spent: 0,
        physicalProgress: expected.progress,
      });
      expect(row.budget.financialProgress).toBe(gap.result.financial);
      expect(row.budget.gap).toBe(gap.result.gap);
    }
    expect(body.summary.progress).toBe(plan.progress);
    const total = [...allocated.values()].reduce((a, b) => a + b, 0);
    expect(body.summary.budget.allocated).toBe(total / 100);
    const counts = plan.children.map((c) => c.statusCounts);
    for (const s of Object.keys(body.summary.statusCounts))
      expect(body.summary.statusCounts[s]).toBe(counts.reduce((a, c) => a + c[s as keyof typeof c], 0));
  });

  it('shows the key indicators (linked to priorities) with their trajectory, judged as the library judges them', async () => {
    const body = (await get(`?asOf=${AS_OF}`)).json();
    const { evaluations } = await expectedPlan(AS_OF);
    const priorities = new Set(body.rows.map((r: Row) => r.code));
    expect(body.keyIndicators.length).toBeGreaterThan(0);
    for (const k of body.keyIndicators) {
      expect(k.nodes.every((n: string) => priorities.has(n))).toBe(true);
      const e = evaluations.get(k.code)!;
      expect([k.status, k.achievement, k.actual, k.expected]).toEqual([
        e.status,
        e.achievement,
        e.actual,
        e.expected,
      ]);
      expect(k.link).toBe(`/app/indicators/${k.code}`);
    }
    const broadband = body.keyIndicators.find((k: { code: string }) => k.code === 'MN-I02');
    expect(broadband.trajectory.map((p: { role: string }) => p.role)).toContain('final');
    expect(broadband.observations.length).toBeGreaterThan(1);
    // every node flagged off track or at risk by the library is listed, none other
    const { plan } = await expectedPlan(AS_OF);
    const flagged: string[] = [];
    const walk = (n: PlanNodeEvaluation) => {
      if (n.status === 'off_track' || n.status === 'at_risk') flagged.push(n.id);
      n.children.forEach(walk);
    };
    plan.children.forEach(walk);
    const listed = body.attention
      .filter((a: { kind: string }) => a.kind === 'node')
      .map((a: { code: string }) => a.code);
    expect(listed.sort()).toEqual(flagged.sort());
  });

  it('narrows to a node’s subtree, to an organization’s nodes and to a period', async () => {
    const p1 = (await get(`?asOf=${AS_OF}&priority=P1`)).json();
    expect(p1.rows.map((r: Row) => r.code)).toEqual(['P1.1', 'P1.2', 'P1.3']);
    expect(
      p1.attention.every(
        (a: { code: string; kind: string }) =>
          a.kind === 'indicator' || a.code.startsWith('P1') || /^M0|^M10/.test(a.code),
      ),
    ).toBe(true);
    const { plan } = await expectedPlan(AS_OF);
    expect(p1.summary.progress).toBe(find(plan, 'P1')!.progress);
    expect(p1.summary.statusCounts).toEqual(find(plan, 'P1')!.statusCounts);
    // P1's own budget lines count in its summary; its indicators are the key ones.
    expect(p1.summary.budget.allocated).toBe(((await allocatedByNode()).get('P1') ?? 0) / 100);
    expect(p1.keyIndicators.map((k: { code: string }) => k.code)).toEqual(
      expect.arrayContaining(['MN-I01', 'MN-I02', 'MN-I31']),
    );

    const men = (await get(`?asOf=${AS_OF}&organization=MEN`)).json();
    expect(men.rows.map((r: Row) => [r.code, r.scope])).toEqual([['P1', ['M01']]]);
    const m01 = find(plan, 'M01')!;
    const expected = rollUp(
      { id: 'P1', weight: 1, children: [{ id: 'M01', weight: 1, progress: m01.progress }] },
      'exclude',
    );
    expect(men.rows[0].progress).toBe(expected.progress);
    expect(men.rows[0].components.formula).toBe(expected.components.formula);
    expect(men.rows[0].statusCounts).toEqual(m01.statusCounts);
    expect(men.summary.budget.allocated).toBe(0);

    const y2010 = (await get('?period=2010')).json();
    expect(y2010.asOf).toBe('2010-12-31');
    const allocated = await allocatedByNode([2010, 2010]);
    expect(y2010.rows.find((r: Row) => r.code === 'P1').budget.allocated).toBe(
      (allocated.get('P1') ?? 0) / 100,
    );
    const full = (await get(`?asOf=${AS_OF}`)).json();
    expect(y2010.summary.budget.allocated).toBeLessThan(full.summary.budget.allocated);
  });

  it('judges indicators on a region’s observations when a region is chosen', async () => {
    // No MN2013 indicator is broken down by region and no route edits an indicator's dimensions: set here.
    await f.t.database.db.query(
      `UPDATE indicators SET dimensions = array_append(dimensions, 'region') WHERE code = 'MN-I02'`,
    );
    const recorded = await f.send('POST', '/api/indicators/MN-I02/observations', f.admin, {
      period: '2012',
      dimensions: { region: 'MA-06' },
      value: 20,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const national = (await get(`?asOf=${AS_OF}`)).json();
    const region = (await get(`?asOf=${AS_OF}&region=MA-06`)).json();
    const pick = (b: { keyIndicators: { code: string; observations: unknown[]; actual: number | null }[] }) =>
      b.keyIndicators.find((k) => k.code === 'MN-I02')!;
    expect(pick(region).observations).toEqual([{ period: '2012', value: 20 }]);
    expect(pick(region).actual).toBe(20);
    expect(pick(national).actual).not.toBe(20);
    expect(problem(await get('?region=XX-99')).errors?.[0]?.path).toBe('/querystring/region');
    expect(problem(await get('?priority=NOPE')).errors?.[0]?.path).toBe('/querystring/priority');
    expect(problem(await get('?period=20x')).errors?.[0]?.path).toBe('/querystring/period');
  });

  it('lists off-track items with their latest variance explanation, and the cycle’s completeness', async () => {
    const { cycle, reports } = await openCycle(f);
    const filled = await fillGenie(f, reports.MEN!);
    const withSpending = await f.send('PUT', `/api/reporting/reports/${reports.MEN}`, f.users.reporter, {
      version: filled.version,
      ...GENIE_2010,
      transactions: [
        { node: 'M01', date: '2010-03-31', type: 'commitment', amount: 20 },
        { node: 'M01', date: '2010-06-30', type: 'expenditure', amount: 12.5 },
      ],
      explanations: [explanation('indicator', 'MN-I28', true), explanation('node', 'M01')],
    });
    expect(withSpending.statusCode, withSpending.body).toBe(200);
    const saved = withSpending.json();
    const submitted = await f.send('POST', `/api/reporting/reports/${reports.MEN}/submit`, f.users.reporter, {
      version: saved.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await f.send('POST', `/api/reporting/reports/${reports.MEN}/approve`, f.users.reviewer, {
      version: submitted.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const body = (await get('?period=2010')).json();
    expect(body.completeness.cycle.id).toBe(cycle.id);
    expect(body.completeness.approved).toBe(1);
    expect(body.completeness.reports).toBe(Object.values(reports).length);
    const withExplanation = body.attention.filter((a: { explanation: unknown }) => a.explanation);
    // MN-I28 (at risk, escalated) and M01 were explained in the MEN report; their figures are live once approved.
    expect(withExplanation.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['MN-I28', 'M01']),
    );
    const explained = await f.t.database.db.query<{ code: string; reason: string }>(
      `SELECT item_kind || ':' || item_code AS code, reason_code AS reason FROM variance_explanations`,
    );
    for (const a of withExplanation) {
      const row = explained.find((e) => e.code === `${a.kind}:${a.code}`);
      expect(row?.reason).toBe(a.explanation.reasonCode);
    }
    const men = (await get('?period=2010&organization=MEN')).json();
    expect(men.completeness.reports).toBe(1);

    // The approved spending counts in M01's priority and in MEN's scope, as the budget library adds it up.
    const spending = await f.t.database.db.query<{ type: string; amount: number }>(
      `WITH RECURSIVE sub AS (SELECT id FROM plan_nodes WHERE code = 'P1'
         UNION SELECT n.id FROM plan_nodes n JOIN sub ON n.parent_id = sub.id)
       SELECT t.type, sum(t.amount)::float8 AS amount FROM transactions t JOIN sub ON sub.id = t.node_id
        WHERE t.date BETWEEN '2010-01-01' AND '2010-12-31' GROUP BY t.type`,
    );
    const of = (type: string) => Math.round((spending.find((r) => r.type === type)?.amount ?? 0) * 100);
    const allocated = (await allocatedByNode([2010, 2010])).get('P1') ?? 0;
    const expected = budgetExecution(
      sumBudgets([
        { allocated, committed: of('commitment'), disbursed: of('disbursement'), spent: of('expenditure') },
      ]),
    ).result;
    const p1 = body.rows.find((r: Row) => r.code === 'P1');
    expect([p1.budget.committed, p1.budget.spent]).toEqual([expected.committed / 100, expected.spent / 100]);
    expect(p1.budget.spent).toBeGreaterThan(0);
    expect(p1.budget.executionRate).toBe(expected.executionRate);
    expect(p1.budget.financialProgress).toBe(
      financialPhysicalGap({ allocated, spent: expected.spent, physicalProgress: p1.progress }).result
        .financial,
    );
    expect(men.rows[0].budget.spent).toBe(p1.budget.spent);
  });
});
