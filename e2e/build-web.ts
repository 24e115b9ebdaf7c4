import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = path.join(ROOT, 'src/web');
const BUILT = path.join(ROOT, 'dist/web/index.html');
/** What the web build reads besides src/web: a change there must rebuild too. */
const ALSO = [
  'vite.config.ts',
  'src/domain/i18n.ts',
  'src/domain/periods.ts',
  'src/domain/errors.ts',
  'tsconfig.json',
].map((file) => path.join(ROOT, file));

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than any file it is built from. */
export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const newestSource = Math.max(
    newestUnder(SOURCES),
    ...ALSO.filter(existsSync).map((f) => statSync(f).mtimeMs),
  );
  return statSync(BUILT).mtimeMs < newestSource;
}

/**
 * Vitest globalSetup for the browser tests: the server serves dist/web, so it must hold the current sources.
 * Builds with Vite's own API (no shell, no npx) only when something changed.
 */
export default async function buildWeb(): Promise<void> {
  if (!webBuildIsStale()) return;
  const started = Date.now();
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build: build what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(ROOT, 'vite.config.ts'),
      root: SOURCES,
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  console.log(`[e2e] built dist/web in ${Date.now() - started} ms`);
}
