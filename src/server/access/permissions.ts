import { forbidden, notFound, unauthenticated } from '../errors';
import { type Actor, isSignedIn, type Role } from './actor';

/**
 * The coarse gate: which permissions each role carries. Modules add their permissions here, so the whole
 * map can be read in one place. Per-resource rules live in each module's `*.policy.ts`.
 */
export const PERMISSIONS = {
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  'organizations.manage': ['admin', 'strategy_office'],
  'strategy.manage': ['admin', 'strategy_office'],
  'indicators.manage': ['admin', 'strategy_office', 'analyst'],
  'observations.write': ['admin', 'strategy_office', 'analyst'],
  'budget.manage': ['admin', 'strategy_office'],
  'projects.manage': ['admin', 'strategy_office'],
  'imports.run': ['admin', 'strategy_office'],
  'reporting.manage': ['admin', 'strategy_office'],
  'reporting.review': ['admin', 'strategy_office', 'reviewer'],
  'reporting.report': ['admin', 'reporter'],
  'mail.outbox': ['admin'],
  'releases.publish': ['admin', 'strategy_office'],
  'agreements.manage': ['admin', 'strategy_office'],
  'agreements.report': ['admin', 'strategy_office', 'reporter'],
  'agreements.verify': ['admin', 'strategy_office'],
  'organizations.contacts': ['admin', 'strategy_office'],
  'calls.manage': ['admin', 'strategy_office'],
  'consultation.answer': ['admin', 'strategy_office'],
  // a signed-in user speaks for the organizations its grants cover (scoped)
  'consultation.propose': ['admin', 'reporter', 'viewer'],
  'internal.read': ['admin', 'strategy_office', 'reviewer', 'reporter', 'analyst', 'viewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

/**
 * True when the actor holds `permission` everywhere, or — when `organizationId` is given — in a scope that
 * contains that organization. Marsad itself (`system`) may do anything; the public may do nothing here.
 */
export function can(actor: Actor, permission: Permission, organizationId?: string | null): boolean {
  if (actor.kind === 'system') return true;
  if (!isSignedIn(actor)) return false;
  const roles = rolesFor(permission);
  return actor.grants.some(
    (grant) =>
      roles.includes(grant.role) &&
      (grant.scopeIds === null || (organizationId != null && grant.scopeIds.includes(organizationId))),
  );
}

/** True when the actor holds `permission` somewhere, in any scope: the gate before a scoped check. */
export function canSomewhere(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  if (!isSignedIn(actor)) return false;
  const roles = rolesFor(permission);
  return actor.grants.some((grant) => roles.includes(grant.role));
}

/** Coarse gate for a route: 401 for the public, 403 for a signed-in user without the permission anywhere. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.kind === 'system') return;
  if (!isSignedIn(actor)) throw unauthenticated();
  if (!canSomewhere(actor, permission)) throw forbidden();
}

/**
 * Fine rule on one resource: cannot read it → 404 (its existence is not revealed), can read but not act → 403.
 */
export function authorize(canRead: boolean, canAct: boolean, what = 'resource'): void {
  if (!canRead) throw notFound(what);
  if (!canAct) throw forbidden();
}

/**
 * SQL filter for lists: the organization ids in which the actor holds `permission`, or null when it holds it
 * everywhere. Repositories use it as `($n::uuid[] IS NULL OR owner_id = ANY($n))`.
 */
export function scopeFilter(actor: Actor, permission: Permission): string[] | null {
  if (actor.kind === 'system') return null;
  if (!isSignedIn(actor)) return [];
  const roles = rolesFor(permission);
  const ids = new Set<string>();
  for (const grant of actor.grants) {
    if (!roles.includes(grant.role)) continue;
    if (grant.scopeIds === null) return null;
    for (const id of grant.scopeIds) ids.add(id);
  }
  return [...ids];
}

/** The permissions an actor holds somewhere: sent to the UI, which shows or hides actions from them alone. */
export function abilities(actor: Actor): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => canSomewhere(actor, permission));
}
