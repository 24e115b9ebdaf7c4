import { emptyStatusCounts, type StatusCounts } from '../../../domain/rollup';
import { STATUSES, type Status } from '../../../domain/status';
import type { TreeNode } from '../strategy/strategy.service';

// Which part of the plan tree a filtered dashboard covers. Pure functions over the evaluated tree.

/** A node anywhere in the tree, by code. */
export function findNode(nodes: readonly TreeNode[], code: string): TreeNode | null {
  for (const node of nodes) {
    if (node.code === code) return node;
    const found = findNode(node.children, code);
    if (found) return found;
  }
  return null;
}

/** The node and all its descendants. */
export function subtree(node: TreeNode): TreeNode[] {
  return [node, ...node.children.flatMap(subtree)];
}

/**
 * The topmost nodes under `node` (itself included) that an organization owns: with their descendants, what
 * that organization answers for. Without an organization, the node itself.
 */
export function scopeRoots(node: TreeNode, organization: string | undefined): TreeNode[] {
  if (!organization || node.owner === organization) return [node];
  return node.children.flatMap((child) => scopeRoots(child, organization));
}

/** How many nodes of a subtree have each status; a leaf's counts are its own status once. */
export function countsOf(node: TreeNode): StatusCounts {
  if (node.statusCounts) return { ...emptyStatusCounts(), ...node.statusCounts } as StatusCounts;
  const counts = emptyStatusCounts();
  counts[node.status as Status] += 1;
  return counts;
}

export function addCounts(list: readonly StatusCounts[]): StatusCounts {
  const total = emptyStatusCounts();
  for (const counts of list) for (const s of STATUSES) total[s] += counts[s];
  return total;
}

export const NEEDS_ATTENTION: readonly string[] = ['off_track', 'at_risk'];
