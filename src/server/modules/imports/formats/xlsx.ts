import ExcelJS from 'exceljs';
import { BUILTIN_DIMENSIONS } from '../../../../domain/package/builtin-dimensions';
import { canonicalizePackage } from '../../../../domain/package/canonical';
import type { StrategyPackage } from '../../../../domain/package/schema';
import { validatePackage } from '../../../../domain/package/validate';
import { writeCell } from './cells';
import { locateError, sortErrors } from './error-map';
import { assemblePackage } from './package-assemble';
import { observationDimensions, packageRows, type SheetRow, valueAt } from './package-rows';
import { fillReadme } from './readme';
import { type Column, observationColumns, SHEETS, type SheetDef } from './sheets';
import type { RowError } from './types';
import { README_SHEET, readSheets } from './workbook-read';

// A strategy package as an Excel workbook, for people who build a plan in a spreadsheet: one sheet per
// kind of entity (layout in sheets.ts), a README sheet first. Reading reports every problem at once, at
// the sheet, row and column the user typed it, then the package validator's findings placed the same way.

export type { RowError } from './types';

export type WorkbookResult = { ok: true; pkg: StrategyPackage } | { ok: false; errors: RowError[] };

const RTL = { readingOrder: 'rtl', horizontal: 'right' } as const;

function styleHeader(sheet: ExcelJS.Worksheet, width: number): void {
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = {};
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
}

/** The strategy sheet: one `field | value` row per column of its definition. */
function addFieldSheet(workbook: ExcelJS.Workbook, def: SheetDef, pkg: StrategyPackage | null): void {
  const sheet = workbook.addWorksheet(def.name);
  sheet.columns = [
    { header: 'field', width: 26 },
    { header: 'value', width: 70 },
  ];
  const root: SheetRow = { row: 0, entity: (pkg ?? {}) as Record<string, unknown>, links: {} };
  for (const column of def.columns) {
    const row = sheet.addRow([column.header, writeCell(valueAt(root, column))]);
    if (column.rtl) row.getCell(2).alignment = RTL;
  }
  styleHeader(sheet, 2);
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: SheetRow[]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.rtl ? { style: { alignment: RTL } } : {}),
  }));
  for (const row of rows) sheet.addRow(columns.map((column) => writeCell(valueAt(row, column))));
  styleHeader(sheet, columns.length);
}

async function buildWorkbook(pkg: StrategyPackage | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marsad';
  fillReadme(workbook.addWorksheet(README_SHEET));
  const rows = pkg ? packageRows(pkg) : null;
  const dimensions = pkg ? observationDimensions(pkg) : BUILTIN_DIMENSIONS.map((d) => d.code);
  for (const def of SHEETS) {
    if (def.layout === 'fields') addFieldSheet(workbook, def, pkg);
    else {
      const columns = def.name === 'observations' ? observationColumns(dimensions) : [...def.columns];
      addTableSheet(workbook, def.name, columns, rows?.[def.name as keyof typeof rows] ?? []);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes a package as a workbook, entities in canonical order. */
export function packageToWorkbook(pkg: StrategyPackage): Promise<Buffer> {
  return buildWorkbook(canonicalizePackage(pkg));
}

/** The empty workbook users download to fill in: every sheet with its headers, and the README. */
export function templateWorkbook(): Promise<Buffer> {
  return buildWorkbook(null);
}

const errorKey = (e: RowError) => `${e.sheet}\u0000${e.row}\u0000${e.column}`;

/**
 * Reads a workbook into a valid package (canonical form), or lists every problem by sheet, row and column.
 * Cell problems do not stop the package checks: their findings are added, except on a cell already
 * reported by the reading. A missing sheet or header does, since every row would then repeat it.
 */
export async function workbookToPackage(buffer: Buffer): Promise<WorkbookResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    const message = `Not a readable .xlsx workbook: ${(error as Error).message}`;
    return { ok: false, errors: [{ sheet: '', row: 0, column: '', code: 'workbook.unreadable', message }] };
  }
  const read = readSheets(workbook);
  if (read.fatal) return { ok: false, errors: sortErrors(read.errors) };
  const assembled = assemblePackage(read);
  const errors = [...read.errors, ...assembled.errors];
  const validation = validatePackage(assembled.pkg);
  if (validation.ok && errors.length === 0) return { ok: true, pkg: canonicalizePackage(validation.pkg) };
  const seen = new Set(errors.map(errorKey));
  for (const error of validation.ok ? [] : validation.errors) {
    const located = locateError(error, assembled.locations);
    if (!seen.has(errorKey(located))) errors.push(located);
  }
  return { ok: false, errors: sortErrors(errors) };
}
