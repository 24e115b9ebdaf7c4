import type { RouteId } from '../router/routes';

type AdminRoute = Extract<RouteId, 'organizations' | 'users' | 'audit' | 'outbox'>;

/** Each administration screen and the ability that opens it (the server checks again on every call). */
export const ADMIN_ROUTES: { route: AdminRoute; ability: string }[] = [
  { route: 'organizations', ability: 'organizations.manage' },
  { route: 'users', ability: 'users.manage' },
  { route: 'audit', ability: 'audit.read' },
  { route: 'outbox', ability: 'mail.outbox' },
];

/** The first administration screen the person may open, or null when they may open none. */
export function firstAdminRoute(can: (ability: string) => boolean): AdminRoute | null {
  return ADMIN_ROUTES.find((entry) => can(entry.ability))?.route ?? null;
}
