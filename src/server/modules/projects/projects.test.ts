import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';
import { validatePackage } from '../../../domain/package/validate';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
});
afterAll(() => t.close());

const base = '/api/strategies/MN2013/projects';
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, session = admin) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const codes = async (query: string) =>
  (await get(`${base}${query}`)).items.map((p: { code: string }) => p.code) as string[];
/** What a refused write must leave untouched. */
const snapshot = () =>
  t.database.db.one(
    `SELECT (SELECT count(*) FROM audit_events) AS audit, (SELECT count(*) FROM projects) AS projects,
            (SELECT sum(version) FROM projects) AS versions,
            (SELECT string_agg(id::text || coalesce(planned_date, '') || coalesce(actual_date, '') || title::text, ','
                               ORDER BY id) FROM project_milestones) AS milestones`,
  );

describe('projects: reading', () => {
  it('lists the 16 projects of MN2013, filtered by flagship flag, kind and node', async () => {
    expect(await codes('')).toHaveLength(16);
    expect(await codes('?flagship=true')).toHaveLength(15);
    expect(await codes('?flagship=false')).toEqual(['EGOV-PROG']);
    expect(await codes('?kind=programme')).toEqual(['EGOV-PROG']);
    expect(await codes('?node=M13')).toEqual(['EGOV-PROG']);
    expect(await codes('?node=M12&flagship=true')).toHaveLength(15);
    const bad = await t.app.inject({ method: 'GET', url: `${base}?kind=castle` });
    expect(bad.statusCode).toBe(400);
    // the errors plugin names Fastify's validation context: /querystring today, /query in the README
    expect(problem(bad).errors?.[0]?.path).toMatch(/^\/query(string)?\/kind$/);
  });

  it('shows one project with its milestones in order; unknown → 404', async () => {
    const programme = await get(`${base}/EGOV-PROG`);
    expect(programme).toMatchObject({
      code: 'EGOV-PROG',
      strategy: 'MN2013',
      node: 'M13',
      kind: 'programme',
    });
    expect(programme.milestones).toHaveLength(5);
    expect(programme.milestones[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), title: expect.any(Object) }),
    );
    expect((await t.app.inject({ method: 'GET', url: `${base}/NOPE` })).statusCode).toBe(404);
  });
});

