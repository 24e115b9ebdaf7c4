export const ROLES = ['admin', 'strategy_office', 'reviewer', 'reporter', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** One role held by a user; `scopeIds` are the organization and its descendants, or null for everywhere. */
export interface Grant {
  role: Role;
  organizationId: string | null;
  organizationCode: string | null;
  scopeIds: string[] | null;
}

/** Who is acting: a signed-in user, a machine client with an API token, Marsad itself, or the public. */
export type Actor =
  | { kind: 'anonymous'; requestId?: string }
  | { kind: 'system'; requestId?: string; reason: string }
  | {
      kind: 'user' | 'token';
      requestId?: string;
      userId: string;
      username: string;
      displayName: string;
      locale: string;
      grants: Grant[];
      sessionId?: string;
    };

export type SignedInActor = Extract<Actor, { kind: 'user' | 'token' }>;

export const anonymous: Actor = { kind: 'anonymous' };

export function systemActor(reason: string): Actor {
  return { kind: 'system', reason };
}

export function isSignedIn(actor: Actor): actor is SignedInActor {
  return actor.kind === 'user' || actor.kind === 'token';
}

export function actorUserId(actor: Actor): string | null {
  return isSignedIn(actor) ? actor.userId : null;
}
