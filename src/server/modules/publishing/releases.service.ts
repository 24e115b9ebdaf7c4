import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requirePermission } from '../../access/permissions';
import { AppError, notFound } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { iatiFor } from './iati.service';
import { FORMATS } from './open-data.formats';
import { publicPackages, renderDataset } from './open-data.service';
import { DATASET_KINDS } from './open-data.tables';

// A release freezes the public data at one moment: every open-data file, a manifest of their SHA-256 hashes
// and sizes, an Ed25519 signature over the manifest's exact bytes, and the public key to check it with.
// Anyone holding the public key (served by the portal) can tell whether a copy was altered.

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const PUBLIC_KEY = 'public-key.pem';
const OWN_FILES = new Set([MANIFEST, SIGNATURE, PUBLIC_KEY]);
export const RELEASE_ID = /^\d{8}T\d{9}Z$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface Manifest {
  release: string;
  created: string;
  marsadVersion: string;
  algorithm: 'sha256';
  files: Record<string, { sha256: string; size: number }>;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function marsadVersion(): string {
  try {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** A sortable id from the UTC time, e.g. `20261125T221530123Z`. */
export const releaseIdAt = (date: Date) => date.toISOString().replace(/[-:.]/g, '');

const keyPaths = (dataDir: string) => ({
  dir: path.join(dataDir, 'keys'),
  privateKey: path.join(dataDir, 'keys', 'release-ed25519.pem'),
  publicKey: path.join(dataDir, 'keys', 'release-ed25519.pub.pem'),
});

/**
 * The signing key pair, made on first use. The private key is written 0600 in a 0700 folder and never
 * logged or served; only the public key leaves the machine.
 */
export function releaseKeys(dataDir: string): { privateKey: KeyObject; publicKeyPem: string } {
  const paths = keyPaths(dataDir);
  if (!existsSync(paths.privateKey)) {
    mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync('ed25519');
    const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    // `wx` fails rather than overwrite a key another process made meanwhile.
    writeFileSync(paths.privateKey, privatePem, { mode: 0o600, flag: 'wx' });
    writeFileSync(paths.publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }) as string, {
      mode: 0o644,
    });
  }
  const privatePem = readFileSync(paths.privateKey, 'utf8');
  const publicKeyPem = existsSync(paths.publicKey)
    ? readFileSync(paths.publicKey, 'utf8')
    : (createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }) as string);
  return { privateKey: createPrivateKey(privatePem), publicKeyPem };
}

/** The portal's current public key, or null before the first release. */
export function currentPublicKey(dataDir: string): string | null {
  const file = keyPaths(dataDir).publicKey;
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

async function releaseFiles(ctx: Ctx): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const pkg of await publicPackages(ctx)) {
    for (const kind of DATASET_KINDS) {
      for (const format of FORMATS) {
        const file = await renderDataset(ctx, `${pkg.strategy.code}-${kind}.${format}`, pkg);
        files.set(file.filename, Buffer.from(file.body));
      }
    }
    files.set(`${pkg.strategy.code}-iati-activities.xml`, Buffer.from(iatiFor(pkg)));
  }
  return files;
}

export interface PublishResult {
  id: string;
  dir: string;
  files: number;
}

/**
 * Freezes a release under `<out>/<id>/` (default `DATA_DIR/releases`): written in a temporary folder and
 * renamed when complete, so a release folder is never half-written; the audit event records it.
 */
