import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn } from '../../../../test/app';
import { createTestDatabase } from '../../../../test/db';
import type { Config } from '../../config';
import { backupTo, restoreFrom } from '../backup/backup.service';
import { sniffType } from './attachments.sniff';
import { type Fixture, fillGenie, openCycle, setUp } from './reporting.fixture';

// Evidence on the Ministry of Education's 2010 report: types checked by their bytes, a small size limit, who may
// attach and read, and nothing written when a file is refused.

const LIMIT = 64 * 1024;
const config: Partial<Config> = { attachmentLimit: LIMIT };

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)]);
const TEXT = Buffer.from('Rapport GENIE 2010 : ceci n’est pas un PDF.\n', 'utf8');

/** A ZIP of empty stored entries, built by hand: a local header each, then the central directory. */
function storedZip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const bytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(bytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(bytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, bytes);
    centrals.push(central, bytes);
    offset += 30 + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let f: Fixture;
let report: string;
let anrtReport: string;
let XLSX: Buffer;
beforeAll(async () => {
  f = await setUp({ config });
  const opened = await openCycle(f);
  report = opened.reports.MEN!;
  anrtReport = opened.reports.ANRT!;
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('GENIE').addRow(['Indicateur', 'Valeur']).commit();
  XLSX = Buffer.from(await workbook.xlsx.writeBuffer());
});
afterAll(() => f.t.close());

const url = (id = report) => `/api/reporting/reports/${id}/attachments`;
const upload = (
  body: Buffer,
  filename: string,
  session: Session = f.users.reporter!,
  contentType = 'application/octet-stream',
  id = report,
) =>
  f.t.app.inject({
    method: 'POST',
    url: `${url(id)}?filename=${encodeURIComponent(filename)}`,
    headers: { ...session.headers, 'content-type': contentType },
    payload: body,
  });
const remove = (path: string, session?: Session | null) =>
  f.t.app.inject({ method: 'DELETE', url: path, headers: session?.headers ?? {} });
const written = async () => {
  const db = f.t.database.db;
  const files = await db.one<{ n: number }>('SELECT count(*)::int AS n FROM report_attachments');
  const events = await db.one<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'report.attachment.%'",
  );
  return { files: files.n, events: events.n };
};

describe('the sniffer reads bytes, not names', () => {
  it('recognises the four types and names the others', () => {
    expect([PDF, PNG, JPEG, EXE, TEXT].map(sniffType)).toEqual(['pdf', 'png', 'jpeg', 'exe', 'text']);
    expect(sniffType(storedZip(['[Content_Types].xml', 'xl/workbook.xml']))).toBe('xlsx');
    expect(sniffType(storedZip(['[Content_Types].xml', 'word/document.xml']))).toBe('docx');
    expect(sniffType(storedZip(['xl/workbook.xml']))).toBe('zip');
    // a ZIP signature with no readable central directory is not an XLSX
    expect(sniffType(Buffer.from('PK\x03\x04[Content_Types].xml xl/', 'latin1'))).toBe('zip');
  });
});

