// The streaming CSV reader for bar files: fed raw bytes in chunks of any size, it emits bars in fixed-size column
// chunks and throws a CsvFormatError that names file, line, column and value at the first problem it meets.
import { BAR_COLUMNS } from '../bars';
import type { BarColumn } from '../bars';
import type { BarChunk, BarChunkColumns } from '../barChunk';
import { formatUtc } from '../utcCalendar';
import { CsvLineReader } from './csvLineReader';
import { CsvFormatError, quoteValue } from './csvFormatError';
import { parseHeaderLine } from './csvHeader';
import type { CsvDelimiter, CsvHeader } from './csvHeader';
import { decimalStop, explainNumberProblem, numberFromText, parseDecimalFast, scanDecimal } from './decimalField';
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

  private readonly reader: CsvLineReader;
  private finished = false;
  /** Physical line number of the line being handled. */
  private lineNo = 0;

  private header: CsvHeader | null = null;
  private headerLine = 0;
  private headerText = '';
  private delimiter = 0x2c;
  private fieldCount = 0;
  /** Per field: the BAR_COLUMNS index it holds, or -1 when ignored. */
  private roles: Int8Array = new Int8Array(0);
  /** BAR_COLUMNS indexes present in the file. */
  private activeRoles = new Int32Array(0);
  /** The row being parsed, for error messages. */
  private rowBytes: Uint8Array = new Uint8Array(0);
  private rowStart = 0;
  private rowEnd = 0;
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
    this.reader = new CsvLineReader(this.file, (bytes, start, end, lineNo) => this.handleLine(bytes, start, end, lineNo));
  }

  /** Feeds the next bytes of the file; returns the chunks this push completed (each exactly chunkRows bars). */
  push(bytes: Uint8Array): BarChunk[] {
    if (this.finished) throw new Error('CsvBarParser.push() called after finish()');
    this.reader.push(bytes);
    return this.takeReady();
  }

  /** Ends the file: parses a last line without a newline and flushes the last partial chunk. */
  finish(): CsvParseResult {
    if (this.finished) throw new Error('CsvBarParser.finish() called twice');
    this.finished = true;
    this.reader.finish();
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
    return { chunks: this.takeReady(), layout: this.layout(this.header), rows: this.rowCount, bytes: this.reader.bytes };
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

  private handleLine(bytes: Uint8Array, start: number, end: number, lineNo: number): void {
    this.lineNo = lineNo;
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
    this.roles = header.roles;
    this.activeRoles = Int32Array.from(BAR_COLUMNS.keys()).filter((c) => header.fieldOfColumn[c] >= 0);
    this.hasOhlc = header.fieldOfColumn[OPEN] >= 0;
    this.hasAdjClose = header.fieldOfColumn[ADJ_CLOSE] >= 0;
    this.hasVolume = header.fieldOfColumn[VOLUME] >= 0;
  }

  private parseRow(bytes: Uint8Array, start: number, end: number): void {
    const delimiter = this.delimiter;
    const fieldStart = this.fieldStart;
    const fieldEnd = this.fieldEnd;
    const fieldCount = this.fieldCount;
    const roles = this.roles;
    const values = this.values;
    this.rowBytes = bytes;
    this.rowStart = start;
    this.rowEnd = end;

    let p = start;
    for (let f = 0; f < fieldCount; f++) {
      if (f > 0) {
        if (p >= end) this.failFieldCount();
        p++; // the delimiter that ended the previous field
      }
      const role = roles[f];
      if (role > TIME && p < end && bytes[p] !== QUOTE) {
        // The common case, an unquoted number, is parsed in place: no separate pass to find the field's end.
        const v = scanDecimal(bytes, p, end);
        const stop = decimalStop;
        if (v === v && (stop === end || bytes[stop] === delimiter)) {
          fieldStart[f] = p;
          fieldEnd[f] = stop;
          values[role] = v;
          p = stop;
          continue;
        }
      }
      let s: number;
      let e: number;
      if (p < end && bytes[p] === QUOTE) {
        let q = p + 1;
        for (;;) {
          while (q < end && bytes[q] !== QUOTE) q++;
          if (q >= end) this.failUnclosedQuote(p, f);
          if (q + 1 < end && bytes[q + 1] === QUOTE) q += 2;
          else break;
        }
        s = p + 1;
        e = q;
        p = q + 1;
        while (p < end && bytes[p] === SPACE) p++;
        if (p < end && bytes[p] !== delimiter) this.failAfterQuote(s - 1, f);
      } else {
        s = p;
        while (p < end && bytes[p] !== delimiter) p++;
        e = p;
      }
      fieldStart[f] = s;
      fieldEnd[f] = e;
      if (role < 0) continue;
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
            v = this.detectTimeFormat(bytes, s, e, f);
        }
        if (v !== v) v = this.timeSlowPath(bytes, s, e, f);
      } else {
        v = parseDecimalFast(bytes, s, e);
        if (v !== v) v = this.numberSlowPath(bytes, s, e, f);
      }
      values[role] = v;
    }
    if (p !== end) this.failFieldCount();

    const time = values[TIME];
    if (time <= this.previousTime) this.failOrder(time);
    if (this.hasOhlc) {
      const open = values[OPEN];
      const high = values[HIGH];
      const low = values[LOW];
      const close = values[CLOSE];
      if (!(open > 0 && high > 0 && low > 0 && close > 0)) this.failPositive();
      if (high < low) this.failHighLow();
      if (open < low || open > high) this.failInRange(OPEN);
      if (close < low || close > high) this.failInRange(CLOSE);
    } else if (!(values[CLOSE] > 0)) {
      this.failPositive();
    }
    if (this.hasAdjClose && !(values[ADJ_CLOSE] > 0)) this.failPositive();
    if (this.hasVolume && values[VOLUME] < 0) this.failField(VOLUME, (q) => `${q} is negative: volume cannot be below 0`);

    if (this.chunkFill === 0) this.startChunk();
    const row = this.chunkFill;
    const out = this.columnOut;
    const activeRoles = this.activeRoles;
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
    this.failRow(this.fieldName(field), raw, explainTimestampProblem(text, quoteValue(raw), expected, this.formatLine));
  }

  private numberSlowPath(bytes: Uint8Array, s: number, e: number, field: number): number {
    const raw = decodeUtf8(bytes, s, e);
    const text = unquoteText(raw);
    const value = numberFromText(text);
    if (value === value) return value;
    return this.failRow(this.fieldName(field), raw, explainNumberProblem(text, quoteValue(raw)));
  }

  // ----- row-level errors (all off the hot path) -----

  private fieldName(field: number): string {
    return (this.header as CsvHeader).fields[field];
  }

  /**
   * Throws the error for the current row, unless the row shows a deeper problem first: NUL bytes (binary data past
   * the sniffed start of the file) or a wrong number of fields (which makes the per-field complaint misleading).
   */
  private failRow(column: string | undefined, value: string, reason: string): never {
    const bytes = this.rowBytes;
    if (bytes.subarray(this.rowStart, this.rowEnd).indexOf(0) >= 0) {
      throw new CsvFormatError({ file: this.file, line: this.lineNo, value: '\u0000', reason: 'the file contains NUL bytes, so it is binary data, not CSV text' });
    }
    const found = this.countFields();
    if (found !== this.fieldCount) {
      const text = decodeUtf8(bytes, this.rowStart, this.rowEnd);
      throw new CsvFormatError({
        file: this.file,
        line: this.lineNo,
        value: text,
        reason: `expected ${this.fieldCount} fields as in the header but found ${found}: ${quoteValue(text)}`,
      });
    }
    throw new CsvFormatError({ file: this.file, line: this.lineNo, column, value, reason });
  }

  /** Fields in the current row, delimiters inside double quotes not counted. */
  private countFields(): number {
    const bytes = this.rowBytes;
    const delimiter = this.delimiter;
    let found = 1;
    let inQuotes = false;
    for (let i = this.rowStart; i < this.rowEnd; i++) {
      const b = bytes[i];
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === delimiter && !inQuotes) found++;
    }
    return found;
  }

  private failFieldCount(): never {
    const text = decodeUtf8(this.rowBytes, this.rowStart, this.rowEnd);
    this.failRow(undefined, text, `expected ${this.fieldCount} fields as in the header but found ${this.countFields()}: ${quoteValue(text)}`);
  }

  private fieldText(role: number): string {
    const field = (this.header as CsvHeader).fieldOfColumn[role];
    return decodeUtf8(this.rowBytes, this.fieldStart[field], this.fieldEnd[field]);
  }

  private failField(role: number, reason: (quoted: string) => string): never {
    const value = this.fieldText(role);
    this.failRow(this.fieldName((this.header as CsvHeader).fieldOfColumn[role]), value, reason(quoteValue(value)));
  }

  private failPositive(): never {
    for (const role of [OPEN, HIGH, LOW, CLOSE, ADJ_CLOSE]) {
      if ((this.header as CsvHeader).fieldOfColumn[role] >= 0 && !(this.values[role] > 0)) {
        this.failField(role, (q) => `${q} is not a positive price: prices must be greater than 0`);
      }
    }
    throw new Error('unreachable: no non-positive price found');
  }

  private failHighLow(): never {
    const low = this.fieldText(LOW);
    this.failField(HIGH, (q) => `the high ${q} is below the low ${quoteValue(low)} of the same bar`);
  }

  private failInRange(role: number): never {
    const low = this.fieldText(LOW);
    const high = this.fieldText(HIGH);
    const name = role === OPEN ? 'open' : 'close';
    this.failField(role, (q) => `the ${name} ${q} is outside the bar's range from low ${quoteValue(low)} to high ${quoteValue(high)}`);
  }

  private failOrder(time: number): never {
    const previous = `line ${this.previousLine} (${formatUtc(this.previousTime)})`;
    if (time === this.previousTime) {
      this.failField(TIME, (q) => `${q} repeats the timestamp of ${previous}: each timestamp may appear only once`);
    }
    this.failField(TIME, (q) => `${q} is earlier than the timestamp on ${previous}: rows must be in ascending time order`);
  }

  private failUnclosedQuote(quoteAt: number, field: number): never {
    const value = decodeUtf8(this.rowBytes, quoteAt, this.rowEnd);
    this.failRow(this.fieldName(field), value, `the quoted field ${quoteValue(value)} is not closed on this line (fields spanning lines are not supported)`);
  }

  private failAfterQuote(quoteAt: number, field: number): never {
    const value = decodeUtf8(this.rowBytes, quoteAt, this.rowEnd);
    this.failRow(this.fieldName(field), value, `unexpected text after the closing quote in ${quoteValue(value)}`);
  }
}
