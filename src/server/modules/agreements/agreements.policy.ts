import type { Actor } from '../../access/actor';
import { can, canSomewhere } from '../../access/permissions';

// Who sees what of an agreement. Agreements, commitments and their totals are public; a realisation is public
// once verified. Until then (reported or disputed) only the committing party and the strategy office see it.

/** True when the actor may see the realisations of `partyId` that are not verified yet. */
export const canSeePending = (actor: Actor, partyId: string) =>
  can(actor, 'agreements.verify', partyId) || can(actor, 'agreements.report', partyId);

/** Names of who verified a realisation are shown to signed-in readers only. */
export const canSeeNames = (actor: Actor) => canSomewhere(actor, 'internal.read');
