import type { FieldError } from '../../errors';
import { invalid } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { getStrategy } from '../strategy/strategy.service';
import * as repo from './governance.repo';
import type { ReportingLine, ReportingLinesPut } from './governance.schema';
import { requireGovernance } from './governance.service';

/** Which body reviews which organization's reports; public unless the strategy is a draft. */
export async function listReportingLines(ctx: Ctx, code: string): Promise<ReportingLine[]> {
  const strategy = await getStrategy(ctx, code);
  return repo.findReportingLines(ctx.db, strategy.id);
}

/**
 * Replaces the strategy's reporting lines with `lines`, all or nothing: every organization must exist, every
 * reviewer must be a body of this strategy, and a pair appears once.
 */
export async function replaceReportingLines(
  ctx: Ctx,
  code: string,
  { lines }: ReportingLinesPut,
): Promise<ReportingLine[]> {
  requireGovernance(ctx.actor);
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    await repo.lockGovernance(tx, strategy.id);
    const [orgs, bodies] = await Promise.all([
      repo.findOrganizationIds(
        tx,
        lines.map((l) => l.organization),
      ),
      repo.findBodyIds(
        tx,
        strategy.id,
        lines.map((l) => l.reviewer),
      ),
    ]);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const rows = lines.map((line, i) => {
      const organizationId = orgs.get(line.organization.toLowerCase()) ?? '';
      const bodyId = bodies.get(line.reviewer) ?? '';
      if (!organizationId) {
        errors.push({
          path: `/body/lines/${i}/organization`,
          code: 'unknown',
          message: 'unknown organization',
        });
      }
      if (!bodyId) {
        errors.push({
          path: `/body/lines/${i}/reviewer`,
          code: 'unknown',
          message: `no body ${line.reviewer}`,
        });
      }
      const key = `${organizationId}/${bodyId}`;
      if (organizationId && bodyId && seen.has(key)) {
        errors.push({ path: `/body/lines/${i}`, code: 'duplicate', message: 'this line is already listed' });
      }
      seen.add(key);
      return { organizationId, bodyId };
    });
    if (errors.length) throw invalid(errors);
    const before = await repo.findReportingLines(tx, strategy.id);
    await repo.replaceReportingLines(tx, strategy.id, rows);
    await repo.linkStrategyOrganizations(tx, strategy.id, [...new Set(rows.map((r) => r.organizationId))]);
    const after = await repo.findReportingLines(tx, strategy.id);
    await recordAudit(tx, ctx.actor, {
      action: 'reporting_lines.replace',
      subjectType: 'strategy',
      subjectId: strategy.id,
      before: { reportingLines: before },
      after: { reportingLines: after },
    });
    return after;
  });
}
