// The public portal on a phone with a weak connection: bytes transferred per page type (all resources) against
// the 150 KB budget, and first contentful paint against 1.5 s, in Chromium throttled through the DevTools
// protocol. Figures are printed; nothing here asserts a time.
import { existsSync } from 'node:fs';
import { type Browser, type CDPSession, chromium } from 'playwright-core';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedDefaultData } from '../src/server/modules/imports/seed';
import { loadPortalFixture, REGIONAL_INDICATOR } from '../src/server/modules/portal/portal.fixture';
import { openBenchDatabase } from './database';
import { ms, step, table } from './measure';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const BYTES_GOAL = 150 * 1024;
export const FCP_GOAL_MS = 1500;
/** Lighthouse's mobile CPU slowdown: a mid-range phone is about four times slower than this machine. */
const CPU_SLOWDOWN = 4;
const RUNS = 3;

/**
 * Chrome DevTools' own presets (front_end/core/sdk/NetworkManager.ts): "Slow 3G" is 500 kbit/s × 0.8 each way
 * (50,000 B/s) with 400 ms × 5 = 2,000 ms of latency per request; "Fast 3G" is 1.6 Mbit/s × 0.9 down
 * (180,000 B/s), 750 kbit/s × 0.9 up, 150 ms × 3.75 = 562.5 ms. WebPageTest's "3G Slow" connectivity profile is
 * 400 kbit/s each way (50,000 B/s, the same bandwidth as DevTools' Slow 3G) with a 400 ms round trip: printed
 * beside, because DevTools' preset puts a 2,000 ms floor under every first paint whatever the page.
 */
export const PROFILES = {
  'Slow 3G': { downloadThroughput: 50_000, uploadThroughput: 50_000, latency: 2000 },
  'WPT 3G Slow': { downloadThroughput: 50_000, uploadThroughput: 50_000, latency: 400 },
  'Fast 3G': { downloadThroughput: 180_000, uploadThroughput: 84_375, latency: 562.5 },
} as const;
type Profile = keyof typeof PROFILES;

/** One address per page type, in the three languages, on the default data (and the portal's test strategy). */
export const PAGE_TYPES: [string, string][] = [
  ['home', '/fr/'],
  ['strategy (progress by priority)', '/ar/strategies/MN2013'],
  ['measure with indicators', '/ar/strategies/MN2013/nodes/M01'],
  ['priority', '/fr/strategies/MN2013/nodes/P1'],
  ['indicator (chart)', '/en/indicators/MN-I28'],
  ['indicator with regional map', `/ar/indicators/${REGIONAL_INDICATOR}`],
  ['regional map', '/fr/map'],
  ['budget', '/en/strategies/MN2013/budget'],
  ['project', '/fr/strategies/MN2013/projects/EGOV-01'],
  ['search', '/fr/search?q=internet'],
  ['open data', '/ar/data'],
];

interface Measure {
  bytes: number;
  requests: number;
  fcp: number;
}

/** Loads `url` in a fresh context (empty cache) under `profile`; bytes are what crossed the wire, headers included. */
async function measure(browser: Browser, url: string, profile: Profile): Promise<Measure> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profile] });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      requests += 1;
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // A string, not a function: tsx would wrap a function's inner helpers in a `__name` the page lacks.
    const fcp = await page.evaluate<number>(`new Promise((resolve) => {
      const found = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      if (found() !== undefined) return resolve(found());
      new PerformanceObserver(() => found() !== undefined && resolve(found())).observe({ type: 'paint', buffered: true });
    })`);
    return { bytes, requests, fcp };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface PortalRow {
  type: string;
  url: string;
  bytes: number;
  requests: number;
  fcp: Record<Profile, number>;
}

