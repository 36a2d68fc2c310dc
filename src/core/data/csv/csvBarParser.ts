// The streaming CSV reader for bar files: fed raw bytes in chunks of any size, it emits bars in fixed-size column
// chunks and throws a CsvFormatError that names file, line, column and value at the first problem it meets.
import { BAR_COLUMNS } from '../bars';
import type { BarColumn } from '../bars';
import type { BarChunk, BarChunkColumns } from '../barChunk';
import { formatUtc } from '../utcCalendar';
import { sniffBinary } from './binarySniff';
import { CsvFormatError, quoteValue, truncateValue } from './csvFormatError';
import { parseHeaderLine } from './csvHeader';
import type { CsvDelimiter, CsvHeader } from './csvHeader';
import { explainNumberProblem, numberFromText, parseDecimalFast } from './decimalField';
import {
  classifyTimestamp,
  explainTimestampProblem,
  looksLikeCompactDate,
  parseEpochMillis,
  parseEpochSeconds,
  parseIsoDate,
  parseIsoDateTime,
} from './timestampField';
import type { TimestampFormat } from './timestampField';
import { decodeUtf8, encodeAscii } from './utf8Text';

export interface CsvBarParserOptions {
  /** Used in error messages only. */
  fileName: string;
  /** Bars per emitted chunk (default 65536). */
  chunkRows?: number;
}

export interface CsvLayout {
  delimiter: CsvDelimiter;
  /** Recognised columns, in canonical order. */
  columns: BarColumn[];
  /** Every header field as written (trimmed, quotes removed). */
  headerFields: string[];
  timestampFormat: TimestampFormat;
  /** Header names of the columns that were not recognised and were skipped. */
  ignoredColumns: string[];
}

export interface CsvParseResult {
  /** Chunks not yet returned by push(), ending with the last partial chunk. */
  chunks: BarChunk[];
  layout: CsvLayout;
  rows: number;
  bytes: number;
}

export const DEFAULT_CHUNK_ROWS = 65536;
/** Longest line accepted, in bytes: anything longer is not a bar row (and would otherwise be buffered whole). */
export const MAX_LINE_BYTES = 1 << 20;
/** Bytes examined for binary content before parsing starts (fewer if the file is shorter). */
export const SNIFF_BYTES = 64 * 1024;

const TIME = 0;
const OPEN = 1;
const HIGH = 2;
const LOW = 3;
const CLOSE = 4;
const ADJ_CLOSE = 5;
const VOLUME = 6;

const FORMAT_UNSET = 0;
const FORMAT_ISO_DATE = 1;
const FORMAT_ISO_DATETIME = 2;
const FORMAT_EPOCH_SECONDS = 3;
const FORMAT_EPOCH_MILLIS = 4;
const FORMAT_CODES: Record<TimestampFormat, number> = {
  'iso-date': FORMAT_ISO_DATE,
  'iso-datetime': FORMAT_ISO_DATETIME,
  'epoch-seconds': FORMAT_EPOCH_SECONDS,
  'epoch-millis': FORMAT_EPOCH_MILLIS,
};

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

const NO_COLUMN = new Float64Array(0);

function unquoteText(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
}

export class CsvBarParser {
  private readonly file: string;
  private readonly chunkRows: number;

  private sniffed = false;
  private finished = false;
  private pending = new Uint8Array(0);
  private pendingLength = 0;
  /** The start of a line whose end has not arrived yet. */
  private carry = new Uint8Array(0);
  private carryLength = 0;
  private totalBytes = 0;
  /** Physical line number of the line handled last. */
  private lineNo = 0;

