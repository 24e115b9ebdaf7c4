import { describe, expect, it } from 'vitest';
import { emptyStatusCounts, type MissingDataPolicy, type RollupNode, rollUp } from './rollup';

// A (weight 2) half done, B (weight 1) without data, C (weight 1) over-achieved at 1.2, capped to 1.
const flat: RollupNode = {
  id: 'root',
  weight: 1,
  children: [
    { id: 'A', weight: 2, progress: 0.5, status: 'on_track', children: [] },
    { id: 'B', weight: 1, progress: null, children: [] },
    { id: 'C', weight: 1, progress: 1.2, status: 'achieved', children: [] },
  ],
};

// P1 (weight 3) has one child with data (0.2) and one without; P2 (weight 1) has 0.8.
const nested: RollupNode = {
  id: 'root',
  weight: 1,
  children: [
    {
      id: 'P1',
      weight: 3,
      children: [
        { id: 'a1', weight: 1, progress: 0.2, status: 'off_track', children: [] },
        { id: 'a2', weight: 1, children: [] },
      ],
    },
    {
      id: 'P2',
      weight: 1,
      children: [{ id: 'b1', weight: 1, progress: 0.8, status: 'on_track', children: [] }],
    },
  ],
};

describe('rollUp', () => {
  it.each([
    ['exclude', 0.666666666666667, '(0.5 × 2 + 1 × 1) / (2 + 1) = 0.666666666667'],
    ['zero', 0.5, '(0.5 × 2 + 0 × 1 + 1 × 1) / (2 + 1 + 1) = 0.5'],
    ['propagate', null, 'missing: B'],
  ] as Array<[MissingDataPolicy, number | null, string]>)(
    'flat tree, %s → %s',
    (policy, progress, formula) => {
      const result = rollUp(flat, policy);
      if (progress === null) expect(result.progress).toBeNull();
      else expect(result.progress).toBeCloseTo(progress, 15);
      expect(result.missing).toEqual(['B']);
      expect(result.components.formula).toBe(formula);
      expect(result.components.method).toBe(`rollup.weighted_mean.${policy}`);
    },
  );

  it.each([
    ['exclude', 0.2, 0.35],
    ['zero', 0.1, 0.275],
    ['propagate', null, null],
  ] as Array<[MissingDataPolicy, number | null, number | null]>)(
    'nested tree, %s → P1 %s, root %s',
    (policy, p1, root) => {
      const result = rollUp(nested, policy);
      const [first] = result.children;
      if (p1 === null) expect(first!.progress).toBeNull();
      else expect(first!.progress).toBeCloseTo(p1, 15);
      if (root === null) {
        expect(result.progress).toBeNull();
        expect(result.missing).toEqual(['P1']);
        expect(result.components.reason).toBe('missing_child_data');
      } else {
        expect(result.progress).toBeCloseTo(root, 15);
        expect(result.missing).toEqual([]);
      }
    },
  );

  it('counts the statuses of the leaves of each subtree', () => {
    const result = rollUp(nested, 'exclude');
    expect(result.statusCounts).toEqual({ ...emptyStatusCounts(), off_track: 1, no_data: 1, on_track: 1 });
    expect(result.children[0]!.statusCounts).toEqual({ ...emptyStatusCounts(), off_track: 1, no_data: 1 });
    expect(rollUp(flat, 'zero').statusCounts).toEqual({
      achieved: 1,
      on_track: 1,
      at_risk: 0,
      off_track: 0,
      not_started: 0,
      no_data: 1,
    });
  });

  it.each([
    [1.2, 1, 'clamp(1.2, 0, 1) = 1'],
    [-0.3, 0, 'clamp(−0.3, 0, 1) = 0'],
    [0.25, 0.25, '0.25'],
  ])('clamps a leaf progress of %d to %d', (declared, progress, formula) => {
    const leaf = rollUp({ id: 'x', weight: 1, progress: declared }, 'exclude');
    expect(leaf.progress).toBe(progress);
    expect(leaf.components.formula).toBe(formula);
  });

  it('takes a parent progress from its children, ignoring its own figure', () => {
    const node: RollupNode = {
      id: 'p',
      weight: 1,
      progress: 0.9,
      children: [{ id: 'c', weight: 1, progress: 0.1 }],
    };
    expect(rollUp(node, 'exclude').progress).toBe(0.1);
  });

  it.each([
    ['exclude', 'no_child_data'],
    ['propagate', 'missing_child_data'],
  ] as Array<[MissingDataPolicy, string]>)('no child with data under %s → null (%s)', (policy, reason) => {
    const node: RollupNode = { id: 'p', weight: 1, children: [{ id: 'c', weight: 1, progress: null }] };
    const result = rollUp(node, policy);
    expect(result.progress).toBeNull();
    expect(result.components.reason).toBe(reason);
  });

  it('no child with data under zero → 0', () => {
    const node: RollupNode = { id: 'p', weight: 1, children: [{ id: 'c', weight: 1, progress: null }] };
    expect(rollUp(node, 'zero').progress).toBe(0);
  });

  it('is null when the weights sum to zero', () => {
    const node: RollupNode = { id: 'p', weight: 1, children: [{ id: 'c', weight: 0, progress: 0.5 }] };
    expect(rollUp(node, 'exclude').components.reason).toBe('zero_weight');
  });

  it.each([[-1], [Number.NaN]])('refuses a weight of %d', (weight) => {
    const node: RollupNode = { id: 'p', weight: 1, children: [{ id: 'c', weight, progress: 0.5 }] };
    expect(() => rollUp(node, 'exclude')).toThrow(
      expect.objectContaining({
        code: 'rollup.invalid_weight',
        params: { field: 'c.weight', value: weight },
      }),
    );
  });
});
