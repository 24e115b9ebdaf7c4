import type { Readable } from 'node:stream';
import type { Confidence, Source } from '../../../../domain/package/schema';
import { isValidPeriod } from '../../../../domain/periods';
import { CsvRecords, Utf8Text } from './csv-records';
import { isConfidence, memo, parseValue, sourceProblem } from './csv-values';
import { type Layout, readLayout } from './observations-csv-header';
import type { RowError } from './types';

// A CSV of observations for indicators that already exist: `indicator,period,value`, optional
// `dim:<dimension>` columns, state, confidence and source columns. Rows stream out in batches while the
// file streams in, so a million rows never sit in memory at once. Every bad row is reported (up to a cap)
// and left out of the batches; whether any error voids the import is the caller's decision.

export interface ObservationRow {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  indicator: string;
  period: string;
  /** Dimension → member; empty for the national total. */
  dims: Record<string, string>;
  /** `dim=code` pairs sorted by dimension and joined by `;`; '' when none. */
  dimsKey: string;
  value: number | null;
  state: 'provisional' | 'approved';
  confidence: Confidence | null;
  /** Rows with the same source cells share one object: read it, do not change it. */
  source: Source | null;
}

export interface ParseObservationsOptions {
  /** Rows handed to `onBatch` at a time; 5,000 by default. */
  batchSize?: number;
  knownIndicators?: (code: string) => boolean;
  knownMembers?: (dimension: string, code: string) => boolean;
  /** Why a period is not acceptable for an indicator (e.g. outside its strategy), or null when it is. */
  periodOk?: (indicator: string, period: string) => string | null;
}

export interface ParseObservationsResult {
  /** Rows handed to `onBatch`: those without error. */
  rows: number;
  errors: RowError[];
}

/** At most this many errors are listed; the last entry then says how many more there were. */
export const ERROR_CAP = 1000;

type Verdict = { code: string; message: string } | null;

/** What one indicator code is worth: whether it exists, and the verdict on each period found with it. */
interface IndicatorCheck {
  known: boolean;
  period: (period: string) => Verdict;
}

function indicatorChecks(options: ParseObservationsOptions): (code: string) => IndicatorCheck {
  const { knownIndicators, periodOk } = options;
  return memo((code) => {
    const known = knownIndicators ? knownIndicators(code) : true;
    const period = memo((text): Verdict => {
      if (!isValidPeriod(text)) {
        return { code: 'period.invalid', message: `"${text}" is not a period (2013, 2013-Q4, 2013-06…).` };
      }
      const why = known && periodOk ? periodOk(code, text) : null;
      return why === null ? null : { code: 'period.not_allowed', message: why };
    });
    return { known, period };
  });
}

class RowReader {
  readonly errors: RowError[] = [];
  private total = 0;
  private readonly indicator: (code: string) => IndicatorCheck;
  /** Per `dim:` column, in layout order: is this member code known? */
  private readonly members: Array<(code: string) => boolean>;
  /** The previous row's source, reused while the source columns repeat (as they usually do). */
  private lastSource: { texts: string[]; source: Source | null } = { texts: [], source: null };

  constructor(
    private readonly layout: Layout,
    options: ParseObservationsOptions,
  ) {
    const { knownMembers } = options;
    this.indicator = indicatorChecks(options);
    this.members = layout.dims.map(({ dimension }) =>
      knownMembers ? memo((code) => knownMembers(dimension, code)) : () => true,
    );
  }

  error(row: number, column: string, code: string, message: string): void {
    this.total++;
    if (this.errors.length < ERROR_CAP) this.errors.push({ sheet: 'csv', row, column, code, message });
  }

  /** The errors, the last one replaced by a count of those left out when there were too many. */
  finalErrors(): RowError[] {
    if (this.total <= ERROR_CAP) return this.errors;
    const kept = this.errors.slice(0, ERROR_CAP - 1);
    const more = this.total - kept.length;
    return [
      ...kept,
      { sheet: 'csv', row: 0, column: '', code: 'errors.truncated', message: `…and ${more} more` },
    ];
  }

