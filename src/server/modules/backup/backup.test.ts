import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../test/app';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import type { Queryable } from '../../db/pool';
import { applicationTables, backupTo, restoreFrom } from './backup.service';

let t: TestApp;
let target: TestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), 'marsad-backup-'));

beforeAll(async () => {
  t = await createTestApp();
  target = await createTestDatabase();
  const admin = await signIn(t.app);
  const ministry = await t.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: admin.headers,
    payload: { code: 'MIN', name: { fr: 'Ministère', ar: 'وزارة', en: 'Ministry' }, type: 'ministry' },
  });
  // a child row inserted after its parent, then the parent's parent set afterwards: order must not matter
  await t.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: admin.headers,
    payload: { code: 'AGENCY', name: { fr: 'Agence' }, type: 'agency', parentId: ministry.json().id },
  });
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/tokens',
    headers: admin.headers,
    payload: { name: 'x' },
  });
});
afterAll(async () => {
  await t.close();
  await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function snapshot(db: Queryable): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await applicationTables(db)) {
    const rows = await db.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${table}" t`);
    result[table] = rows.map((row) => row.j).sort();
  }
  return result;
}

describe('backup and restore', () => {
  it('restoring a backup into an empty database gives back every row', async () => {
    const file = path.join(dir, 'marsad.backup.gz');
    const written = await backupTo(t.database.db, file);
    expect(written.rows).toBeGreaterThan(5);
    const restored = await restoreFrom(target.db, file);
    expect(restored.rows).toBe(written.rows);
    const original = await snapshot(t.database.db);
    expect(Object.keys(original)).toEqual(expect.arrayContaining(['users', 'organizations', 'audit_events']));
    expect(await snapshot(target.db)).toEqual(original);
    // sequences continue after the restored ids
    const next = await target.db.one<{ id: number }>(
      `INSERT INTO audit_events (actor_kind, action, subject_type) VALUES ('system', 'test', 'test') RETURNING id`,
    );
    const max = Math.max(...original.audit_events!.map((j) => JSON.parse(j).id));
    expect(next.id).toBe(max + 1);
  });

  it('refuses to restore into a database that has rows, and changes nothing', async () => {
    const file = path.join(dir, 'again.backup.gz');
    await backupTo(t.database.db, file);
    const before = await snapshot(t.database.db);
    await expect(restoreFrom(t.database.db, file)).rejects.toThrow(/empty database/);
    expect(await snapshot(t.database.db)).toEqual(before);
  });
});

describe('schema conventions', () => {
  it('every foreign key is deferrable (restore relies on it)', async () => {
    const rows = await t.database.db.query<{ name: string }>(
      `SELECT conname AS name FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable`,
    );
    expect(rows).toEqual([]);
  });
});
