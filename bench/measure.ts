// Timing and printing helpers. Every goal is a ratio of two figures measured in the same run on the same
// machine, never an absolute time: the machine's speed cancels out.

export interface Stats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  mean: number;
}

/** Median, 95th percentile (nearest rank), min and mean of a list of durations in milliseconds. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    runs: sorted.length,
    median,
    p95: rank(0.95),
    min: sorted[0]!,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** Milliseconds `fn` takes, with a high-resolution clock. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Times competitors against each other: `warmup` untimed rounds, then `runs` timed rounds in which the order
 * rotates (a b c, then b c a, …), so that drift in the machine — a checkpoint, autovacuum, the JIT — weighs on
 * every side alike. `i` is the round number, for cycling through inputs.
 */
export async function compare<K extends string>(
  competitors: Record<K, (i: number) => Promise<unknown>>,
  options: { warmup: number; runs: number },
): Promise<Record<K, Stats>> {
  const names = Object.keys(competitors) as K[];
  for (let i = 0; i < options.warmup; i++) for (const name of names) await competitors[name](i);
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let i = 0; i < options.runs; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      samples.get(name)!.push(await time(() => competitors[name](i)));
    }
  }
  return Object.fromEntries(names.map((name) => [name, stats(samples.get(name)!)])) as Record<K, Stats>;
}

export const ms = (value: number) =>
  value >= 100
    ? `${Math.round(value)} ms`
    : value >= 10
      ? `${value.toFixed(1)} ms`
      : `${value.toFixed(2)} ms`;

export const int = (value: number) => Math.round(value).toLocaleString('en-US');

export const bytes = (value: number) =>
  value >= 1024 ** 3
    ? `${(value / 1024 ** 3).toFixed(2)} GiB`
    : value >= 1024 ** 2
      ? `${(value / 1024 ** 2).toFixed(1)} MiB`
      : `${(value / 1024).toFixed(1)} KiB`;

/** A plain-text table: the first row is the header; columns after the first are right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

/** One timed step of the set-up, printed as it ends. */
export async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await fn();
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`  ${label.padEnd(52)} ${ms(elapsed).padStart(10)}`);
  return result;
}
