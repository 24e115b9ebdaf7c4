import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  problem,
  type Session,
  signIn,
  signInWithRole,
  type TestApp,
} from '../../../../test/app';

// A partner reports on its commitments in the strategy's reporting cycle: KPMG's GITEX Africa 2025 MoU, once
// linked to a Digital Morocco 2030 node, puts KPMG's job commitment in KPMG's assignment; approval turns the
// figure into a realisation that awaits the strategy office's verification.

let t: TestApp;
let admin: Session;
let office: Session;
let kpmg: Session;
let commitmentId: string;
let report: string;

const userWith = (username: string, role: string, organizationCode: string | null = null) =>
  signInWithRole(t, admin, username, role, organizationCode);
const send = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
const ok = async (response: Awaited<ReturnType<typeof send>>, status = 200) => {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
};
const current = async () => ok(await send(kpmg, 'GET', `/api/reporting/reports/${report}`));
const save = async (realisations: object[]) =>
  send(kpmg, 'PUT', `/api/reporting/reports/${report}`, { version: (await current()).version, realisations });

beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
  office = await userWith('office', 'strategy_office', null);
  kpmg = await userWith('kpmg', 'reporter', 'KPMG');
  const agreement = await ok(await send(admin, 'GET', '/api/agreements/GITEX25-KPMG'));
  await ok(
    await send(admin, 'PATCH', '/api/agreements/GITEX25-KPMG', {
      version: agreement.version,
      nodes: [{ strategy: 'DM2030', code: 'DM-P2' }],
    }),
  );
  commitmentId = (
    await t.database.db.one<{ id: string }>(
      `SELECT c.id FROM commitments c JOIN agreements g ON g.id = c.agreement_id
        WHERE g.code = 'GITEX25-KPMG' AND c.code = 'JOBS'`,
    )
  ).id;
  const cycle = await ok(
    await send(office, 'POST', '/api/reporting/cycles', {
      strategy: 'DM2030',
      period: '2025',
      dueDate: '2099-01-31',
    }),
    201,
  );
  const detail = await ok(await send(office, 'GET', `/api/reporting/cycles/${cycle.id}`));
  report = detail.assignments.find((a: { organization: string }) => a.organization === 'KPMG').report;
}, 120_000);
afterAll(() => t.close());

describe('commitments in reporting cycles', () => {
  it('the partner’s assignment covers its commitment in an agreement serving the strategy', async () => {
    const body = await current();
    expect(body.scope.commitments).toEqual([
      expect.objectContaining({
        id: commitmentId,
        agreement: 'GITEX25-KPMG',
        metric: 'direct_jobs',
        value: 150,
      }),
    ]);
  });

  it('refuses a commitment outside the assignment, or twice, naming the item; nothing written', async () => {
    const before = await current();
    const response = await save([
      { commitment: '00000000-0000-4000-8000-000000000000', value: 5 },
      { commitment: commitmentId, value: 5 },
      { commitment: commitmentId, value: 6 },
    ]);
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/realisations/0/commitment', code: 'not_assigned' }),
      expect.objectContaining({ path: '/body/realisations/2/commitment', code: 'duplicate' }),
    ]);
    expect(await current()).toEqual(before);
  });

  it('approval turns the reported jobs into a realisation to verify; verification moves the achieved total', async () => {
    await ok(await save([{ commitment: commitmentId, value: 40, note: 'Hires in 2025' }]));
    await ok(
      await send(kpmg, 'POST', `/api/reporting/reports/${report}/submit`, {
        version: (await current()).version,
      }),
    );
    const submitted = await current();
    await ok(
      await send(office, 'POST', `/api/reporting/reports/${report}/approve`, { version: submitted.version }),
    );
    const jobs = async () =>
      (await ok(await send(admin, 'GET', '/api/agreements?event=GITEX%20Africa%202025'))).totals.find(
        (x: { metric: string }) => x.metric === 'direct_jobs',
      );
    expect(await jobs()).toMatchObject({ committed: 1050, achieved: 0, reported: 40 });
    const realisation = await t.database.db.one<{
      id: string;
      version: number;
      period: string;
      period_end: string;
    }>(
      `SELECT id, version, period, to_char(period_end, 'YYYY-MM-DD') AS period_end FROM realisations
        WHERE report_id = $1 AND deleted_at IS NULL`,
      [report],
    );
    expect([realisation.period, realisation.period_end]).toEqual(['2025', '2025-12-31']);
    await ok(
      await send(office, 'POST', `/api/realisations/${realisation.id}/verification`, {
        state: 'verified',
        version: realisation.version,
      }),
    );
    expect(await jobs()).toMatchObject({ achieved: 40, reported: 0 });
  });

  it('a verified figure is not replaced from a reopened report', async () => {
    const approved = await current();
    await ok(
      await send(office, 'POST', `/api/reporting/reports/${report}/reopen`, {
        version: approved.version,
        reason: 'KPMG asks to correct its figure',
      }),
    );
    const response = await save([{ commitment: commitmentId, value: 45 }]);
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({
        path: '/body/realisations/0/commitment',
        code: 'realisation.already_verified',
      }),
    ]);
  });
});
