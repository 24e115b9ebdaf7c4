import type { Config } from '../../config';
import type { Db } from '../../db/pool';
import type { NewJob } from '../../jobs/jobs.repo';
import { renderMail, type TemplateName } from '../mail/mail.templates';
import * as repo from './reminders.repo';

export const REMINDER_JOB = 'reporting.reminders';
export const MAIL_JOB = 'mail.send';

/**
 * Queues the reminder mails due on `today`: to the reporters N days before the due date and once late, then to
 * the reviewers once the report is `escalateAfterDays` late. Each mail has a dedupe key (report, due date,
 * kind, recipient), so the scan can run any number of times, in any number of processes, and mail once.
 */
export async function scanReminders(
  deps: { db: Db; config: Config; enqueue: (job: NewJob) => Promise<boolean> },
  today: string,
): Promise<number> {
  const { daysBefore, escalateAfterDays } = deps.config.reminders;
  const base = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  let queued = 0;
  for (const pending of await repo.findPendingReports(deps.db, today, daysBefore)) {
    const late = pending.daysLeft < 0;
    const sends: [TemplateName, repo.Recipient[]][] = [];
    if (!late) sends.push(['report.due_soon', await repo.findReporters(deps.db, pending.organizationId)]);
    if (late && pending.neverSubmitted) {
      sends.push(['report.late', await repo.findReporters(deps.db, pending.organizationId)]);
      if (-pending.daysLeft > escalateAfterDays) {
        sends.push([
          'report.escalated',
          await repo.findReviewers(deps.db, pending.strategyId, pending.organizationId),
        ]);
      }
    }
    for (const [template, recipients] of sends) {
      for (const recipient of recipients) {
        const mail = renderMail(template, recipient.locale, {
          organization: pending.organization,
          strategy: pending.strategy,
          period: pending.period,
          dueDate: pending.dueDate,
          days: Math.abs(pending.daysLeft),
          link: `${base}/app/reporting/reports/${pending.report}`,
        });
        const added = await deps.enqueue({
          kind: MAIL_JOB,
          payload: { to: [recipient.email], ...mail },
          dedupeKey: `${template}:${pending.report}:${pending.dueDate}:${recipient.id}`,
        });
        if (added) queued += 1;
      }
    }
  }
  return queued;
}
