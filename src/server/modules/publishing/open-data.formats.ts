import ExcelJS from 'exceljs';
import type { Cell, Table } from './open-data.tables';

export const FORMATS = ['csv', 'xlsx', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const MEDIA_TYPES: Record<Format, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** The Content-Type header of a format (text formats say their charset). */
export const contentType = (format: Format) =>
  format === 'xlsx' ? MEDIA_TYPES.xlsx : `${MEDIA_TYPES[format]}; charset=utf-8`;

// RFC 4180: fields holding a comma, a double quote or a line break are quoted, quotes doubled, CRLF rows.
function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: Table): string {
  const lines = [table.columns.map(csvField).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(row[c] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marsad';
  // The workbook's own dates say nothing about the data; the dataset's `modified` date does.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({
    header: c,
    key: c,
    width: Math.min(Math.max(c.length + 2, 12), 40),
  }));
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => row[c] ?? null));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function toJson(table: Table, meta: Record<string, unknown>): string {
  return `${JSON.stringify({ ...meta, columns: table.columns, rows: table.rows }, null, 2)}\n`;
}
