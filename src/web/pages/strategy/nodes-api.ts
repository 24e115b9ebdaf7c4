import type { I18nText } from '../../../domain/i18n';
import { api } from '../../api/client';

// Calls of the plan-node API (POST/PATCH/move/DELETE /api/strategies/:code/nodes…).

export interface NodeFields {
  title: I18nText;
  weight?: number;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  state?: string | null;
  /** Why the weight changes, and from which day: a plan version once the strategy is in force. */
  reason?: string;
  effectiveFrom?: string;
}

const base = (strategy: string) => `/api/strategies/${encodeURIComponent(strategy)}/nodes`;
const one = (strategy: string, node: string) => `${base(strategy)}/${encodeURIComponent(node)}`;

export function createNode(strategy: string, input: NodeFields & { code: string; parent: string | null }) {
  return api<{ code: string }>('POST', base(strategy), input);
}

export function updateNode(strategy: string, node: string, patch: NodeFields & { version: number }) {
  return api<{ code: string }>('PATCH', one(strategy, node), patch);
}

/** Moves a node under `parent` (null: a root) at `order` (1 = first; absent: last under a new parent). */
export function moveNode(
  strategy: string,
  node: string,
  move: { parent: string | null; order?: number; version: number },
) {
  return api<{ code: string }>('POST', `${one(strategy, node)}/move`, move);
}

export function deleteNode(strategy: string, node: string, version: number) {
  return api<void>('DELETE', `${one(strategy, node)}?version=${version}`);
}