  private header: CsvHeader | null = null;
  private headerLine = 0;
  private headerText = '';
  private delimiter = 0x2c;
  private fieldCount = 0;
  /** Fields that hold a bar column, and which column (BAR_COLUMNS index) each holds. */
  private activeFields = new Int32Array(0);
  private activeRoles = new Int32Array(0);
  /** Content bounds of each field of the current row, quotes excluded; reused for every row. */
  private fieldStart = new Int32Array(0);
  private fieldEnd = new Int32Array(0);
  private readonly values = new Float64Array(BAR_COLUMNS.length);
  private hasOhlc = false;
  private hasAdjClose = false;
  private hasVolume = false;
  private timeFormat = FORMAT_UNSET;
  private timeFormatName: TimestampFormat = 'iso-date';
  private formatLine = 0;
  /** For re-parsing a trimmed or unquoted field with the byte parsers. */
  private readonly scratch = new Uint8Array(256);

  private columnOut: Float64Array[] = [];
  private chunkFill = 0;
  private rowCount = 0;
  private previousTime = -Infinity;
  private previousLine = 0;
  private ready: BarChunk[] = [];

  constructor(options: CsvBarParserOptions) {
    const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
    if (!Number.isInteger(chunkRows) || chunkRows < 1) throw new RangeError(`chunkRows must be a positive integer, not ${chunkRows}`);
    this.file = options.fileName;
    this.chunkRows = chunkRows;
  }

  /** Feeds the next bytes of the file; returns the chunks this push completed (each exactly chunkRows bars). */
  push(bytes: Uint8Array): BarChunk[] {
    if (this.finished) throw new Error('CsvBarParser.push() called after finish()');
    this.totalBytes += bytes.length;
    if (this.sniffed) {
      this.consume(bytes);
    } else if (this.pendingLength === 0 && bytes.length >= SNIFF_BYTES) {
      this.startWith(bytes, false);
    } else {
      this.appendPending(bytes);
      if (this.pendingLength >= SNIFF_BYTES) this.startWith(this.takePending(), false);
    }
    return this.takeReady();
  }

  /** Ends the file: parses a last line without a newline and flushes the last partial chunk. */
  finish(): CsvParseResult {
    if (this.finished) throw new Error('CsvBarParser.finish() called twice');
    this.finished = true;
    if (!this.sniffed) this.startWith(this.takePending(), true);
    if (this.carryLength > 0) {
      this.handleLine(this.carry, 0, this.carryLength);
      this.carryLength = 0;
    }
    if (this.header === null) {
      throw new CsvFormatError({ file: this.file, line: 1, value: '', reason: 'the file is empty (expected a header line such as date,open,high,low,close,volume and data rows)' });
    }
    if (this.rowCount === 0) {
      throw new CsvFormatError({
        file: this.file,
        line: this.headerLine,
        value: this.headerText,
        reason: `the header ${quoteValue(this.headerText)} is not followed by any data rows`,
      });
    }
    if (this.chunkFill > 0) this.emitChunk(this.chunkFill);
    return { chunks: this.takeReady(), layout: this.layout(this.header), rows: this.rowCount, bytes: this.totalBytes };
  }

  private layout(header: CsvHeader): CsvLayout {
    return {
      delimiter: header.delimiter,
      columns: header.columns,
      headerFields: header.fields,
      timestampFormat: this.timeFormatName,
      ignoredColumns: header.ignoredColumns,
    };
  }

  private takeReady(): BarChunk[] {
    if (this.ready.length === 0) return [];
    const out = this.ready;
    this.ready = [];
    return out;
  }

