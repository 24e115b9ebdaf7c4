import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { canonicalizePackage, serializePackage } from '../../../../domain/package/canonical';
import type { StrategyPackage } from '../../../../domain/package/schema';
import { SHEETS } from './sheets';
import { packageToWorkbook, type RowError, templateWorkbook, workbookToPackage } from './xlsx';

const root = path.resolve(import.meta.dirname, '../../../../..');
const load = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as StrategyPackage;
const mini = load('src/domain/package/fixtures/mini.json');

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The mini package as a workbook, changed by `edit` the way a user would in a spreadsheet program. */
async function edited(edit: (workbook: ExcelJS.Workbook) => void, pkg = mini): Promise<Buffer> {
  const workbook = await open(await packageToWorkbook(pkg));
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The cell of `header` in the row whose first column is `key` (a code, or a strategy field name). */
function cell(workbook: ExcelJS.Workbook, sheet: string, key: string, header: string): ExcelJS.Cell {
  const ws = workbook.getWorksheet(sheet)!;
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row, n) => {
    if (n > 1 && !found && String(row.getCell(1).value) === key) found = row;
  });
  if (!found) throw new Error(`no row ${key} in ${sheet}`);
  return sheet === 'strategy' ? found.getCell(2) : found.getCell(headers.indexOf(header));
}

/** The cell of `header` in row `row` (as Excel numbers it). */
function cellAt(workbook: ExcelJS.Workbook, sheet: string, row: number, header: string): ExcelJS.Cell {
  const ws = workbook.getWorksheet(sheet)!;
  const index = (ws.getRow(1).values as unknown[]).indexOf(header);
  if (index < 1) throw new Error(`no column ${header} in ${sheet}`);
  return ws.getRow(row).getCell(index);
}

async function errorsOf(buffer: Buffer): Promise<Array<Omit<RowError, 'message'>>> {
  const result = await workbookToPackage(buffer);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }));
}

describe('packageToWorkbook → workbookToPackage', () => {
  it.each([
    'src/domain/package/fixtures/mini.json',
    'data/packages/observatory.json',
    'data/packages/dm2030.json',
    'data/packages/md2020.json',
  ])('gives back the canonical package: %s', async (file) => {
    const pkg = load(file);
    const result = await workbookToPackage(await packageToWorkbook(pkg));
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.pkg).toEqual(canonicalizePackage(pkg));
    expect(serializePackage(result.pkg)).toBe(serializePackage(pkg));
  });

  it('writes the README first, then one sheet per entity with a bold, frozen header', async () => {
    const workbook = await open(await packageToWorkbook(mini));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['README', ...SHEETS.map((s) => s.name)]);
    const nodes = workbook.getWorksheet('nodes')!;
    expect(nodes.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(nodes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (nodes.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 7)).toEqual([
      'code',
      'parent',
      'level',
      'order',
      'title_fr',
      'title_ar',
      'title_en',
    ]);
    expect(nodes.getColumn(headers.indexOf('title_ar') + 1).alignment?.readingOrder).toBe('rtl');
    const observations = workbook.getWorksheet('observations')!;
    expect((observations.getRow(1).values as unknown[]).slice(1, 7)).toEqual([
      'indicator',
      'period',
      'dim:region',
      'dim:sex',
      'dim:zone',
      'value',
    ]);
    expect(cell(workbook, 'strategy', 'successors', 'value').value).toBe('MINI2');
    expect(cell(workbook, 'nodes', 'M01', 'source_page').value).toBe(12);
  });
});

describe('templateWorkbook', () => {
  it('has every sheet with its headers and no data, and reads back as an incomplete strategy', async () => {
    const buffer = await templateWorkbook();
    const workbook = await open(buffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['README', ...SHEETS.map((s) => s.name)]);
    expect(workbook.getWorksheet('targets')!.rowCount).toBe(1);
    expect((workbook.getWorksheet('observations')!.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
      'indicator',
      'period',
      'dim:region',
      'dim:zone',
      'dim:income',
    ]);
    expect(await errorsOf(buffer)).toEqual([
      { sheet: 'strategy', row: 2, column: 'code', code: 'cell.required' },
      { sheet: 'strategy', row: 3, column: 'title_fr', code: 'cell.required' },
      { sheet: 'strategy', row: 15, column: 'period_start', code: 'cell.required' },
      { sheet: 'strategy', row: 16, column: 'period_end', code: 'cell.required' },
      { sheet: 'strategy', row: 17, column: 'state', code: 'cell.required' },
      { sheet: 'levels', row: 0, column: '', code: 'schema.min_items' },
    ]);
  });
});

