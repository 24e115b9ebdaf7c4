import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../../../../test/app';

let t: TestApp;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'marsad-opendata-'));
  t = await createTestApp({ dataDir: work, publicUrl: 'http://marsad.test' }, false, { seed: true });
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** A minimal RFC 4180 reader, enough to check what the CSV writer quoted. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('open data', () => {
  it('lists four datasets per published strategy, with their download links and licence', async () => {
    const response = await get('/api/open-data');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: { id: string; distributions: { url: string }[] }[] };
    const ids = items.map((d) => d.id);
    for (const id of [
      'MN2013-nodes',
      'MN2013-indicators',
      'MN2013-observations',
      'MN2013-budget',
      'OBS-observations',
    ])
      expect(ids).toContain(id);
    const observations = items.find((d) => d.id === 'MN2013-observations')!;
    expect(observations).toMatchObject({
      strategy: 'MN2013',
      kind: 'observations',
      title: { fr: expect.stringContaining('Valeurs observées') },
      license: 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(observations.distributions.map((d) => d.url)).toEqual([
      'http://marsad.test/api/open-data/MN2013-observations.csv',
      'http://marsad.test/api/open-data/MN2013-observations.xlsx',
      'http://marsad.test/api/open-data/MN2013-observations.json',
    ]);
  });

  it('serves a CSV with a header, one column per language, codes for ids and sources beside the figures', async () => {
    const response = await get('/api/open-data/MN2013-nodes.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="MN2013-nodes.csv"');
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual(
      expect.arrayContaining(['strategy', 'code', 'parent', 'title_fr', 'title_ar', 'title_en']),
    );
    expect(header).toContain('source_document');
    expect(rows).toHaveLength(77);
    const col = (name: string) => header!.indexOf(name);
    const m01 = rows.find((r) => r[col('code')] === 'M01')!;
    expect(m01[col('strategy')]).toBe('MN2013');
    expect(m01[col('level')]).toBe('measure');
    expect(m01[col('title_ar')]).toMatch(/\p{Script=Arabic}/u);
    expect(m01[col('source_document')]).toContain('Maroc Numeric 2013');
  });

  it('publishes approved observations with their source and the reported figure', async () => {
    const csv = parseCsv((await get('/api/open-data/OBS-observations.csv')).body);
    const [header, ...rows] = csv;
    const json = (await get('/api/open-data/OBS-observations.json')).json() as {
      id: string;
      rows: Record<string, unknown>[];
    };
    expect(json.id).toBe('OBS-observations');
    expect(json.rows).toHaveLength(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(json.rows.every((r) => typeof r.source_document === 'string')).toBe(true);
    expect(header).toEqual(expect.arrayContaining(['indicator', 'period', 'dimensions', 'value', 'unit']));
  });

  it('serves the same table as an XLSX workbook', async () => {
    const response = await get('/api/open-data/MN2013-indicators.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('indicators')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('code');
    expect(sheet.rowCount).toBe(39);
  });

  it('answers 304 to a request that already has the current ETag', async () => {
    const first = await get('/api/open-data/MN2013-budget.csv');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['last-modified']).toBeTruthy();
    const again = await get('/api/open-data/MN2013-budget.csv', {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it('rejects an unknown format (400) and an unknown dataset (404), naming the field', async () => {
    const format = await get('/api/open-data/MN2013-nodes.pdf');
    expect(format.statusCode).toBe(400);
    expect(format.headers['content-type']).toContain('application/problem+json');
    expect(problem(format).errors?.[0]?.path).toBe('/params/format');
    for (const url of ['/api/open-data/MN2013-secrets.csv', '/api/open-data/NOPE-nodes.csv']) {
      const missing = await get(url);
      expect(missing.statusCode).toBe(404);
      expect(problem(missing).errors?.[0]?.path).toBe('/params/id');
    }
  });
});

describe('DCAT-AP catalogue', () => {
  it('is JSON-LD whose every distribution answers 200', async () => {
    const response = await get('/api/catalog');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const catalog = JSON.parse(response.body);
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['@context']).toMatchObject({
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
    });
    const datasets = catalog['dcat:dataset'] as Record<string, unknown>[];
    const mn = datasets.find((d) => d['dct:identifier'] === 'MN2013-observations')!;
    expect(mn['dct:title']).toEqual(expect.arrayContaining([expect.objectContaining({ '@language': 'ar' })]));
    const urls = datasets.flatMap((d) =>
      (d['dcat:distribution'] as { 'dcat:downloadURL': { '@id': string } }[]).map(
        (x) => x['dcat:downloadURL']['@id'],
      ),
    );
    expect(urls.length).toBe(datasets.length * 3);
    for (const url of urls) {
      const answer = await get(url.replace('http://marsad.test', ''));
      expect(answer.statusCode, url).toBe(200);
    }
  }, 60_000);
});

describe('IATI 2.03 export', () => {
  const xsd = path.resolve('test/fixtures/iati-2.03/iati-activities-schema.xsd');
  const xmllint = (xml: string) => {
    const file = path.join(work, `iati-${Math.random().toString(36).slice(2)}.xml`);
    writeFileSync(file, xml);
    return spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  };

  it('is documented in the OpenAPI document under a path containing "iati"', async () => {
    const doc = (await get('/api/openapi.json')).json() as {
      paths: Record<string, { get?: { tags?: string[] } }>;
    };
    const iati = Object.keys(doc.paths).find((p) => p.includes('iati'));
    expect(iati).toBe('/api/strategies/{code}/iati-activities.xml');
    expect(doc.paths[iati!]!.get!.tags).toContain('publishing');
    for (const p of ['/api/open-data', '/api/catalog', '/api/releases', '/api/releases/public-key.pem'])
      expect(Object.keys(doc.paths)).toContain(p);
  });

  it('validates against the official IATI 2.03 schema, with budgets and results from the data', async () => {
    const response = await get('/api/strategies/MN2013/iati-activities.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    const xml = response.body;
    const run = xmllint(xml);
    expect(run.stderr).toContain('validates');
    expect(run.status).toBe(0);
    // One activity for the strategy and one per node down to the measures (6 + 18 + 53).
    expect(xml.match(/<iati-activity /g)).toHaveLength(78);
    expect(xml).toContain('<iati-identifier>MARSAD-MN2013-MN2013-M01</iati-identifier>');
    expect(xml).toMatch(/<budget type="1" status="\d"><period-start iso-date="\d{4}-01-01"\/>/);
    expect(xml).toContain('<reference vocabulary="99" code="MN-I01"/>');
    expect(xml).toMatch(/<baseline year="2008" value="20">/);
    expect(xml).toMatch(/<target value="100">/);
    expect(xml).toMatch(/<actual value="[\d.]+">/);
  });

  it('uses IATI_REPORTING_ORG_REF when set', async () => {
    process.env.IATI_REPORTING_ORG_REF = 'XM-TEST-1';
    try {
      const xml = (await get('/api/strategies/OBS/iati-activities.xml')).body;
      expect(xml).toContain('<reporting-org ref="XM-TEST-1" type="10">');
      expect(xml).toContain('<iati-identifier>XM-TEST-1-OBS</iati-identifier>');
      expect(xmllint(xml).status).toBe(0);
    } finally {
      delete process.env.IATI_REPORTING_ORG_REF;
    }
  });

  it('is checked for real: a document with elements out of order fails the schema', async () => {
    const xml = (await get('/api/strategies/MN2013/iati-activities.xml')).body;
    // activity-status must come after participating-org: put it first instead.
    const broken = xml.replace(
      /(<iati-activity [^>]*>)([\s\S]*?)(<activity-status code="\d"\/>)/,
      (_m, open: string, between: string, status: string) => `${open}${status}${between}`,
    );
    expect(broken).not.toBe(xml);
    const run = xmllint(broken);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('fails to validate');
  });

  it('answers 404 for a strategy that is not public', async () => {
    expect((await get('/api/strategies/NOPE/iati-activities.xml')).statusCode).toBe(404);
  });
});