  private appendPending(bytes: Uint8Array): void {
    const needed = this.pendingLength + bytes.length;
    if (needed > this.pending.length) {
      const grown = new Uint8Array(Math.max(needed, Math.min(2 * this.pending.length + 1024, SNIFF_BYTES)));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(bytes, this.pendingLength);
    this.pendingLength = needed;
  }

  private takePending(): Uint8Array {
    const bytes = this.pending.subarray(0, this.pendingLength);
    this.pending = new Uint8Array(0);
    this.pendingLength = 0;
    return bytes;
  }

  /** Checks the file's first bytes for binary content, drops a UTF-8 BOM, then parses them. */
  private startWith(bytes: Uint8Array, wholeFile: boolean): void {
    this.sniffed = true;
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const problem = sniffBinary(bytes, bom, bytes.length, wholeFile);
    if (problem !== null) this.failAtOffset(bytes, bom, problem.offset, problem.reason);
    this.consume(bom === 0 ? bytes : bytes.subarray(bom));
  }

  private failAtOffset(bytes: Uint8Array, start: number, offset: number, reason: string): never {
    let line = 1;
    let lineStart = start;
    for (let i = start; i < offset; i++) {
      if (bytes[i] === LF) {
        line++;
        lineStart = i + 1;
      }
    }
    const lineEnd = Math.min(bytes.length, lineStart + 4 * 60);
    throw new CsvFormatError({ file: this.file, line, value: decodeUtf8(bytes, lineStart, lineEnd), reason });
  }

  /** Splits bytes into lines; a line cut off at the end waits in `carry` for the next push. */
  private consume(bytes: Uint8Array): void {
    const n = bytes.length;
    let pos = 0;
    // A NUL past the sniffed start means binary data the sniff could not see; every check below is against the
    // line not yet handled, hence lineNo + 1 in failNul.
    const nul = bytes.indexOf(0);
    const nulAt = nul < 0 ? n : nul;
    if (this.carryLength > 0) {
      const nl = bytes.indexOf(LF);
      const lineEnd = nl < 0 ? n : nl;
      if (nulAt < lineEnd) this.failNul();
      this.appendCarry(bytes, 0, lineEnd);
      if (nl < 0) return;
      this.handleLine(this.carry, 0, this.carryLength);
      this.carryLength = 0;
      pos = nl + 1;
    }
    while (pos < n) {
      const nl = bytes.indexOf(LF, pos);
      if (nl < 0) break;
      if (nl - pos > MAX_LINE_BYTES) this.failLineTooLong(bytes, pos);
      if (nulAt < nl) this.failNul();
      this.handleLine(bytes, pos, nl);
      pos = nl + 1;
    }
    if (pos < n) {
      if (nulAt < n) this.failNul();
      this.appendCarry(bytes, pos, n);
    }
  }

  private failNul(): never {
    throw new CsvFormatError({ file: this.file, line: this.lineNo + 1, value: '\u0000', reason: 'the file contains NUL bytes, so it is binary data, not CSV text' });
  }

  private appendCarry(bytes: Uint8Array, start: number, end: number): void {
    const needed = this.carryLength + (end - start);
    if (needed > MAX_LINE_BYTES) {
      if (this.carryLength > 0) this.failLineTooLong(this.carry, 0);
      this.failLineTooLong(bytes, start);
    }
    if (needed > this.carry.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * this.carry.length, 256));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(bytes.subarray(start, end), this.carryLength);
    this.carryLength = needed;
  }

  /** The line not yet handled (lineNo + 1) starting at `start` is too long. */
  private failLineTooLong(bytes: Uint8Array, start: number): never {
    const value = decodeUtf8(bytes, start, Math.min(bytes.length, start + 240));
    throw new CsvFormatError({
      file: this.file,
      line: this.lineNo + 1,
      value,
      reason: `the line is longer than ${MAX_LINE_BYTES / (1 << 20)} MiB (it starts ${quoteValue(value)}): this is not a file of bar rows`,
    });
  }

  private handleLine(bytes: Uint8Array, start: number, lineEnd: number): void {
    this.lineNo++;
    const end = lineEnd > start && bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
    if (end === start) return;
    const first = bytes[start];
    // Blank lines, and lines of bare delimiters as spreadsheets append, carry no bar: skip them.
    if ((first === this.delimiter || first === SPACE || first === TAB) && this.isBlank(bytes, start, end)) return;
    if (this.header === null) this.readHeader(bytes, start, end);
    else this.parseRow(bytes, start, end);
  }

