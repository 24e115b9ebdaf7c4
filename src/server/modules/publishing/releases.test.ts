import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { verifyCommand } from '../../../cli/release-commands';
import { anonymous, systemActor } from '../../access/actor';
import { type PublishResult, publishRelease, verifyRelease } from './releases.service';

let t: TestApp;
let dataDir: string;
let release: PublishResult;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'marsad-releases-'));
  t = await createTestApp({ dataDir }, false, { seed: true });
  release = await publishRelease(
    { actor: systemActor('test'), db: t.database.db },
    { dataDir, now: new Date('2026-11-25T21:00:00.123Z') },
  );
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A copy of the release folder to tamper with, so each test starts from the signed original. */
function copyOfRelease(): string {
  const copy = mkdtempSync(path.join(dataDir, 'copy-'));
  for (const name of readdirSync(release.dir))
    writeFileSync(path.join(copy, name), readFileSync(path.join(release.dir, name)));
  return copy;
}

describe('marsad publish', () => {
  it('freezes every open-data file with a manifest, a signature and the public key', () => {
    expect(release.id).toBe('20261125T210000123Z');
    expect(release.dir).toBe(path.join(dataDir, 'releases', release.id));
    const names = readdirSync(release.dir);
    for (const name of [
      'manifest.json',
      'manifest.sig',
      'public-key.pem',
      'MN2013-observations.csv',
      'MN2013-budget.xlsx',
      'OBS-nodes.json',
      'MN2013-iati-activities.xml',
    ])
      expect(names).toContain(name);
    const manifest = JSON.parse(readFileSync(path.join(release.dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ release: release.id, algorithm: 'sha256', marsadVersion: '0.1.0' });
    expect(Object.keys(manifest.files)).toHaveLength(release.files);
    expect(manifest.files['MN2013-nodes.csv'].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the private key readable by its owner only, and never inside the release', () => {
    const key = path.join(dataDir, 'keys', 'release-ed25519.pem');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const released = readdirSync(release.dir).map((n) => readFileSync(path.join(release.dir, n), 'utf8'));
    expect(released.some((text) => text.includes('PRIVATE KEY'))).toBe(false);
  });

  it('records the publication in the audit log', async () => {
    const event = await t.database.db.maybeOne<{ action: string; subject_id: string }>(
      `SELECT action, subject_id FROM audit_events WHERE subject_type = 'release'`,
    );
    expect(event).toEqual({ action: 'release.publish', subject_id: release.id });
  });

  it('is refused to the public', async () => {
    await expect(
      publishRelease(
        { actor: anonymous, db: t.database.db },
        { dataDir, outDir: path.join(dataDir, 'other') },
      ),
    ).rejects.toMatchObject({ status: 401 });
  });
});

describe('marsad verify', () => {
  const portalKey = () => readFileSync(path.join(dataDir, 'keys', 'release-ed25519.pub.pem'), 'utf8');

  it('accepts the release as published, with the portal public key', () => {
    expect(verifyRelease(release.dir, portalKey())).toEqual({ ok: true, problems: [] });
  });

  it('rejects a file with one byte changed, naming the file', async () => {
    const copy = copyOfRelease();
    const file = path.join(copy, 'MN2013-observations.csv');
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 1;
    writeFileSync(file, bytes);
    const result = verifyRelease(copy, portalKey());
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'MN2013-observations.csv', problem: 'sha256' }),
    ]);
    // The CLI says which file fails and exits non-zero.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await verifyCommand.run({}, [copy])).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toContain('FAIL MN2013-observations.csv');
    } finally {
      errors.mockRestore();
    }
  });

  it('rejects a manifest edited to match a tampered file: the signature no longer holds', () => {
    const copy = copyOfRelease();
    writeFileSync(path.join(copy, 'OBS-nodes.csv'), 'forged\r\n');
    const manifestFile = path.join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.files['OBS-nodes.csv'] = {
      sha256: '8e1c2b5f8a6dcd5dbb9e08b0b5a4cc1f0e8fd8c1b3f1b8b3ad6c9f4f86d3b7a0',
      size: 8,
    };
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    const result = verifyRelease(copy, portalKey());
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'manifest.json', problem: 'signature' }),
    );
  });

  it('rejects a release checked with another public key', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const result = verifyRelease(release.dir, other);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ problem: 'signature' })]);
  });

  it('rejects a file added after signing', () => {
    const copy = copyOfRelease();
    writeFileSync(path.join(copy, 'extra.csv'), 'a,b\r\n');
    expect(verifyRelease(copy, portalKey()).problems).toEqual([
      expect.objectContaining({ file: 'extra.csv', problem: 'unlisted' }),
    ]);
  });
});

describe('releases API', () => {
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists releases and serves their files and the public key', async () => {
    const list = await get('/api/releases');
    expect(list.statusCode).toBe(200);
    const [first] = (list.json() as { items: { id: string; files: number; manifestUrl: string }[] }).items;
    expect(first).toMatchObject({ id: release.id, files: release.files });
    expect(first!.manifestUrl).toMatch(new RegExp(`/api/releases/${release.id}/manifest.json$`));

    const key = await get('/api/releases/public-key.pem');
    expect(key.statusCode).toBe(200);
    expect(key.body).toBe(readFileSync(path.join(release.dir, 'public-key.pem'), 'utf8'));

    const csv = await get(`/api/releases/${release.id}/MN2013-nodes.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(readFileSync(path.join(release.dir, 'MN2013-nodes.csv'), 'utf8'));
  });

  it('answers 404 to anything outside a release folder', async () => {
    for (const url of [
      `/api/releases/${release.id}/..%2F..%2Fkeys%2Frelease-ed25519.pem`,
      `/api/releases/${release.id}/nope.csv`,
      '/api/releases/latest/manifest.json',
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});
