// The Hackcovid burst: can Marsad take 10,000 applications in an hour? A real HTTP server on 127.0.0.1 with its
// own fresh database; an open call; N applicants who each start a draft (POST /api/calls/{code}/submissions)
// and submit it with their consent (POST /api/submissions/{token}/submit), with bounded concurrency. Prints the
// sustained rate, the errors and the latencies, and the ratio against "10,000 per hour".
//
// BURST_COUNT (default 10,000, at most 100,000), BURST_CONCURRENCY (default 8, at most 64) and
// BURST_MAX_SECONDS (default 3,600: no new applicant starts after it) bound the run. Loopback only.
// Part of `npm run bench` (BENCH_CALLS=0 leaves it out); `BENCH_ONLY=calls npm run bench` runs it alone.
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { PRIVACY_NOTICE } from '../src/server/modules/calls/privacy-notice';
import { openBenchDatabase } from './database';
import { int, ms, table } from './measure';

export const BURST_GOAL_PER_HOUR = 10_000;

function bounded(name: string, fallback: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`${name} must be an integer in [1, ${max}], got "${text}"`);
  return n;
}

export interface BurstResult {
  count: number;
  attempted: number;
  submitted: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  perSecond: number;
  perHour: number;
  /** per application (draft + submit), milliseconds */
  application: { p50: number; p99: number; max: number };
  /** per HTTP request, milliseconds */
  request: { p50: number; p99: number; max: number };
  concurrency: number;
  stored: number;
  ratio: number;
}

const percentile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
};

/** Runs the burst on its own database and server, and returns its figures. */
export async function benchCallsBurst(): Promise<BurstResult> {
  const count = bounded('BURST_COUNT', 10_000, 100_000);
  const concurrency = bounded('BURST_CONCURRENCY', 8, 64);
  const maxSeconds = bounded('BURST_MAX_SECONDS', 3600, 3600);
  const database = await openBenchDatabase('burst');
  // Every applicant comes from 127.0.0.1 here: the per-address throttle is raised above the count (in real use
  // it holds back one address, not the crowd). Jobs are off: the mails are queued with each application (that
  // cost is measured), and sent by the workers, which are not what is measured.
  const config = {
    ...loadConfig({}),
    host: '127.0.0.1',
    port: 0,
    logLevel: 'warn',
    jobs: { enabled: false, pollMs: 60_000 },
    smtpCapture: false,
    calls: { maxDraftsPerAddress: count + 10, throttleWindowSeconds: 3600 },
  };
  const app = await buildApp({ config, db: database.db, logger: false });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no loopback address');
    const base = `http://127.0.0.1:${address.port}`;
    await openCall(app);

    const requestTimes: number[] = [];
    const applicationTimes: number[] = [];
    const errorSamples: string[] = [];
    let errors = 0;
    let submitted = 0;
    let next = 0;
    const started = performance.now();
    const deadline = started + maxSeconds * 1000;
    const post = async (url: string, body: object) => {
      const t0 = performance.now();
      const response = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      requestTimes.push(performance.now() - t0);
      if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 200)}`);
      return JSON.parse(text);
    };
    const applicant = async (i: number) => {
      const t0 = performance.now();
      try {
        const created = await post('/api/calls/BURST/submissions', {
          email: `applicant-${i}@burst.example`,
          language: (['fr', 'ar', 'en'] as const)[i % 3],
          name: `Applicant ${i}`,
          title: `Project ${i}`,
          summary: 'A digital answer to the emergency.',
          theme: 'health',
        });
        await post(`/api/submissions/${created.token}/submit`, {
          version: created.submission.version,
          consent: { accepted: true, noticeVersion: PRIVACY_NOTICE.version },
        });
        submitted += 1;
        applicationTimes.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push((error as Error).message);
      }
    };
    const worker = async () => {
      while (next < count && performance.now() < deadline) await applicant(next++);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const stored = await database.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM call_submissions WHERE state = 'submitted'`,
    );
    const perSecond = submitted / seconds;
    return {
      count,
      attempted: next,
      submitted,
      errors,
      errorSamples,
      seconds,
      perSecond,
      perHour: perSecond * 3600,
      application: summary(applicationTimes),
      request: summary(requestTimes),
      concurrency,
      stored: stored.n,
      ratio: (perSecond * 3600) / BURST_GOAL_PER_HOUR,
    };
  } finally {
    await app.close();
    await database.close();
  }
}

async function openCall(app: Awaited<ReturnType<typeof buildApp>>) {
  const { createCall, openCall: open } = await import('../src/server/modules/calls/calls.service');
  const ctx = { actor: { kind: 'system' as const, reason: 'benchmark' }, db: app.db };
  const call = await createCall(ctx, {
    code: 'BURST',
    title: { en: 'Burst call' },
    themes: [{ code: 'health', label: { en: 'Health' } }],
    criteria: [{ code: 'impact', label: { en: 'Impact' }, weight: 1 }],
    closesAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
  });
  await open(ctx, 'BURST', call.version);
}

/** Prints the burst's figures; true when it met the goal (no error, at least 10,000 per hour sustained). */
export function printBurst(r: BurstResult): boolean {
  const ok = r.errors === 0 && r.stored === r.submitted && r.ratio >= 1;
  console.log(
    `\ncalls burst — ${int(r.attempted)} applicants over real HTTP on 127.0.0.1, ${r.concurrency} at a time; ` +
      'each one = create the draft + submit it with consent',
  );
  console.log(
    table([
      ['', 'value'],
      ['applications submitted', `${int(r.submitted)} of ${int(r.count)} asked (${int(r.stored)} stored)`],
      ['errors', int(r.errors)],
      ['elapsed', `${r.seconds.toFixed(1)} s`],
      ['sustained rate', `${r.perSecond.toFixed(1)} /s = ${int(r.perHour)} /hour`],
      [
        'per application p50 / p99 / max',
        `${ms(r.application.p50)} / ${ms(r.application.p99)} / ${ms(r.application.max)}`,
      ],
      ['per request p50 / p99 / max', `${ms(r.request.p50)} / ${ms(r.request.p99)} / ${ms(r.request.max)}`],
    ]),
  );
  for (const sample of r.errorSamples) console.log(`  error: ${sample}`);
  console.log(
    `${'calls burst'.padEnd(26)} ${int(r.perHour)} /hour   goal ${int(BURST_GOAL_PER_HOUR)} /hour   ` +
      `ratio ${r.ratio.toFixed(2)}  (goal ≥ 1, 0 errors)  ${ok ? 'OK' : 'MISSED'}`,
  );
  return ok;
}
