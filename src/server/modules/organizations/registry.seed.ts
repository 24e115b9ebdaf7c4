import type { Queryable } from '../../db/pool';
import * as repo from './memberships.repo';
import { findOrganizationByCode } from './organizations.repo';

export interface RegistryData {
  organizations: {
    code: string;
    type: string;
    name: Record<string, string>;
    acronym?: string;
    regionCode?: string;
    website?: string;
  }[];
  memberships: { group: string; member: string; role?: string; since?: string; source?: unknown }[];
  partnerships: { first: string; second: string; kind: string; description?: unknown; source?: unknown }[];
}

async function idOf(tx: Queryable, code: string): Promise<string> {
  const org = await findOrganizationByCode(tx, code);
  if (!org) throw new Error(`registry data: unknown organization ${code}`);
  return org.id;
}

/**
 * Loads registry data inside the caller's transaction: organizations added when their code is new (an existing
 * one, e.g. a ministry from a strategy package, is left as it is), memberships and partnerships once.
 */
export async function loadRegistryData(tx: Queryable, data: RegistryData): Promise<void> {
  for (const o of data.organizations) {
    await repo.insertOrganizationIfMissing(tx, {
      code: o.code,
      name: o.name,
      acronym: o.acronym ?? null,
      type: o.type,
      regionCode: o.regionCode ?? null,
      website: o.website ?? null,
    });
  }
  for (const m of data.memberships) {
    await repo.insertMembershipIfMissing(tx, {
      groupId: await idOf(tx, m.group),
      memberId: await idOf(tx, m.member),
      role: m.role ?? 'member',
      since: m.since ?? null,
      source: m.source ?? null,
    });
  }
  for (const p of data.partnerships) {
    await repo.insertPartnershipIfMissing(tx, {
      aId: await idOf(tx, p.first),
      bId: await idOf(tx, p.second),
      kind: p.kind,
      description: p.description ?? null,
      since: null,
      source: p.source ?? null,
    });
  }
}
