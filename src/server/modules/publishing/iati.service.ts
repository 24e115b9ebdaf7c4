import type { StrategyPackage } from '../../../domain/package/schema';
import { anonymous } from '../../access/actor';
import type { Ctx } from '../../types';
import { exportStrategy } from '../imports/package-export.service';
import { iatiActivities } from './iati';

/**
 * The reporting organisation's IATI identifier: `IATI_REPORTING_ORG_REF` when set (it should be the
 * organisation's registered identifier, e.g. from the IATI Registry); otherwise `MARSAD-<STRATEGY>`, a
 * placeholder that says it is not a registered identifier.
 */
export function reportingOrgRef(strategyCode: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.IATI_REPORTING_ORG_REF || `MARSAD-${strategyCode}`;
}

/** The IATI 2.03 activities of a public strategy, from the package as the public reads it. */
export function iatiFor(pkg: StrategyPackage, generatedAt = new Date()): string {
  return iatiActivities(pkg, {
    reportingOrgRef: reportingOrgRef(pkg.strategy.code),
    reportingOrgName: process.env.IATI_REPORTING_ORG_NAME || null,
    generatedAt: generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
}

export async function exportIati(ctx: Ctx, code: string): Promise<string> {
  return iatiFor(await exportStrategy({ actor: anonymous, db: ctx.db }, code));
}
