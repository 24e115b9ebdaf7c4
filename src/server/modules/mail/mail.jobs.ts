import type { Mailer, OutgoingMail } from './mail.transport';

/** The `mail.send` job: one mail, rendered when queued (so the outbox shows what was decided then). */
export function sendMailJob(mailer: Mailer) {
  return async (payload: Record<string, unknown>) => {
    const { to, subject, text, language } = payload as Partial<OutgoingMail>;
    if (!Array.isArray(to) || to.length === 0 || typeof subject !== 'string' || typeof text !== 'string') {
      throw new Error('mail.send: payload needs to, subject and text');
    }
    await mailer.send({ to, subject, text, language: language ?? 'fr' });
  };
}
