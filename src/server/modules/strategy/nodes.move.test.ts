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
describe('plan nodes: moving and reordering', () => {
  it('moves M05 under another initiative, renumbering both places in one go', async () => {
    const m05 = await node('M05');
    const response = await send('POST', `${base}/M05/move`, { parent: 'P2.2', version: m05.version });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ parent: 'P2.2', order: 2, version: m05.version + 1 });
    expect(await positions('P1.2')).toEqual([
      { code: 'M06', position: 1 },
      { code: 'M07', position: 2 },
    ]);
    expect(await positions('P2.2')).toEqual([
      { code: 'M12', position: 1 },
      { code: 'M05', position: 2 },
    ]);
    expect(await lastAudit()).toMatchObject({
      action: 'plan_node.move',
      before: { parent: 'P1.2', order: 1, siblings: { origin: ['M05', 'M06', 'M07'], destination: ['M12'] } },
      after: { parent: 'P2.2', order: 2, siblings: { origin: ['M06', 'M07'], destination: ['M12', 'M05'] } },
    });
  });

  it('reorders among the same siblings, and a move to where it already is changes nothing', async () => {
    const m07 = await node('M07');
    const response = await send('POST', `${base}/M07/move`, {
      parent: 'P1.2',
      order: 1,
      version: m07.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await children('P1.2')).toEqual(['M07', 'M06']);
    expect(await positions('P1.2')).toEqual([
      { code: 'M07', position: 1 },
      { code: 'M06', position: 2 },
    ]);
    const before = await snapshot();
    const same = await send('POST', `${base}/M07/move`, {
      parent: 'P1.2',
      order: 1,
      version: m07.version + 1,
    });
    expect(same.statusCode).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['under itself', 'P1', { parent: 'P1' }, '/body/parent', 'cycle'],
    ['under its own descendant', 'P1', { parent: 'M06' }, '/body/parent', 'cycle'],
    ['a measure under a priority', 'M06', { parent: 'P3' }, '/body/parent', 'level_mismatch'],
    ['a measure to the top level', 'M06', { parent: null }, '/body/parent', 'level_mismatch'],
    ['under an unknown node', 'M06', { parent: 'P7.7' }, '/body/parent', 'unknown'],
    ['past the last position', 'M06', { parent: 'P1.3', order: 5 }, '/body/order', 'out_of_range'],
  ])('refuses a move %s with 400, and moves nothing', async (_what, code, body, path, errorCode) => {
    const before = await snapshot();
    const { version } = await node(code);
    const response = await send('POST', `${base}/${code}/move`, { ...body, version });
    expect(response.statusCode, response.body).toBe(400);
    expect(problem(response).errors).toEqual([expect.objectContaining({ path, code: errorCode })]);
    expect(await snapshot()).toEqual(before);
  });

  it('the moved plan exports as a valid package, in its new order', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/strategies/MN2013/export',
      headers: admin.headers,
    });
    const result = validatePackage(response.json());
    expect(result.ok ? [] : result.errors).toEqual([]);
    const nodes = response.json().nodes as { code: string; parent: string; order: number }[];
    const place = (code: string) => nodes.find((n) => n.code === code);
    expect([place('M05'), place('M07'), place('M06')]).toEqual([
      expect.objectContaining({ parent: 'P2.2', order: 2 }),
      expect.objectContaining({ parent: 'P1.2', order: 1 }),
      expect.objectContaining({ parent: 'P1.2', order: 2 }),
    ]);
  });
});
