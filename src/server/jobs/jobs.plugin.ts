import fp from 'fastify-plugin';
import { CLOSE_JOB, closeExpiredCalls } from '../modules/calls/calls.service';
import {
  BRIEFING_JOB,
  briefingIntervalDays,
  briefingJob,
  briefingKey,
} from '../modules/dashboard/briefing.jobs';
import { type MailCapture, startMailCapture } from '../modules/mail/mail.capture';
import { sendMailJob } from '../modules/mail/mail.jobs';
import { Mailer } from '../modules/mail/mail.transport';
import { MAIL_JOB, REMINDER_JOB, scanReminders } from '../modules/reporting/reminders.service';
import type { App } from '../types';
import { JobRunner } from './runner';

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue's runner: tests call `runDue()` / `tick()` themselves (the workers are off in tests). */
    jobs: JobRunner;
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Background work: the job runner (started with the app when `jobs.enabled`, stopped with it), the mailer, and
 * in development and tests the local SMTP capture that the mailer uses when no SMTP_URL is set.
 */
async function jobsPlugin(app: App) {
  const { config } = app;
  let capture: MailCapture | null = null;
  const mailer = new Mailer(config.mailFrom, () => config.smtpUrl ?? capture?.url ?? null);
  const runner = new JobRunner(app.db, app.log, { pollMs: config.jobs.pollMs });
  runner.register(MAIL_JOB, sendMailJob(mailer));
  runner.register(REMINDER_JOB, async () => {
    await scanReminders({ db: app.db, config, enqueue: (job) => runner.enqueue(job) }, today());
  });
  // One reminder scan a day, whichever process gets there first.
  runner.every(REMINDER_JOB, today);
  runner.register(BRIEFING_JOB, briefingJob(app));
  const briefingDays = briefingIntervalDays();
  if (briefingDays > 0) runner.every(BRIEFING_JOB, briefingKey(briefingDays));
  // Calls past their closing time are closed (and the strategy office told) within ten minutes.
  runner.register(CLOSE_JOB, async () => {
    await closeExpiredCalls({ db: app.db, config });
  });
  runner.every(CLOSE_JOB, () => new Date().toISOString().slice(0, 15)); // one scan per 10 minutes
  app.decorate('jobs', runner);

  app.addHook('onReady', async () => {
    if (config.smtpCapture) {
      capture = await startMailCapture(app.db, config.smtpCapturePort);
      app.log.info({ url: capture.url }, 'local SMTP capture listening; mails are in /api/admin/outbox');
    }
    if (config.jobs.enabled) runner.start();
  });
  app.addHook('onClose', async () => {
    await runner.stop();
    mailer.close();
    await capture?.close();
  });
}

export default fp(jobsPlugin, { name: 'jobs' });