export async function publishRelease(
  ctx: Ctx,
  options: { dataDir: string; outDir?: string; now?: Date },
): Promise<PublishResult> {
  requirePermission(ctx.actor, 'releases.publish');
  const now = options.now ?? new Date();
  const id = releaseIdAt(now);
  const root = options.outDir ?? path.join(options.dataDir, 'releases');
  const dir = path.join(root, id);
  if (existsSync(dir)) throw new AppError('release_exists', 409, `release ${id} already exists`);
  const files = await releaseFiles(ctx);
  const keys = releaseKeys(options.dataDir);
  const manifest: Manifest = {
    release: id,
    created: now.toISOString(),
    marsadVersion: marsadVersion(),
    algorithm: 'sha256',
    files: Object.fromEntries(
      [...files.keys()].sort().map((name) => {
        const bytes = files.get(name)!;
        return [name, { sha256: sha256(bytes), size: bytes.length }];
      }),
    ),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = sign(null, manifestBytes, keys.privateKey);
  const partial = path.join(root, `.${id}.partial`);
  mkdirSync(partial, { recursive: true });
  try {
    for (const [name, bytes] of files) writeFileSync(path.join(partial, name), bytes);
    writeFileSync(path.join(partial, MANIFEST), manifestBytes);
    writeFileSync(path.join(partial, SIGNATURE), `${signature.toString('base64')}\n`);
    writeFileSync(path.join(partial, PUBLIC_KEY), keys.publicKeyPem);
    await ctx.db.tx(async (tx) => {
      await recordAudit(tx, ctx.actor, {
        action: 'release.publish',
        subjectType: 'release',
        subjectId: id,
        after: { files: files.size, manifestSha256: sha256(manifestBytes) },
      });
      renameSync(partial, dir);
    });
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return { id, dir, files: files.size };
}

export interface VerifyProblem {
  file: string;
  problem: 'signature' | 'missing' | 'size' | 'sha256' | 'unlisted' | 'manifest';
  message: string;
}

/**
 * Checks a release folder: the manifest's signature with the given public key (else the one in the folder,
 * which proves integrity but not who signed), then every file's size and hash, and that no file was added.
 */
export function verifyRelease(
  dir: string,
  publicKeyPem?: string,
): { ok: boolean; problems: VerifyProblem[] } {
  const problems: VerifyProblem[] = [];
  const read = (name: string) => {
    const file = path.join(dir, name);
    return existsSync(file) ? readFileSync(file) : null;
  };
  const manifestBytes = read(MANIFEST);
  const signatureText = read(SIGNATURE);
  const keyPem = publicKeyPem ?? read(PUBLIC_KEY)?.toString('utf8');
  if (!manifestBytes || !signatureText || !keyPem) {
    const missing = !manifestBytes ? MANIFEST : !signatureText ? SIGNATURE : PUBLIC_KEY;
    return { ok: false, problems: [{ file: missing, problem: 'missing', message: `${missing} is missing` }] };
  }
  let signed = false;
  try {
    const signature = Buffer.from(signatureText.toString('utf8').trim(), 'base64');
    signed = verify(null, manifestBytes, createPublicKey(keyPem), signature);
  } catch {
    signed = false;
  }
  if (!signed) {
    problems.push({
      file: MANIFEST,
      problem: 'signature',
      message: 'the signature does not match the manifest and this public key',
    });
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  } catch {
    problems.push({ file: MANIFEST, problem: 'manifest', message: 'the manifest is not valid JSON' });
    return { ok: false, problems };
  }
  for (const [name, expected] of Object.entries(manifest.files ?? {})) {
    const bytes = FILE_NAME.test(name) ? read(name) : null;
    if (!bytes) problems.push({ file: name, problem: 'missing', message: `${name} is missing` });
    else if (bytes.length !== expected.size)
      problems.push({
        file: name,
        problem: 'size',
        message: `${name} has ${bytes.length} bytes, not ${expected.size}`,
      });
    else if (sha256(bytes) !== expected.sha256)
      problems.push({ file: name, problem: 'sha256', message: `${name} does not match its SHA-256 hash` });
  }
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!OWN_FILES.has(name) && !(name in (manifest.files ?? {})))
      problems.push({ file: name, problem: 'unlisted', message: `${name} is not in the manifest` });
  }
  return { ok: problems.length === 0, problems };
}

export interface ReleaseSummary {
  id: string;
  created: string;
  files: number;
  manifestUrl: string;
  signatureUrl: string;
  publicKeyUrl: string;
}

const releasesDir = (dataDir: string) => path.join(dataDir, 'releases');

/** The published releases, newest first (the folders under DATA_DIR/releases that hold a manifest). */
export function listReleases(dataDir: string, baseUrl: string): ReleaseSummary[] {
  const root = releasesDir(dataDir);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((id) => RELEASE_ID.test(id) && existsSync(path.join(root, id, MANIFEST)))
    .sort()
    .reverse()
    .map((id) => {
      const manifest = JSON.parse(readFileSync(path.join(root, id, MANIFEST), 'utf8')) as Manifest;
      const url = (file: string) => `${baseUrl}/api/releases/${id}/${file}`;
      return {
        id,
        created: manifest.created,
        files: Object.keys(manifest.files).length,
        manifestUrl: url(MANIFEST),
        signatureUrl: url(SIGNATURE),
        publicKeyUrl: url(PUBLIC_KEY),
      };
    });
}

/** One file of a release; 404 for anything that is not a plain file name in a release folder. */
export function readReleaseFile(dataDir: string, id: string, file: string): { bytes: Buffer; name: string } {
  if (!RELEASE_ID.test(id) || !FILE_NAME.test(file)) throw notFound('release file');
  const full = path.join(releasesDir(dataDir), id, file);
  if (!existsSync(full) || !statSync(full).isFile()) throw notFound('release file');
  return { bytes: readFileSync(full), name: file };
}
