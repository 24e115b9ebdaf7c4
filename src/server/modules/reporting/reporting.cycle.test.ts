import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../../../../test/app';
import { explanation, type Fixture, fillGenie, GENIE_2010, MN, openCycle, setUp } from './reporting.fixture';

let f: Fixture;
beforeAll(async () => {
  f = await setUp();
});
afterAll(() => f.t.close());

const findNode = (
  nodes: { code: string; children: unknown[] }[],
  code: string,
): Record<string, unknown> | null => {
  for (const node of nodes) {
    if (node.code === code) return node as Record<string, unknown>;
    const found = findNode(node.children as typeof nodes, code);
    if (found) return found;
  }
  return null;
};

describe('a full reporting cycle on MN2013 (2010, the Ministry of Education reports GENIE)', () => {
  let cycleId: string;
  let report: string;
  let version: number;
  let milestone: string;

  it('the strategy office opens a 2010 cycle: one assignment per owning organization', async () => {
    const { cycle, reports } = await openCycle(f);
    cycleId = cycle.id;
    report = reports.MEN!;
    expect(cycle).toMatchObject({
      strategy: 'MN2013',
      period: '2010',
      periodStart: '2010-01-01',
      state: 'open',
    });
    expect(cycle.counts).toMatchObject({ assignments: 2, assigned: 2, late: 0 });
    expect(Object.keys(reports).sort()).toEqual(['ANRT', 'MEN']);
    const listed = (await f.send('GET', '/api/reporting/cycles?strategy=MN2013', f.users.viewer)).json();
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([cycleId]);
  });

  it('the assignment covers exactly what the ministry owns: M01, its indicators, its project', async () => {
    const response = await f.send('GET', `/api/reporting/reports/${report}`, f.users.reporter);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.scope.nodes.map((n: { code: string }) => n.code)).toEqual(['M01']);
    expect(body.scope.indicators.map((i: { code: string }) => i.code)).toEqual([
      'MN-I01',
      'MN-I28',
      'MN-I33',
      'MN-I34',
    ]);
    expect(body.scope.projects).toEqual([
      {
        code: 'GENIE-VMM',
        title: expect.objectContaining({ en: 'GENIE: multimedia kits' }),
        milestones: [expect.objectContaining({ plannedDate: '2010-09-30', actualDate: null })],
      },
    ]);
    milestone = body.scope.projects[0].milestones[0].id;
    expect(body).toMatchObject({ state: 'assigned', organization: { code: 'MEN' } });
    expect(body.abilities).toEqual({ edit: true, submit: true, review: false, reopen: false });
    version = body.version;
    // the reporter sees its own assignment only
    const detail = (await f.send('GET', `/api/reporting/cycles/${cycleId}`, f.users.reporter)).json();
    expect(detail.assignments.map((a: { organization: string }) => a.organization)).toEqual(['MEN']);
  });

  it('the reporter saves a draft; a stale save gets 409 with the current report', async () => {
    const saved = await f.send('PUT', `/api/reporting/reports/${report}`, f.users.reporter, {
      version,
      ...GENIE_2010,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ state: 'draft', version: version + 1 });
    const stale = await f.send('PUT', `/api/reporting/reports/${report}`, f.users.reporter, {
      version,
      narrative: 'old',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'version_conflict',
      params: { current: { version: version + 1 } },
    });
    version += 1;
  });

  it('submitting without the explanations the variance requires → 400 naming each item, nothing written', async () => {
    const response = await f.send('POST', `/api/reporting/reports/${report}/submit`, f.users.reporter, {
      version,
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({
        path: '/report/explanations/indicator:MN-I28',
        code: 'variance.explanation_required',
      }),
      expect.objectContaining({
        path: '/report/explanations/node:M01',
        code: 'variance.explanation_required',
      }),
    ]);
    const now = (await f.send('GET', `/api/reporting/reports/${report}`, f.users.reporter)).json();
    expect(now).toMatchObject({ state: 'draft', version });
  });

  it('with the explanations it submits; the items are judged by the computation library', async () => {
    version = (await fillGenie(f, report)).version;
    const response = await f.send('POST', `/api/reporting/reports/${report}/submit`, f.users.reporter, {
      version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.state).toBe('submitted');
    const status = Object.fromEntries(
      body.evaluations.map((e: { kind: string; code: string; status: string }) => [
        `${e.kind}:${e.code}`,
        e.status,
      ]),
    );
    expect(status).toEqual({
      'indicator:MN-I01': 'on_track',
      'indicator:MN-I28': 'at_risk',
      'indicator:MN-I33': 'no_data',
      'indicator:MN-I34': 'no_data',
      'node:M01': 'at_risk',
    });
    version = body.version;
  });

  it('the escalated item is on the inter-ministerial committee’s agenda', async () => {
    const { items } = (await f.send('GET', '/api/reporting/agenda?strategy=MN2013', f.users.office)).json();
    expect(items).toEqual([
      expect.objectContaining({
        organization: 'MEN',
        kind: 'indicator',
        code: 'MN-I28',
        status: 'at_risk',
        reasonCode: 'procurement',
      }),
    ]);
  });

  it('the reporter cannot approve its own report; the CP-TIEN reviewer returns it with comments', async () => {
    const own = await f.send('POST', `/api/reporting/reports/${report}/approve`, f.users.reporter, {
      version,
    });
    expect(own.statusCode).toBe(403);
    const response = await f.send('POST', `/api/reporting/reports/${report}/return`, f.users.reviewer, {
      version,
      message: 'Merci de préciser',
      comments: [{ item: 'indicator:MN-I01', comment: 'Source du chiffre 2010 ?' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      state: 'returned',
      comments: { items: [{ item: 'indicator:MN-I01', comment: 'Source du chiffre 2010 ?' }] },
    });
    version = response.json().version;
  });

  it('the reporter corrects and resubmits', async () => {
    const saved = await f.send('PUT', `/api/reporting/reports/${report}`, f.users.reporter, {
      version,
      ...GENIE_2010,
      figures: GENIE_2010.figures.map((x) =>
        x.indicator === 'MN-I01' ? { ...x, value: 58, note: 'Enquête AREF 2010' } : x,
      ),
      transactions: [{ node: 'M01', date: '2010-06-30', type: 'expenditure', amount: 12.5 }],
      milestones: [{ milestone, actualDate: '2010-11-15' }],
      explanations: [explanation('indicator', 'MN-I28', true), explanation('node', 'M01')],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().state).toBe('returned');
    const response = await f.send('POST', `/api/reporting/reports/${report}/submit`, f.users.reporter, {
      version: saved.json().version,
    });
    expect(response.statusCode, response.body).toBe(200);
    version = response.json().version;
  });

  it('the reviewer approves: the figures are in /api/indicators/{code} and in the tree at once', async () => {
    const before = (await f.send('GET', `${MN}/tree?asOf=2010-12-31`, null)).json();
    const spent = async () => (await f.send('GET', `${MN}/budget`, null)).json().execution.spent;
    const spentBefore = await spent();
    expect(findNode(before.nodes, 'M01')).toMatchObject({ status: 'on_track' });
    const response = await f.send('POST', `/api/reporting/reports/${report}/approve`, f.users.reviewer, {
      version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ state: 'approved', abilities: { edit: false, review: false } });
    const i28 = (await f.send('GET', '/api/indicators/MN-I28?asOf=2010-12-31', null)).json();
    expect(i28.observations).toEqual([
      expect.objectContaining({ period: '2010', value: 60000, state: 'approved' }),
    ]);
    expect(i28.computed.result).toMatchObject({ status: 'at_risk', actual: 60000 });
    const i01 = (await f.send('GET', '/api/indicators/MN-I01?asOf=2010-12-31', null)).json();
    expect(i01.observations.find((o: { period: string }) => o.period === '2010')).toMatchObject({
      value: 58,
      source: expect.objectContaining({ note: 'Enquête AREF 2010' }),
    });
    const after = (await f.send('GET', `${MN}/tree?asOf=2010-12-31`, null)).json();
    expect(findNode(after.nodes, 'M01')).toMatchObject({ status: 'at_risk', state: 'in_progress' });
    expect((await spent()) - spentBefore).toBeCloseTo(12.5, 6);
    const project = (await f.send('GET', `${MN}/projects/GENIE-VMM`, null)).json();
    expect(project.milestones[0]).toMatchObject({ actualDate: '2010-11-15' });
  });

  it('an approved report is locked', async () => {
    const current = (await f.send('GET', `/api/reporting/reports/${report}`, f.users.reporter)).json();
    const response = await f.send('PUT', `/api/reporting/reports/${report}`, f.users.reporter, {
      version: current.version,
      narrative: 'changed',
    });
    expect(response.statusCode).toBe(409);
    expect(problem(response).code).toBe('report.wrong_state');
  });

  it('every transition is audited', async () => {
    const { items } = (
      await f.send('GET', `/api/audit?subjectType=report&subjectId=${report}&limit=50`, f.admin)
    ).json();
    expect(items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'report.save',
      'report.save',
      'report.submit',
      'report.return',
      'report.save',
      'report.resubmit',
      'report.approve',
    ]);
  });

  it('reopening needs the strategy office and a reason; the figures fall back to provisional', async () => {
    const current = (await f.send('GET', `/api/reporting/reports/${report}`, f.users.office)).json();
    const byReviewer = await f.send('POST', `/api/reporting/reports/${report}/reopen`, f.users.reviewer, {
      version: current.version,
      reason: 'Erreur de saisie',
    });
    expect(byReviewer.statusCode).toBe(403);
    const noReason = await f.send('POST', `/api/reporting/reports/${report}/reopen`, f.users.office, {
      version: current.version,
    });
    expect(problem(noReason).errors).toEqual([expect.objectContaining({ path: '/body/reason' })]);
    const response = await f.send('POST', `/api/reporting/reports/${report}/reopen`, f.users.office, {
      version: current.version,
      reason: 'Erreur de saisie sur MN-I28',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      state: 'returned',
      comments: { message: 'Erreur de saisie sur MN-I28' },
    });
    const i28 = (await f.send('GET', '/api/indicators/MN-I28?asOf=2010-12-31', null)).json();
    expect(i28.observations).toEqual([]);
    const kept = await f.t.database.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM transactions WHERE report_id = $1',
      [report],
    );
    expect(kept.n).toBe(0);
  });

  it('two reviewers approving at the same moment: exactly one succeeds', async () => {
    let current = (await f.send('GET', `/api/reporting/reports/${report}`, f.users.reporter)).json();
    current = (
      await f.send('POST', `/api/reporting/reports/${report}/submit`, f.users.reporter, {
        version: current.version,
      })
    ).json();
    const [a, b] = await Promise.all([
      f.send('POST', `/api/reporting/reports/${report}/approve`, f.users.reviewer, {
        version: current.version,
      }),
      f.send('POST', `/api/reporting/reports/${report}/approve`, f.users.office, {
        version: current.version,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const approvals = await f.t.database.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.approve' AND subject_id = $1`,
      [report],
    );
    expect(approvals.n).toBe(2);
  });

  it('completeness per cycle and across cycles', async () => {
    const { items } = (
      await f.send('GET', `/api/reporting/cycles/${cycleId}/completeness`, f.users.office)
    ).json();
    expect(items).toEqual([
      {
        organization: 'ANRT',
        assigned: 1,
        draft: 0,
        submitted: 0,
        returned: 0,
        approved: 0,
        late: 0,
        onTime: 0,
      },
      {
        organization: 'MEN',
        assigned: 0,
        draft: 0,
        submitted: 0,
        returned: 0,
        approved: 1,
        late: 0,
        onTime: 1,
      },
    ]);
    const next = await openCycle(f, '2011', '2020-01-31');
    const followUps = (
      await f.send('GET', `/api/reporting/reports/${next.reports.MEN}`, f.users.reporter)
    ).json().followUps;
    expect(followUps).toEqual([
      expect.objectContaining({ period: '2010', kind: 'indicator', code: 'MN-I28', escalated: true }),
      expect.objectContaining({ period: '2010', kind: 'node', code: 'M01', owner: 'Direction GENIE' }),
    ]);
    const history = (
      await f.send('GET', '/api/reporting/completeness?strategy=MN2013', f.users.office)
    ).json();
    expect(history.items).toEqual([
      {
        organization: 'ANRT',
        assigned: 2,
        draft: 0,
        submitted: 0,
        returned: 0,
        approved: 0,
        late: 1,
        onTime: 0,
      },
      {
        organization: 'MEN',
        assigned: 1,
        draft: 0,
        submitted: 0,
        returned: 0,
        approved: 1,
        late: 1,
        onTime: 1,
      },
    ]);
  });

  it('closing the cycle stops every action on it', async () => {
    const cycle = (await f.send('GET', `/api/reporting/cycles/${cycleId}`, f.users.office)).json();
    const closed = await f.send('POST', `/api/reporting/cycles/${cycleId}/close`, f.users.office, {
      version: cycle.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    const anrt = (await f.send('GET', `/api/reporting/cycles/${cycleId}`, f.users.anrtReporter)).json();
    const report = anrt.assignments[0].report;
    const current = (await f.send('GET', `/api/reporting/reports/${report}`, f.users.anrtReporter)).json();
    expect(current.abilities.edit).toBe(false);
    const response = await f.send('PUT', `/api/reporting/reports/${report}`, f.users.anrtReporter, {
      version: current.version,
      narrative: 'late',
    });
    expect(response.statusCode).toBe(409);
    expect(problem(response).code).toBe('cycle.closed');
  });
});
