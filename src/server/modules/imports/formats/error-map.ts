import type { PackageError } from '../../../../domain/package/validate';
import type { Location } from './package-assemble';
import { type Column, SHEETS } from './sheets';
import type { RowError } from './types';

// Validator errors point into the JSON document (`/indicators/3/observations/5/period`). The user never
// saw that document, only their workbook: the longest pointer prefix with a recorded location gives the
// sheet and row, and the rest of the pointer (`period`, `source/document`, `title`) gives the column.

const unescapeSegment = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** The column holding `rest`: the deepest column path it lies under, else the first column under it. */
export function columnFor(columns: readonly Column[], rest: readonly string[]): Column | undefined {
  let best: Column | undefined;
  for (const column of columns) {
    if (column.path && startsWith(rest, column.path) && column.path.length > (best?.path?.length ?? -1)) {
      best = column;
    }
  }
  if (best || rest.length === 0) return best;
  return columns.find((column) => column.path && startsWith(column.path, rest));
}

/** Places one validator error in the workbook. */
export function locateError(error: PackageError, locations: Map<string, Location>): RowError {
  const segments = error.path.split('/').slice(1);
  for (let length = segments.length; length >= 0; length--) {
    const pointer = length === 0 ? '' : `/${segments.slice(0, length).join('/')}`;
    const location = locations.get(pointer);
    if (!location) continue;
    const header =
      location.column ??
      columnFor(location.columns, segments.slice(length).map(unescapeSegment))?.header ??
      '';
    const row = location.fieldRows ? (location.fieldRows.get(header) ?? 0) : location.row;
    return { sheet: location.sheet, row, column: header, code: error.code, message: error.message };
  }
  return { sheet: 'strategy', row: 0, column: '', code: error.code, message: error.message };
}

const SHEET_ORDER = new Map<string, number>(SHEETS.map((sheet, i) => [sheet.name, i]));

/** Sheet order of the workbook, then row; errors of one row keep the order they were found in. */
export function sortErrors(errors: RowError[]): RowError[] {
  const rank = (sheet: string) => SHEET_ORDER.get(sheet) ?? -1;
  return errors
    .map((error, i) => ({ error, i }))
    .sort((a, b) => rank(a.error.sheet) - rank(b.error.sheet) || a.error.row - b.error.row || a.i - b.i)
    .map(({ error }) => error);
}
