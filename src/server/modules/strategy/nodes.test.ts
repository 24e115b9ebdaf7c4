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

const base = '/api/strategies/MN2013/nodes';
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, session = admin) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
const node = async (code: string) => {
  const response = await t.app.inject({ method: 'GET', url: `${base}/${code}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

/** Everything a refused write must leave untouched: the tree, every node's version, the audit trail. */
const snapshot = () =>
  t.database.db.one(
    `SELECT (SELECT count(*) FROM audit_events) AS audit, (SELECT sum(version) FROM plan_nodes) AS versions,
            (SELECT string_agg(code || ':' || position || ':' || coalesce(parent_id::text, '-') || ':' ||
                               coalesce(deleted_at::text, ''), ',' ORDER BY code) FROM plan_nodes) AS tree`,
  );
const children = async (code: string) => (await node(code)).children;
const positions = (parent: string) =>
  t.database.db.query<{ code: string; position: number }>(
    `SELECT n.code, n.position FROM plan_nodes n JOIN plan_nodes p ON p.id = n.parent_id
      WHERE p.code = $1 AND n.deleted_at IS NULL ORDER BY n.position`,
    [parent],
  );
const lastAudit = () =>
  t.database.db.one<{ action: string; before: unknown; after: unknown }>(
    'SELECT action, before, after FROM audit_events ORDER BY id DESC LIMIT 1',
  );

describe('plan nodes: reading', () => {
  it('GET one node with everything attached: M12 with its 15 flagship projects', async () => {
    const m12 = await node('M12');
    expect(m12).toMatchObject({
      code: 'M12',
      strategy: 'MN2013',
      parent: 'P2.2',
      level: 'measure',
      order: 1,
    });
    expect(m12.title.fr).toBeTruthy();
    expect(m12.projects.filter((p: { flagship: boolean }) => p.flagship)).toHaveLength(15);
    expect(m12).toHaveProperty('version');
    const m01 = await node('M01');
    expect(m01.indicators.map((i: { code: string }) => i.code)).toContain('MN-I28');
    expect(await children('P1.2')).toEqual(['M05', 'M06', 'M07']);
  });

  it('the OpenAPI document describes the write side, with request and response schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = [
      ['/api/strategies/{code}/nodes/{nodeCode}/move', 'post'],
      ['/api/strategies/{code}/projects/{projectCode}/milestones/{milestoneId}', 'patch'],
      ['/api/strategies/{code}/reporting-lines', 'put'],
    ];
    for (const [path, method] of paths) {
      const operation = doc.paths[path!]?.[method!];
      expect(operation, path).toBeDefined();
      expect(operation.requestBody.content['application/json'].schema).toBeDefined();
      expect(operation.responses['200'].content['application/json'].schema).toBeDefined();
    }
  });

  it('an unknown node or strategy → 404 problem', async () => {
    for (const url of [`${base}/NOPE`, '/api/strategies/NOPE/nodes/M12']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});

describe('plan nodes: creating', () => {
  it('a measure is the last level of MN2013: no child under M12, and nothing written', async () => {
    const before = await snapshot();
    const response = await send('POST', base, { code: 'M12.A1', parent: 'M12', title: { fr: 'Action' } });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/parent', code: 'no_level_below' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('adds actions under M12 once the strategy has an action level: last by default, or at `order`', async () => {
    // Editing a strategy's levels is not part of this API; the test gives MN2013 a fourth level directly.
    await t.database.db.query(
      `UPDATE strategies SET levels = levels || '[{"key": "action", "name": {"fr": "Action", "en": "Action"}}]'
        WHERE code = 'MN2013'`,
    );
    const first = await send('POST', base, {
      code: 'M12.A1',
      parent: 'M12',
      title: { fr: 'Déployer la GID', en: 'Roll out integrated expenditure management' },
      owner: 'micnt',
      contributors: ['ANRT', 'MNC'],
      plannedStart: '2010-01-01',
      plannedEnd: '2011-12-31',
      state: 'planned',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      code: 'M12.A1',
      level: 'action',
      parent: 'M12',
      order: 1,
      owner: 'MICNT',
      contributors: ['ANRT', 'MNC'],
      weight: 1,
      version: 1,
    });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'plan_node.create', before: null, after: { code: 'M12.A1' } });

    const second = await send('POST', base, {
      code: 'M12.A0',
      parent: 'M12',
      level: 'action',
      order: 1,
      title: { fr: 'Cadrer' },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(await positions('M12')).toEqual([
      { code: 'M12.A0', position: 1 },
      { code: 'M12.A1', position: 2 },
    ]);
  });

  it.each([
    ['a duplicate code', { code: 'M05', parent: 'P1.2' }, '/body/code', 'duplicate'],
    ['an unknown parent', { parent: 'P9.9' }, '/body/parent', 'unknown'],
    [
      'a level that does not fit the parent',
      { parent: 'P1.1', level: 'priority' },
      '/body/level',
      'level_mismatch',
    ],
    ['an unknown owner', { parent: 'P1.1', owner: 'NOBODY' }, '/body/owner', 'unknown'],
    [
      'an unknown contributor',
      { parent: 'P1.1', contributors: ['ANRT', 'NOBODY'] },
      '/body/contributors/1',
      'unknown',
    ],
    [
      'a start before the strategy',
      { parent: 'P1.1', plannedStart: '2008-06-30' },
      '/body/plannedStart',
      'outside_strategy',
    ],
    [
      'an end after the strategy',
      { parent: 'P1.1', plannedEnd: '2014-01-01' },
      '/body/plannedEnd',
      'outside_strategy',
    ],
    [
      'a start after the end',
      { parent: 'P1.1', plannedStart: '2012-01-01', plannedEnd: '2011-01-01' },
      '/body/plannedEnd',
      'date_order',
    ],
    [
      'a day that does not exist',
      { parent: 'P1.1', plannedStart: '2011-02-30' },
      '/body/plannedStart',
      'invalid_date',
    ],
    ['a negative weight', { parent: 'P1.1', weight: -1 }, '/body/weight', 'minimum'],
    ['an unknown state', { parent: 'P1.1', state: 'done' }, '/body/state', 'enum'],
    ['an order past the end', { parent: 'P1.1', order: 9 }, '/body/order', 'out_of_range'],
    ['no title', { parent: 'P1.1', title: undefined }, '/body/title', 'required'],
    ['an unknown field', { parent: 'P1.1', colour: 'red' }, '/body', 'additionalProperties'],
    [
      'lineage to an unknown node',
      { parent: 'P1.1', lineage: [{ strategy: 'MD2020', node: 'MD-Z9', relation: 'continues' }] },
      '/body/lineage/0/node',
      'unknown',
    ],
    [
      'lineage inside the same strategy',
      { parent: 'P1.1', lineage: [{ strategy: 'MN2013', node: 'M01', relation: 'continues' }] },
      '/body/lineage/0/strategy',
      'same_strategy',
    ],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_what, fields, path, code) => {
    const before = await snapshot();
    const response = await send('POST', base, { code: 'NEW', title: { fr: 'Nouveau' }, ...fields });
    expect(response.statusCode, response.body).toBe(400);
    expect(problem(response).errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(await snapshot()).toEqual(before);
  });
});

describe('plan nodes: editing and deleting', () => {
  it('edits every field, with one audit event holding before and after', async () => {
    const m06 = await node('M06');
    const response = await send('PATCH', `${base}/M06`, {
      version: m06.version,
      title: { fr: 'Généraliser les usages', en: 'Spread the uses' },
      description: { en: 'Edited' },
      weight: 2.5,
      reason: 'Uses weigh more than planned',
      owner: 'ANRT',
      contributors: ['CGEM'],
      plannedStart: '2009-06-01',
      plannedEnd: '2013-12-31',
      state: 'in_progress',
      source: { document: 'Maroc Numeric 2013', page: 33 },
      crossReferences: [{ label: 'National Pact for Industrial Emergence', reference: 'measure 58' }],
      lineage: [{ strategy: 'MD2020', node: 'MD-A1', relation: 'continues' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    const edited = await node('M06');
    expect(edited).toMatchObject({
      title: { en: 'Spread the uses' },
      weight: 2.5,
      owner: 'ANRT',
      contributors: ['CGEM'],
      plannedStart: '2009-06-01',
      state: 'in_progress',
      source: { page: 33 },
      crossReferences: [{ reference: 'measure 58' }],
      lineage: [{ strategy: 'MD2020', node: 'MD-A1' }],
      version: m06.version + 1,
    });
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: 'plan_node.update',
      before: { owner: null, weight: 1 },
      after: { owner: 'ANRT', weight: 2.5 },
    });
    const cleared = await send('PATCH', `${base}/M06`, {
      version: edited.version,
      owner: null,
      description: null,
      plannedStart: null,
      contributors: [],
      lineage: [],
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      owner: null,
      description: null,
      plannedStart: null,
      plannedEnd: '2013-12-31',
      contributors: [],
      lineage: [],
      title: { en: 'Spread the uses' },
    });
  });

  it('an edit with a stale version gets 409 with the current node and changes nothing', async () => {
    const m08 = await node('M08');
    expect(
      (await send('PATCH', `${base}/M08`, { version: m08.version, weight: 3, reason: 'Re-weighted' }))
        .statusCode,
    ).toBe(200);
    const before = await snapshot();
    const stale = await send('PATCH', `${base}/M08`, { version: m08.version, weight: 0, reason: 'Stale' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'version_conflict',
      params: { current: { weight: 3, version: m08.version + 1 } },
    });
    expect(await snapshot()).toEqual(before);
    const staleMove = await send('POST', `${base}/M08/move`, {
      parent: 'P1.3',
      order: 3,
      version: m08.version,
    });
    expect(staleMove.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to delete a node with children (409 has_children) or with projects (409 in_use)', async () => {
    const before = await snapshot();
    const p11 = await node('P1.1');
    const parent = await send('DELETE', `${base}/P1.1?version=${p11.version}`);
    expect(parent.statusCode).toBe(409);
    expect(problem(parent).code).toBe('has_children');
    const m13 = await node('M13');
    const used = await send('DELETE', `${base}/M13?version=${m13.version}`);
    expect(used.statusCode).toBe(409);
    expect(used.json()).toMatchObject({ code: 'in_use', params: { projects: 1 } });
    expect(await snapshot()).toEqual(before);
  });

  it('soft-deletes a leaf with the right version and closes the gap among its siblings', async () => {
    const a0 = await node('M12.A0');
    const stale = await send('DELETE', `${base}/M12.A0?version=${a0.version + 1}`);
    expect(stale.statusCode).toBe(409);
    const response = await send('DELETE', `${base}/M12.A0?version=${a0.version}`);
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `${base}/M12.A0` })).statusCode).toBe(404);
    expect(await positions('M12')).toEqual([{ code: 'M12.A1', position: 1 }]);
    const row = await t.database.db.one<{ deleted: boolean }>(
      `SELECT deleted_at IS NOT NULL AS deleted FROM plan_nodes WHERE code = 'M12.A0'`,
    );
    expect(row.deleted).toBe(true);
    expect(await lastAudit()).toMatchObject({
      action: 'plan_node.delete',
      before: { code: 'M12.A0' },
      after: null,
    });
    // the code is free again
    const again = await send('POST', base, { code: 'M12.A0', parent: 'M12', title: { fr: 'Encore' } });
    expect(again.statusCode).toBe(201);
  });
});

describe('plan nodes: the edited plan', () => {
  it('still exports as a valid strategy package, with the new level, owners and lineage', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/strategies/MN2013/export',
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    const result = validatePackage(response.json());
    expect(result.ok ? [] : result.errors).toEqual([]);
    const pkg = response.json();
    const a1 = pkg.nodes.find((n: { code: string }) => n.code === 'M12.A1');
    expect(a1).toMatchObject({
      parent: 'M12',
      level: 'action',
      owner: 'MICNT',
      contributors: ['ANRT', 'MNC'],
    });
  });
});