/** Starts a seeded Marsad on a fresh database, measures every page type, prints the table; returns the goals met. */
export async function benchPortal(): Promise<boolean> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\nportal: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
    return true;
  }
  console.log('\nportal set-up');
  const database = await step('start PostgreSQL, create and migrate a database', openBenchDatabase);
  const app = await buildApp({
    config: { ...loadConfig({}), webDir: '/nonexistent' },
    db: database.db,
    logger: false,
  });
  let browser: Browser | null = null;
  try {
    await step('load the default data and the portal test strategy', async () => {
      await seedDefaultData(database.db);
      await loadPortalFixture(database.db);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const rows: PortalRow[] = [];
    await step(
      `load ${PAGE_TYPES.length} page types × ${RUNS} runs × ${Object.keys(PROFILES).length} profiles`,
      async () => {
        for (const [type, url] of PAGE_TYPES) {
          const fcp = {} as Record<Profile, number>;
          let last: Measure | null = null;
          for (const profile of Object.keys(PROFILES) as Profile[]) {
            const runs: Measure[] = [];
            for (let i = 0; i < RUNS; i++) runs.push(await measure(browser!, `${base}${url}`, profile));
            fcp[profile] = median(runs.map((r) => r.fcp));
            last = runs.at(-1)!;
          }
          rows.push({ type, url, bytes: last!.bytes, requests: last!.requests, fcp });
        }
      },
    );
    console.log(
      `\nportal — each page type in a fresh Chromium context (empty cache), 390×844 phone viewport, CPU slowed ${CPU_SLOWDOWN}×;\n` +
        `bytes = all resources as transferred (headers included); FCP = first-contentful-paint, median of ${RUNS};\n` +
        'Slow 3G = DevTools preset: 50,000 B/s each way, 2,000 ms latency per request; WPT 3G Slow = WebPageTest profile:\n' +
        '50,000 B/s each way, 400 ms round trip; Fast 3G = DevTools preset: 180,000 B/s down, 562.5 ms',
    );
    console.log(
      table([
        [
          'page type',
          'requests',
          'bytes',
          'of 150 KB',
          'FCP Slow 3G',
          'of 1.5 s',
          'FCP WPT 3G Slow',
          'FCP Fast 3G',
        ],
        ...rows.map((r) => [
          `${r.type}  ${r.url}`,
          String(r.requests),
          kb(r.bytes),
          `${((r.bytes / BYTES_GOAL) * 100).toFixed(0)} %`,
          ms(r.fcp['Slow 3G']),
          (r.fcp['Slow 3G'] / FCP_GOAL_MS).toFixed(2),
          ms(r.fcp['WPT 3G Slow']),
          ms(r.fcp['Fast 3G']),
        ]),
      ]),
    );
    const heaviest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const slowest = rows.reduce((a, b) => (b.fcp['Slow 3G'] > a.fcp['Slow 3G'] ? b : a));
    const bytesOk = heaviest.bytes <= BYTES_GOAL;
    const fcpOk = slowest.fcp['Slow 3G'] <= FCP_GOAL_MS;
    const wpt = rows.reduce((a, b) => (b.fcp['WPT 3G Slow'] > a.fcp['WPT 3G Slow'] ? b : a));
    console.log(
      `\nportal weight   heaviest ${heaviest.type}: ${kb(heaviest.bytes)} (goal ≤ 150 KB)  ${bytesOk ? 'OK' : 'MISSED'}`,
    );
    console.log(
      `portal paint    slowest ${slowest.type}: FCP ${ms(slowest.fcp['Slow 3G'])} under Slow 3G (goal ≤ 1.5 s)  ` +
        `${fcpOk ? 'OK' : 'MISSED'}  (the preset's latency alone is 2,000 ms per request)`,
    );
    console.log(
      `                slowest ${wpt.type}: FCP ${ms(wpt.fcp['WPT 3G Slow'])} under WPT 3G Slow ` +
        `(same bandwidth, 400 ms round trip): ${(wpt.fcp['WPT 3G Slow'] / FCP_GOAL_MS).toFixed(2)} of the 1.5 s goal`,
    );
    return bytesOk && fcpOk;
  } finally {
    await browser?.close();
    await app.close();
    await database.close();
  }
}