describe('evidence attachments on a report', () => {
  const uploaded: Record<string, { id: string; sha256: string }> = {};

  it('accepts a PDF, a PNG, a JPEG and an XLSX, typed by their bytes', async () => {
    const files: [string, Buffer, string][] = [
      ['pdf', PDF, 'rapport.pdf'],
      ['png', PNG, 'photo.png'],
      ['jpeg', JPEG, 'salle.jpg'],
      ['xlsx', XLSX, 'chiffres.xlsx'],
    ];
    for (const [type, bytes, filename] of files) {
      const response = await upload(bytes, filename);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        filename,
        type,
        size: bytes.length,
        sha256: sha256(bytes),
        uploader: { username: 'reporter' },
      });
      uploaded[type] = response.json();
    }
    const list = await f.send('GET', url(), f.users.reporter);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { type: string }) => a.type)).toEqual(['pdf', 'png', 'jpeg', 'xlsx']);
    expect(await written()).toEqual({ files: 4, events: 4 });
  });

  it('ignores the declared type and the name: a PNG sent as application/pdf named .pdf is a PNG', async () => {
    const response = await upload(PNG, 'scan.pdf', f.users.reporter, 'application/pdf');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().type).toBe('png');
    const download = await f.send('GET', `${url()}/${response.json().id}`, f.users.reporter);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain('filename="scan.pdf.png"');
  });

  it('the audit event names the file but does not carry its bytes', async () => {
    const event = await f.t.database.db.one<{ after: Record<string, unknown>; subject: string }>(
      `SELECT after, subject_id AS subject FROM audit_events
        WHERE action = 'report.attachment.add' ORDER BY id LIMIT 1`,
    );
    expect(event.subject).toBe(report);
    expect(event.after).toEqual({
      attachment: {
        id: uploaded.pdf!.id,
        filename: 'rapport.pdf',
        type: 'pdf',
        size: PDF.length,
        sha256: sha256(PDF),
      },
    });
  });

  it('refuses an EXE, a text file or a plain ZIP named like evidence → 415 naming the type, nothing written', async () => {
    const before = await written();
    const cases: [Buffer, string, string, string][] = [
      [EXE, 'rapport.pdf', 'application/pdf', 'exe'],
      [TEXT, 'rapport.pdf', 'application/pdf', 'text'],
      [storedZip(['[Content_Types].xml', 'word/document.xml']), 'chiffres.xlsx', 'application/zip', 'docx'],
      [storedZip(['data.csv']), 'chiffres.xlsx', 'application/json', 'zip'],
    ];
    for (const [bytes, filename, contentType, detected] of cases) {
      const response = await upload(bytes, filename, f.users.reporter, contentType);
      expect(response.statusCode, response.body).toBe(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'attachment.type', params: { detected } });
    }
    const empty = await upload(Buffer.alloc(0), 'vide.pdf');
    expect(empty.statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('refuses a file over the limit → 413 problem+json, nothing written', async () => {
    const before = await written();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(LIMIT)]);
    const response = await upload(big, 'gros.pdf');
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('payload_too_large');
    expect(await written()).toEqual(before);
  });

  it('downloads the same bytes with the detected type, as an attachment with a safe name', async () => {
    for (const [type, bytes, media] of [
      ['pdf', PDF, 'application/pdf'],
      ['xlsx', XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const response = await f.send('GET', `${url()}/${uploaded[type]!.id}`, f.users.reporter);
      expect(response.statusCode).toBe(200);
      expect(sha256(response.rawPayload)).toBe(sha256(bytes));
      expect(response.headers['content-type']).toBe(media);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    const odd = await upload(PNG, '../../etc/évidence "1"\r\n.png');
    expect(odd.statusCode, odd.body).toBe(201);
    expect(odd.json().filename).toBe('évidence "1".png');
    const response = await f.send('GET', `${url()}/${odd.json().id}`, f.users.reporter);
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toBe(
      `attachment; filename="evidence_1_.png"; filename*=UTF-8''${encodeURIComponent('évidence "1".png')}`,
    );
    await remove(`${url()}/${odd.json().id}`, f.users.reporter);
  });

  it('another organization’s reporter gets 404 everywhere; a reviewer reads but cannot attach', async () => {
    const before = await written();
    const pdf = uploaded.pdf!.id;
    expect((await upload(PDF, 'x.pdf', f.users.anrtReporter)).statusCode).toBe(404);
    expect((await f.send('GET', url(), f.users.anrtReporter)).statusCode).toBe(404);
    expect((await f.send('GET', `${url()}/${pdf}`, f.users.anrtReporter)).statusCode).toBe(404);
    expect((await remove(`${url()}/${pdf}`, f.users.anrtReporter)).statusCode).toBe(404);
    // the MEN attachment is not reachable through ANRT's own report either
    expect((await f.send('GET', `${url(anrtReport)}/${pdf}`, f.users.anrtReporter)).statusCode).toBe(404);
    expect((await f.send('GET', url(), f.users.viewer)).statusCode).toBe(404);
    expect((await f.send('GET', url(), f.users.reviewer)).statusCode).toBe(200);
    expect((await f.send('GET', `${url()}/${pdf}`, f.users.reviewer)).statusCode).toBe(200);
    expect((await upload(PDF, 'x.pdf', f.users.reviewer)).statusCode).toBe(403);
    expect((await remove(`${url()}/${pdf}`, f.users.reviewer)).statusCode).toBe(403);
    expect((await f.t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    expect(await written()).toEqual(before);
  });

  it('a reporter removes an attachment while the report is editable', async () => {
    const id = uploaded.jpeg!.id;
    const response = await remove(`${url()}/${id}`, f.users.reporter);
    expect(response.statusCode, response.body).toBe(204);
    const list = (await f.send('GET', url(), f.users.reporter)).json();
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await f.send('GET', `${url()}/${id}`, f.users.reporter)).statusCode).toBe(404);
    expect((await remove(`${url()}/${id}`, f.users.reporter)).statusCode).toBe(404);
  });

  it('a submitted report takes no attachment and loses none → 409, nothing written; it stays readable', async () => {
    const saved = await fillGenie(f, report);
    const submitted = await f.send('POST', `/api/reporting/reports/${report}/submit`, f.users.reporter, {
      version: saved.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const before = await written();
    const added = await upload(PDF, 'tard.pdf');
    expect(added.statusCode).toBe(409);
    expect(added.json()).toMatchObject({ code: 'report.wrong_state', params: { state: 'submitted' } });
    const removed = await remove(`${url()}/${uploaded.pdf!.id}`, f.users.reporter);
    expect(removed.statusCode).toBe(409);
    expect(await written()).toEqual(before);
    const download = await f.send('GET', `${url()}/${uploaded.pdf!.id}`, f.users.reviewer);
    expect(sha256(download.rawPayload)).toBe(uploaded.pdf!.sha256);
  });
});

describe('backup and restore', () => {
  it('a restored database holds the same bytes (bytea survives the JSON backup)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'marsad-attachments-'));
    const target = await createTestDatabase();
    try {
      const file = path.join(dir, 'marsad.backup.gz');
      await backupTo(f.t.database.db, file);
      await restoreFrom(target.db, file);
      const digests = (db: typeof target.db) =>
        db.query<{ id: string; sha256: string; computed: string }>(
          `SELECT id, sha256, encode(sha256(content), 'hex') AS computed FROM report_attachments ORDER BY id`,
        );
      const restored = await digests(target.db);
      expect(restored.length).toBeGreaterThanOrEqual(4);
      for (const row of restored) expect(row.computed).toBe(row.sha256);
      expect(restored).toEqual(await digests(f.t.database.db));
    } finally {
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the default limit', () => {
  it('is 20 MiB, above the general body limit: 2 MB passes the parser, 20 MiB + 1 byte → 413', async () => {
    const t = await createTestApp();
    try {
      const admin = await signIn(t.app);
      const send = (size: number) =>
        t.app.inject({
          method: 'POST',
          url: `/api/reporting/reports/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/attachments?filename=a.pdf`,
          headers: { ...admin.headers, 'content-type': 'application/pdf' },
          payload: Buffer.alloc(size, 0x25),
        });
      expect((await send(2_000_000)).statusCode).toBe(404);
      expect((await send(20 * 1024 * 1024 + 1)).statusCode).toBe(413);
    } finally {
      await t.close();
    }
  });
});
