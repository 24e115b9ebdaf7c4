import { isValidPeriod } from '../../../domain/periods';
import type { Queryable } from '../../db/pool';
import type { FieldError } from '../../errors';
import * as repo from './nodes.repo';
import type { NodeInput, NodePatch } from './nodes.schema';
import type { StrategyRow } from './strategy.repo';

// The rules a node's fields obey beyond their JSON Schema. Each check adds field errors to a list, so that a
// form gets every problem at once.

export type NodeEdits = Omit<NodePatch, 'version'>;

/** The level a child of `parentLevel` must have (the first level for a root); null below the last level. */
export function levelBelow(strategy: StrategyRow, parentLevel: string | null): string | null {
  if (parentLevel === null) return strategy.levels[0]?.key ?? null;
  const index = strategy.levels.findIndex((l) => l.key === parentLevel);
  return index === -1 ? null : (strategy.levels[index + 1]?.key ?? null);
}

function checkDates(strategy: StrategyRow, next: repo.NodeFields, edits: NodeEdits, errors: FieldError[]) {
  const given = (['plannedStart', 'plannedEnd'] as const).filter((f) => edits[f] != null);
  let valid = true;
  for (const field of given) {
    const date = next[field]!;
    if (!isValidPeriod(date)) {
      errors.push({ path: `/body/${field}`, code: 'invalid_date', message: `${date} is not a calendar day` });
      valid = false;
    } else if (date < strategy.periodStart || date > strategy.periodEnd) {
      errors.push({
        path: `/body/${field}`,
        code: 'outside_strategy',
        message: `must lie within the strategy period ${strategy.periodStart} – ${strategy.periodEnd}`,
      });
    }
  }
  if (valid && given.length && next.plannedStart && next.plannedEnd && next.plannedStart > next.plannedEnd) {
    const field = edits.plannedEnd != null ? 'plannedEnd' : 'plannedStart';
    errors.push({
      path: `/body/${field}`,
      code: 'date_order',
      message: 'the planned start comes after the end',
    });
  }
}

async function checkLineage(
  db: Queryable,
  strategy: StrategyRow,
  lineage: NonNullable<NodeEdits['lineage']>,
  errors: FieldError[],
) {
  const found = await repo.findLineageTargets(
    db,
    lineage.map((l) => l.strategy),
    lineage.map((l) => l.node),
  );
  lineage.forEach((link, i) => {
    if (link.strategy === strategy.code) {
      errors.push({
        path: `/body/lineage/${i}/strategy`,
        code: 'same_strategy',
        message: 'lineage links to nodes of other strategies',
      });
    } else if (!found.strategies.has(link.strategy)) {
      errors.push({ path: `/body/lineage/${i}/strategy`, code: 'unknown', message: 'unknown strategy' });
    } else if (!found.nodes.has(`${link.strategy}/${link.node}`)) {
      errors.push({
        path: `/body/lineage/${i}/node`,
        code: 'unknown',
        message: `${link.strategy} has no node ${link.node}`,
      });
    }
  });
}

/**
 * Applies `edits` to `current`: organizations named by code become ids, dates and lineage are checked.
 * `contributorIds` is undefined when the contributors are left as they are.
 */
export async function applyEdits(
  db: Queryable,
  strategy: StrategyRow,
  current: repo.NodeFields,
  edits: NodeEdits,
  errors: FieldError[],
): Promise<{ fields: repo.NodeFields; contributorIds: string[] | undefined }> {
  const codes = [edits.owner, ...(edits.contributors ?? [])].filter((c): c is string => !!c);
  const orgs = await repo.findOrganizationsByCode(db, codes);
  const next: repo.NodeFields = { ...current };
  for (const key of [
    'title',
    'description',
    'weight',
    'state',
    'source',
    'plannedStart',
    'plannedEnd',
  ] as const) {
    if (edits[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = edits[key];
  }
  if (edits.crossReferences !== undefined) next.crossReferences = edits.crossReferences;
  if (edits.lineage !== undefined) {
    next.lineage = edits.lineage;
    await checkLineage(db, strategy, edits.lineage, errors);
  }
  if (edits.owner !== undefined) {
    const owner = edits.owner === null ? null : orgs.get(edits.owner.toLowerCase());
    if (owner === undefined) {
      errors.push({ path: '/body/owner', code: 'unknown', message: `unknown organization ${edits.owner}` });
    }
    next.ownerId = owner?.id ?? null;
  }
  const contributorIds = edits.contributors?.map((code, i) => {
    const org = orgs.get(code.toLowerCase());
    if (!org) {
      errors.push({
        path: `/body/contributors/${i}`,
        code: 'unknown',
        message: `unknown organization ${code}`,
      });
    }
    return org?.id ?? '';
  });
  checkDates(strategy, next, edits, errors);
  return { fields: next, contributorIds };
}

/**
 * Where a new node goes: its code is free, its parent exists (none for a root), its level is the one right
 * below the parent's, and its `order` is at most one past its future siblings.
 */
export async function placeNewNode(
  db: Queryable,
  strategy: StrategyRow,
  input: NodeInput,
  errors: FieldError[],
) {
  if (await repo.findNode(db, strategy.id, input.code)) {
    errors.push({
      path: '/body/code',
      code: 'duplicate',
      message: 'this code is already used in the strategy',
    });
  }
  const parent = input.parent ? await repo.findNode(db, strategy.id, input.parent) : null;
  const level = input.parent && !parent ? undefined : levelBelow(strategy, parent?.level ?? null);
  if (level === undefined) {
    errors.push({
      path: '/body/parent',
      code: 'unknown',
      message: `no node ${input.parent} in ${strategy.code}`,
    });
  } else if (level === null) {
    errors.push({
      path: '/body/parent',
      code: 'no_level_below',
      message: `${parent?.level} is the last level`,
    });
  } else if (input.level !== undefined && input.level !== level) {
    errors.push({ path: '/body/level', code: 'level_mismatch', message: `a node here is at level ${level}` });
  }
  const siblings = await repo.findSiblingIds(db, strategy.id, parent?.id ?? null);
  if (input.order !== undefined && input.order > siblings.length + 1) {
    errors.push({ path: '/body/order', code: 'out_of_range', message: `at most ${siblings.length + 1}` });
  }
  return { parent, level, siblings };
}
