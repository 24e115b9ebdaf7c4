import { requirePermission } from '../../access/permissions';
import type { Ctx } from '../../types';
import { findCaptured } from './outbox.repo';

/** The mails the local SMTP capture received, newest first: what Marsad would have sent (administrators). */
export async function listOutbox(ctx: Ctx, filter: { to?: string; limit?: number }) {
  requirePermission(ctx.actor, 'mail.outbox');
  const rows = await findCaptured(ctx.db, { to: filter.to, limit: filter.limit ?? 100 });
  return rows.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt as string).toISOString() }));
}
