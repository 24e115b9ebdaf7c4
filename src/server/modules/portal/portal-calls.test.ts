import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/app';
import ar from '../../../web/i18n/ar.json';
import en from '../../../web/i18n/en.json';
import fr from '../../../web/i18n/fr.json';
import { PRIVACY_NOTICE } from '../calls/privacy-notice';

// The public face of calls and consultation: an applicant applies with plain form posts (no script, no
// account) from the start form to the private link, saves, attaches a file, consents, submits, exports and
// erases; refusals come back as the same form with each field's message and what was typed; a proposal is
// followed from the ministry's answer to its measure.

let t: TestApp;
let admin: Session;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);

const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
const ok = (response: LightMyRequestResponse, status = 200) => {
  expect(response.statusCode, response.body.slice(0, 500)).toBe(status);
  return response.json();
};
const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
const upload = (url: string, filename: string, content: Buffer) => {
  const boundary = '----MarsadTestBoundary7MA4YWxk';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
};
const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const page = async (url: string, status = 200) => {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(status);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  return response.body;
};
const mails = () =>
  t.database.db.query<{ payload: { to: string[]; subject: string; text: string; language: string } }>(
    `SELECT payload FROM jobs WHERE kind = 'mail.send' ORDER BY id`,
  );
const count = async (sql: string) =>
  (await t.database.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).n;

const CALL = {
  code: 'PORTALCALL',
  title: { fr: 'Appel du portail', en: 'Portal call', ar: 'نداء البوابة' },
  eligibility: { fr: 'Startups et étudiants', en: 'Startups and students', ar: 'المقاولات الناشئة والطلبة' },
  themes: [
    { code: 'health', label: { fr: 'Santé', en: 'Health', ar: 'الصحة' } },
    { code: 'education', label: { fr: 'Éducation', en: 'Education', ar: 'التعليم' } },
  ],
  criteria: [
    { code: 'impact', label: { fr: 'Impact', en: 'Impact', ar: 'الأثر' }, weight: 3 },
    { code: 'team', label: { fr: 'Équipe', en: 'Team', ar: 'الفريق' }, weight: 1 },
  ],
  closesAt: new Date(Date.now() + 86_400_000).toISOString(),
};

async function openCall(input: typeof CALL) {
  const call = ok(await api('POST', '/api/calls', input), 201);
  ok(await api('POST', `/api/calls/${input.code}/open`, { version: call.version }));
}

beforeAll(async () => {
  t = await createTestApp(
    {
      smtpCapture: true,
      attachmentLimit: 4096,
      calls: { maxDraftsPerAddress: 100, throttleWindowSeconds: 3600 },
    },
    false,
    { seed: true },
  );
  admin = await signIn(t.app);
  await openCall(CALL);
  await openCall({
    ...CALL,
    code: 'CLOSING',
    title: { fr: 'Appel bientôt clos', en: 'Closing call', ar: 'نداء' },
  });
});
afterAll(() => t.close());

