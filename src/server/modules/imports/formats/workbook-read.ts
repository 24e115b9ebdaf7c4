import type { CellValue, Row, Workbook, Worksheet } from 'exceljs';
import { isEmptyCell, type PlainCell, plainCell, readCell } from './cells';
import type { SheetRow } from './package-rows';
import {
  type Column,
  DIMENSION_PREFIX,
  dimensionColumn,
  SHEETS,
  type SheetDef,
  type SheetName,
} from './sheets';
import type { RowError } from './types';

// Workbook → rows of every sheet, each cell read by its column's kind. Every problem found is collected;
// `fatal` says that some are structural (a missing sheet or header) and checking the package would only
// repeat them row after row.

export const README_SHEET = 'README';

export interface ReadSheets {
  /** The strategy sheet as one entity (paths from the package root) with the row of each field. */
  root: SheetRow;
  fieldRows: Map<string, number>;
  tables: Map<SheetName, SheetRow[]>;
  /** The columns found in each table sheet, `dim:` columns included. */
  columns: Map<SheetName, Column[]>;
  errors: RowError[];
  fatal: boolean;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next === 'object' && next !== null) at = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      at[key] = created;
      at = created;
    }
  }
  at[path[path.length - 1]!] = value;
}

const text = (value: PlainCell) =>
  typeof value === 'string' ? value.trim() : isEmptyCell(value) ? '' : String(value);

class SheetReader {
  constructor(
    readonly name: string,
    readonly errors: RowError[],
  ) {}

  error(row: number, column: string, code: string, message: string): void {
    this.errors.push({ sheet: this.name, row, column, code, message });
  }

  /** Reads one cell into the row's entity or links, or reports why it cannot; `as` names it in errors. */
  cell(
    target: SheetRow,
    row: number,
    column: Column,
    cell: { value: CellValue; numFmt?: string },
    as: string,
  ) {
    const plain = plainCell(cell.value);
    if (isEmptyCell(plain)) {
      if (column.required === true) this.error(row, as, 'cell.required', `${column.header} is required.`);
      else if (column.nullable && column.path) setPath(target.entity, column.path, null);
      return;
    }
    const read = readCell(plain, column, cell.numFmt);
    if ('problem' in read) return this.error(row, as, read.problem.code, read.problem.message);
    if (read.value === undefined) return;
    if (column.path) setPath(target.entity, column.path, read.value);
    else target.links[column.header] = String(read.value);
  }

  /** Reports a group of columns (title_fr, title_ar, title_en) of which none was filled. */
  groups(target: SheetRow, columns: readonly Column[], rowOf: (c: Column) => number): void {
    const seen = new Set<string>();
    for (const column of columns) {
      const group = column.path?.slice(0, -1).join('/');
      if (column.required !== 'group' || group === undefined || seen.has(group)) continue;
      seen.add(group);
      const members = columns.filter(
        (c) => c.required === 'group' && c.path?.slice(0, -1).join('/') === group,
      );
      const filled = members.some((c) => c.path && valueIn(target.entity, c.path) !== undefined);
      if (!filled) {
        const names = members.map((c) => c.header).join(', ');
        this.error(rowOf(column), column.header, 'cell.required', `One of ${names} is required.`);
      }
    }
  }
}

