import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanReminders } from './reminders.service';
import { type Fixture, openCycle, setUp } from './reporting.fixture';

// Reminder mails, end to end: the job runner (driven by the test) queues and sends them through nodemailer to the
// local SMTP capture, which parses them into the outbox that the admin API reads.

let f: Fixture;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
beforeAll(async () => {
  f = await setUp({
    config: { smtpCapture: true, reminders: { daysBefore: 7, escalateAfterDays: 7 } },
    locales: { reporter: 'ar', reporter2: 'en', anrtReporter: 'fr', reviewer: 'en' },
  });
});
afterAll(() => f.t.close());

const outbox = async (to?: string) => {
  const response = await f.send('GET', `/api/admin/outbox${to ? `?to=${to}` : ''}`, f.admin);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { to: string[]; subject: string; text: string; language: string }[];
};

describe('reminders', () => {
  it('nothing is mailed while no cycle is open', async () => {
    await f.t.app.jobs.tick();
    const scans = await f.t.database.db.query(`SELECT state FROM jobs WHERE kind = 'reporting.reminders'`);
    expect(scans).toEqual([{ state: 'done' }]);
    expect(await outbox()).toEqual([]);
  });

  it('mails the reporters before the due date, each in its language, through real SMTP', async () => {
    const { reports } = await openCycle(f, '2010', day(3));
    await scanReminders(
      { db: f.t.database.db, config: f.t.config, enqueue: (j) => f.t.app.jobs.enqueue(j) },
      day(0),
    );
    expect(await f.t.app.jobs.runDue()).toEqual({ done: 3, failed: 0 });
    const [ar] = await outbox('reporter@example.ma');
    expect(ar).toMatchObject({ language: 'ar', subject: `[مرصد] تقرير MN2013 2010 مطلوب في ${day(3)}` });
    expect(ar!.text).toContain(`/app/reporting/reports/${reports.MEN}`);
    const [en] = await outbox('reporter2@example.ma');
    expect(en).toMatchObject({ language: 'en', subject: `[Marsad] MN2013 2010 report due on ${day(3)}` });
    expect(en!.text).toContain('Ministry of National Education');
    const [fr] = await outbox('anrtReporter@example.ma');
    expect(fr!.subject).toBe(`[Marsad] Rapport MN2013 2010 attendu le ${day(3)}`);
    expect(await outbox('reviewer@example.ma')).toEqual([]);
  });

  it('scanning again mails nobody twice', async () => {
    const queued = await scanReminders(
      { db: f.t.database.db, config: f.t.config, enqueue: (j) => f.t.app.jobs.enqueue(j) },
      day(0),
    );
    expect(queued).toBe(0);
  });

  it('when late: the reporters again, then the reviewers of the body the reporting line names', async () => {
    await openCycle(f, '2011', day(-10));
    // today's scan ran already (the first test's tick): the runner queues it once a day; run another now
    await f.t.app.jobs.enqueue({ kind: 'reporting.reminders' });
    expect(await f.t.app.jobs.runDue()).toEqual({ done: 1 + 4, failed: 0 });
    const late = await outbox('reporter2@example.ma');
    expect(late[0]!.subject).toBe('[Marsad] MN2013 2011 report overdue');
    expect(late[0]!.text).toContain('10 day(s) late');
    const escalated = await outbox('reviewer@example.ma');
    expect(escalated.map((m) => m.subject)).toEqual([
      '[Marsad] Escalation: Ministry of National Education has not submitted its MN2013 2011 report',
    ]);
    // ANRT's body (CSSI) has no members: nobody to escalate to; the other reviewer sits on no body
    expect(await outbox('otherReviewer@example.ma')).toEqual([]);
    expect(await outbox()).toHaveLength(7);
  });

  it('the next day brings nothing new: each reminder goes once per due date', async () => {
    const queued = await scanReminders(
      { db: f.t.database.db, config: f.t.config, enqueue: (j) => f.t.app.jobs.enqueue(j) },
      day(1),
    );
    expect(queued).toBe(0);
  });

  it('an SMTP failure is retried later with backoff, then delivered', async () => {
    f.t.app.config.smtpUrl = 'smtp://127.0.0.1:1';
    await f.t.app.jobs.enqueue({
      kind: 'mail.send',
      payload: { to: ['someone@example.ma'], subject: 'Test', text: 'Hello', language: 'en' },
    });
    expect(await f.t.app.jobs.runDue()).toEqual({ done: 0, failed: 1 });
    const job = await f.t.database.db.one<{
      state: string;
      attempts: number;
      later: boolean;
      last_error: string;
    }>(
      `SELECT state, attempts, run_at > now() + interval '10 seconds' AS later, last_error FROM jobs
        WHERE kind = 'mail.send' ORDER BY id DESC LIMIT 1`,
    );
    expect(job).toMatchObject({ state: 'queued', attempts: 1, later: true });
    expect(job.last_error).toBeTruthy();
    expect(await f.t.app.jobs.runDue()).toEqual({ done: 0, failed: 0 }); // not due yet
    f.t.app.config.smtpUrl = null;
    await f.t.database.db.query(`UPDATE jobs SET run_at = now() WHERE state = 'queued'`);
    expect(await f.t.app.jobs.runDue()).toEqual({ done: 1, failed: 0 });
    expect((await outbox('someone@example.ma'))[0]).toMatchObject({ subject: 'Test' });
  });

  it('the outbox is for administrators only', async () => {
    expect((await f.send('GET', '/api/admin/outbox', f.users.office)).statusCode).toBe(403);
    expect((await f.send('GET', '/api/admin/outbox', null)).statusCode).toBe(401);
  });
});
