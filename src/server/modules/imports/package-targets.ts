import type { Indicator, StrategyPackage } from '../../../domain/package/schema';
import { periodStart } from '../../../domain/periods';
import type { Queryable } from '../../db/pool';
import * as repo from './package-import.repo';

// How an import turns a package's targets into target versions: a target is never changed in place.

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function targetOf(indicator: Indicator) {
  const target = indicator.target;
  return {
    baseline: orNull(target?.baseline),
    milestones: target?.milestones ?? [],
    final: orNull(target?.final),
  };
}

/** A new target version for each indicator whose target differs from the one in force (or has none yet). */
export async function writeTargets(
  tx: Queryable,
  pkg: StrategyPackage,
  indicatorIds: Map<string, string>,
  userId: string | null,
  source: string,
): Promise<number> {
  const current = new Map(
    (await repo.currentTargets(tx, [...indicatorIds.values()])).map((row) => [row.indicator_id, row]),
  );
  const today = new Date().toISOString().slice(0, 10);
  const rows = pkg.indicators
    .filter((i) => i.target)
    .flatMap((i) => {
      const id = indicatorIds.get(i.code)!;
      const next = targetOf(i);
      const before = current.get(id);
      if (before && JSON.stringify(stable(before)) === JSON.stringify(stable(next))) return [];
      return [
        {
          indicator_id: id,
          version: (before?.version ?? 0) + 1,
          ...next,
          reason: before ? `import: ${source}` : `initial target (import: ${source})`,
          // The first version is in force from the start of the plan; a change, from the day it is made.
          effective_from: before ? today : minDate(pkg.strategy.periodStart, next.baseline?.period),
        },
      ];
    });
  if (rows.length) await repo.insertTargetVersions(tx, rows, userId);
  return rows.length;
}

function minDate(start: string, baselinePeriod: string | undefined): string {
  if (!baselinePeriod) return start;
  const baselineStart = periodStart(baselinePeriod);
  return baselineStart < start ? baselineStart : start;
}

/** Key-order-independent form, to compare a stored target with an imported one. */
function stable(target: { baseline: unknown; milestones: unknown; final: unknown }): unknown {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined && v !== null)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, sortKeys(v)]),
      );
    }
    return value;
  };
  return sortKeys({ baseline: target.baseline, milestones: target.milestones, final: target.final });
}
