import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { AppError } from '../../errors';

// Printing HTML to PDF with the headless Chromium of the machine (Debian's `chromium` package): playwright-core
// drives it and downloads no browser of its own.

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A 503 that says what to install, rather than a stack trace from a failed launch. */
const unavailable = (path: string) =>
  new AppError(
    'briefing.chromium_unavailable',
    503,
    `No Chromium at ${path}: install it or set CHROMIUM_PATH`,
    {
      path,
    },
  );

// One print at a time per process: each launches a browser (a few hundred MB), and a burst of requests on a
// small server would otherwise start one each.
let queue: Promise<unknown> = Promise.resolve();

/** Prints a self-contained HTML page (inline CSS and SVG, nothing to fetch) to an A4 PDF. */
export function printPdf(html: string): Promise<Buffer> {
  const job = queue.then(() => print(html));
  queue = job.catch(() => undefined);
  return job;
}

async function print(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw unavailable(executablePath);
  }
  const browser = await chromium.launch({ executablePath, args: FLAGS }).catch(() => {
    throw unavailable(executablePath);
  });
  try {
    const page = await browser.newPage();
    // The page loads nothing: refuse any request so that a stray URL can neither leak nor hang the print.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