function valueIn(entity: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = entity;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** Maps header cells to columns; reports unknown, duplicate and missing headers. */
function readHeaders(sheet: Worksheet, def: SheetDef, reader: SheetReader): Map<number, Column> {
  const byHeader = new Map(def.columns.map((c) => [c.header, c]));
  const found = new Map<number, Column>();
  const seen = new Set<string>();
  sheet.getRow(1).eachCell((cell, index) => {
    const header = text(plainCell(cell.value));
    if (header === '') return;
    const isDimension = def.name === 'observations' && header.startsWith(DIMENSION_PREFIX);
    const column = isDimension
      ? dimensionColumn(header.slice(DIMENSION_PREFIX.length))
      : byHeader.get(header);
    if (seen.has(header)) reader.error(1, header, 'header.duplicate', `Column ${header} appears twice.`);
    else if (!column) reader.error(1, header, 'header.unknown', `Unknown column ${header}.`);
    else found.set(index, column);
    seen.add(header);
  });
  const groups = new Set([...found.values()].map((c) => c.path?.slice(0, -1).join('/')));
  for (const column of def.columns) {
    const group = column.path?.slice(0, -1).join('/');
    const missing =
      ((column.required === true || column.nullable) && !seen.has(column.header)) ||
      (column.required === 'group' && !groups.has(group) && column.header.endsWith('_fr'));
    if (missing) reader.error(1, column.header, 'header.missing', `Column ${column.header} is missing.`);
  }
  return found;
}

function readTable(
  sheet: Worksheet,
  def: SheetDef,
  reader: SheetReader,
): { rows: SheetRow[]; columns: Column[] } {
  const headerCount = reader.errors.length;
  const columns = readHeaders(sheet, def, reader);
  const rows: SheetRow[] = [];
  if (reader.errors.length > headerCount) return { rows, columns: [...columns.values()] };
  sheet.eachRow((excelRow: Row, number: number) => {
    if (number === 1) return;
    const cells = [...columns].map(([index, column]) => ({ column, cell: excelRow.getCell(index) }));
    if (cells.every(({ cell }) => isEmptyCell(plainCell(cell.value)))) return;
    const target: SheetRow = { row: number, entity: {}, links: {} };
    for (const { column, cell } of cells) reader.cell(target, number, column, cell, column.header);
    reader.groups(target, [...columns.values()], () => number);
    rows.push(target);
  });
  return { rows, columns: [...columns.values()] };
}

/** The strategy sheet: `field | value` rows, read into one entity rooted at the package. */
function readFields(
  sheet: Worksheet,
  def: SheetDef,
  reader: SheetReader,
): Pick<ReadSheets, 'root' | 'fieldRows'> {
  const root: SheetRow = { row: 0, entity: {}, links: {} };
  const fieldRows = new Map<string, number>();
  const header = sheet.getRow(1);
  for (const [index, expected] of ['field', 'value'].entries()) {
    if (text(plainCell(header.getCell(index + 1).value)) !== expected) {
      reader.error(1, expected, 'header.missing', `Column ${expected} is missing.`);
    }
  }
  const byHeader = new Map(def.columns.map((c) => [c.header, c]));
  sheet.eachRow((excelRow, number) => {
    const field = text(plainCell(excelRow.getCell(1).value));
    if (number === 1 || (field === '' && isEmptyCell(plainCell(excelRow.getCell(2).value)))) return;
    const column = byHeader.get(field);
    if (!column) return reader.error(number, 'field', 'field.unknown', `Unknown field "${field}".`);
    if (fieldRows.has(field))
      return reader.error(number, field, 'field.duplicate', `Field ${field} appears twice.`);
    fieldRows.set(field, number);
    reader.cell(root, number, { ...column, required: false }, excelRow.getCell(2), field);
  });
  for (const column of def.columns) {
    if (column.required === true && column.path && valueIn(root.entity, column.path) === undefined) {
      reader.error(
        fieldRows.get(column.header) ?? 0,
        column.header,
        'cell.required',
        `${column.header} is required.`,
      );
    }
  }
  reader.groups(root, def.columns, (c) => fieldRows.get(c.header) ?? 0);
  return { root, fieldRows };
}

/** Reads every sheet of the workbook; the README sheet is skipped, an unknown sheet is an error. */
export function readSheets(workbook: Workbook): ReadSheets {
  const errors: RowError[] = [];
  const known = new Set<string>([README_SHEET, ...SHEETS.map((d) => d.name)]);
  for (const { name } of workbook.worksheets) {
    if (known.has(name)) continue;
    const message = `Unknown sheet "${name}": rename it as the README sheet lists, or remove it.`;
    errors.push({ sheet: name, row: 0, column: '', code: 'sheet.unknown', message });
  }
  const tables = new Map<SheetName, SheetRow[]>();
  const columns = new Map<SheetName, Column[]>();
  let fields: Pick<ReadSheets, 'root' | 'fieldRows'> = {
    root: { row: 0, entity: {}, links: {} },
    fieldRows: new Map(),
  };
  for (const def of SHEETS) {
    const sheet = workbook.getWorksheet(def.name);
    const reader = new SheetReader(def.name, errors);
    if (def.layout === 'fields') {
      if (sheet) fields = readFields(sheet, def, reader);
      else reader.error(0, '', 'sheet.missing', `Sheet ${def.name} is missing.`);
    } else if (sheet && sheet.actualRowCount > 0) {
      // A table sheet removed, or cleared of everything including its headers, simply has no rows.
      const read = readTable(sheet, def, reader);
      tables.set(def.name, read.rows);
      columns.set(def.name, read.columns);
    }
  }
  const fatal = errors.some((e) => e.code === 'sheet.missing' || e.code.startsWith('header.'));
  return { ...fields, tables, columns, errors, fatal };
}
