import type { I18nText } from '../../domain/i18n';

/** An agreement as `GET /api/agreements` answers (built by the agreements module; the portal only reads it). */
export interface AgreementView {
  code: string;
  title: I18nText;
  kind?: string | null;
  event?: string | I18nText | null;
  signedOn?: string | null;
  regionCode?: string | null;
  parties: { code: string; name: string | I18nText }[];
  commitments: {
    metric: string;
    value: number | null;
    dueYear?: number | null;
    source?: unknown;
    party?: string | null;
  }[];
  totals: { metric: string; committed: number | null; verified: number | null }[];
}

/** Where the portal gets agreements from; null when the platform has no agreements module. */
export type AgreementsSource = () => Promise<AgreementView[] | null>;

/** Region code → number of agreements and sums of each metric committed, over the agreements with a region. */
export function agreementsByRegion(items: AgreementView[]) {
  const regions: Record<string, { count: number; committed: Record<string, number> }> = {};
  const metrics = new Set<string>();
  for (const item of items) {
    if (!item.regionCode) continue;
    const region = regions[item.regionCode] ?? { count: 0, committed: {} };
    regions[item.regionCode] = region;
    region.count += 1;
    for (const total of item.totals) {
      metrics.add(total.metric);
      if (total.committed !== null)
        region.committed[total.metric] = (region.committed[total.metric] ?? 0) + total.committed;
    }
  }
  return { regions, metrics: [...metrics].sort() };
}
