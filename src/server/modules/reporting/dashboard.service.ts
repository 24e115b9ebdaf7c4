import { requirePermission } from '../../access/permissions';
import type { Ctx } from '../../types';
import * as repo from './dashboard.repo';
import { findReasons } from './reports.repo';

// The executive dashboard's view of reporting. Every signed-in user who works on plans sees these: the variance
// explanations say what is late and why (the steering committee's business), and completeness is counts only.

/** The latest variance explanation of each item of a strategy, keyed `kind:code`, with the reasons' labels. */
export async function latestExplanations(ctx: Ctx, strategyId: string, asOf: string) {
  requirePermission(ctx.actor, 'internal.read');
  const [rows, reasons] = await Promise.all([
    repo.findLatestExplanations(ctx.db, strategyId, asOf),
    findReasons(ctx.db),
  ]);
  const labels = new Map(reasons.map((r) => [r.code, r.label]));
  return new Map(
    rows.map((row) => [
      `${row.kind}:${row.code}`,
      { ...row, reasonLabel: labels.get(row.reasonCode) ?? null },
    ]),
  );
}

/**
 * Reporting completeness of one cycle (the period's, or else the latest started by `asOf`), optionally of one
 * organization: reports per state, how many are late, and the share approved.
 */
export async function cycleCompletenessSummary(
  ctx: Ctx,
  strategyId: string,
  options: { period: string | null; asOf: string; organization?: string },
) {
  requirePermission(ctx.actor, 'internal.read');
  const cycle = await repo.findDashboardCycle(ctx.db, strategyId, options.period, options.asOf);
  if (!cycle) return null;
  const rows = (await repo.countCycleReports(ctx.db, cycle.id)).filter(
    (r) => !options.organization || r.organization === options.organization,
  );
  const totals = { assigned: 0, draft: 0, submitted: 0, returned: 0, approved: 0, late: 0 };
  for (const row of rows)
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  const reports = totals.assigned + totals.draft + totals.submitted + totals.returned + totals.approved;
  return {
    cycle,
    reports,
    ...totals,
    // Submitted and approved reports are in; approved ones count as complete.
    submittedRate: reports ? (totals.submitted + totals.approved) / reports : null,
    approvedRate: reports ? totals.approved / reports : null,
    organizations: rows,
  };
}
