import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

// RFC 4180 records out of text that arrives in chunks. Speed matters (a million rows is a normal upload):
// a line without any quote — nearly all of them — is cut with indexOf and split, and only a line holding
// a quote goes through the character-by-character reader, which may run over several lines.

/** One record: its fields and the line it starts on; `problem` when its quoting is broken. */
export type RecordSink = (fields: string[], line: number, problem?: string) => void;

const QUOTE = 34;
const CR = 13;

interface Quoted {
  fields: string[];
  /** Index just after the record's line end. */
  next: number;
  problem?: string;
}

export class CsvRecords {
  private rest = '';
  /** Line the next record starts on. */
  line = 1;
  private started = false;
  separator = ',';

  constructor(private readonly sink: RecordSink) {}

  /** Feeds the next piece of text; complete records go to the sink, an unfinished one waits. */
  push(chunk: string): void {
    let text = this.rest + chunk;
    if (!this.started) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const end = text.indexOf('\n');
      if (end === -1) {
        this.rest = text;
        return;
      }
      this.started = true;
      this.separator = separatorOf(text.slice(0, end));
    }
    this.parse(text, false);
  }

  /** Ends the input: the last record may lack its line end. */
  end(): void {
    if (!this.started) {
      const text = this.rest.charCodeAt(0) === 0xfeff ? this.rest.slice(1) : this.rest;
      this.started = true;
      this.separator = separatorOf(text);
      this.rest = text;
    }
    this.parse(this.rest, true);
  }

  private parse(text: string, final: boolean): void {
    const separator = this.separator;
    const length = text.length;
    let pos = 0;
    let quote = text.indexOf('"');
    while (pos < length) {
      let newline = text.indexOf('\n', pos);
      if (newline === -1) {
        if (!final) break;
        newline = length;
      }
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || quote > newline) {
        const end = newline > pos && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
        if (end > pos) this.sink(text.slice(pos, end).split(separator), this.line);
        this.line++;
        pos = newline + 1;
        continue;
      }
      const record = readQuoted(text, pos, separator, final);
      if (!record) break;
      this.sink(record.fields, this.line, record.problem);
      this.line += countNewlines(text, pos, record.next);
      pos = record.next;
    }
    this.rest = pos < length ? text.slice(pos) : '';
  }
}

/** `;` when the header uses it and no comma: the export of a spreadsheet set to French. */
function separatorOf(header: string): string {
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count + (to > text.length ? 1 : 0);
}

/** Reads one record with quoted fields from `start`; null when it may continue in the next chunk. */
function readQuoted(text: string, start: number, separator: string, final: boolean): Quoted | null {
  const length = text.length;
  const fields: string[] = [];
  let problem: string | undefined;
  let i = start;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) {
          if (!final) return null;
          fields.push(value + text.slice(from));
          return { fields, next: length + 1, problem: 'csv.unterminated_quote' };
        }
        value += text.slice(from, close);
        if (close + 1 >= length && !final) return null;
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // Anything between the closing quote and the separator breaks RFC 4180: keep it, but say so.
      const stop = nextStop(text, i, separator);
      if (stop > i && !(stop === i + 1 && text.charCodeAt(i) === CR)) {
        problem = 'csv.bad_quotes';
        value += text.slice(i, stop).replace(/\r$/, '');
      }
      i = stop;
    } else {
      const stop = nextStop(text, i, separator);
      if (stop === length && !final) return null;
      value = text.slice(i, stop);
      const atLineEnd = !text.startsWith(separator, stop);
      if (atLineEnd && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
      i = stop;
    }
    fields.push(value);
    if (i < length && text.startsWith(separator, i)) {
      i += separator.length;
      continue;
    }
    if (i >= length && !final) return null;
    return { fields, next: i + 1, ...(problem ? { problem } : {}) };
  }
}

/** The index of the next separator or line feed from `from`, or the end of the text. */
function nextStop(text: string, from: number, separator: string): number {
  const sep = text.indexOf(separator, from);
  const lf = text.indexOf('\n', from);
  if (sep === -1) return lf === -1 ? text.length : lf;
  return lf === -1 || sep < lf ? sep : lf;
}

/** Index just after the last complete UTF-8 sequence: a chunk may end in the middle of a character. */
function completeLength(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead < 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.length;
  const byte = bytes[lead]!;
  const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return bytes.length - lead >= size ? bytes.length : lead;
}

/**
 * Decodes UTF-8 chunks to text, refusing invalid bytes rather than replacing them: a file saved as
 * Windows-1252 would otherwise import with its accents silently lost. StringDecoder is several times
 * faster than TextDecoder on mostly-ASCII data, and isUtf8 checks the bytes natively.
 */
export class Utf8Text {
  private readonly decoder = new StringDecoder('utf8');
  private carry: Buffer = Buffer.alloc(0);

  /** The text of the chunk (a character cut at its end waits for the next), or null if it is not UTF-8. */
  write(chunk: Buffer): string | null {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const complete = completeLength(bytes);
    if (!isUtf8(bytes.subarray(0, complete))) return null;
    this.carry = Buffer.from(bytes.subarray(complete));
    return this.decoder.write(chunk);
  }

  /** The end of the input: null if it stops in the middle of a character. */
  end(): string | null {
    return this.carry.length > 0 ? null : this.decoder.end();
  }
}
