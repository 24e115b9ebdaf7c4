import type { RowError } from './types';

// The header row of an observations CSV: which column holds what. Names are matched without regard to
// case; `dim:<dimension>` columns are kept sorted by dimension, the order of ObservationRow.dimsKey.

const SOURCE_FIELDS = [
  'document',
  'section',
  'page',
  'url',
  'publisher',
  'date',
  'note',
  'confidence',
] as const;
const FIXED = new Set(['indicator', 'period', 'value', 'state', 'confidence']);
const DIMENSION_PREFIX = 'dim:';

export interface Layout {
  width: number;
  indicator: number;
  period: number;
  value: number;
  state: number;
  confidence: number;
  dims: Array<{ dimension: string; index: number; header: string }>;
  source: Array<{ field: (typeof SOURCE_FIELDS)[number]; index: number; header: string }>;
}

/** Reads the header row; a missing, unknown or repeated column stops the parse. */
export function readLayout(header: string[], errors: RowError[]): Layout | null {
  const names = header.map((name) => name.trim());
  const at = (name: string) => names.findIndex((n) => n.toLowerCase() === name);
  const fail = (column: string, code: string, message: string) =>
    errors.push({ sheet: 'csv', row: 1, column, code, message });
  names.forEach((name, i) => {
    const lower = name.toLowerCase();
    const known =
      FIXED.has(lower) ||
      (lower.startsWith(DIMENSION_PREFIX) && name.length > DIMENSION_PREFIX.length) ||
      SOURCE_FIELDS.some((field) => lower === `source_${field}`);
    if (!known) fail(name, 'header.unknown', `Unknown column "${name}".`);
    else if (names.findIndex((n) => n.toLowerCase() === lower) !== i) {
      fail(name, 'header.duplicate', `Column ${name} appears twice.`);
    }
  });
  for (const name of ['indicator', 'period', 'value']) {
    if (at(name) === -1) fail(name, 'header.missing', `Column ${name} is missing.`);
  }
  if (errors.length > 0) return null;
  const dims = names
    .map((header, index) => ({ dimension: header.slice(DIMENSION_PREFIX.length).trim(), index, header }))
    .filter(({ header }) => header.toLowerCase().startsWith(DIMENSION_PREFIX))
    .sort((a, b) => (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0));
  const source = SOURCE_FIELDS.map((field) => ({
    field,
    index: at(`source_${field}`),
    header: `source_${field}`,
  }));
  return {
    width: names.length,
    indicator: at('indicator'),
    period: at('period'),
    value: at('value'),
    state: at('state'),
    confidence: at('confidence'),
    dims,
    source: source.filter(({ index }) => index !== -1),
  };
}
