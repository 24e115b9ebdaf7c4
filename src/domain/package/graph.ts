/**
 * Finds the loops in a "child → parent" relation (each code has at most one parent). Each loop is returned
 * once, as its codes in parent order starting from the one listed first in `parents`.
 */
export function findCycles(parents: ReadonlyMap<string, string>): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: string[][] = [];
  for (const start of parents.keys()) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'walking');
      path.push(current);
      current = parents.get(current);
    }
    if (current !== undefined && state.get(current) === 'walking') {
      const loop = path.slice(path.indexOf(current));
      const first = [...parents.keys()].find((code) => loop.includes(code)) ?? loop[0]!;
      const at = loop.indexOf(first);
      cycles.push([...loop.slice(at), ...loop.slice(0, at)]);
    }
    for (const code of path) state.set(code, 'done');
  }
  return cycles;
}
