import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/pool';
import { insertCaptured } from './outbox.repo';

export interface MailCapture {
  url: string;
  close(): Promise<void>;
}

/**
 * A local SMTP server on 127.0.0.1 that keeps every mail it receives, parsed, in `mail_outbox` (development and
 * tests): Marsad's mails go through real SMTP and can be read back in the admin outbox. No auth, no TLS: it
 * listens on the loopback interface only.
 */
export async function startMailCapture(db: Db, port = 0): Promise<MailCapture> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) =>
          insertCaptured(db, {
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? (session.envelope.mailFrom || null)?.address ?? null,
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? null,
            html: typeof mail.html === 'string' ? mail.html : null,
            headers: Object.fromEntries(
              [...mail.headers].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, v]),
            ),
          }),
        )
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
