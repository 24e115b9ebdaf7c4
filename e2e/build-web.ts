import { buildWebIfStale } from '../src/cli/build-web';

/** Vitest globalSetup for the browser tests: the server serves dist/web, so it must hold the current sources. */
export default async function buildWeb(): Promise<void> {
  const started = Date.now();
  if (await buildWebIfStale(() => undefined))
    console.log(`[e2e] built dist/web in ${Date.now() - started} ms`);
}
