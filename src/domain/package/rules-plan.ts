import { type RuleContext, refs } from './context';
import { findCycles } from './graph';
import { isValidDate } from './period-check';
import type { PlanNode } from './schema';

/** Reports invalid dates and a start after its end. */
function checkDateRange(
  ctx: RuleContext,
  base: string,
  fields: [string, string],
  start?: string,
  end?: string,
) {
  const [startField, endField] = fields;
  let valid = true;
  for (const [field, date] of [
    [startField, start],
    [endField, end],
  ] as const) {
    if (date !== undefined && !isValidDate(date)) {
      ctx.report(`${base}/${field}`, 'date.invalid', `"${date}" is not a calendar date.`);
      valid = false;
    }
  }
  if (valid && start !== undefined && end !== undefined && start > end) {
    ctx.report(`${base}/${endField}`, 'date.order', `${endField} ${end} is before ${startField} ${start}.`);
  }
}

/** Strategy: period, unique level keys, thresholds in order, no self-reference as predecessor or successor. */
export function checkStrategy(ctx: RuleContext): void {
  const strategy = ctx.pkg.strategy;
  if (!strategy) return;
  checkDateRange(ctx, '/strategy', ['periodStart', 'periodEnd'], strategy.periodStart, strategy.periodEnd);
  const keys = new Set<string>();
  strategy.levels.forEach((level, i) => {
    if (keys.has(level.key)) {
      ctx.report(`/strategy/levels/${i}/key`, 'code.duplicate', `Duplicate level key "${level.key}".`);
    }
    keys.add(level.key);
  });
  const thresholds = strategy.statusThresholds;
  if (thresholds && thresholds.atRisk > thresholds.onTrack) {
    ctx.report(
      '/strategy/statusThresholds/atRisk',
      'status.invalid_thresholds',
      `atRisk (${thresholds.atRisk}) must not exceed onTrack (${thresholds.onTrack}).`,
    );
  }
  if (strategy.predecessor === strategy.code) {
    ctx.report('/strategy/predecessor', 'reference.self', 'A strategy cannot be its own predecessor.');
  }
  strategy.successors?.forEach((code, i) => {
    if (code === strategy.code) {
      ctx.report(`/strategy/successors/${i}`, 'reference.self', 'A strategy cannot be its own successor.');
    }
  });
}

/** Nodes in a loop of parents: the loop is reported, and level order is not judged for them. */
function checkNodeCycles(ctx: RuleContext): Set<string> {
  const parents = new Map<string, string>();
  const at = new Map<string, string>();
  for (const { value: node, index } of ctx.pkg.nodes) {
    if (node.parent !== null && !parents.has(node.code)) {
      parents.set(node.code, node.parent);
      at.set(node.code, `/nodes/${index}/parent`);
    }
  }
  const looping = new Set<string>();
  for (const cycle of findCycles(parents)) {
    ctx.report(at.get(cycle[0]!)!, 'tree.cycle', `Parent chain loops: ${[...cycle, cycle[0]].join(' → ')}.`);
    for (const code of cycle) looping.add(code);
  }
  return looping;
}

/** A root sits at the top level and every child exactly one level below its parent. */
function checkLevel(ctx: RuleContext, node: PlanNode, path: string, byCode: Map<string, PlanNode>) {
  const levels = ctx.pkg.levels;
  if (!levels) return;
  const depth = levels.findIndex((level) => level.key === node.level);
  if (depth < 0) {
    const known = levels.map((level) => level.key).join(', ');
    ctx.report(path, 'reference.unknown_level', `Unknown level "${node.level}" (levels: ${known}).`);
    return;
  }
  if (node.parent === null) {
    if (depth !== 0) {
      ctx.report(path, 'tree.level_order', `A root node must be at the top level "${levels[0]!.key}".`);
    }
    return;
  }
  const parent = byCode.get(node.parent);
  const parentDepth = parent ? levels.findIndex((level) => level.key === parent.level) : -1;
  if (parentDepth >= 0 && depth !== parentDepth + 1) {
    const expected = levels[parentDepth + 1]?.key;
    ctx.report(
      path,
      'tree.level_order',
      expected
        ? `Under "${node.parent}" (level "${parent!.level}") a node must be at level "${expected}".`
        : `"${node.parent}" is at the deepest level "${parent!.level}" and cannot have children.`,
    );
  }
}

/** Nodes: parent exists, no loop, levels deepen in order, owners and contributors exist, dates valid. */
export function checkNodes(ctx: RuleContext): void {
  const looping = checkNodeCycles(ctx);
  const byCode = new Map<string, PlanNode>();
  for (const { value } of ctx.pkg.nodes) if (!byCode.has(value.code)) byCode.set(value.code, value);
  for (const { value: node, index } of ctx.pkg.nodes) {
    const base = `/nodes/${index}`;
    refs.node(ctx, `${base}/parent`, node.parent);
    refs.organization(ctx, `${base}/owner`, node.owner);
    refs.organization(ctx, `${base}/contributors`, node.contributors);
    checkDateRange(ctx, base, ['plannedStart', 'plannedEnd'], node.plannedStart, node.plannedEnd);
    if (!looping.has(node.code)) checkLevel(ctx, node, `${base}/level`, byCode);
  }
}
