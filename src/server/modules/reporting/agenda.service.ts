import { requirePermission } from '../../access/permissions';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { reportAccess } from './reporting.policy';
import type { ReasonsPut } from './reporting.schema';
import * as repo from './reports.repo';

/** The variance reasons a reporter chooses from (the configurable list). */
export function listReasons(ctx: Ctx) {
  requirePermission(ctx.actor, 'internal.read');
  return repo.findReasons(ctx.db);
}

/** Replaces the list of variance reasons; a code no longer listed stays for past explanations, inactive. */
export async function replaceReasons(ctx: Ctx, input: ReasonsPut) {
  requirePermission(ctx.actor, 'reporting.manage');
  return ctx.db.tx(async (tx) => {
    const before = await repo.findReasons(tx);
    await repo.replaceReasons(
      tx,
      input.items.map((i) => ({ code: i.code, label: i.label, active: i.active ?? true })),
    );
    const after = await repo.findReasons(tx);
    await recordAudit(tx, ctx.actor, {
      action: 'variance_reasons.replace',
      subjectType: 'variance_reasons',
      subjectId: null,
      before: { items: before },
      after: { items: after },
    });
    return after;
  });
}

/** The escalated variances of submitted and approved reports: the inter-ministerial committee's agenda. */
export function listAgenda(ctx: Ctx, filter: { strategy?: string }) {
  requirePermission(ctx.actor, 'reporting.review');
  return repo.findAgenda(ctx.db, filter.strategy ?? null, reportAccess(ctx.actor));
}
