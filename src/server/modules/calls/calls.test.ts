import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';
import { PRIVACY_NOTICE } from './privacy-notice';

// A call end to end: opened by the strategy office, filled by applicants without an account, closed by its
// clock and the closing job, scored by a jury with a conflict of interest, ranked, decided with mails, and a
// selected application tracked as a project under a plan node. Every bad input leaves nothing written.

let t: TestApp;
let admin: Session;
const users: Record<string, Session> = {};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const send = (method: Method, url: string, session: Session | null = admin, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: session?.headers ?? {},
    ...(payload === undefined ? {} : { payload }),
  });
const ok = (response: LightMyRequestResponse, status = 200) => {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
};
const count = async (sql: string, params: unknown[] = []) =>
  (await t.database.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).n;
const mails = () =>
  t.database.db.query<{ payload: { to: string[]; subject: string; text: string; language: string } }>(
    `SELECT payload FROM jobs WHERE kind = 'mail.send' ORDER BY id`,
  );

const CALL = {
  code: 'TESTCALL',
  title: { fr: 'Appel test', en: 'Test call', ar: 'نداء تجريبي' },
  eligibility: { en: 'Startups and students' },
  themes: [
    { code: 'health', label: { en: 'Health' } },
    { code: 'security', label: { en: 'Security' } },
  ],
  criteria: [
    { code: 'impact', label: { en: 'Impact' }, weight: 3 },
    { code: 'feasibility', label: { en: 'Feasibility' }, weight: 2 },
    { code: 'team', label: { en: 'Team' }, weight: 1 },
  ],
  strategy: 'MD2020',
  node: 'MD-A1',
  closesAt: new Date(Date.now() + 86_400_000).toISOString(),
};

beforeAll(async () => {
  t = await createTestApp(
    {
      smtpCapture: true,
      attachmentLimit: 4096,
      calls: { maxDraftsPerAddress: 100, throttleWindowSeconds: 3600 },
    },
    false,
    {
      seed: true,
    },
  );
  admin = await signIn(t.app);
  const roles: Record<string, string> = {
    office: 'strategy_office',
    juror1: 'viewer',
    juror2: 'viewer',
    juror3: 'analyst',
    outsider: 'viewer',
  };
  for (const [name, role] of Object.entries(roles)) {
    ok(
      await send('POST', '/api/users', admin, {
        username: name,
        displayName: name,
        email: `${name}@example.ma`,
        locale: name === 'office' ? 'en' : 'fr',
        password: `${name}-password-1234`,
        roles: [{ role, organizationId: null }],
      }),
      201,
    );
    users[name] = await signIn(t.app, name, `${name}-password-1234`);
  }
});
afterAll(() => t.close());

const tokens: Record<string, string> = {};
const refs: Record<string, string> = {};
let attachmentId = '';

