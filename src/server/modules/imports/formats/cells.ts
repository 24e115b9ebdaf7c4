import type { CellValue } from 'exceljs';
import { isValidDate, isValidPeriod } from '../../../../domain/package/period-check';
import type { Column } from './sheets';

// Cells arrive as whatever the spreadsheet program stored: numbers, strings, rich text, formulas with
// their cached result, hyperlinks, dates. They are first reduced to a plain value, then read by the kind
// of their column, so that "2013" typed as a number is a valid period and "12" typed as text a number.

/** A cell reduced to one plain value; `{ error }` is a spreadsheet error such as `#N/A`. */
export type PlainCell = string | number | boolean | Date | null | { error: string };

export interface CellProblem {
  code: string;
  message: string;
}

export type ReadResult = { value: unknown } | { problem: CellProblem };

const TRUE_WORDS = new Set(['true', 'yes', 'oui', 'vrai', '1', 'نعم']);
const FALSE_WORDS = new Set(['false', 'no', 'non', 'faux', '0', 'لا']);
// Decimal point or, as written in French, a decimal comma; no thousands separators (spaces are removed).
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reduces an exceljs cell value (rich text, formula, hyperlink…) to a plain value. */
export function plainCell(value: CellValue | undefined): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isObject(value)) return null;
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isObject(run) ? String(run.text ?? '') : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return plainCell(value.result as CellValue);
  if ('hyperlink' in value) return plainCell(value.text as CellValue);
  if ('error' in value) return { error: String(value.error) };
  return null;
}

/** True for a cell that holds nothing (whitespace counts as nothing). */
export function isEmptyCell(value: PlainCell): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const problem = (code: string, message: string): ReadResult => ({ problem: { code, message } });

/** A date cell read as a period: a month or a year when its display format shows no day. */
function periodFromDate(date: Date, numFmt: string | undefined): string {
  const format = (numFmt ?? '').toLowerCase().replace(/"[^"]*"/g, '');
  if (!format || format.includes('d') || format === 'general') return isoDay(date);
  return format.includes('m') ? isoDay(date).slice(0, 7) : isoDay(date).slice(0, 4);
}

function asText(value: Exclude<PlainCell, null | { error: string }>): string {
  return value instanceof Date ? isoDay(value) : String(value);
}

function readNumber(value: Exclude<PlainCell, null | { error: string }>, header: string): ReadResult {
  if (typeof value === 'number') return { value };
  const text = typeof value === 'string' ? value.replace(/[\s\u00a0\u202f]/g, '') : '';
  if (NUMBER.test(text)) return { value: Number(text.replace(',', '.')) };
  return problem('cell.not_a_number', `${header}: "${asText(value)}" is not a number.`);
}

function readBoolean(value: Exclude<PlainCell, null | { error: string }>, header: string): ReadResult {
  if (typeof value === 'boolean') return { value };
  const word = asText(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return problem('cell.not_a_boolean', `${header}: "${asText(value)}" is not true or false.`);
}

/** Reads a non-empty cell as its column's kind, or says why it cannot. */
export function readCell(value: PlainCell, column: Column, numFmt?: string): ReadResult {
  const { header } = column;
  if (value === null) return { value: undefined };
  if (typeof value === 'object' && !(value instanceof Date)) {
    return problem('cell.error', `${header}: the cell holds the error ${value.error}.`);
  }
  switch (column.kind) {
    case 'number':
      return readNumber(value, header);
    case 'boolean':
      return readBoolean(value, header);
    case 'date': {
      const text = asText(value).trim();
      return isValidDate(text)
        ? { value: text }
        : problem('cell.bad_date', `${header}: "${text}" is not a date written YYYY-MM-DD.`);
    }
    case 'period': {
      const text = value instanceof Date ? periodFromDate(value, numFmt) : asText(value).trim();
      return isValidPeriod(text)
        ? { value: text }
        : problem(
            'cell.bad_period',
            `${header}: "${text}" is not a period (2013, 2013-H1, 2013-Q4, 2013-06…).`,
          );
    }
    case 'list': {
      const items = asText(value)
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return { value: items.length > 0 ? items : undefined };
    }
    case 'page':
      return { value: typeof value === 'number' ? value : asText(value) };
    case 'text':
      return { value: asText(value) };
    default: {
      const text = asText(value).trim();
      if (column.values && !column.values.includes(text)) {
        return problem('cell.not_allowed', `${header}: "${text}" is not one of ${column.values.join(', ')}.`);
      }
      return { value: text };
    }
  }
}

/** The cell value to write for a package value; lists become `a; b`. */
export function writeCell(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