describe('portal: calls and consultation pages', () => {
  it('lists open and past calls in each language and direction, Hackcovid with its published figures and source', async () => {
    const arabic = await page('/ar/calls');
    expect(arabic).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(arabic).toContain('href="/ar/calls/PORTALCALL"');
    expect(text(arabic)).toContain('نداء البوابة');
    expect(text(arabic)).toContain(ar.calls.states.open);
    const french = text(await page('/fr/calls'));
    expect(french).toContain('Hackcovid');
    expect(french).toContain('150 (publié)');
    expect(french).toContain('environ 30 (publié)');
    expect(french).toContain('003_844f564334cce44f.txt');
    expect(french).toContain(fr.calls.states.closed);
    // the header's navigation leads here in each language
    expect(await page('/en/')).toContain(`<a href="/en/calls">${en.portalCalls.nav.calls}</a>`);
    expect(await page('/en/')).toContain(`<a href="/en/proposals">${en.portalCalls.nav.consultation}</a>`);
  });

  it('shows a call with its themes, eligibility, weighted criteria, dates and the 09-08 notice in full', async () => {
    const html = await page('/en/calls/PORTALCALL');
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    const body = text(html);
    for (const words of ['Health', 'Education', 'Startups and students', 'Impact', 'Team', '75%', '25%'])
      expect(body).toContain(words);
    expect(body).toContain(PRIVACY_NOTICE.text.en);
    expect(body).toContain(PRIVACY_NOTICE.version);
    expect(html).toMatch(/<form [^>]*action="\/en\/calls\/PORTALCALL" method="post"/);
    expect(body).toContain(en.portalCalls.apply.emailHint);
    // Hackcovid is closed: its page has no form
    const hackcovid = await page('/fr/calls/HACKCOVID2020');
    expect(hackcovid).not.toContain('method="post"');
    expect(text(hackcovid)).toContain(fr.portalCalls.closed);
    expect(text(hackcovid)).toContain('48 heures');
  });

  it('answers the portal’s HTML 404 for an unknown call, proposal or private link', async () => {
    for (const url of [
      '/fr/calls/NOPE',
      '/ar/proposals/NOPE',
      '/ar/calls/submission/not-a-real-token-not-a-real-token',
      '/en/calls/submission/not-a-real-token-not-a-real-token/erase',
    ]) {
      const body = await page(url, 404);
      expect(body).toContain(
        url.startsWith('/ar')
          ? ar.notFound.title
          : url.startsWith('/en')
            ? en.notFound.title
            : fr.notFound.title,
      );
    }
    const erase = await post('/fr/calls/submission/not-a-real-token-not-a-real-token/erase', {});
    expect(erase.statusCode).toBe(404);
    expect(erase.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});

describe('portal: applying without an account or a script', () => {
  let token = '';
  let privateUrl = '';

  it('a refused start form shows each field’s message beside it, keeps what was typed, and writes nothing', async () => {
    const before = await count('call_submissions');
    const response = await post('/fr/calls/PORTALCALL', {
      email: 'not-an-email',
      name: 'Zineb',
      title: 'Télé-santé rurale',
      summary: '',
      theme: 'health',
      language: 'fr',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<p class="field-error" id="f-email-error">');
    expect(response.body).toContain(fr.portalCalls.errors.email);
    expect(response.body).toMatch(/id="f-email"[^>]*aria-invalid="true"/);
    expect(response.body).toContain('value="not-an-email"');
    expect(response.body).toContain('value="Télé-santé rurale"');
    expect(response.body).toMatch(/<option value="health" selected="">/);
    expect(await count('call_submissions')).toBe(before);
  });

  it('starts a draft by a form post: 303 to the private link, mailed in the applicant’s language', async () => {
    const response = await post('/ar/calls/PORTALCALL', {
      email: 'salma@applicant.ma',
      name: 'سلمى',
      organization: '',
      title: '',
      theme: 'health',
      language: 'ar',
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/ar\/calls\/submission\/[\w-]{20,}\?done=created$/);
    privateUrl = location.split('?')[0]!;
    token = privateUrl.split('/').pop()!;
    const mail = (await mails()).at(-1)!.payload;
    expect(mail.to).toEqual(['salma@applicant.ma']);
    expect(mail.language).toBe('ar');
    expect(mail.text).toContain(`http://localhost:${t.config.port}/ar/calls/submission/${token}`);
  });

  it('shows the draft privately: no cache, no referrer, the forms to complete it', async () => {
    const response = await get(`${privateUrl}?done=created`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    const body = text(response.body);
    expect(body).toContain(ar.portalCalls.done.created);
    expect(body).toContain('salma@applicant.ma');
    expect(response.body).toContain('value="سلمى"');
    expect(response.body).toContain(`action="${privateUrl}/submit"`);
    expect(response.body).toContain(`href="/api/submissions/${token}/export"`);
    expect(response.body).toContain(`href="${privateUrl}/erase"`);
    expect(response.body).toMatch(
      new RegExp(`<input id="consent"[^>]*type="checkbox"[^>]*value="${PRIVACY_NOTICE.version}"`),
    );
  });

  it('saves the draft; a stale save says so and keeps what was typed', async () => {
    // the page sends no referrer, so the browser's post says `Origin: null`; another site's post is refused
    const fields = { version: '1', name: 'x', language: 'ar' };
    expect((await post(privateUrl, fields, { origin: 'https://evil.example' })).statusCode).toBe(403);
    const saved = await post(
      privateUrl,
      {
        version: '1',
        name: 'سلمى',
        organization: 'جمعية',
        title: 'الاستشارة عن بعد',
        summary: 'ملخص',
        theme: 'health',
        language: 'ar',
      },
      { origin: 'null' },
    );
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    expect(saved.headers.location).toBe(`${privateUrl}?done=saved`);
    expect(ok(await get(`/api/submissions/${token}`))).toMatchObject({
      title: 'الاستشارة عن بعد',
      version: 2,
    });
    const stale = await post(privateUrl, { version: '1', name: 'سلمى', title: 'عنوان آخر', language: 'ar' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['cache-control']).toBe('no-store');
    expect(text(stale.body)).toContain(ar.portalCalls.problems.stale);
    expect(stale.body).toContain('value="عنوان آخر"');
    const blank = await post(privateUrl, { version: '2', name: '', title: 'x', language: 'ar' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('id="e-name-error"');
    expect(ok(await get(`/api/submissions/${token}`))).toMatchObject({
      title: 'الاستشارة عن بعد',
      version: 2,
    });
  });

  it('attaches a file sent by a multipart form; another type is refused beside the field', async () => {
    const attached = await upload(`${privateUrl}/attachments`, 'dossier.pdf', PDF);
    expect(attached.statusCode, attached.body.slice(0, 300)).toBe(303);
    expect(attached.headers.location).toBe(`${privateUrl}?done=attached`);
    const refused = await upload(`${privateUrl}/attachments`, 'virus.exe', EXE);
    expect(refused.statusCode).toBe(415);
    expect(refused.body).toContain('id="file-error"');
    expect(text(refused.body)).toContain(ar.portalCalls.errors.fileType);
    const empty = await upload(`${privateUrl}/attachments`, '', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const draft = ok(await get(`/api/submissions/${token}`));
    expect(draft.attachments).toMatchObject([{ filename: 'dossier.pdf', type: 'pdf', size: PDF.length }]);
    expect(await page(privateUrl)).toContain(
      `href="/api/submissions/${token}/attachments/${draft.attachments[0].id}"`,
    );
  });

  it('submits only with consent to the notice; the confirmation is mailed with the private link', async () => {
    const refused = await post(`${privateUrl}/submit`, { version: '2' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="consent-error"');
    expect(text(refused.body)).toContain(ar.portalCalls.errors.consent);
    const submitted = await post(`${privateUrl}/submit`, { version: '2', consent: PRIVACY_NOTICE.version });
    expect(submitted.statusCode, submitted.body.slice(0, 300)).toBe(303);
    expect(submitted.headers.location).toBe(`${privateUrl}?done=submitted`);
    const mail = (await mails()).at(-1)!.payload;
    expect(mail.to).toEqual(['salma@applicant.ma']);
    expect(mail.subject).toContain('تم استلام الترشيح');
    expect(mail.text).toContain(`/ar/calls/submission/${token}`);
    const body = text(await page(`${privateUrl}?done=submitted`));
    expect(body).toContain(ar.portalCalls.done.submitted);
    expect(body).toContain(PRIVACY_NOTICE.version);
    expect(await page(privateUrl)).not.toContain(`action="${privateUrl}/submit"`);
  });

  it('exports the applicant’s data as JSON, then erases it after a confirmation step', async () => {
    const exported = await get(`/api/submissions/${token}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.json().submission).toMatchObject({ state: 'submitted', email: 'salma@applicant.ma' });
    const confirm = await page(`${privateUrl}/erase`);
    expect(confirm).toContain(`action="${privateUrl}/erase" method="post"`);
    expect(text(confirm)).toContain(ar.portalCalls.erase.submitted);
    const erased = await post(`${privateUrl}/erase`, {});
    expect(erased.statusCode).toBe(200);
    expect(erased.headers['cache-control']).toBe('no-store');
    expect(text(erased.body)).toContain(ar.portalCalls.erase.done);
    await page(privateUrl, 404);
    expect((await get(`/api/submissions/${token}`)).statusCode).toBe(404);
  });

  it('refuses applications once the call has closed; the private link then offers only export and erase', async () => {
    const started = await post('/fr/calls/CLOSING', {
      email: 'late@applicant.ma',
      name: 'Late',
      language: 'fr',
    });
    expect(started.statusCode).toBe(303);
    const url = String(started.headers.location).split('?')[0]!;
    await t.database.db.query(
      `UPDATE calls SET closes_at = now() - interval '1 second' WHERE code = 'CLOSING'`,
    );
    const callPage = await page('/fr/calls/CLOSING');
    expect(callPage).not.toContain('method="post"');
    expect(text(callPage)).toContain(fr.portalCalls.closed);
    const late = await post('/fr/calls/CLOSING', {
      email: 'later@applicant.ma',
      name: 'Later',
      language: 'fr',
    });
    expect(late.statusCode).toBe(409);
    expect(text(late.body)).toContain(fr.portalCalls.problems.closed);
    const draft = await page(url);
    expect(text(draft)).toContain(fr.portalCalls.private.closed);
    expect(draft).not.toContain(`action="${url}"`);
    expect(draft).not.toContain(`action="${url}/submit"`);
    expect(draft).toContain('/export"');
    expect(draft).toContain(`href="${url}/erase"`);
    const save = await post(url, { version: '1', name: 'Late', title: 'Trop tard' });
    expect(save.statusCode).toBe(409);
    expect(text(save.body)).toContain(fr.portalCalls.problems.closed);
  });
});

describe('portal: a decided call', () => {
  it('publishes its results on the calls list and its page: the selected applications, no personal data', async () => {
    await openCall({
      ...CALL,
      code: 'DECIDED',
      title: { fr: 'Appel jugé', en: 'Decided call', ar: 'نداء محسوم' },
    });
    const started = await post('/fr/calls/DECIDED', {
      email: 'winner@applicant.ma',
      name: 'Nadia Winner',
      title: 'Projet retenu',
      theme: 'education',
      language: 'fr',
    });
    const url = String(started.headers.location).split('?')[0]!;
    expect((await post(`${url}/submit`, { version: '1', consent: PRIVACY_NOTICE.version })).statusCode).toBe(
      303,
    );
    await t.database.db.query(
      `UPDATE calls SET closes_at = now() - interval '1 second' WHERE code = 'DECIDED'`,
    );
    const closed = await t.database.db.query<{ version: number }>(
      `UPDATE calls SET state = 'closed' WHERE code = 'DECIDED' RETURNING version`,
    );
    const submitted = ok(await get(`/api/submissions/${url.split('/').pop()}`));
    ok(
      await api('POST', `/api/calls/DECIDED/submissions/${submitted.ref}/decision`, {
        version: submitted.version,
        decision: 'selected',
        reason: 'Impact fort',
      }),
    );
    ok(await api('POST', '/api/calls/DECIDED/decided', { version: closed[0]!.version }));
    for (const html of [await page('/fr/calls'), await page('/fr/calls/DECIDED')]) {
      expect(text(html)).toContain(`${fr.calls.states.decided}`);
      expect(text(html)).toContain('Projet retenu');
      expect(html).not.toContain('Nadia Winner');
      expect(html).not.toContain('winner@applicant.ma');
    }
  });
});

describe('portal: the consultation', () => {
  it('says the Digital Morocco Pact is unanswered, with its four authors and its source', async () => {
    const list = text(await page('/en/proposals'));
    expect(list).toContain('Digital Morocco Pact');
    expect(list).toContain('APEBI, AUSIM, MNC, MSEC');
    const pact = text(await page('/fr/proposals/DMPACT2020'));
    expect(pact).toContain(fr.consultation.unanswered);
    expect(pact).toContain('002_59f9ff1b4a30371d.txt');
  });

  it('follows a proposal answered through the API to its measure, the measure’s indicators and budget', async () => {
    ok(
      await api('POST', '/api/proposals', {
        code: 'P-PORTAL',
        title: { fr: 'Guichet startups', en: 'Startup desk', ar: 'شباك المقاولات الناشئة' },
        lang: 'fr',
        organization: 'APEBI',
        coauthors: ['AUSIM'],
        strategy: 'MD2020',
      }),
      201,
    );
    ok(
      await api('PUT', '/api/proposals/P-PORTAL/response', {
        version: 1,
        decision: 'accepted',
        reason: { fr: 'Repris dans la mesure', en: 'Taken up in the measure', ar: 'أُدرج في التدبير' },
        nodes: [{ strategy: 'MD2020', node: 'MD-A1' }],
      }),
    );
    const html = await page('/en/proposals/P-PORTAL');
    const body = text(html);
    expect(body).toContain(en.consultation.responses.accepted);
    expect(body).toContain('Taken up in the measure');
    expect(html).toContain('href="/en/strategies/MD2020/nodes/MD-A1"');
    for (const indicator of ['MD-I02', 'MD-I03', 'MD-I04'])
      expect(html).toContain(`href="/en/indicators/${indicator}"`);
    expect(body).toContain(en.consultation.budget);
    // the measure's page it links to exists on the portal
    await page('/en/strategies/MD2020/nodes/MD-A1');
    expect(text(await page('/ar/proposals'))).toContain(ar.consultation.responses.accepted);
  });

  it('keeps every page under 150 KB, with no script', async () => {
    for (const url of [
      '/fr/calls',
      '/ar/calls/PORTALCALL',
      '/en/calls/HACKCOVID2020',
      '/fr/proposals',
      '/en/proposals/P-PORTAL',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.rawPayload.length, url).toBeLessThan(150 * 1024);
      expect(response.body, url).not.toMatch(/<script/);
    }
  });
});