describe('opening a call', () => {
  it('the public and other roles cannot create a call; the strategy office can', async () => {
    expect((await send('POST', '/api/calls', null, CALL)).statusCode).toBe(401);
    expect((await send('POST', '/api/calls', users.outsider, CALL)).statusCode).toBe(403);
    const bad = await send('POST', '/api/calls', users.office, {
      ...CALL,
      node: 'NOPE',
      scaleMin: 5,
      scaleMax: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      problem(bad)
        .errors!.map((e) => e.path)
        .sort(),
    ).toEqual(['/body/node', '/body/scaleMax']);
    expect(await count('calls')).toBe(1); // only Hackcovid, from the default data
    const call = ok(await send('POST', '/api/calls', users.office, CALL), 201);
    expect(call).toMatchObject({ state: 'draft', scale: { min: 0, max: 10 }, node: 'MD-A1' });
    // a draft is not public
    expect((await send('GET', '/api/calls/TESTCALL', null)).statusCode).toBe(404);
    const opened = ok(
      await send('POST', '/api/calls/TESTCALL/open', users.office, { version: call.version }),
    );
    expect(opened.state).toBe('open');
    const pub = ok(await send('GET', '/api/calls/TESTCALL', null));
    expect(pub.privacyNotice.version).toBe(PRIVACY_NOTICE.version);
    expect(pub.privacyNotice.text.fr).toContain('09-08');
  });
});

describe('applying without an account', () => {
  it('a draft behind a private link, mailed in the applicant’s language; only the token’s hash is stored', async () => {
    for (const [who, language] of [
      ['amal', 'ar'],
      ['brahim', 'fr'],
      ['chloe', 'en'],
    ] as const) {
      const created = ok(
        await send('POST', '/api/calls/TESTCALL/submissions', null, {
          email: `${who}@applicant.ma`,
          language,
          name: who,
          title: `Project of ${who}`,
          theme: 'health',
        }),
        201,
      );
      expect(created.link).toContain(created.token);
      expect(created.submission).toMatchObject({ state: 'draft', language, consent: null });
      tokens[who] = created.token;
      refs[who] = created.submission.ref;
    }
    const stored = await t.database.db.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM call_submissions',
    );
    expect(stored.every((r) => !r.token_hash.toString('utf8').includes(tokens.amal!))).toBe(true);
    const sent = await mails();
    expect(sent).toHaveLength(3);
    expect(sent[0]!.payload).toMatchObject({ to: ['amal@applicant.ma'], language: 'ar' });
    expect(sent[0]!.payload.subject).toContain('نداء تجريبي');
    expect(sent[0]!.payload.text).toContain(tokens.amal);
    expect(sent[2]!.payload.subject).toContain('Test call');
  });

  it('a duplicate (same email, same call, any case) is 409 and writes nothing', async () => {
    const before = await count('call_submissions');
    const dup = await send('POST', '/api/calls/TESTCALL/submissions', null, { email: 'AMAL@applicant.ma' });
    expect(dup.statusCode).toBe(409);
    expect(problem(dup)).toMatchObject({ code: 'submission.duplicate', errors: [{ path: '/body/email' }] });
    expect(await count('call_submissions')).toBe(before);
    expect(await mails()).toHaveLength(3);
  });

  it('saving the draft: absent fields kept, a stale version is 409 with the current one', async () => {
    const current = ok(await send('GET', `/api/submissions/${tokens.brahim}`, null));
    const saved = ok(
      await send('PUT', `/api/submissions/${tokens.brahim}`, null, {
        version: current.version,
        summary: 'Un résumé',
      }),
    );
    expect(saved).toMatchObject({
      summary: 'Un résumé',
      title: 'Project of brahim',
      version: current.version + 1,
    });
    const stale = await send('PUT', `/api/submissions/${tokens.brahim}`, null, {
      version: current.version,
      summary: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('version_conflict');
    expect(ok(await send('GET', `/api/submissions/${tokens.brahim}`, null)).summary).toBe('Un résumé');
    expect((await send('GET', '/api/submissions/not-a-real-token-but-long-enough', null)).statusCode).toBe(
      404,
    );
  });

  it('attachments: typed by their bytes; a wrong type is 415, an oversized file 413, nothing stored', async () => {
    const upload = (body: Buffer, filename: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/submissions/${tokens.amal}/attachments?filename=${filename}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: body,
      });
    const added = ok(await upload(PDF, 'plan.pdf'), 201);
    expect(added).toMatchObject({ type: 'pdf', filename: 'plan.pdf', size: PDF.length });
    attachmentId = added.id;
    const exe = await upload(EXE, 'plan.pdf');
    expect(exe.statusCode).toBe(415);
    expect(problem(exe)).toMatchObject({ code: 'attachment.type', params: { detected: 'exe' } });
    expect((await upload(Buffer.concat([PDF, Buffer.alloc(5000)]), 'big.pdf')).statusCode).toBe(413);
    expect(await count('submission_attachments')).toBe(1);
  });

  it('submitting needs consent to the current notice; without it, 400 and the draft stays a draft', async () => {
    const current = ok(await send('GET', `/api/submissions/${tokens.amal}`, null));
    const none = await send('POST', `/api/submissions/${tokens.amal}/submit`, null, {
      version: current.version,
    });
    expect(none.statusCode).toBe(400);
    expect(problem(none).errors).toEqual([
      expect.objectContaining({ path: '/body/consent/accepted', code: 'consent_required' }),
    ]);
    const refused = await send('POST', `/api/submissions/${tokens.amal}/submit`, null, {
      version: current.version,
      consent: { accepted: false, noticeVersion: PRIVACY_NOTICE.version },
    });
    expect(problem(refused).errors![0]!.code).toBe('consent_required');
    const old = await send('POST', `/api/submissions/${tokens.amal}/submit`, null, {
      version: current.version,
      consent: { accepted: true, noticeVersion: '2019-v0' },
    });
    expect(problem(old).errors![0]!.code).toBe('notice_outdated');
    expect(ok(await send('GET', `/api/submissions/${tokens.amal}`, null)).state).toBe('draft');
    for (const who of ['amal', 'brahim', 'chloe']) {
      const { version } = ok(await send('GET', `/api/submissions/${tokens[who]}`, null));
      const submitted = ok(
        await send('POST', `/api/submissions/${tokens[who]}/submit`, null, {
          version,
          consent: { accepted: true, noticeVersion: PRIVACY_NOTICE.version },
        }),
      );
      expect(submitted).toMatchObject({
        state: 'submitted',
        consent: { noticeVersion: PRIVACY_NOTICE.version },
      });
    }
    const received = (await mails()).filter((m) => /reçue|received|استلام/.test(m.payload.subject));
    expect(received.map((m) => m.payload.to[0])).toEqual([
      'amal@applicant.ma',
      'brahim@applicant.ma',
      'chloe@applicant.ma',
    ]);
    // a submitted application is no longer editable
    const late = await send('PUT', `/api/submissions/${tokens.amal}`, null, { version: 99, title: 'x' });
    expect(late.statusCode).toBe(409);
  });

  it('the applicant exports their data as JSON', async () => {
    const response = await send('GET', `/api/submissions/${tokens.amal}/export`, null);
    const data = ok(response);
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(data.submission).toMatchObject({
      email: 'amal@applicant.ma',
      name: 'amal',
      attachments: [{ type: 'pdf' }],
    });
    expect(data.privacyNotice.version).toBe(PRIVACY_NOTICE.version);
    const file = await send('GET', `/api/submissions/${tokens.amal}/attachments/${attachmentId}`, null);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('new drafts are throttled per address', async () => {
    const limited = await createTestApp({ calls: { maxDraftsPerAddress: 1, throttleWindowSeconds: 3600 } });
    try {
      // the call does not exist there: the throttle is counted before anything else
      const first = await limited.app.inject({
        method: 'POST',
        url: '/api/calls/X/submissions',
        payload: { email: 'a@b.ma' },
        remoteAddress: '10.1.1.1',
      });
      expect(first.statusCode).toBe(404);
      const second = await limited.app.inject({
        method: 'POST',
        url: '/api/calls/X/submissions',
        payload: { email: 'a@b.ma' },
        remoteAddress: '10.1.1.1',
      });
      expect(second.statusCode).toBe(429);
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/calls/X/submissions',
        payload: { email: 'a@b.ma' },
        remoteAddress: '10.1.1.2',
      });
      expect(other.statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });
});

describe('closing', () => {
  it('after the closing time the server refuses, and the job closes the call and tells the strategy office', async () => {
    const draft = ok(
      await send('POST', '/api/calls/TESTCALL/submissions', null, {
        email: 'dina@applicant.ma',
        name: 'dina',
        title: 'D',
        theme: 'security',
      }),
      201,
    );
    // the clock passes the closing time
    await t.database.db.query(
      `UPDATE calls SET closes_at = now() - interval '1 second' WHERE code = 'TESTCALL'`,
    );
    const before = await count('call_submissions');
    const late = await send('POST', `/api/submissions/${draft.token}/submit`, null, {
      version: draft.submission.version,
      consent: { accepted: true, noticeVersion: PRIVACY_NOTICE.version },
    });
    expect(late.statusCode).toBe(409);
    expect(problem(late).code).toBe('call.closed');
    const newcomer = await send('POST', '/api/calls/TESTCALL/submissions', null, {
      email: 'eve@applicant.ma',
    });
    expect(problem(newcomer).code).toBe('call.closed');
    expect(await count('call_submissions')).toBe(before);
    expect(ok(await send('GET', `/api/submissions/${draft.token}`, null)).state).toBe('draft');

    await t.app.jobs.tick();
    const call = ok(await send('GET', '/api/calls/TESTCALL', null));
    expect(call).toMatchObject({ state: 'closed', counts: { submitted: 3, selected: 0 } });
    const office = (await mails()).filter((m) => m.payload.to[0] === 'office@example.ma');
    expect(office.map((m) => m.payload.subject)).toEqual([
      '[Marsad] Call "Test call" closed: 3 application(s)',
    ]);
    // the draft that missed the deadline can still be erased by its applicant
    expect((await send('DELETE', `/api/submissions/${draft.token}`, null)).statusCode).toBe(204);
    expect(await count('call_submissions')).toBe(before - 1);
  });
});

describe('the jury', () => {
  it('jurors are given a membership and assignments', async () => {
    for (const j of ['juror1', 'juror2', 'juror3']) {
      ok(await send('POST', '/api/calls/TESTCALL/jurors', users.office, { username: j }));
    }
    expect(
      (await send('POST', '/api/calls/TESTCALL/jurors', users.juror1, { username: 'outsider' })).statusCode,
    ).toBe(403);
    expect(ok(await send('POST', '/api/calls/TESTCALL/assignments', users.office, {})).created).toBe(9);
    expect(ok(await send('GET', '/api/calls/TESTCALL/submissions', users.juror1)).items).toHaveLength(3);
    expect((await send('GET', '/api/calls/TESTCALL/submissions', users.outsider)).statusCode).toBe(404);
    expect((await send('GET', '/api/calls/TESTCALL/submissions', null)).statusCode).toBe(401);
  });

  it('a juror who declares a conflict no longer sees the application and cannot score it', async () => {
    const one = `/api/calls/TESTCALL/submissions/${refs.amal}`;
    // a juror sees who applied (to judge a conflict), not the applicant's address
    expect(ok(await send('GET', one, users.juror2))).toMatchObject({ name: 'amal', email: null });
    expect(ok(await send('GET', one, users.office)).email).toBe('amal@applicant.ma');
    const declared = ok(await send('POST', `${one}/conflict`, users.juror2, { reason: 'My cousin' }));
    expect(declared.conflict).toBe(true);
    expect((await send('GET', one, users.juror2)).statusCode).toBe(404);
    expect((await send('GET', `${one}/attachments/${attachmentId}`, users.juror2)).statusCode).toBe(404);
    expect((await send('GET', `${one}/attachments/${attachmentId}`, users.juror1)).statusCode).toBe(200);
    expect(
      ok(await send('GET', '/api/calls/TESTCALL/submissions', users.juror2)).items.map(
        (s: { ref: string }) => s.ref,
      ),
    ).not.toContain(refs.amal);
    const scored = await send('PUT', `${one}/review`, users.juror2, {
      scores: [
        { criterion: 'impact', score: 1 },
        { criterion: 'feasibility', score: 1 },
        { criterion: 'team', score: 1 },
      ],
    });
    expect(scored.statusCode).toBe(409);
    expect(problem(scored).code).toBe('jury.conflict_declared');
    expect(await count('jury_scores')).toBe(0);
  });

  it('a score outside the scale, a missing or unknown criterion: 400 naming the field, nothing written', async () => {
    const url = `/api/calls/TESTCALL/submissions/${refs.amal}/review`;
    const bad = await send('PUT', url, users.juror1, {
      scores: [
        { criterion: 'impact', score: 11 },
        { criterion: 'feasibility', score: -1 },
        { criterion: 'team', score: 5 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors!.map((e) => [e.path, e.code])).toEqual([
      ['/body/scores/0/score', 'out_of_scale'],
      ['/body/scores/1/score', 'out_of_scale'],
    ]);
    const missing = await send('PUT', url, users.juror1, { scores: [{ criterion: 'impact', score: 5 }] });
    expect(problem(missing).errors!.map((e) => e.code)).toEqual(['missing_criterion', 'missing_criterion']);
    expect(await count('jury_scores')).toBe(0);
    // a user outside the jury is not told the application exists
    expect(
      (await send('PUT', url, users.outsider, { scores: [{ criterion: 'impact', score: 5 }] })).statusCode,
    ).toBe(404);
  });

  it('scores → weighted means, spread and ranking (conflicted juror left out)', async () => {
    const score = async (juror: string, who: string, [impact, feasibility, team]: number[]) =>
      ok(
        await send('PUT', `/api/calls/TESTCALL/submissions/${refs[who]}/review`, users[juror], {
          scores: [
            { criterion: 'impact', score: impact, comment: 'ok' },
            { criterion: 'feasibility', score: feasibility },
            { criterion: 'team', score: team },
          ],
          comment: `${juror} on ${who}`,
        }),
      );
    await score('juror1', 'amal', [8, 6, 10]); // 46/6 = 7.6667
    await score('juror3', 'amal', [7, 4, 1]); // 30/6 = 5
    await score('juror1', 'brahim', [9, 9, 9]);
    await score('juror2', 'brahim', [9, 8, 7]); // 50/6 = 8.3333
    await score('juror3', 'brahim', [5, 5, 5]);
    await score('juror1', 'chloe', [2, 2, 2]);
    expect((await send('GET', '/api/calls/TESTCALL/ranking', users.juror1)).statusCode).toBe(403);
    const ranking = ok(await send('GET', '/api/calls/TESTCALL/ranking', users.office));
    expect(
      ranking.items.map((r: Record<string, unknown>) => [
        r.ref,
        r.rank,
        r.jurors,
        r.mean,
        r.min,
        r.max,
        r.stdDev,
      ]),
    ).toEqual([
      // brahim: (9 + 8.3333 + 5) / 3 = 7.4444; σ = √(9.1852 / 3) = 1.7498
      [refs.brahim, 1, 3, 7.4444, 5, 9, 1.7498],
      // amal: juror2's conflict leaves (7.6667 + 5) / 2
      [refs.amal, 2, 2, 6.3333, 5, 7.6667, 1.3333],
      [refs.chloe, 3, 1, 2, 2, 2, 0],
    ]);
  });

  it('shortlist, decisions with mails in the applicant’s language, the selected one tracked as a project', async () => {
    ok(
      await send('PUT', '/api/calls/TESTCALL/shortlist', users.office, {
        submissions: [refs.brahim, refs.amal],
      }),
    );
    const decide = async (who: string, decision: string, reason: string) => {
      const current = ok(await send('GET', `/api/calls/TESTCALL/submissions/${refs[who]}`, users.office));
      return ok(
        await send('POST', `/api/calls/TESTCALL/submissions/${refs[who]}/decision`, users.office, {
          version: current.version,
          decision,
          reason,
        }),
      );
    };
    expect(await decide('brahim', 'selected', 'Meilleur score du jury')).toMatchObject({
      decision: 'selected',
      shortlisted: true,
    });
    await decide('amal', 'selected', 'Impact sanitaire');
    await decide('chloe', 'rejected', 'Below the shortlist');
    const decisions = (await mails()).filter((m) =>
      /retenue|selected|قبول|Decision|القرار|Décision/.test(m.payload.subject),
    );
    expect(decisions.map((m) => [m.payload.to[0], m.payload.language])).toEqual([
      ['brahim@applicant.ma', 'fr'],
      ['amal@applicant.ma', 'ar'],
      ['chloe@applicant.ma', 'en'],
    ]);
    expect(decisions[2]!.payload.text).toContain('Reason: Below the shortlist');
    // sent for real through SMTP to the local capture
    expect(await t.app.jobs.runDue()).toMatchObject({ failed: 0 });
    const outbox = ok(await send('GET', '/api/admin/outbox?to=amal@applicant.ma', admin)).items;
    expect(outbox[0]).toMatchObject({ language: 'ar' });
    expect(outbox[0].text).toContain('Impact sanitaire');

    const rejected = await send(
      'POST',
      `/api/calls/TESTCALL/submissions/${refs.chloe}/project`,
      users.office,
      { code: 'TC-CHLOE' },
    );
    expect(problem(rejected).code).toBe('submission.not_selected');
    const tracked = ok(
      await send('POST', `/api/calls/TESTCALL/submissions/${refs.brahim}/project`, users.office, {
        code: 'TC-BRAHIM',
      }),
      201,
    );
    expect(tracked.project).toBe('TC-BRAHIM');
    const project = ok(await send('GET', '/api/strategies/MD2020/projects/TC-BRAHIM', null));
    expect(project).toMatchObject({ node: 'MD-A1', title: { fr: 'Project of brahim' } });
    const again = await send('POST', `/api/calls/TESTCALL/submissions/${refs.brahim}/project`, users.office, {
      code: 'TC-B2',
    });
    expect(problem(again).code).toBe('submission.tracked');

    expect(problem(await send('GET', '/api/calls/TESTCALL/results', null)).code).toBe('call.not_decided');
    const call = ok(await send('GET', '/api/calls/TESTCALL', users.office));
    const decided = ok(
      await send('POST', '/api/calls/TESTCALL/decided', users.office, { version: call.version }),
    );
    expect(decided).toMatchObject({ state: 'decided', counts: { submitted: 3, selected: 2 } });
    const results = ok(await send('GET', '/api/calls/TESTCALL/results', null));
    expect(results).toEqual({
      call: 'TESTCALL',
      strategy: 'MD2020',
      submitted: 3,
      selected: [
        { ref: refs.amal, title: 'Project of amal', theme: 'health', project: null },
        { ref: refs.brahim, title: 'Project of brahim', theme: 'health', project: 'TC-BRAHIM' },
      ],
    });
    expect(JSON.stringify(results)).not.toContain('@applicant.ma');
  });

  it('erasing a submitted application keeps an anonymous tombstone: counts and ranking stay true', async () => {
    expect((await send('DELETE', `/api/submissions/${tokens.chloe}`, null)).statusCode).toBe(204);
    expect((await send('GET', `/api/submissions/${tokens.chloe}`, null)).statusCode).toBe(404);
    const row = await t.database.db.one<Record<string, unknown>>(
      'SELECT state, applicant_email, applicant_name, title, token_hash, decision FROM call_submissions WHERE number = $1',
      [refs.chloe],
    );
    expect(row).toEqual({
      state: 'erased',
      applicant_email: null,
      applicant_name: null,
      title: null,
      token_hash: null,
      decision: 'rejected',
    });
    expect(ok(await send('GET', '/api/calls/TESTCALL', null)).counts).toEqual({ submitted: 3, selected: 2 });
    const ranking = ok(await send('GET', '/api/calls/TESTCALL/ranking', users.office));
    expect(ranking.items.find((r: { ref: string }) => r.ref === refs.chloe)).toMatchObject({
      mean: 2,
      title: null,
    });
  });
});

describe('rules of a call', () => {
  it('a call opens only with criteria and a future closing date; a stale version is 409', async () => {
    const draft = ok(
      await send('POST', '/api/calls', users.office, { code: 'BARE', title: { en: 'Bare' } }),
      201,
    );
    const refused = await send('POST', '/api/calls/BARE/open', users.office, { version: draft.version });
    expect(refused.statusCode).toBe(400);
    expect(
      problem(refused)
        .errors!.map((e) => e.path)
        .sort(),
    ).toEqual(['/body/closesAt', '/body/criteria']);
    const stale = await send('PATCH', '/api/calls/BARE', users.office, {
      version: draft.version + 5,
      title: { en: 'x' },
    });
    expect(problem(stale).code).toBe('version_conflict');
    const badDates = await send('PATCH', '/api/calls/BARE', users.office, {
      version: draft.version,
      opensAt: '2030-01-02T00:00:00Z',
      closesAt: '2030-01-01T00:00:00Z',
    });
    expect(problem(badDates).errors![0]).toMatchObject({ path: '/body/closesAt', code: 'before_opening' });
    expect(ok(await send('GET', '/api/calls/BARE', users.office))).toMatchObject({
      state: 'draft',
      version: draft.version,
    });
    // criteria are frozen once the call is decided: past scores keep their meaning
    const decided = ok(await send('GET', '/api/calls/TESTCALL', users.office));
    const frozen = await send('PATCH', '/api/calls/TESTCALL', users.office, {
      version: decided.version,
      criteria: [{ code: 'new', label: { en: 'New' }, weight: 1 }],
    });
    expect(problem(frozen).code).toBe('call.criteria_frozen');
  });

  it('the OpenAPI document lists the calls, submissions, reviews and proposals routes', async () => {
    const doc = ok(await send('GET', '/api/openapi.json', null));
    for (const path of [
      '/api/calls',
      '/api/calls/{code}/submissions',
      '/api/submissions/{token}',
      '/api/submissions/{token}/submit',
      '/api/calls/{code}/submissions/{ref}/review',
      '/api/calls/{code}/ranking',
      '/api/proposals',
      '/api/proposals/{code}/response',
      '/api/proposals/{code}/trace',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

describe('the published historical call', () => {
  it('Hackcovid is closed, with its published figures and their source, and no invented applicant', async () => {
    const call = ok(await send('GET', '/api/calls/HACKCOVID2020', null));
    expect(call).toMatchObject({
      state: 'closed',
      isHistorical: true,
      counts: { submitted: 0, selected: 0 },
      publishedStats: { submissions: 150, selected: 30, selectedApproximate: true, receivedWithinHours: 48 },
    });
    expect(call.publishedStats.source.document).toContain('003_844f564334cce44f.txt');
    const draft = await send('POST', '/api/calls/HACKCOVID2020/submissions', null, { email: 'late@x.ma' });
    expect(problem(draft).code).toBe('call.closed');
  });
});
