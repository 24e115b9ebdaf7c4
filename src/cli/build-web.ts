import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = path.join(ROOT, 'src/web');
const BUILT = path.join(ROOT, 'dist/web/index.html');
/** What the web build reads besides src/web: a change there must rebuild too. */
const ALSO = [
  'vite.config.ts',
  'tsconfig.json',
  'src/domain/i18n.ts',
  'src/domain/periods.ts',
  'src/domain/errors.ts',
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
 * Builds the back office with Vite's own API when its build is stale (a quick no-op otherwise). Always a
 * production build: under a test runner NODE_ENV is 'test', and Vite would bundle React's development build.
 */
export async function buildWebIfStale(log: (line: string) => void = console.log): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  log('building the web interface…');
  const { build } = await import('vite');
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
  return true;
}
