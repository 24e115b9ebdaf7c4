import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../../../../test/app';
import { type Fixture, fillGenie, GENIE_2010, openCycle, setUp } from './reporting.fixture';

let f: Fixture;
let reports: Record<string, string>;
let cycleId: string;
beforeAll(async () => {
  f = await setUp();
  const opened = await openCycle(f);
  reports = opened.reports;
  cycleId = opened.cycle.id;
});
afterAll(() => f.t.close());

/** What a refused write must leave untouched. */
const snapshot = () =>
  f.t.database.db.one(
    `SELECT (SELECT count(*) FROM audit_events) AS audit, (SELECT sum(version) FROM reports) AS versions,
            (SELECT string_agg(content::text, ',' ORDER BY id) FROM reports) AS content,
            (SELECT count(*) FROM observations) AS observations, (SELECT count(*) FROM reporting_cycles) AS cycles`,
  );

const current = async (report: string, session = f.users.reporter) =>
  (await f.send('GET', `/api/reporting/reports/${report}`, session)).json();

describe('opening a cycle: bad input', () => {
  it.each([
    ['a malformed period', { period: '2010-Q5' }, '/body/period', 'pattern'],
    ['a period outside the strategy', { period: '2020' }, '/body/period', 'period.outside_strategy'],
    ['a period that already has a cycle', { period: '2010' }, '/body/period', 'duplicate'],
    ['an impossible due date', { dueDate: '2011-02-30' }, '/body/dueDate', 'date.invalid'],
    ['an unknown strategy', { strategy: 'NOPE' }, '/body/strategy', 'unknown'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, fields, path, code) => {
    const before = await snapshot();
    const response = await f.send('POST', '/api/reporting/cycles', f.users.office, {
      strategy: 'MN2013',
      period: '2011-H1',
      dueDate: '2011-07-31',
      ...fields,
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([expect.objectContaining({ path, code })]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('saving a draft: bad input', () => {
  it.each([
    [
      'an actual for a period outside the cycle',
      { figures: [{ indicator: 'MN-I01', period: '2011', value: 60 }] },
      '/body/figures/0/period',
      'period.outside_cycle',
    ],
    [
      'an indicator outside the assignment',
      { figures: [{ indicator: 'MN-I02', period: '2010', value: 20 }] },
      '/body/figures/0/indicator',
      'not_assigned',
    ],
    [
      'a dimension the indicator does not declare',
      { figures: [{ indicator: 'MN-I01', period: '2010', dimensions: { region: 'MA-06' }, value: 20 }] },
      '/body/figures/0/dimensions/region',
      'observation.undeclared_dimension',
    ],
    [
      'the same figure twice',
      {
        figures: [
          { indicator: 'MN-I01', period: '2010-H1', value: 50 },
          { indicator: 'MN-I01', period: '2010-H1', value: 51 },
        ],
      },
      '/body/figures/1',
      'duplicate',
    ],
    [
      'a node outside the assignment',
      { nodes: [{ node: 'M05', progress: 10 }] },
      '/body/nodes/0/node',
      'not_assigned',
    ],
    [
      'a transaction dated outside the cycle',
      { transactions: [{ node: 'M01', date: '2009-12-31', type: 'expenditure', amount: 100 }] },
      '/body/transactions/0/date',
      'period.outside_cycle',
    ],
    [
      'an unknown variance reason',
      {
        explanations: [
          {
            kind: 'indicator',
            code: 'MN-I28',
            reasonCode: 'weather',
            narrative: 'n',
            correctiveAction: 'c',
            owner: 'o',
            dueDate: '2011-01-31',
            escalate: false,
          },
        ],
      },
      '/body/explanations/0/reasonCode',
      'unknown',
    ],
    [
      'a progress over 100 %',
      { nodes: [{ node: 'M01', progress: 120 }] },
      '/body/nodes/0/progress',
      'maximum',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_what, content, path, code) => {
    const before = await snapshot();
    const { version } = await current(reports.MEN!);
    const response = await f.send('PUT', `/api/reporting/reports/${reports.MEN}`, f.users.reporter, {
      version,
      ...content,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(problem(response).errors).toEqual([expect.objectContaining({ path, code })]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown dimension member (ANRT reports households by zone)', async () => {
    const { version, scope } = await current(reports.ANRT!, f.users.anrtReporter);
    expect(scope.indicators.find((i: { code: string }) => i.code === 'MN-I02').dimensions).toEqual([
      'income',
      'zone',
    ]);
    const response = await f.send('PUT', `/api/reporting/reports/${reports.ANRT}`, f.users.anrtReporter, {
      version,
      figures: [
        { indicator: 'MN-I02', period: '2010', dimensions: { zone: 'dense' }, value: 30 },
        { indicator: 'MN-I02', period: '2010', dimensions: { zone: 'nowhere' }, value: 5 },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/figures/1/dimensions/zone', code: 'reference.unknown_member' }),
    ]);
  });
});

describe('submitting and reviewing: bad input', () => {
  it('a missing figure, and an empty figure without a note → 400 naming each, nothing written', async () => {
    const { version } = await current(reports.MEN!);
    const saved = await f.send('PUT', `/api/reporting/reports/${reports.MEN}`, f.users.reporter, {
      version,
      figures: [
        { indicator: 'MN-I01', period: '2010', value: 56 },
        { indicator: 'MN-I33', period: '2010', value: null },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const before = await snapshot();
    const response = await f.send('POST', `/api/reporting/reports/${reports.MEN}/submit`, f.users.reporter, {
      version: saved.json().version,
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/report/figures/MN-I28', code: 'figure.required' }),
      expect.objectContaining({ path: '/report/figures/MN-I34', code: 'figure.required' }),
      expect.objectContaining({ path: '/report/figures/1/note', code: 'figure.note_required' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('an off-track figure needs its explanation (MN-I01 at 40 % in 2010 against 52 % expected)', async () => {
    const { version } = await current(reports.MEN!);
    const figures = GENIE_2010.figures.map((x) => (x.indicator === 'MN-I01' ? { ...x, value: 40 } : x));
    const saved = await f.send('PUT', `/api/reporting/reports/${reports.MEN}`, f.users.reporter, {
      version,
      ...GENIE_2010,
      figures,
    });
    const response = await f.send('POST', `/api/reporting/reports/${reports.MEN}/submit`, f.users.reporter, {
      version: saved.json().version,
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.map((e) => e.path)).toEqual([
      '/report/explanations/indicator:MN-I01',
      '/report/explanations/indicator:MN-I28',
      '/report/explanations/node:M01',
    ]);
  });

  it('approving a report that is not submitted → 409; returning without comments → 400', async () => {
    const { version } = await current(reports.MEN!);
    const approve = await f.send('POST', `/api/reporting/reports/${reports.MEN}/approve`, f.users.reviewer, {
      version,
    });
    expect(approve.statusCode).toBe(409);
    expect(problem(approve).code).toBe('report.wrong_state');
    const noComments = await f.send(
      'POST',
      `/api/reporting/reports/${reports.MEN}/return`,
      f.users.reviewer,
      {
        version,
        comments: [],
      },
    );
    expect(noComments.statusCode).toBe(400);
    expect(problem(noComments).errors).toEqual([expect.objectContaining({ path: '/body/comments' })]);
  });

  it('approving one’s own report → 403, even for an admin who may both report and review', async () => {
    const saved = await fillGenie(f, reports.MEN!, f.admin);
    const submitted = await f.send('POST', `/api/reporting/reports/${reports.MEN}/submit`, f.admin, {
      version: saved.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const before = await snapshot();
    const response = await f.send('POST', `/api/reporting/reports/${reports.MEN}/approve`, f.admin, {
      version: submitted.json().version,
    });
    expect(response.statusCode).toBe(403);
    expect(problem(response).code).toBe('report.own_report');
    expect(await snapshot()).toEqual(before);
  });

  it('acting on a closed cycle → 409 cycle.closed, nothing written', async () => {
    const cycle = (await f.send('GET', `/api/reporting/cycles/${cycleId}`, f.users.office)).json();
    await f.send('POST', `/api/reporting/cycles/${cycleId}/close`, f.users.office, {
      version: cycle.version,
    });
    const before = await snapshot();
    const { version } = await current(reports.MEN!);
    const approve = await f.send('POST', `/api/reporting/reports/${reports.MEN}/approve`, f.users.reviewer, {
      version,
    });
    expect(approve.statusCode).toBe(409);
    expect(problem(approve).code).toBe('cycle.closed');
    const close = await f.send('POST', `/api/reporting/cycles/${cycleId}/close`, f.users.office, {
      version: cycle.version + 1,
    });
    expect(problem(close).code).toBe('cycle.closed');
    expect(await snapshot()).toEqual(before);
  });
});
