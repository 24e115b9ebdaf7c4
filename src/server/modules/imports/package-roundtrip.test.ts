import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';
import { loadPackage } from '../../../../test/packages';
import { serializePackage } from '../../../domain/package/canonical';

let source: TestApp;
let target: TestApp;
let admin: Session;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestApp(), createTestApp()]);
  admin = await signIn(source.app);
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
});

async function importJson(t: TestApp, session: Session, pkg: unknown) {
  return t.app.inject({
    method: 'POST',
    url: '/api/imports?wait=true&filename=test.json',
    headers: { ...session.headers, 'content-type': 'application/json' },
    payload: JSON.stringify(pkg),
  });
}

const count = async (t: TestApp, table: string) =>
  (await t.database.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;

describe('strategy package import', () => {
  it('imports a hand-written package and reports what it wrote', async () => {
    const response = await importJson(source, admin, loadPackage('src/domain/package/fixtures/mini.json'));
    expect(response.statusCode).toBe(200);
    const op = response.json();
    expect(op.state).toBe('succeeded');
    expect(op.summary).toMatchObject({ strategy: 'MINI' });
    expect(op.done).toBe(op.total);
  });

  it('imports Maroc Numeric 2013 and re-imports it without duplicating anything', async () => {
    const pkg = loadPackage('mn2013');
    expect((await importJson(source, admin, pkg)).statusCode).toBe(200);
    const tables = [
      'plan_nodes',
      'indicators',
      'observations',
      'budget_lines',
      'projects',
      'target_versions',
    ];
    const before = await Promise.all(tables.map((t) => count(source, t)));
    const again = await importJson(source, admin, pkg);
    expect(again.json().summary.targetVersions).toBe(0);
    expect(await Promise.all(tables.map((t) => count(source, t)))).toEqual(before);
  });

  it('rejects a bad package with every error and writes nothing', async () => {
    const pkg = loadPackage('mn2013');
    const bad = structuredClone(pkg);
    bad.strategy.code = 'BAD';
    bad.nodes[3]!.parent = 'NOPE';
    bad.indicators[0]!.dimensions = ['region'];
    bad.indicators[0]!.observations![0]!.dimensions = { region: 'MA-13' };
    bad.budget!.lines[0]!.amount = -1;
    const nodesBefore = await count(source, 'plan_nodes');
    const response = await importJson(source, admin, bad);
    expect(response.statusCode).toBe(422);
    const body = problem(response);
    expect(body.code).toBe('package_invalid');
    const codes = body.errors?.map((e) => `${e.path} ${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/nodes\/3\/parent reference\.unknown_node$/),
        expect.stringMatching(/^\/budget\/lines\/0\/amount schema\.minimum$/),
        expect.stringMatching(/\/dimensions\/region reference\.unknown_member$/),
      ]),
    );
    expect(await count(source, 'plan_nodes')).toBe(nodesBefore);
    expect(await source.database.db.query("SELECT 1 FROM strategies WHERE code = 'BAD'")).toEqual([]);
  });

  it('needs the right to import', async () => {
    const response = await source.app.inject({
      method: 'POST',
      url: '/api/imports?wait=true',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(response.statusCode).toBe(401);
  });

  it('round trip: export → import into an empty database → export gives an identical file', async () => {
    const first = await source.app.inject({
      method: 'GET',
      url: '/api/strategies/MN2013/export?format=json',
    });
    expect(first.statusCode).toBe(200);
    const targetAdmin = await signIn(target.app);
    const imported = await importJson(target, targetAdmin, first.json());
    expect(imported.statusCode, imported.body).toBe(200);
    const second = await target.app.inject({
      method: 'GET',
      url: '/api/strategies/MN2013/export?format=json',
    });
    expect(second.body).toBe(first.body);
    // and it is the published package itself, in canonical form
    expect(first.body).toBe(serializePackage(loadPackage('mn2013')));
  });
});