  private isBlank(bytes: Uint8Array, start: number, end: number): boolean {
    const delimiter = this.header === null ? -1 : this.delimiter;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b !== SPACE && b !== TAB && b !== delimiter) return false;
    }
    return true;
  }

  private readHeader(bytes: Uint8Array, start: number, end: number): void {
    const text = decodeUtf8(bytes, start, end);
    const header = parseHeaderLine(text, this.file, this.lineNo);
    this.header = header;
    this.headerLine = this.lineNo;
    this.headerText = text;
    this.delimiter = header.delimiterByte;
    this.fieldCount = header.fields.length;
    this.fieldStart = new Int32Array(this.fieldCount);
    this.fieldEnd = new Int32Array(this.fieldCount);
    const active: number[] = [];
    for (let f = 0; f < this.fieldCount; f++) if (header.roles[f] >= 0) active.push(f);
    this.activeFields = Int32Array.from(active);
    this.activeRoles = Int32Array.from(active, (f) => header.roles[f]);
    this.hasOhlc = header.fieldOfColumn[OPEN] >= 0;
    this.hasAdjClose = header.fieldOfColumn[ADJ_CLOSE] >= 0;
    this.hasVolume = header.fieldOfColumn[VOLUME] >= 0;
  }

  private parseRow(bytes: Uint8Array, start: number, end: number): void {
    const delimiter = this.delimiter;
    const fieldStart = this.fieldStart;
    const fieldEnd = this.fieldEnd;
    const fieldCount = this.fieldCount;

    let p = start;
    let f = 0;
    for (;;) {
      if (f === fieldCount) this.failFieldCount(bytes, start, end);
      if (p < end && bytes[p] === QUOTE) {
        let q = p + 1;
        for (;;) {
          while (q < end && bytes[q] !== QUOTE) q++;
          if (q >= end) this.failUnclosedQuote(bytes, p, end, f);
          if (q + 1 < end && bytes[q + 1] === QUOTE) q += 2;
          else break;
        }
        fieldStart[f] = p + 1;
        fieldEnd[f] = q;
        p = q + 1;
        while (p < end && bytes[p] === SPACE) p++;
        if (p < end && bytes[p] !== delimiter) this.failAfterQuote(bytes, p, end, f);
      } else {
        fieldStart[f] = p;
        while (p < end && bytes[p] !== delimiter) p++;
        fieldEnd[f] = p;
      }
      f++;
      if (p >= end) break;
      p++;
    }
    if (f !== fieldCount) this.failFieldCount(bytes, start, end);

    const values = this.values;
    const activeFields = this.activeFields;
    const activeRoles = this.activeRoles;
    for (let k = 0; k < activeFields.length; k++) {
      const field = activeFields[k];
      const role = activeRoles[k];
      const s = fieldStart[field];
      const e = fieldEnd[field];
      let v: number;
      if (role === TIME) {
        switch (this.timeFormat) {
          case FORMAT_ISO_DATE:
            v = parseIsoDate(bytes, s, e);
            break;
          case FORMAT_ISO_DATETIME:
            v = parseIsoDateTime(bytes, s, e);
            break;
          case FORMAT_EPOCH_SECONDS:
            v = parseEpochSeconds(bytes, s, e);
            break;
          case FORMAT_EPOCH_MILLIS:
            v = parseEpochMillis(bytes, s, e);
            break;
          default:
            v = this.detectTimeFormat(bytes, s, e, field);
        }
        if (v !== v) v = this.timeSlowPath(bytes, s, e, field);
      } else {
        v = parseDecimalFast(bytes, s, e);
        if (v !== v) v = this.numberSlowPath(bytes, s, e, field);
      }
      values[role] = v;
    }

    const time = values[TIME];
    if (time <= this.previousTime) this.failOrder(bytes, time);
    if (this.hasOhlc) {
      const open = values[OPEN];
      const high = values[HIGH];
      const low = values[LOW];
      const close = values[CLOSE];
      if (!(open > 0 && high > 0 && low > 0 && close > 0)) this.failPositive(bytes);
      if (high < low) this.failHighLow(bytes);
      if (open < low || open > high) this.failInRange(bytes, OPEN);
      if (close < low || close > high) this.failInRange(bytes, CLOSE);
    } else if (!(values[CLOSE] > 0)) {
      this.failPositive(bytes);
    }
    if (this.hasAdjClose && !(values[ADJ_CLOSE] > 0)) this.failPositive(bytes);
    if (this.hasVolume && values[VOLUME] < 0) this.failField(bytes, VOLUME, (q) => `${q} is negative: volume cannot be below 0`);

    if (this.chunkFill === 0) this.startChunk();
    const row = this.chunkFill;
    const out = this.columnOut;
    for (let k = 0; k < activeRoles.length; k++) {
      const role = activeRoles[k];
      out[role][row] = values[role];
    }
    this.previousTime = time;
    this.previousLine = this.lineNo;
    this.rowCount++;
    this.chunkFill = row + 1;
    if (this.chunkFill === this.chunkRows) this.emitChunk(this.chunkRows);
  }

  private startChunk(): void {
    const header = this.header as CsvHeader;
    this.columnOut = BAR_COLUMNS.map((_, c) => (header.fieldOfColumn[c] >= 0 ? new Float64Array(this.chunkRows) : NO_COLUMN));
  }

  private emitChunk(length: number): void {
    const header = this.header as CsvHeader;
    const column = (c: number): Float64Array => (length === this.chunkRows ? this.columnOut[c] : this.columnOut[c].slice(0, length));
    const columns: BarChunkColumns = { time: column(TIME), close: column(CLOSE) };
    for (const name of header.columns) {
      if (name !== 'time' && name !== 'close') columns[name] = column(BAR_COLUMNS.indexOf(name));
    }
    this.ready.push({ rowStart: this.rowCount - length, length, columns });
    this.chunkFill = 0;
    this.columnOut = [];
  }

  // ----- the first row fixes the timestamp format -----

  private detectTimeFormat(bytes: Uint8Array, s: number, e: number, field: number): number {
    const raw = decodeUtf8(bytes, s, e);
    const text = unquoteText(raw);
    const format = looksLikeCompactDate(text) ? null : classifyTimestamp(text);
    if (format === null) this.failTime(raw, text, field, null);
    this.timeFormat = FORMAT_CODES[format];
    this.timeFormatName = format;
    this.formatLine = this.lineNo;
    return NaN; // the slow path parses it with the format now set
  }

  // ----- slow paths: trimmed or quoted text, then a precise complaint -----

  private timeSlowPath(bytes: Uint8Array, s: number, e: number, field: number): number {
    const raw = decodeUtf8(bytes, s, e);
    const text = unquoteText(raw);
    const length = encodeAscii(text, this.scratch);
    if (length >= 0) {
      const scratch = this.scratch;
      let v = NaN;
      switch (this.timeFormat) {
        case FORMAT_ISO_DATE:
          v = parseIsoDate(scratch, 0, length);
          break;
        case FORMAT_ISO_DATETIME:
          v = parseIsoDateTime(scratch, 0, length);
          break;
        case FORMAT_EPOCH_SECONDS:
          v = parseEpochSeconds(scratch, 0, length);
          break;
        case FORMAT_EPOCH_MILLIS:
          v = parseEpochMillis(scratch, 0, length);
          break;
      }
      if (v === v) return v;
    }
    return this.failTime(raw, text, field, this.timeFormatName);
  }

  private failTime(raw: string, text: string, field: number, expected: TimestampFormat | null): never {
    const header = this.header as CsvHeader;
    throw new CsvFormatError({
      file: this.file,
      line: this.lineNo,
      column: header.fields[field],
      value: raw,
      reason: explainTimestampProblem(text, quoteValue(raw), expected, this.formatLine),
    });
  }

  private numberSlowPath(bytes: Uint8Array, s: number, e: number, field: number): number {
    const raw = decodeUtf8(bytes, s, e);
    const text = unquoteText(raw);
    const value = numberFromText(text);
    if (value === value) return value;
    const header = this.header as CsvHeader;
    throw new CsvFormatError({ file: this.file, line: this.lineNo, column: header.fields[field], value: raw, reason: explainNumberProblem(text, quoteValue(raw)) });
  }

  // ----- row-level errors (all off the hot path) -----

  private fieldText(bytes: Uint8Array, role: number): string {
    const field = (this.header as CsvHeader).fieldOfColumn[role];
    return decodeUtf8(bytes, this.fieldStart[field], this.fieldEnd[field]);
  }

  private failField(bytes: Uint8Array, role: number, reason: (quoted: string) => string): never {
    const header = this.header as CsvHeader;
    const value = this.fieldText(bytes, role);
    throw new CsvFormatError({ file: this.file, line: this.lineNo, column: header.fields[header.fieldOfColumn[role]], value, reason: reason(quoteValue(value)) });
  }

  private failPositive(bytes: Uint8Array): never {
    for (const role of [OPEN, HIGH, LOW, CLOSE, ADJ_CLOSE]) {
      if ((this.header as CsvHeader).fieldOfColumn[role] >= 0 && !(this.values[role] > 0)) {
        this.failField(bytes, role, (q) => `${q} is not a positive price: prices must be greater than 0`);
      }
    }
    throw new Error('unreachable: no non-positive price found');
  }

  private failHighLow(bytes: Uint8Array): never {
    const low = this.fieldText(bytes, LOW);
    this.failField(bytes, HIGH, (q) => `the high ${q} is below the low ${quoteValue(low)} of the same bar`);
  }

  private failInRange(bytes: Uint8Array, role: number): never {
    const low = this.fieldText(bytes, LOW);
    const high = this.fieldText(bytes, HIGH);
    const name = role === OPEN ? 'open' : 'close';
    this.failField(bytes, role, (q) => `the ${name} ${q} is outside the bar's range from low ${quoteValue(low)} to high ${quoteValue(high)}`);
  }

  private failOrder(bytes: Uint8Array, time: number): never {
    const previous = `line ${this.previousLine} (${formatUtc(this.previousTime)})`;
    if (time === this.previousTime) {
      this.failField(bytes, TIME, (q) => `${q} repeats the timestamp of ${previous}: each timestamp may appear only once`);
    }
    this.failField(bytes, TIME, (q) => `${q} is earlier than the timestamp on ${previous}: rows must be in ascending time order`);
  }

  private failFieldCount(bytes: Uint8Array, start: number, end: number): never {
    const text = decodeUtf8(bytes, start, end);
    const delimiter = (this.header as CsvHeader).delimiter;
    let found = 1;
    let inQuotes = false;
    for (const c of text) {
      if (c === '"') inQuotes = !inQuotes;
      else if (c === delimiter && !inQuotes) found++;
    }
    throw new CsvFormatError({
      file: this.file,
      line: this.lineNo,
      value: text,
      reason: `expected ${this.fieldCount} fields as in the header but found ${found}: ${quoteValue(text)}`,
    });
  }

  private failUnclosedQuote(bytes: Uint8Array, quoteAt: number, end: number, field: number): never {
    const value = decodeUtf8(bytes, quoteAt, end);
    throw new CsvFormatError({
      file: this.file,
      line: this.lineNo,
      column: (this.header as CsvHeader).fields[field],
      value,
      reason: `the quoted field ${quoteValue(value)} is not closed on this line (fields spanning lines are not supported)`,
    });
  }

  private failAfterQuote(bytes: Uint8Array, p: number, end: number, field: number): never {
    const value = decodeUtf8(bytes, this.fieldStart[field] - 1, end);
    throw new CsvFormatError({
      file: this.file,
      line: this.lineNo,
      column: (this.header as CsvHeader).fields[field],
      value,
      reason: `unexpected text after the closing quote in ${quoteValue(truncateValue(value))}`,
    });
  }
}