describe('workbookToPackage errors', () => {
  it('stops at an unknown or missing header, reported on row 1', async () => {
    const buffer = await edited((workbook) => {
      const nodes = workbook.getWorksheet('nodes')!;
      nodes.getRow(1).getCell(3).value = 'levle'; // was `level`
      nodes.getRow(1).getCell(7).value = 'titel_en'; // was `title_en`
    });
    expect(await errorsOf(buffer)).toEqual([
      { sheet: 'nodes', row: 1, column: 'levle', code: 'header.unknown' },
      { sheet: 'nodes', row: 1, column: 'titel_en', code: 'header.unknown' },
      { sheet: 'nodes', row: 1, column: 'level', code: 'header.missing' },
    ]);
  });

  it('reports every bad cell at once, by sheet, row and column', async () => {
    const buffer = await edited((workbook) => {
      cell(workbook, 'nodes', 'M01', 'order').value = 'first';
      cell(workbook, 'nodes', 'M01', 'planned_start').value = '2009-02-30';
      cell(workbook, 'nodes', 'M02', 'code').value = null;
      for (const lang of ['fr', 'ar', 'en']) cell(workbook, 'nodes', 'P2', `title_${lang}`).value = null;
      cell(workbook, 'projects', 'PRJ1', 'flagship').value = 'maybe';
      cell(workbook, 'observations', 'OBS1', 'period').value = '2018-H3';
      cell(workbook, 'observations', 'OBS1', 'value').value = { formula: 'NA()', result: { error: '#N/A' } };
      cell(workbook, 'strategy', 'budget_scale', 'value').value = 'a million';
    });
    expect(await errorsOf(buffer)).toEqual([
      { sheet: 'strategy', row: 35, column: 'budget_scale', code: 'cell.not_a_number' },
      { sheet: 'nodes', row: 4, column: 'order', code: 'cell.not_a_number' },
      { sheet: 'nodes', row: 4, column: 'planned_start', code: 'cell.bad_date' },
      { sheet: 'nodes', row: 5, column: 'code', code: 'cell.required' },
      { sheet: 'nodes', row: 6, column: 'title_fr', code: 'cell.required' },
      // The package checks still run: IND2 measures M02, whose code was erased.
      { sheet: 'indicator_nodes', row: 3, column: 'node', code: 'reference.unknown_node' },
      { sheet: 'observations', row: 8, column: 'period', code: 'cell.bad_period' },
      { sheet: 'observations', row: 8, column: 'value', code: 'cell.error' },
      { sheet: 'projects', row: 2, column: 'flagship', code: 'cell.not_a_boolean' },
    ]);
  });

  it('places the package validator’s errors at the row and column they come from', async () => {
    const buffer = await edited((workbook) => {
      cell(workbook, 'nodes', 'M02', 'parent').value = 'NOPE';
      cellAt(workbook, 'dimensions', 4, 'member').value = 'f'; // was m, after f
      cell(workbook, 'strategy', 'state', 'value').value = 'finished';
      cell(workbook, 'body_members', 'STEER', 'organization').value = 'GHOST';
      cellAt(workbook, 'observations', 6, 'dim:region').value = 'MA-99'; // IND2 in MA-06
      cellAt(workbook, 'targets', 3, 'period').value = '2013'; // IND1 milestone, not before the final target
      cellAt(workbook, 'node_lineage', 2, 'relation').value = 'inherits';
    });
    expect(await errorsOf(buffer)).toEqual([
      { sheet: 'strategy', row: 17, column: 'state', code: 'schema.enum' },
      { sheet: 'dimensions', row: 4, column: 'member', code: 'code.duplicate' },
      { sheet: 'body_members', row: 5, column: 'organization', code: 'reference.unknown_organization' },
      { sheet: 'nodes', row: 5, column: 'parent', code: 'reference.unknown_node' },
      { sheet: 'node_lineage', row: 2, column: 'relation', code: 'schema.enum' },
      { sheet: 'targets', row: 3, column: 'period', code: 'target.invalid_order' },
      { sheet: 'observations', row: 6, column: 'dim:region', code: 'reference.unknown_member' },
    ]);
  });

  it('reports rows that name an unknown parent entity, and sheets it does not know', async () => {
    const buffer = await edited((workbook) => {
      cellAt(workbook, 'targets', 3, 'indicator').value = 'IND9';
      cellAt(workbook, 'project_milestones', 2, 'project').value = 'PRJ9';
      workbook.addWorksheet('notes').getCell('A1').value = 'my notes';
    });
    expect(await errorsOf(buffer)).toEqual([
      { sheet: 'notes', row: 0, column: '', code: 'sheet.unknown' },
      { sheet: 'targets', row: 3, column: 'indicator', code: 'reference.unknown_indicator' },
      { sheet: 'project_milestones', row: 2, column: 'project', code: 'reference.unknown_project' },
    ]);
  });

  it('refuses a workbook without the strategy sheet, and a file that is no workbook', async () => {
    const buffer = await edited((workbook) =>
      workbook.removeWorksheet(workbook.getWorksheet('strategy')!.id),
    );
    expect(await errorsOf(buffer)).toEqual([
      { sheet: 'strategy', row: 0, column: '', code: 'sheet.missing' },
    ]);
    expect(await errorsOf(Buffer.from('not a zip'))).toEqual([
      { sheet: '', row: 0, column: '', code: 'workbook.unreadable' },
    ]);
  });
});