  /** One record → a row, or null after reporting what is wrong with it. */
  read(fields: string[], line: number, problem?: string): ObservationRow | null {
    const { layout } = this;
    const before = this.total;
    const blank = fields[0]!.trim() === '' && fields.every((field) => field.trim() === '');
    if (blank) return null;
    if (fields.length !== layout.width) {
      const message = `${fields.length} columns where the header has ${layout.width}.`;
      this.error(line, '', 'row.column_count', message);
      return null;
    }
    if (problem) this.error(line, '', problem, 'A quoted field is not closed properly.');
    const indicator = fields[layout.indicator]!.trim();
    const period = fields[layout.period]!.trim();
    const valueText = fields[layout.value]!.trim();
    const check = this.indicator(indicator);
    if (indicator === '') this.error(line, 'indicator', 'cell.required', 'indicator is required.');
    else if (!check.known) {
      this.error(line, 'indicator', 'reference.unknown_indicator', `Unknown indicator "${indicator}".`);
    }
    const verdict = check.period(period);
    if (verdict) this.error(line, 'period', verdict.code, verdict.message);
    const value = parseValue(valueText);
    if (value === undefined)
      this.error(line, 'value', 'cell.not_a_number', `"${valueText}" is not a number.`);
    const dims: Record<string, string> = {};
    let dimsKey = '';
    for (let i = 0; i < layout.dims.length; i++) {
      const { dimension, index, header } = layout.dims[i]!;
      const code = fields[index]!.trim();
      if (code === '') continue;
      if (!this.members[i]!(code)) {
        this.error(line, header, 'reference.unknown_member', `Unknown member "${code}" of ${dimension}.`);
      }
      dims[dimension] = code;
      dimsKey = dimsKey === '' ? `${dimension}=${code}` : `${dimsKey};${dimension}=${code}`;
    }
    const state = layout.state === -1 ? '' : fields[layout.state]!.trim();
    if (state !== '' && state !== 'approved' && state !== 'provisional') {
      this.error(line, 'state', 'cell.not_allowed', `state "${state}" is not approved or provisional.`);
    }
    const confidence = layout.confidence === -1 ? '' : fields[layout.confidence]!.trim();
    if (confidence !== '' && !isConfidence(confidence)) {
      this.error(
        line,
        'confidence',
        'cell.not_allowed',
        `confidence "${confidence}" is not high, medium, low or unverified.`,
      );
    }
    const source = layout.source.length > 0 ? this.source(fields, line) : null;
    if (this.total !== before) return null;
    return {
      line,
      indicator,
      period,
      dims,
      dimsKey,
      value: value as number | null,
      state: state === 'provisional' ? 'provisional' : 'approved',
      confidence: confidence === '' ? null : (confidence as Confidence),
      source,
    };
  }

  private source(fields: string[], line: number): Source | null {
    const columns = this.layout.source;
    const last = this.lastSource;
    let same = last.texts.length > 0;
    for (let i = 0; same && i < columns.length; i++) same = fields[columns[i]!.index] === last.texts[i];
    if (same) return last.source;
    const source: Record<string, string | number> = {};
    const errorsBefore = this.total;
    let filled = false;
    for (const { field, index, header } of columns) {
      const text = fields[index]!;
      if (text.trim() === '') continue;
      filled = true;
      source[field] = field === 'page' && /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
      const problem = sourceProblem(field, text.trim());
      if (problem) this.error(line, header, problem.code, `${header}: "${text}" ${problem.message}.`);
    }
    if (filled && source.document === undefined) {
      this.error(line, 'source_document', 'cell.required', 'source_document is required with a source.');
    }
    const result = filled ? (source as unknown as Source) : null;
    // Only a source without error may stand for the next rows: theirs would otherwise go unreported.
    if (this.total === errorsBefore) {
      this.lastSource = { texts: columns.map(({ index }) => fields[index]!), source: result };
    }
    return result;
  }
}

/**
 * Parses a CSV of observations (RFC 4180; `,` or `;`; UTF-8 with or without BOM) as it streams in, handing
 * valid rows to `onBatch` and returning every row error (capped at ERROR_CAP entries).
 */
export async function parseObservationsCsv(
  input: AsyncIterable<Buffer | string> | Readable,
  onBatch: (rows: ObservationRow[]) => Promise<void>,
  options: ParseObservationsOptions = {},
): Promise<ParseObservationsResult> {
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const headerErrors: RowError[] = [];
  let reader: RowReader | null = null;
  let batch: ObservationRow[] = [];
  let rows = 0;
  let stop = false;
  const records = new CsvRecords((fields, line, problem) => {
    if (stop) return;
    if (!reader) {
      const layout = readLayout(fields, headerErrors);
      if (layout) reader = new RowReader(layout, options);
      else stop = true;
      return;
    }
    const row = reader.read(fields, line, problem);
    if (row) batch.push(row);
  });
  const flush = async (all: boolean) => {
    while (batch.length >= batchSize || (all && batch.length > 0)) {
      const out = batch.length > batchSize ? batch.slice(0, batchSize) : batch;
      batch = batch.length > batchSize ? batch.slice(batchSize) : [];
      rows += out.length;
      await onBatch(out);
    }
  };
  const utf8 = new Utf8Text();
  const notUtf8 = (): ParseObservationsResult => ({
    rows,
    errors: [
      {
        sheet: 'csv',
        row: records.line,
        column: '',
        code: 'csv.not_utf8',
        message: 'Not UTF-8 text (at or after this line): save the file as UTF-8.',
      },
    ],
  });
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : utf8.write(chunk);
    if (text === null) return notUtf8();
    records.push(text);
    if (stop) return { rows, errors: headerErrors };
    await flush(false);
  }
  const last = utf8.end();
  if (last === null) return notUtf8();
  records.push(last);
  records.end();
  if (stop) return { rows, errors: headerErrors };
  if (!reader) {
    return {
      rows: 0,
      errors: [{ sheet: 'csv', row: 1, column: '', code: 'header.missing', message: 'The file is empty.' }],
    };
  }
  await flush(true);
  return { rows, errors: (reader as RowReader).finalErrors() };
}
