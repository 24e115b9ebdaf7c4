import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { systemActor } from '../../access/actor';
import { createCall, openCall } from './calls.service';

// The private link's token is the applicant's only credential: it appears in the URLs of their requests, and
// must never reach the logs.

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { level: 'trace', stream });
  const ctx = { actor: systemActor('test'), db: t.database.db };
  const call = await createCall(ctx, {
    code: 'LOGS',
    title: { en: 'Logs' },
    criteria: [{ code: 'q', label: { en: 'Quality' }, weight: 1 }],
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await openCall(ctx, 'LOGS', call.version);
});
afterAll(() => t.close());

it('never logs the token of a private link', async () => {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/calls/LOGS/submissions',
    payload: { email: 'someone@example.ma', name: 'Someone' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { token } = created.json();
  expect((await t.app.inject({ method: 'GET', url: `/api/submissions/${token}` })).statusCode).toBe(200);
  expect((await t.app.inject({ method: 'GET', url: `/api/submissions/${token}/export` })).statusCode).toBe(
    200,
  );
  // the portal's private-link page carries the token in its path too
  expect((await t.app.inject({ method: 'GET', url: `/ar/calls/submission/${token}` })).statusCode).toBe(200);
  const saved = await t.app.inject({
    method: 'POST',
    url: `/fr/calls/submission/${token}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'version=1&name=Someone&title=Logs',
  });
  expect(saved.statusCode).toBe(303);
  const logs = lines.join('');
  expect(logs).toContain('/api/submissions/[redacted]/export');
  expect(logs).toContain('/ar/calls/submission/[redacted]');
  expect(logs).toContain('/fr/calls/submission/[redacted]');
  expect(logs).not.toContain(token);
});
