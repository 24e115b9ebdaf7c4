import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type Session, signIn, type TestApp } from '../../../../test/app';
import { loadPackage } from '../../../../test/packages';
import { packageToWorkbook } from './formats/xlsx';
import { CONTENT_TYPES } from './imports.service';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({ importLimit: 200_000 }, false, { seed: true });
  admin = await signIn(t.app);
});
afterAll(() => t.close());

const upload = (body: Buffer | string, type: string, query = 'wait=true') =>
  t.app.inject({
    method: 'POST',
    url: `/api/imports?${query}`,
    headers: { ...admin.headers, 'content-type': type },
    payload: body,
  });

const observationCount = async () =>
  (await t.database.db.one<{ n: number }>('SELECT count(*)::int AS n FROM observations')).n;

describe('POST /api/imports', () => {
  it('imports a CSV of observations, visible at once in the indicator', async () => {
    const csv =
      'indicator,period,value,source_document\nMN-I31,2012,4500000,ANRT test series\nMN-I31,2012-Q2,4200000,ANRT test series\n';
    const response = await upload(csv, 'text/csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().summary).toMatchObject({ rows: 2, observations: 2 });
    const indicator = (await t.app.inject({ method: 'GET', url: '/api/indicators/MN-I31' })).json();
    expect(indicator.observations.map((o: { period: string }) => o.period)).toEqual(
      expect.arrayContaining(['2012', '2012-Q2']),
    );
  });

  it('a CSV with bad rows is refused whole, every row named, nothing written', async () => {
    const before = await observationCount();
    const csv = 'indicator,period,value\nMN-I31,2011,1\nNOPE,2011,2\nMN-I31,2011-Q7,3\nMN-I31,2012,lots\n';
    const response = await upload(csv, 'text/csv');
    expect(response.statusCode).toBe(422);
    const errors = problem(response).errors as unknown as { row: number; column: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'indicator'],
      [4, 'period'],
      [5, 'value'],
    ]);
    expect(await observationCount()).toBe(before);
  });

  it('a workbook with text in a number column is refused with its sheet, row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await packageToWorkbook(
        loadPackage('src/domain/package/fixtures/mini.json'),
      )) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('budget_lines')!;
    const amount = (sheet.getRow(1).values as unknown[]).indexOf('amount');
    sheet.getRow(2).getCell(amount).value = 'a lot';
    const response = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), CONTENT_TYPES.xlsx);
    expect(response.statusCode).toBe(422);
    expect(problem(response).code).toBe('workbook_invalid');
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ sheet: 'budget_lines', row: 2, column: 'amount', code: 'cell.not_a_number' }),
    ]);
  });

  it('a file over the size limit → 413, nothing written', async () => {
    const before = await observationCount();
    const big = `indicator,period,value\n${'MN-I31,2011,1\n'.repeat(20_000)}`;
    const response = await upload(big, 'text/csv');
    expect(response.statusCode).toBe(413);
    expect(problem(response).code).toBe('payload_too_large');
    expect(await observationCount()).toBe(before);
  });

  it('without wait, answers 202 with an operation whose progress can be polled to its end', async () => {
    const response = await upload(
      'indicator,period,value\nMN-I31,2010-Q3,1500000\n',
      'text/csv',
      'filename=q3.csv',
    );
    expect(response.statusCode).toBe(202);
    const { id } = response.json();
    let op = response.json();
    for (let i = 0; i < 50 && op.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      op = (
        await t.app.inject({ method: 'GET', url: `/api/operations/${id}`, headers: admin.headers })
      ).json();
    }
    expect(op).toMatchObject({ state: 'succeeded', filename: 'q3.csv', summary: { observations: 1 } });
    // someone else's operation is not found
    expect((await t.app.inject({ method: 'GET', url: `/api/operations/${id}` })).statusCode).toBe(404);
  });

  it('serves the XLSX template and the package schema', async () => {
    const template = await t.app.inject({ method: 'GET', url: '/api/imports/template.xlsx' });
    expect(template.headers['content-type']).toBe(CONTENT_TYPES.xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['README', 'nodes', 'observations']),
    );
  });
});
