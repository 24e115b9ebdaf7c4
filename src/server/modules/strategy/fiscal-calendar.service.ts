import type { FiscalCalendar } from '../../../domain/fiscal-calendar';
import { requirePermission } from '../../access/permissions';
import { AppError, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './strategy.repo';
import { getStrategy } from './strategy.service';

/**
 * Sets the fiscal calendar a strategy's reporting cycles follow. Refused once a cycle exists: the days of the
 * periods already called for must not move under the reports that answer them.
 */
export async function setFiscalCalendar(
  ctx: Ctx,
  code: string,
  input: FiscalCalendar & { version: number },
): Promise<repo.StrategyRow> {
  requirePermission(ctx.actor, 'strategy.manage');
  const { id } = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    const before = await repo.findStrategy(tx, code, true);
    if (!before || before.id !== id) throw notFound('strategy');
    if (before.version !== input.version) throw versionConflict(before);
    if (await repo.hasReportingCycles(tx, id)) {
      throw new AppError(
        'fiscal_calendar.cycles_exist',
        409,
        'Reporting cycles already follow the current fiscal calendar',
        { strategy: code },
      );
    }
    await repo.updateFiscalCalendar(tx, id, { startMonth: input.startMonth, namedBy: input.namedBy });
    const after = (await repo.findStrategy(tx, code))!;
    await recordAudit(tx, ctx.actor, {
      action: 'strategy.fiscal_calendar',
      subjectType: 'strategy',
      subjectId: id,
      before: { fiscalCalendar: before.fiscalCalendar, version: before.version },
      after: { fiscalCalendar: after.fiscalCalendar, version: after.version },
    });
    return after;
  });
}
