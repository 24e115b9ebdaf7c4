import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', 'test-results');

/**
 * Whether the browser suite can run here. A CI run without Chromium is a broken CI machine, so it fails
 * loudly there; on a developer machine the suite is skipped with a warning nobody can miss.
 */
export const hasChromium: boolean = (() => {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `${CHROMIUM_PATH} not found: CI must install Debian's chromium package for the browser tests`,
    );
  }
  const bar = '!'.repeat(72);
  console.warn(
    `\n${bar}\n!! BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found (apt-get install chromium)\n${bar}\n`,
  );
  return false;
})();

/** Headless Chromium, quiet: no background network, updates or sync that could slow or flake a test. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The path of a screenshot under test-results/ (gitignored), creating the folder on first use. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
