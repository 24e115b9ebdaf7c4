import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explanation, type Fixture, fillGenie, openCycle, setUp } from './reporting.fixture';

// Role × action over the reporting routes, on the Ministry of Education's submitted report. The reviewer is
// scoped to MICNT, a member of CP-TIEN which reviews MEN; the other reviewer's organization (ANRT) sits on no body.

let f: Fixture;
let report: string;
let cycleId: string;
let version: number;
beforeAll(async () => {
  f = await setUp();
  const opened = await openCycle(f);
  cycleId = opened.cycle.id;
  report = opened.reports.MEN!;
  const saved = await fillGenie(f, report);
  const submitted = await f.send('POST', `/api/reporting/reports/${report}/submit`, f.users.reporter, {
    version: saved.version,
  });
  version = submitted.json().version;
});
afterAll(() => f.t.close());

type Role =
  | 'anonymous'
  | 'viewer'
  | 'analyst'
  | 'reporter'
  | 'anrtReporter'
  | 'reviewer'
  | 'otherReviewer'
  | 'office';
const session = (role: Role) => (role === 'anonymous' ? null : f.users[role]!);
const ROLES: Role[] = [
  'anonymous',
  'viewer',
  'analyst',
  'reporter',
  'anrtReporter',
  'reviewer',
  'otherReviewer',
  'office',
];
const row = (...statuses: number[]): Record<string, number> =>
  Object.fromEntries(ROLES.map((r, i) => [r, statuses[i] ?? 0]));

