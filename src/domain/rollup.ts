import { type Computation, formatNumber } from './components';
import { assertFinite, DomainError } from './errors';
import { STATUSES, type Status } from './status';

/**
 * What a child without progress does to its parent: `exclude` reweights over the children with data,
 * `zero` counts it as 0 % done, `propagate` makes the parent unknown too.
 */
export type MissingDataPolicy = 'exclude' | 'zero' | 'propagate';

/** A plan node, or any tree, as the roll-up sees it; a node with children takes its progress from them. */
export interface RollupNode {
  id: string;
  weight: number;
  /** Share done, 0..1; values outside are clamped, null or absent means no data. */
  progress?: number | null;
  status?: Status | null;
  children?: readonly RollupNode[];
}

export type StatusCounts = Record<Status, number>;

export interface RollupResult {
  id: string;
  progress: number | null;
  /** Statuses of the leaves of this subtree; a leaf without status counts as `no_data`. */
  statusCounts: StatusCounts;
  /** Ids of direct children that had no progress. */
  missing: string[];
  components: Computation<number | null>;
  children: RollupResult[];
}

/** A count of zero for every status, so that every status shows in a dashboard even when absent. */
export function emptyStatusCounts(): StatusCounts {
  // A literal, not built from STATUSES: this runs once per node of trees of tens of thousands of nodes.
  return { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, not_started: 0, no_data: 0 };
}

export interface RollupTerm {
  id: string;
  weight: number;
  progress: number | null;
}

/**
 * The weighted mean of one level under a missing-data policy, without calculation components (the fast path
 * for large trees; `rollUp` gives the same figure with its components). Null, with the reason, when it
 * cannot be computed.
 */
export function weightedProgress(
  terms: readonly RollupTerm[],
  policy: MissingDataPolicy,
): { progress: number | null; reason?: string } {
  let totalWeight = 0;
  let sum = 0;
  let used = 0;
  let missing = false;
  for (const term of terms) {
    if (!Number.isFinite(term.weight) || term.weight < 0) {
      throw new DomainError('rollup.invalid_weight', { field: `${term.id}.weight`, value: term.weight });
    }
    if (term.progress === null) {
      missing = true;
      if (policy === 'exclude') continue;
    } else {
      assertFinite(term.progress, `${term.id}.progress`);
    }
    totalWeight += term.weight;
    sum += term.weight * (term.progress ?? 0);
    used++;
  }
  if (policy === 'propagate' && missing) return { progress: null, reason: 'missing_child_data' };
  if (used === 0) return { progress: null, reason: 'no_child_data' };
  if (totalWeight === 0) return { progress: null, reason: 'zero_weight' };
  return { progress: sum / totalWeight };
}

function addCounts(into: StatusCounts, from: StatusCounts): void {
  for (const s of STATUSES) into[s] += from[s];
}

function rollUpLeaf(node: RollupNode): RollupResult {
  const statusCounts = emptyStatusCounts();
  statusCounts[node.status ?? 'no_data'] += 1;
  const declared = node.progress ?? null;
  const inputs = { id: node.id, progress: declared };
  if (declared === null) {
    const components = {
      method: 'rollup.leaf',
      inputs,
      formula: 'no progress',
      result: null,
      reason: 'no_data',
    };
    return { id: node.id, progress: null, statusCounts, missing: [], components, children: [] };
  }
  assertFinite(declared, `${node.id}.progress`);
  // Clamped so that an over-achieving child cannot hide a lagging sibling, nor a regression sink the parent
  // below zero; the child's own status still shows both.
  const progress = Math.min(1, Math.max(0, declared));
  const formula =
    progress === declared ? formatNumber(progress) : `clamp(${formatNumber(declared)}, 0, 1) = ${progress}`;
  const components = { method: 'rollup.leaf', inputs, formula, result: progress };
  return { id: node.id, progress, statusCounts, missing: [], components, children: [] };
}

/** Weighted mean of the children's progress under a missing-data policy, with status counts per subtree. */
export function rollUp(node: RollupNode, policy: MissingDataPolicy): RollupResult {
  const children = node.children ?? [];
  if (children.length === 0) return rollUpLeaf(node);
  const results = children.map((child) => rollUp(child, policy));
  const statusCounts = emptyStatusCounts();
  for (const r of results) addCounts(statusCounts, r.statusCounts);
  const terms = children.map((child, i) => {
    if (!Number.isFinite(child.weight) || child.weight < 0) {
      throw new DomainError('rollup.invalid_weight', { field: `${child.id}.weight`, value: child.weight });
    }
    return { id: child.id, weight: child.weight, progress: results[i]!.progress };
  });
  const missing = terms.filter((t) => t.progress === null).map((t) => t.id);
  const method = `rollup.weighted_mean.${policy}`;
  const inputs = { id: node.id, policy, children: terms };
  const unknown = (reason: string, formula: string): RollupResult => {
    const components = { method, inputs, formula, result: null, reason };
    return { id: node.id, progress: null, statusCounts, missing, components, children: results };
  };
  const figure = weightedProgress(terms, policy);
  if (figure.progress === null) {
    const why: Record<string, string> = {
      missing_child_data: `missing: ${missing.join(', ')}`,
      no_child_data: 'no child has data',
      zero_weight: 'weights sum to 0',
    };
    return unknown(figure.reason!, why[figure.reason!]!);
  }
  const progress = figure.progress;
  const used = terms
    .filter((t) => policy !== 'exclude' || t.progress !== null)
    .map((t) => ({ weight: t.weight, progress: t.progress ?? 0 }));
  const numerator = used.map((t) => `${formatNumber(t.progress)} × ${formatNumber(t.weight)}`).join(' + ');
  const denominator = used.map((t) => formatNumber(t.weight)).join(' + ');
  const formula = `(${numerator}) / (${denominator}) = ${formatNumber(progress)}`;
  const components = { method, inputs, formula, result: progress };
  return { id: node.id, progress, statusCounts, missing, components, children: results };
}
