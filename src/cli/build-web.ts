import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when the web build is missing or older than a file under src/web. */
export function webBuildIsStale(root = process.cwd()): boolean {
  const index = path.join(root, 'dist/web/index.html');
  let built = 0;
  try {
    built = statSync(index).mtimeMs;
  } catch {
    return true;
  }
  const sources = Math.max(
    newestMtime(path.join(root, 'src/web')),
    statSync(path.join(root, 'src/domain/i18n.ts')).mtimeMs,
    statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

/** Builds the back office with Vite when its build is stale; quick no-op otherwise. */
export async function buildWebIfStale(
  root = process.cwd(),
  log: (line: string) => void = console.log,
): Promise<void> {
  if (!webBuildIsStale(root)) return;
  log('building the web interface…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
