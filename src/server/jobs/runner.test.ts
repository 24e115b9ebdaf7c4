import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { openDb } from '../db/pool';
import { backoffDelay, JobRunner } from './runner';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const runner = (db = t.database.db, options = {}) =>
  new JobRunner(db, t.app.log, { pollMs: 10, backoffMs: 1000, batch: 4, ...options });
const jobs = (kind: string) =>
  t.database.db.query<{ state: string; attempts: number }>(
    'SELECT state, attempts FROM jobs WHERE kind = $1 ORDER BY id',
    [kind],
  );

describe('the PostgreSQL job queue', () => {
  it('is off in tests unless asked: the app does not start its workers', () => {
    expect(t.config.jobs.enabled).toBe(false);
    expect(t.config.smtpCapture).toBe(false);
  });

  it('0004_reporting keeps the convention: every foreign key it adds is deferrable, nothing seeded', async () => {
    const rows = await t.database.db.query<{ table: string; deferrable: boolean }>(
      `SELECT conrelid::regclass::text AS table, condeferrable AS deferrable FROM pg_constraint
        WHERE contype = 'f' AND conrelid::regclass::text = ANY($1)`,
      [['reporting_cycles', 'reporting_assignments', 'assignment_items', 'reports', 'variance_explanations']],
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => !r.deferrable)).toEqual([]);
    const seeded = await t.database.db.one<{ n: number }>(
      `SELECT (SELECT count(*) FROM variance_reasons) + (SELECT count(*) FROM jobs) AS n`,
    );
    expect(seeded.n).toBe(0);
  });

  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 10].map((n) => backoffDelay(n, 1000, 60_000))).toEqual([1000, 2000, 4000, 60_000]);
  });

  it('two processes claiming together run each job exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    const second = openDb(t.database.url);
    try {
      const seen: number[] = [];
      const handler = async (_payload: unknown, job: { id: number }) => {
        seen.push(job.id);
        await new Promise((resolve) => setTimeout(resolve, 5));
      };
      const a = runner().register('count', handler);
      const b = runner(second).register('count', handler);
      for (let i = 0; i < 30; i++) await a.enqueue({ kind: 'count', payload: { i } });
      const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
      expect(ra.done + rb.done).toBe(30);
      expect(new Set(seen).size).toBe(30);
      expect(seen).toHaveLength(30);
      expect((await jobs('count')).every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('a failing job is retried after its backoff, then fails for good after its attempts', async () => {
    let calls = 0;
    const r = runner().register('flaky', async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    });
    await r.enqueue({ kind: 'flaky', maxAttempts: 2 });
    expect(await r.runDue()).toEqual({ done: 0, failed: 1 });
    expect(await r.runDue()).toEqual({ done: 0, failed: 0 }); // waiting for its run_at
    expect(await jobs('flaky')).toEqual([{ state: 'queued', attempts: 1 }]);
    await t.database.db.query(`UPDATE jobs SET run_at = now() WHERE kind = 'flaky'`);
    expect(await r.runDue()).toEqual({ done: 0, failed: 1 });
    const [job] = await t.database.db.query<{ state: string; last_error: string; finished: boolean }>(
      `SELECT state, last_error, finished_at IS NOT NULL AS finished FROM jobs WHERE kind = 'flaky'`,
    );
    expect(job).toEqual({ state: 'failed', last_error: 'boom 2', finished: true });
  });

  it('a job of an unknown kind fails rather than vanishing; a later run_at waits', async () => {
    const r = runner();
    await r.enqueue({ kind: 'nobody-handles-this', maxAttempts: 1 });
    await r.enqueue({ kind: 'later', runAt: new Date(Date.now() + 3_600_000) });
    expect(await r.runDue()).toEqual({ done: 0, failed: 1 });
    expect(await jobs('nobody-handles-this')).toEqual([{ state: 'failed', attempts: 1 }]);
    expect(await jobs('later')).toEqual([{ state: 'queued', attempts: 0 }]);
  });

  it('a dedupe key queues a job once', async () => {
    const r = runner();
    expect(await r.enqueue({ kind: 'once', dedupeKey: 'once:2026-01-01' })).toBe(true);
    expect(await r.enqueue({ kind: 'once', dedupeKey: 'once:2026-01-01' })).toBe(false);
    expect(await jobs('once')).toHaveLength(1);
  });

  it('a job left running by a dead process is taken up again', async () => {
    let ran = 0;
    const r = runner(t.database.db, { staleMs: 60_000 }).register('orphan', async () => {
      ran += 1;
    });
    await t.database.db.query(
      `INSERT INTO jobs (kind, state, attempts, locked_at) VALUES ('orphan', 'running', 1, now() - interval '2 minutes')`,
    );
    await r.tick();
    expect(ran).toBe(1);
    expect(await jobs('orphan')).toEqual([{ state: 'done', attempts: 2 }]);
  });

  it('started, it polls by itself; stopped, it runs nothing more', async () => {
    let ran = 0;
    const r = runner().register('polled', async () => {
      ran += 1;
    });
    r.start();
    await r.enqueue({ kind: 'polled' });
    for (let i = 0; i < 100 && ran === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ran).toBe(1);
    await r.stop();
    await r.enqueue({ kind: 'polled' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ran).toBe(1);
  });
});
