// Reads a CSV header line: picks the delimiter and maps each column name onto a bar column (or ignores it),
// rejecting headers that cannot describe a price series before any data row is read.
import { BAR_COLUMNS } from '../bars';
import type { BarColumn } from '../bars';
import { CsvFormatError, quoteValue } from './csvFormatError';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvHeader {
  delimiter: CsvDelimiter;
  delimiterByte: number;
  /** Column names as written (trimmed, surrounding quotes removed), one per field. */
  fields: string[];
  /** Per field: its index in BAR_COLUMNS, or -1 when the column is ignored. */
  roles: Int8Array;
  /** Per BAR_COLUMNS index: the field holding that column, or -1. */
  fieldOfColumn: Int32Array;
  /** Recognised columns in canonical order. */
  columns: BarColumn[];
  ignoredColumns: string[];
}

const ALIASES: ReadonlyMap<string, BarColumn> = new Map<string, BarColumn>([
  ['date', 'time'],
  ['datetime', 'time'],
  ['timestamp', 'time'],
  ['time', 'time'],
  ['open', 'open'],
  ['high', 'high'],
  ['low', 'low'],
  ['close', 'close'],
  ['adj close', 'adjClose'],
  ['adj_close', 'adjClose'],
  ['adjclose', 'adjClose'],
  ['adjusted close', 'adjClose'],
  ['adjusted_close', 'adjClose'],
  ['volume', 'volume'],
  ['vol', 'volume'],
]);

const DELIMITERS: ReadonlyArray<{ char: CsvDelimiter; byte: number }> = [
  { char: ',', byte: 0x2c },
  { char: ';', byte: 0x3b },
  { char: '\t', byte: 0x09 },
];

const EXAMPLE_HEADER = 'date,open,high,low,close,volume';

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/""/g, '"').trim();
  return t;
}

/** Counts a character outside double-quoted stretches, so a quoted "Adj, Close" does not vote for commas. */
function countOutsideQuotes(text: string, char: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === char && !inQuotes) n++;
  }
  return n;
}

function splitOutsideQuotes(text: string, char: string): string[] {
  const parts: string[] = [];
  let inQuotes = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === char && !inQuotes) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

function detectDelimiter(text: string): { char: CsvDelimiter; byte: number } {
  let best = DELIMITERS[0];
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = countOutsideQuotes(text, d.char);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ');
}

function listNames(names: string[]): string {
  return names.length === 0 ? '(none)' : names.map((n) => (n === '' ? '""' : n)).join(', ');
}

/** Parses the header line (already decoded, BOM and line ending removed) found on `line`. Throws CsvFormatError. */
export function parseHeaderLine(text: string, file: string, line = 1): CsvHeader {
  // A problem with one column quotes that column's name; a problem with the whole header quotes the header.
  const fail = (reason: string, column?: string): never => {
    throw new CsvFormatError({ file, line, column, value: column ?? text, reason });
  };
  if (text.includes('\r')) {
    fail(`the line ends with a lone carriage return (old Mac line endings); save the file with LF or CRLF line endings`);
  }
  const delimiter = detectDelimiter(text);
  const fields = splitOutsideQuotes(text, delimiter.char).map(unquote);
  const roles = new Int8Array(fields.length).fill(-1);
  const fieldOfColumn = new Int32Array(BAR_COLUMNS.length).fill(-1);
  const ignoredColumns: string[] = [];

  for (let f = 0; f < fields.length; f++) {
    const column = ALIASES.get(normaliseName(fields[f]));
    if (column === undefined) {
      ignoredColumns.push(fields[f]);
      continue;
    }
    const c = BAR_COLUMNS.indexOf(column);
    const earlier = fieldOfColumn[c];
    if (earlier >= 0) {
      const hint = column === 'time' ? ': separate date and time columns are not supported, combine them into one timestamp column' : '';
      fail(`columns ${JSON.stringify(fields[earlier])} and ${JSON.stringify(fields[f])} both hold ${column === 'time' ? 'the timestamp' : column}; keep only one${hint}`, fields[f]);
    }
    fieldOfColumn[c] = f;
    roles[f] = c;
  }

  const found = fields.filter((_, f) => roles[f] >= 0);
  if (found.length === 0 && /^\s*"?[+-]?\.?\d/.test(fields[0] ?? '')) {
    fail(`the first line must be a header naming the columns (such as ${EXAMPLE_HEADER}), but it looks like data: ${quoteValue(text)}`);
  }
  const missing: string[] = [];
  if (fieldOfColumn[0] < 0) missing.push('timestamp column (date, datetime, timestamp or time)');
  if (fieldOfColumn[4] < 0) missing.push('close column');
  if (missing.length > 0) {
    fail(`the header has no ${missing.join(' and no ')}; columns found: ${listNames(fields)} (expected a header like ${EXAMPLE_HEADER}) in ${quoteValue(text)}`);
  }
  const ohlc = ['open', 'high', 'low'] as const;
  const presentOhl = ohlc.filter((c) => fieldOfColumn[BAR_COLUMNS.indexOf(c)] >= 0);
  if (presentOhl.length > 0 && presentOhl.length < 3) {
    const absent = ohlc.filter((c) => !presentOhl.includes(c));
    fail(`the header has ${presentOhl.join(' and ')} but no ${absent.join(' and no ')}: open, high and low must be given together or not at all (${quoteValue(text)})`);
  }

  return {
    delimiter: delimiter.char,
    delimiterByte: delimiter.byte,
    fields,
    roles,
    fieldOfColumn,
    columns: BAR_COLUMNS.filter((_, c) => fieldOfColumn[c] >= 0),
    ignoredColumns,
  };
}
