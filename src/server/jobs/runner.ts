import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/pool';
import * as repo from './jobs.repo';

export type JobHandler = (payload: Record<string, unknown>, job: repo.JobRow) => Promise<void>;

export interface RunnerOptions {
  pollMs: number;
  batch?: number;
  /** First retry delay; each further attempt doubles it, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  staleMs?: number;
}

/** Delay before the next attempt after `attempts` failed ones: exponential, capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Runs the jobs queued in PostgreSQL. Any number of processes may run one: claims use SKIP LOCKED. Periodic
 * jobs are enqueued at each tick under a dedupe key (one per period), so only one process runs each.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly periodic: { kind: string; key: () => string }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: RunnerOptions,
  ) {}

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  /** A job queued at each tick under `key()`: e.g. one a day with the day as its key. */
  every(kind: string, key: () => string): this {
    this.periodic.push({ kind, key });
    return this;
  }

  enqueue(job: repo.NewJob): Promise<boolean> {
    return repo.enqueueJob(this.db, job);
  }

  /** Claims and runs the due jobs, batch after batch, until none is due (jobs queued meanwhile included). */
  async runDue(): Promise<{ done: number; failed: number }> {
    const counts = { done: 0, failed: 0 };
    const batch = this.options.batch ?? 20;
    for (;;) {
      const jobs = await repo.claimDueJobs(this.db, batch);
      for (const job of jobs) {
        if (await this.runOne(job)) counts.done += 1;
        else counts.failed += 1;
      }
      if (jobs.length === 0) return counts;
    }
  }

  private async runOne(job: repo.JobRow): Promise<boolean> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, job);
      await repo.markDone(this.db, job.id);
      return true;
    } catch (error) {
      const delay = backoffDelay(
        job.attempts,
        this.options.backoffMs ?? 30_000,
        this.options.maxBackoffMs ?? 3_600_000,
      );
      this.log.warn({ job: job.id, kind: job.kind, attempts: job.attempts, err: error }, 'job failed');
      await repo.markFailed(this.db, job, (error as Error).message ?? String(error), delay);
      return false;
    }
  }

  /** One tick: queue the periodic jobs, put back what a dead process left running, run what is due. */
  async tick(): Promise<void> {
    for (const p of this.periodic) await this.enqueue({ kind: p.kind, dedupeKey: `${p.kind}:${p.key()}` });
    await repo.requeueStale(this.db, this.options.staleMs ?? 15 * 60_000);
    await this.runDue();
  }

  start(): void {
    if (this.timer) return;
    const loop = () => {
      this.running = this.tick()
        .catch((error) => this.log.error({ err: error }, 'job runner tick failed'))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(loop, this.options.pollMs);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