describe('projects: writing', () => {
  it('creates a project with its first milestone, audited', async () => {
    const response = await send('POST', base, {
      code: 'EGOV-16',
      node: 'M12',
      title: { fr: 'Guichet unique', en: 'One-stop shop' },
      kind: 'transactional',
      flagship: true,
      owner: 'micnt',
      source: { document: 'Maroc Numeric 2013', page: 34 },
      milestones: [{ title: { en: 'Launch' }, plannedDate: '2012-06' }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ code: 'EGOV-16', owner: 'MICNT', kind: 'transactional', version: 1 });
    expect(created.source.page).toBe(34);
    expect(created.milestones).toEqual([
      expect.objectContaining({ plannedDate: '2012-06', actualDate: null }),
    ]);
    const audit = await t.database.db.one<{ action: string }>(
      `SELECT action FROM audit_events WHERE subject_id = $1`,
      [created.id],
    );
    expect(audit.action).toBe('project.create');
  });

  it.each([
    ['a duplicate code', { code: 'EGOV-01' }, '/body/code', 'duplicate'],
    ['an unknown node', { node: 'M99' }, '/body/node', 'unknown'],
    ['an unknown owner', { owner: 'NOBODY' }, '/body/owner', 'unknown'],
    ['an unknown kind', { kind: 'castle' }, '/body/kind', 'enum'],
    ['a blank title', { title: { fr: '  ' } }, '/body/title', 'required'],
    [
      'a milestone without title',
      { milestones: [{ plannedDate: '2012' }] },
      '/body/milestones/0/title',
      'required',
    ],
    [
      'a milestone with a blank title',
      { milestones: [{ title: { fr: '' } }] },
      '/body/milestones/0/title',
      'required',
    ],
    [
      'a month that does not exist',
      { milestones: [{ title: { fr: 'x' }, plannedDate: '2012-13' }] },
      '/body/milestones/0/plannedDate',
      'invalid_period',
    ],
    [
      'a day that does not exist',
      { milestones: [{ title: { fr: 'x' }, actualDate: '2012-02-30' }] },
      '/body/milestones/0/actualDate',
      'invalid_period',
    ],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_what, fields, path, code) => {
    const before = await snapshot();
    const response = await send('POST', base, { code: 'NEW-1', title: { fr: 'Nouveau' }, ...fields });
    expect(response.statusCode, response.body).toBe(400);
    expect(problem(response).errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(await snapshot()).toEqual(before);
  });

  it('edits with the loaded version; a stale one gets 409 with the current project and changes nothing', async () => {
    const response = await send('PATCH', `${base}/EGOV-16`, {
      version: 1,
      kind: 'integrated',
      flagship: false,
      node: 'M13',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'integrated', flagship: false, node: 'M13', version: 2 });
    const before = await snapshot();
    const stale = await send('PATCH', `${base}/EGOV-16`, { version: 1, kind: 'other' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'version_conflict',
      params: { current: { kind: 'integrated', version: 2 } },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('adds, edits and removes milestones, each a new project version; an actual date before the planned one is fine', async () => {
    const added = await send('POST', `${base}/EGOV-16/milestones`, {
      version: 2,
      title: { fr: 'Ouverture' },
      plannedDate: '2013',
      actualDate: '2012-11-15',
    });
    expect(added.statusCode, added.body).toBe(201);
    const project = added.json();
    expect(project.version).toBe(3);
    expect(project.milestones.map((m: { plannedDate: string }) => m.plannedDate)).toEqual([
      '2012-06',
      '2013',
    ]);
    const [first, second] = project.milestones;

    const edited = await send('PATCH', `${base}/EGOV-16/milestones/${first.id}`, {
      version: 3,
      actualDate: '2012-09',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().milestones[0]).toMatchObject({
      plannedDate: '2012-06',
      actualDate: '2012-09',
      title: { en: 'Launch' },
    });

    const before = await snapshot();
    for (const [payload, path] of [
      [{ version: 4, actualDate: '2012-9' }, '/body/actualDate'],
      [{ version: 4, title: { fr: ' ' } }, '/body/title'],
      [{ version: 4, title: {} }, '/body/title'],
    ] as const) {
      const bad = await send('PATCH', `${base}/EGOV-16/milestones/${first.id}`, payload);
      expect(bad.statusCode, bad.body).toBe(400);
      expect(problem(bad).errors?.[0]?.path).toBe(path);
    }
    const noTitle = await send('POST', `${base}/EGOV-16/milestones`, { version: 4, plannedDate: '2013' });
    expect(problem(noTitle).errors?.[0]).toMatchObject({ path: '/body/title', code: 'required' });
    const stale = await send('POST', `${base}/EGOV-16/milestones`, { version: 3, title: { fr: 'Tard' } });
    expect(stale.statusCode).toBe(409);
    const unknown = await send(
      'DELETE',
      `${base}/EGOV-16/milestones/00000000-0000-4000-8000-000000000000?version=4`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);

    const removed = await send('DELETE', `${base}/EGOV-16/milestones/${first.id}?version=4`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ version: 5, milestones: [{ id: second.id }] });
    const actions = await t.database.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`,
      [project.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'project.create',
      'project.update',
      'project.milestone_add',
      'project.milestone_update',
      'project.milestone_remove',
    ]);
  });

  it('the edited projects still export as a valid strategy package', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/strategies/MN2013/export',
      headers: admin.headers,
    });
    const result = validatePackage(response.json());
    expect(result.ok ? [] : result.errors).toEqual([]);
    const project = response.json().projects.find((p: { code: string }) => p.code === 'EGOV-16');
    expect(project).toMatchObject({
      owner: 'MICNT',
      node: 'M13',
      milestones: [{ plannedDate: '2013', actualDate: '2012-11-15' }],
    });
  });

  it('deletes a project softly with the right version', async () => {
    expect((await send('DELETE', `${base}/EGOV-16?version=4`)).statusCode).toBe(409);
    expect((await send('DELETE', `${base}/EGOV-16?version=5`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `${base}/EGOV-16` })).statusCode).toBe(404);
    expect(await codes('')).not.toContain('EGOV-16');
    const row = await t.database.db.one<{ deleted: boolean }>(
      `SELECT deleted_at IS NOT NULL AS deleted FROM projects WHERE code = 'EGOV-16'`,
    );
    expect(row.deleted).toBe(true);
  });
});
