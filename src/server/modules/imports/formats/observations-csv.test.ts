import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  ERROR_CAP,
  type ObservationRow,
  type ParseObservationsOptions,
  parseObservationsCsv,
} from './observations-csv';

const INDICATORS = new Set(['HH', 'SUBS']);
const MEMBERS = new Set(['region=MA-01', 'region=MA-06', 'zone=dense', 'sex=f']);
const known: ParseObservationsOptions = {
  knownIndicators: (code) => INDICATORS.has(code),
  knownMembers: (dimension, code) => MEMBERS.has(`${dimension}=${code}`),
};

async function parse(input: string | Buffer | Array<string | Buffer>, options = known) {
  const rows: ObservationRow[] = [];
  const batches: number[] = [];
  const chunks = Array.isArray(input) ? input : [input];
  const result = await parseObservationsCsv(
    Readable.from(chunks),
    async (batch) => {
      batches.push(batch.length);
      rows.push(...batch);
    },
    options,
  );
  return { ...result, rows, count: result.rows, batches };
}

describe('parseObservationsCsv', () => {
  it('reads rows with dimensions, state, confidence and source', async () => {
    const csv = [
      'indicator,period,dim:zone,dim:region,value,state,confidence,source_document,source_url,source_note',
      'HH,2012,,,20.5,,,,,',
      'HH,2012-Q4,dense,MA-06,30,provisional,high,ANRT survey,https://anrt.ma,',
      'SUBS,2013-06,,MA-01,-1.5e3,approved,,ANRT survey,,no figure before',
      'SUBS,2014,,,,,,ANRT survey,,source gives none',
    ].join('\n');
    const { rows, errors, count } = await parse(csv);
    expect(errors).toEqual([]);
    expect(count).toBe(4);
    expect(rows[0]).toEqual({
      line: 2,
      indicator: 'HH',
      period: '2012',
      dims: {},
      dimsKey: '',
      value: 20.5,
      state: 'approved',
      confidence: null,
      source: null,
    });
    expect(rows[1]).toMatchObject({
      line: 3,
      dims: { region: 'MA-06', zone: 'dense' },
      dimsKey: 'region=MA-06;zone=dense',
      value: 30,
      state: 'provisional',
      confidence: 'high',
      source: { document: 'ANRT survey', url: 'https://anrt.ma' },
    });
    expect(rows[2]).toMatchObject({ value: -1500, dimsKey: 'region=MA-01' });
    expect(rows[2]!.source).toEqual({ document: 'ANRT survey', note: 'no figure before' });
    expect(rows[3]).toMatchObject({ line: 5, value: null });
  });

  it('follows RFC 4180 quoting: separators, doubled quotes and line breaks inside quotes, CRLF', async () => {
    const csv =
      'indicator,period,value,source_document,source_note\r\n' +
      'HH,2012,1,"Survey, 2012","He said ""70 %"""\r\n' +
      'HH,2013,2,"Two\r\nlines",""\r\n' +
      '"HH","2014","3",Plain,"a ""quote"" and, comma\nand a line"\r\n' +
      'HH,2015,4,Last,no newline at the end';
    const { rows, errors } = await parse(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.period, r.value])).toEqual([
      [2, '2012', 1],
      [3, '2013', 2],
      [5, '2014', 3],
      [7, '2015', 4],
    ]);
    expect(rows[0]!.source).toEqual({ document: 'Survey, 2012', note: 'He said "70 %"' });
    expect(rows[1]!.source).toEqual({ document: 'Two\r\nlines' });
    expect(rows[2]!.source).toEqual({ document: 'Plain', note: 'a "quote" and, comma\nand a line' });
    expect(rows[3]!.source).toEqual({ document: 'Last', note: 'no newline at the end' });
  });

  it('gives the same rows whatever the chunk boundaries, even inside a character or a quoted field', async () => {
    const csv = 'indicator,period,value,source_document\nHH,2012,1,"Enquête, « ménages »"\nHH,2013,2,مسح\n';
    const whole = await parse(csv);
    const bytes = Buffer.from(csv);
    const oneByOne = await parse([...bytes].map((byte) => Buffer.from([byte])));
    expect(oneByOne.rows).toEqual(whole.rows);
    expect(whole.rows.map((r) => r.source?.document)).toEqual(['Enquête, « ménages »', 'مسح']);
  });

  it('reads numbers exactly as Number() does, decimal commas aside', async () => {
    const texts = [
      '0',
      '-0.5',
      '+3',
      '.5',
      '5.',
      '0.1',
      '1e3',
      '-2.5E-3',
      '123456789012345678',
      '0.30000000000000004',
    ];
    const csv = ['indicator,period,value', ...texts.map((text) => `HH,2012,${text}`)].join('\n');
    const { rows, errors } = await parse(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.value)).toEqual(texts.map(Number));
    const bad = await parse(
      'indicator,period,value\nHH,2012,-\nHH,2012,1.2.3\nHH,2012,Infinity\nHH,2012,1 000\n',
    );
    expect(bad.errors.map((e) => e.code)).toEqual(Array(4).fill('cell.not_a_number'));
  });

  it('skips a UTF-8 BOM, in bytes or in text', async () => {
    const csv = '\ufeffindicator,period,value\nHH,2012,1\n';
    for (const input of [Buffer.from(csv), csv]) {
      const { rows, errors } = await parse(input);
      expect(errors).toEqual([]);
      expect(rows).toHaveLength(1);
    }
  });

  it('refuses text that is not UTF-8 rather than garbling its accents', async () => {
    const latin1 = Buffer.from('indicator,period,value,source_document\nHH,2012,1,Enqu\xeate\n', 'latin1');
    const { errors, count } = await parse(latin1);
    expect(count).toBe(0);
    expect(errors).toMatchObject([{ sheet: 'csv', row: 1, column: '', code: 'csv.not_utf8' }]);
  });

  it('accepts ; as separator when the header uses it, with decimal commas', async () => {
    const csv = 'indicator;period;value;source_document\nHH;2012;20,5;"Survey; 2012"\nHH;2013;7;X\n';
    const { rows, errors } = await parse(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.value)).toEqual([20.5, 7]);
    expect(rows[0]!.source?.document).toBe('Survey; 2012');
  });

  it('reports broken quoting: text after a closing quote, a quote never closed', async () => {
    const { errors, count } = await parse(
      'indicator,period,value,source_document\nHH,2012,1,"a"b\nHH,2013,2,"open\n',
    );
    expect(count).toBe(0);
    expect(errors.map(({ row, code }) => [row, code])).toEqual([
      [2, 'csv.bad_quotes'],
      [3, 'csv.unterminated_quote'],
    ]);
  });

  it('skips empty lines and rows of empty fields', async () => {
    const { rows, errors } = await parse('indicator,period,value\n\nHH,2012,1\r\n,,\n\r\nHH,2013,2\n\n');
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports every bad row with its line, column and code, and leaves bad rows out', async () => {
    const csv = [
      'indicator,period,dim:region,value',
      'NOPE,2012,,1',
      'HH,2013-13,,1',
      'HH,2012,,twelve',
      'HH,2012,MA-99,1',
      'HH,2012,1',
      'HH,2012,,0x1F',
      ',2012,,1',
      'HH,2014,MA-01,5',
    ].join('\n');
    const { rows, errors, count } = await parse(csv);
    expect(count).toBe(1);
    expect(rows[0]!.line).toBe(9);
    expect(errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: 'indicator', code: 'reference.unknown_indicator' },
      { row: 3, column: 'period', code: 'period.invalid' },
      { row: 4, column: 'value', code: 'cell.not_a_number' },
      { row: 5, column: 'dim:region', code: 'reference.unknown_member' },
      { row: 6, column: '', code: 'row.column_count' },
      { row: 7, column: 'value', code: 'cell.not_a_number' },
      { row: 8, column: 'indicator', code: 'cell.required' },
    ]);
    expect(errors.every((e) => e.sheet === 'csv')).toBe(true);
  });

  it('reports the reason periodOk gives, once per row', async () => {
    const periodOk = (indicator: string, period: string) =>
      indicator === 'HH' && period > '2020' ? `period ${period} lies after the strategy` : null;
    const { errors, count } = await parse('indicator,period,value\nHH,2021,1\nHH,2019,1\nSUBS,2021,1\n', {
      ...known,
      periodOk,
    });
    expect(count).toBe(2);
    expect(errors).toEqual([
      {
        sheet: 'csv',
        row: 2,
        column: 'period',
        code: 'period.not_allowed',
        message: 'period 2021 lies after the strategy',
      },
    ]);
  });

  it('checks state, confidence and source cells', async () => {
    const csv = [
      'indicator,period,value,state,confidence,source_document,source_url,source_note',
      'HH,2012,1,final,,,,',
      'HH,2012,1,,sure,,,',
      'HH,2012,1,,,Doc,ftp://x,',
      'HH,2012,1,,,,,a note without a document',
    ].join('\n');
    const { errors } = await parse(csv);
    expect(errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [2, 'state', 'cell.not_allowed'],
      [3, 'confidence', 'cell.not_allowed'],
      [4, 'source_url', 'cell.bad_url'],
      [5, 'source_document', 'cell.required'],
    ]);
  });

  it('stops at a bad header: missing, unknown or repeated columns', async () => {
    const { errors, count } = await parse('indicator,periode,dim:region,dim:region\nHH,2012,MA-01,MA-01\n');
    expect(count).toBe(0);
    expect(errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [1, 'periode', 'header.unknown'],
      [1, 'dim:region', 'header.duplicate'],
      [1, 'period', 'header.missing'],
      [1, 'value', 'header.missing'],
    ]);
    expect((await parse('')).errors[0]!.code).toBe('header.missing');
  });

  it(`caps the error list at ${ERROR_CAP} entries, the last one counting the rest`, async () => {
    const lines = ['indicator,period,value', ...Array.from({ length: 1500 }, () => 'HH,2012,x'), 'HH,2012,1'];
    const { errors, count } = await parse(lines.join('\n'));
    expect(count).toBe(1);
    expect(errors).toHaveLength(ERROR_CAP);
    expect(errors[ERROR_CAP - 2]).toMatchObject({ row: ERROR_CAP, code: 'cell.not_a_number' });
    expect(errors.at(-1)).toEqual({
      sheet: 'csv',
      row: 0,
      column: '',
      code: 'errors.truncated',
      message: '…and 501 more',
    });
  });

  it('hands rows over in batches of batchSize', async () => {
    const lines = ['indicator,period,value', ...Array.from({ length: 5 }, (_, i) => `HH,${2010 + i},${i}`)];
    const { batches, rows } = await parse(lines.join('\n'), { ...known, batchSize: 2 });
    expect(batches).toEqual([2, 2, 1]);
    expect(rows.map((r) => r.value)).toEqual([0, 1, 2, 3, 4]);
  });

  it('accepts a plain async iterable of strings', async () => {
    async function* chunks() {
      yield 'indicator,period,va';
      yield 'lue\nHH,2012,1\nHH,20';
      yield '13,2';
    }
    const rows: ObservationRow[] = [];
    const result = await parseObservationsCsv(chunks(), async (batch) => void rows.push(...batch), known);
    expect(result).toEqual({ rows: 2, errors: [] });
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ['2012', 1],
      ['2013', 2],
    ]);
  });
});
