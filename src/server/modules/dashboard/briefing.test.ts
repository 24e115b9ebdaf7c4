import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, signIn, type TestApp } from '../../../../test/app';
import { MESSAGES } from '../../../web/i18n/messages';
import { BRIEFING_JOB } from './briefing.jobs';

// The briefing book through the API and the schedule, printed by the real Chromium. Text is read back with
// poppler's pdftotext (installed by CI next to Chromium).

const hasPdftotext = existsSync('/usr/bin/pdftotext');
if (!hasPdftotext && process.env.CI === 'true') throw new Error('CI must install poppler-utils (pdftotext)');
const dataDir = mkdtempSync(path.join(tmpdir(), 'marsad-briefings-'));
let t: TestApp;
let headers: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp({ dataDir }, false, { seed: true });
  headers = (await signIn(t.app)).headers;
});
afterAll(() => t.close());

function pdfText(pdf: Buffer): string {
  const file = path.join(dataDir, `read-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('GET /api/strategies/:code/briefing.pdf', () => {
  it('prints the French briefing: a PDF with the strategy title', { timeout: 60_000 }, async () => {
    const response = await t.app.inject({
      url: '/api/strategies/MN2013/briefing.pdf?lang=fr&asOf=2013-12-31',
      headers,
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    if (hasPdftotext) {
      const text = pdfText(pdf);
      expect(text).toContain('Maroc Numeric 2013');
      expect(text).toContain(MESSAGES.fr['dashboard.attention.title']);
    }
  });

  it('prints the Arabic briefing right to left, with an Arabic font, its words in logical order', {
    timeout: 60_000,
  }, async () => {
    const response = await t.app.inject({
      url: '/api/strategies/MN2013/briefing.pdf?lang=ar&asOf=2013-12-31',
      headers,
    });
    expect(response.statusCode).toBe(200);
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/Noto(Naskh|Sans|Kufi)Arabic/);
    if (hasPdftotext) {
      // pdftotext wraps right-to-left runs in bidi embedding marks; the letters between them are in logical order.
      const text = pdfText(pdf).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
      expect(text).toContain('المغرب الرقمي 2013');
      expect(text).toContain(MESSAGES.ar['dashboard.attention.title']);
    }
  });

  it('is for signed-in users who work on plans; a missing Chromium is a 503 that says so', async () => {
    expect((await t.app.inject({ url: '/api/strategies/MN2013/briefing.pdf' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/strategies/MN2013/briefings' })).statusCode).toBe(401);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'noroles',
        displayName: 'No roles',
        email: 'noroles@example.ma',
        locale: 'fr',
        password: 'noroles-password-1234',
        roles: [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const outsider = (await signIn(t.app, 'noroles', 'noroles-password-1234')).headers;
    for (const url of ['/api/strategies/MN2013/briefing.pdf', '/api/strategies/MN2013/briefings'])
      expect((await t.app.inject({ url, headers: outsider })).statusCode).toBe(403);
    const bad = await t.app.inject({ url: '/api/strategies/MN2013/briefing.pdf?lang=de', headers });
    expect(bad.statusCode).toBe(400);
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const response = await t.app.inject({ url: '/api/strategies/MN2013/briefing.pdf', headers });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(problem(response).code).toBe('briefing.chromium_unavailable');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('the scheduled job stores each adopted strategy’s briefing in French and Arabic, listed and downloadable', {
    timeout: 180_000,
  }, async () => {
    // Under tests the schedule is off (a tick queues no briefing); the job is queued by hand.
    await t.app.jobs.tick();
    expect(await t.database.db.query(`SELECT id FROM jobs WHERE kind = $1`, [BRIEFING_JOB])).toEqual([]);
    await t.app.jobs.enqueue({ kind: BRIEFING_JOB, payload: {} });
    const counts = await t.app.jobs.runDue();
    expect(counts).toEqual({ done: 1, failed: 0 });
    // MN2013 is closed; DM2030 is the adopted strategy of the default data.
    expect((await t.app.inject({ url: '/api/strategies/MN2013/briefings', headers })).json().items).toEqual(
      [],
    );
    const list = await t.app.inject({ url: '/api/strategies/DM2030/briefings', headers });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { file: string; lang: string; url: string }[];
    expect(items.map((i) => i.lang).sort()).toEqual(['ar', 'fr']);
    const file = await t.app.inject({ url: items[0]!.url, headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const outside = await t.app.inject({
      url: '/api/strategies/DM2030/briefings/..%2F..%2Fsecret.pdf',
      headers,
    });
    expect(outside.statusCode).toBe(404);
  });
});
