import type { Queryable } from '../../db/pool';

export async function insertCaptured(
  db: Queryable,
  mail: {
    messageId: string | null;
    from: string | null;
    to: string[];
    subject: string;
    text: string | null;
    html: string | null;
    headers: Record<string, unknown>;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO mail_outbox (message_id, mail_from, mail_to, subject, text_body, html_body, headers)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [mail.messageId, mail.from, mail.to, mail.subject, mail.text, mail.html, JSON.stringify(mail.headers)],
  );
}

export function findCaptured(db: Queryable, filter: { to?: string; limit: number }) {
  return db.query(
    `SELECT id, message_id AS "messageId", mail_from AS "from", mail_to AS "to", subject, text_body AS text,
            headers->>'content-language' AS language, received_at AS "receivedAt"
       FROM mail_outbox WHERE ($1::text IS NULL OR $1 = ANY(mail_to))
      ORDER BY id DESC LIMIT $2`,
    [filter.to ?? null, filter.limit],
  );
}