//                                     anon viewer analyst reporter anrtRep reviewer otherRev office
const MATRIX: [string, (role: Role) => ReturnType<Fixture['send']>, Record<string, number>][] = [
  [
    'list cycles',
    (r) => f.send('GET', '/api/reporting/cycles', session(r)),
    row(401, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'read the cycle',
    (r) => f.send('GET', `/api/reporting/cycles/${cycleId}`, session(r)),
    row(401, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'read the report',
    (r) => f.send('GET', `/api/reporting/reports/${report}`, session(r)),
    row(401, 404, 404, 200, 404, 200, 404, 200),
  ],
  [
    'open a cycle',
    (r) =>
      f.send('POST', '/api/reporting/cycles', session(r), {
        strategy: 'MN2013',
        period: '2099',
        dueDate: '2011-01-31',
      }),
    // the office gets past the gate and is told the period is outside the strategy
    row(401, 403, 403, 403, 403, 403, 403, 400),
  ],
  [
    'close the cycle',
    (r) => f.send('POST', `/api/reporting/cycles/${cycleId}/close`, session(r), { version: 99 }),
    row(401, 403, 403, 403, 403, 403, 403, 409),
  ],
  [
    'save the draft (submitted: locked)',
    (r) => f.send('PUT', `/api/reporting/reports/${report}`, session(r), { version }),
    row(401, 403, 403, 409, 404, 403, 403, 403),
  ],
  [
    'submit',
    (r) => f.send('POST', `/api/reporting/reports/${report}/submit`, session(r), { version }),
    row(401, 403, 403, 409, 404, 403, 403, 403),
  ],
  [
    'return',
    (r) =>
      f.send('POST', `/api/reporting/reports/${report}/return`, session(r), {
        version: version + 100,
        comments: [{ item: 'narrative', comment: 'x' }],
      }),
    // a stale version tells who got past every check: 409
    row(401, 403, 403, 403, 403, 409, 404, 409),
  ],
  [
    'approve',
    (r) => f.send('POST', `/api/reporting/reports/${report}/approve`, session(r), { version: version + 100 }),
    row(401, 403, 403, 403, 403, 409, 404, 409),
  ],
  [
    'reopen',
    (r) => f.send('POST', `/api/reporting/reports/${report}/reopen`, session(r), { version, reason: 'x' }),
    row(401, 403, 403, 403, 403, 403, 403, 409),
  ],
  [
    'read the agenda',
    (r) => f.send('GET', '/api/reporting/agenda', session(r)),
    row(401, 403, 403, 403, 403, 200, 200, 200),
  ],
  [
    'read the reasons',
    (r) => f.send('GET', '/api/reporting/reasons', session(r)),
    row(401, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'replace the reasons',
    (r) =>
      f.send('PUT', '/api/reporting/reasons', session(r), {
        items: [{ code: 'funding', label: { fr: 'Financement' } }],
      }),
    row(401, 403, 403, 403, 403, 403, 403, 200),
  ],
  [
    'completeness',
    (r) => f.send('GET', `/api/reporting/cycles/${cycleId}/completeness`, session(r)),
    row(401, 200, 200, 200, 200, 200, 200, 200),
  ],
];

describe('role × action over the reporting routes', () => {
  it.each(MATRIX)('%s', async (_action, call, expected) => {
    const got: Record<string, number> = {};
    for (const role of ROLES) got[role] = (await call(role)).statusCode;
    expect(got).toEqual(expected);
  });

  it('lists show each role only what it may see', async () => {
    const orgs = async (role: Role) =>
      (await f.send('GET', `/api/reporting/reports?cycle=${cycleId}`, session(role)))
        .json()
        .items.map((r: { organization: string }) => r.organization);
    expect(await orgs('reporter')).toEqual(['MEN']);
    expect(await orgs('anrtReporter')).toEqual(['ANRT']);
    expect(await orgs('reviewer')).toEqual(['MEN']);
    expect(await orgs('otherReviewer')).toEqual([]);
    expect(await orgs('viewer')).toEqual([]);
    expect(await orgs('office')).toEqual(['ANRT', 'MEN']);
    const completeness = (
      await f.send('GET', `/api/reporting/cycles/${cycleId}/completeness`, f.users.reviewer)
    ).json();
    expect(completeness.items.map((r: { organization: string }) => r.organization)).toEqual(['MEN']);
  });

  it('the abilities each caller gets with the report match what it may do', async () => {
    const abilities = async (role: Role) =>
      (await f.send('GET', `/api/reporting/reports/${report}`, session(role))).json().abilities;
    expect(await abilities('reporter')).toEqual({ edit: false, submit: false, review: false, reopen: false });
    expect(await abilities('reviewer')).toEqual({ edit: false, submit: false, review: true, reopen: false });
    expect(await abilities('office')).toEqual({ edit: false, submit: false, review: true, reopen: false });
  });

  it('the member reviewer approves; only the strategy office reopens', async () => {
    const approved = await f.send('POST', `/api/reporting/reports/${report}/approve`, f.users.reviewer, {
      version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const v = approved.json().version;
    for (const role of ['reporter', 'reviewer', 'analyst'] as Role[]) {
      const response = await f.send('POST', `/api/reporting/reports/${report}/reopen`, session(role), {
        version: v,
        reason: 'x',
      });
      expect(response.statusCode, role).toBe(403);
    }
    const reopened = await f.send('POST', `/api/reporting/reports/${report}/reopen`, f.users.office, {
      version: v,
      reason: 'Correction',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
  });

  it('the reasons list the office set is the one in force; a retired reason is refused', async () => {
    const { items } = (await f.send('GET', '/api/reporting/reasons', f.users.reporter)).json();
    expect(items.filter((r: { active: boolean }) => r.active).map((r: { code: string }) => r.code)).toEqual([
      'funding',
    ]);
    expect(items.find((r: { code: string }) => r.code === 'procurement')).toMatchObject({ active: false });
    const current = (await f.send('GET', `/api/reporting/reports/${report}`, f.users.reporter)).json();
    const response = await f.send('PUT', `/api/reporting/reports/${report}`, f.users.reporter, {
      version: current.version,
      explanations: [explanation('indicator', 'MN-I28')],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: '/body/explanations/0/reasonCode', code: 'unknown' }),
    ]);
  });
});