describe('workbookToPackage sheets', () => {
  it('takes a removed or cleared table sheet as having no rows', async () => {
    const buffer = await edited((workbook) => {
      workbook.removeWorksheet(workbook.getWorksheet('transactions')!.id);
      workbook.removeWorksheet(workbook.getWorksheet('node_lineage')!.id);
      workbook.addWorksheet('node_lineage');
    });
    const result = await workbookToPackage(buffer);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.pkg.budget?.transactions).toBeUndefined();
    expect(result.pkg.nodes.find((n) => n.code === 'M03')?.lineage).toBeUndefined();
  });

  it('names an unknown or repeated strategy field on its row', async () => {
    const buffer = await edited((workbook) => {
      const strategy = workbook.getWorksheet('strategy')!;
      strategy.addRow(['titel_en', 'Typo']);
      strategy.addRow(['state', 'adopted']);
    });
    expect(await errorsOf(buffer)).toEqual([
      { sheet: 'strategy', row: 36, column: 'field', code: 'field.unknown' },
      { sheet: 'strategy', row: 37, column: 'state', code: 'field.duplicate' },
    ]);
  });
});

describe('workbookToPackage cells', () => {
  it('normalises what spreadsheet programs store: numbers for codes and periods, dates, rich text, formulas', async () => {
    const buffer = await edited((workbook) => {
      cell(workbook, 'strategy', 'period_start', 'value').value = new Date(Date.UTC(2009, 0, 1));
      cell(workbook, 'nodes', 'M01', 'title_en').value = {
        richText: [{ text: 'Measure ' }, { text: 'one' }],
      };
      cell(workbook, 'nodes', 'M01', 'weight').value = { formula: '1+1', result: 2 };
      cell(workbook, 'nodes', 'M01', 'order').value = ' 1 ';
      cellAt(workbook, 'targets', 2, 'period').value = 2008; // IND1 baseline, typed as a number
      const month = cellAt(workbook, 'project_milestones', 2, 'actual_date');
      month.value = new Date(Date.UTC(2012, 2, 1)); // actual date 2012-03, shown as a month
      month.numFmt = 'mmm yyyy';
      cell(workbook, 'projects', 'PRJ1', 'flagship').value = 'oui';
      cell(workbook, 'indicators', 'IND2', 'dimensions').value = ' zone ;region;; sex';
      workbook.getWorksheet('nodes')!.insertRow(3, []); // an empty row is skipped
    });
    const result = await workbookToPackage(buffer);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.pkg).toEqual(canonicalizePackage(mini));
  });

  it('reads a page given as text as text, and a null target value from an empty cell', async () => {
    const buffer = await edited((workbook) => {
      cell(workbook, 'nodes', 'M01', 'source_page').value = 'iv';
      cellAt(workbook, 'targets', 4, 'value').value = null; // IND1 final
      cellAt(workbook, 'targets', 4, 'source_document').value = 'Marsad test fixture';
      cellAt(workbook, 'targets', 4, 'source_note').value = 'Not published.';
    });
    const result = await workbookToPackage(buffer);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [m01] = result.pkg.nodes.filter((n) => n.code === 'M01');
    expect(m01?.source?.page).toBe('iv');
    expect(result.pkg.indicators[0]!.target!.final).toEqual({
      period: '2013',
      value: null,
      source: { document: 'Marsad test fixture', note: 'Not published.' },
    });
  });
});
