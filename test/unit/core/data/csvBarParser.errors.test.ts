import { describe, expect, it } from 'vitest';
import { CsvFormatError, MAX_LINE_BYTES } from '../../../../src/core/data/index';
import { csvError, encode, parseError, parseInPieces } from './csvTestSupport';

const OHLCV = 'date,open,high,low,close,volume\n';
const GOOD_ROW = '2020-01-02,10,11,9,10.5,100\n';

interface Case {
  name: string;
  input: string | Uint8Array;
  line: number;
  message: string;
  column?: string;
  value?: string;
}

function concatBytes(...parts: Array<string | Uint8Array>): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? encode(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let off = 0;
  for (const a of arrays) {
    out.set(a, off);
    off += a.length;
  }
  return out;
}

/** Enough good rows to push the next line past the 64 KiB the parser sniffs up front. */
function manyRows(count: number): string {
  const rows: string[] = [];
  const start = Date.UTC(2000, 0, 1);
  for (let i = 0; i < count; i++) rows.push(`${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},10,11,9,10.5,100\n`);
  return rows.join('');
}

const cases: Case[] = [
  { name: 'empty file', input: '', line: 1, message: 'the file is empty', value: '' },
  { name: 'only blank lines', input: '\n\r\n  \n', line: 1, message: 'the file is empty', value: '' },
  { name: 'BOM only', input: '\uFEFF', line: 1, message: 'the file is empty' },
  { name: 'header only', input: 'date,close\n', line: 1, message: 'is not followed by any data rows', value: 'date,close' },
  { name: 'header and blank lines only', input: 'date,close\n\n\n', line: 1, message: 'is not followed by any data rows' },
  {
    name: 'no close column',
    input: 'date,open,volume\n2020-01-02,1,2\n',
    line: 1,
    message: 'no close column; columns found: date, open, volume',
    value: 'date,open,volume',
  },
  { name: 'no timestamp column', input: 'open,high,low,close\n1,2,0.5,1\n', line: 1, message: 'no timestamp column (date, datetime, timestamp or time)' },
  { name: 'only some of open/high/low', input: 'date,open,close\n2020-01-02,1,1\n', line: 1, message: 'the header has open but no high and no low' },
  { name: 'duplicate recognised column', input: 'date,close,Close\n2020-01-02,1,1\n', line: 1, column: 'Close', value: 'Close', message: 'columns "close" and "Close" both hold close' },
  { name: 'separate date and time columns', input: 'Date,Time,Close\n2020-01-02,10:00,1\n', line: 1, column: 'Time', message: 'separate date and time columns are not supported' },
  { name: 'no header line', input: '2020-01-02,1.5\n2020-01-03,1.6\n', line: 1, message: 'must be a header naming the columns' },
  { name: 'lone CR line endings', input: 'date,close\r2020-01-02,1\r2020-01-03,2\r', line: 1, message: 'lone carriage return' },
  { name: 'text in a number field', input: `${OHLCV}${GOOD_ROW}2020-01-03,10,abc,9,10,100\n`, line: 3, column: 'high', value: 'abc', message: 'test.csv, line 3, column high: "abc" is not a number' },
  { name: 'empty required field', input: 'date,close\n2020-01-02,\n', line: 2, column: 'close', value: '', message: 'the value is empty' },
  { name: 'empty volume field', input: `${OHLCV}2020-01-02,10,11,9,10,\n`, line: 2, column: 'volume', value: '', message: 'the value is empty' },
  { name: 'NaN text', input: 'date,close\n2020-01-02,NaN\n', line: 2, column: 'close', value: 'NaN', message: 'is not a finite number' },
  { name: 'Infinity text', input: 'date,close\n2020-01-02,1\n2020-01-03,-Infinity\n', line: 3, column: 'close', value: '-Infinity', message: 'is not a finite number' },
  { name: 'number overflowing a double', input: 'date,close\n2020-01-02,1e999\n', line: 2, column: 'close', value: '1e999', message: 'out of the range of a double' },
  { name: 'hexadecimal number', input: 'date,close\n2020-01-02,0x10\n', line: 2, column: 'close', value: '0x10', message: '"0x10" is not a number' },
  { name: 'decimal comma', input: 'date;close\n2020-01-02;1,5\n', line: 2, column: 'close', value: '1,5', message: 'use a point, not a comma' },
  { name: 'unrecognised date format', input: 'date,close\n01/02/2020,1\n', line: 2, column: 'date', value: '01/02/2020', message: 'is not a recognised timestamp' },
  { name: 'month 13', input: 'date,close\n2020-13-01,1\n', line: 2, column: 'date', value: '2020-13-01', message: 'month 13 does not exist' },
  { name: 'February 30 in a leap year', input: 'date,close\n2020-01-02,1\n2020-02-30,1\n', line: 3, column: 'date', value: '2020-02-30', message: 'February 2020 has 29 days' },
  { name: 'February 29 in a common year', input: 'Date,Close\n2021-02-29,1\n', line: 2, column: 'Date', value: '2021-02-29', message: 'February 2021 has 28 days' },
  { name: 'April 31', input: 'date,close\n2020-04-31,1\n', line: 2, column: 'date', message: 'April 2020 has 30 days' },
  { name: 'hour 24', input: 'datetime,close\n2020-01-02T24:00:00Z,1\n', line: 2, column: 'datetime', value: '2020-01-02T24:00:00Z', message: 'hour 24 is out of range' },
  { name: 'minute 60', input: 'datetime,close\n2020-01-02 10:00,1\n2020-01-02 10:60,1\n', line: 3, column: 'datetime', message: 'minute 60 is out of range' },
  { name: 'second 60', input: 'datetime,close\n2020-01-02T10:00:60,1\n', line: 2, column: 'datetime', message: 'second 60 is out of range' },
  { name: 'UTC offset out of range', input: 'datetime,close\n2020-01-02T10:00:00+19:00,1\n', line: 2, column: 'datetime', message: 'UTC offset +19:00 is out of range' },
  {
    name: 'timestamp format changes from dates to date-times',
    input: 'date,close\n2020-01-02,1\n2020-01-03,1\n2020-01-06 10:00,1\n',
    line: 4,
    column: 'date',
    value: '2020-01-06 10:00',
    message: 'but line 2 set the format to dates like 2020-01-31: the timestamp format must not change',
  },
  {
    name: 'timestamp format changes from epoch seconds to milliseconds',
    input: 'timestamp,close\n1577923200,1\n1578009600000,1\n',
    line: 3,
    column: 'timestamp',
    message: 'written as epoch milliseconds',
  },
  { name: 'epoch milliseconds with a fraction', input: 'time,close\n1577923200000,1\n1578009600000.5,1\n', line: 3, column: 'time', message: 'epoch milliseconds must be whole numbers' },
  { name: 'compact YYYYMMDD date', input: 'date,close\n20200102,1\n', line: 2, column: 'date', value: '20200102', message: 'compact YYYYMMDD date' },
  { name: 'zero close price', input: 'date,close\n2020-01-02,1\n2020-01-03,0\n', line: 3, column: 'close', value: '0', message: '"0" is not a positive price' },
  { name: 'negative open price', input: `${OHLCV}2020-01-02,-1,11,9,10,100\n`, line: 2, column: 'open', value: '-1', message: 'is not a positive price' },
  { name: 'non-positive adjusted close', input: 'Date,Close,Adj Close\n2020-01-02,10,-0.5\n', line: 2, column: 'Adj Close', value: '-0.5', message: 'is not a positive price' },
  { name: 'negative volume', input: `${OHLCV}2020-01-02,10,11,9,10,-5\n`, line: 2, column: 'volume', value: '-5', message: '"-5" is negative' },
  { name: 'high below low', input: `${OHLCV}${GOOD_ROW}2020-01-03,10,9,11,10,100\n`, line: 3, column: 'high', value: '9', message: 'the high "9" is below the low "11"' },
  { name: 'open above high', input: `${OHLCV}2020-01-02,12,11,9,10,100\n`, line: 2, column: 'open', value: '12', message: 'the open "12" is outside the bar\'s range from low "9" to high "11"' },
  { name: 'close below low', input: `${OHLCV}2020-01-02,10,11,9,8.99,100\n`, line: 2, column: 'close', value: '8.99', message: 'the close "8.99" is outside' },
  { name: 'duplicate timestamp', input: `${OHLCV}${GOOD_ROW}${GOOD_ROW}`, line: 3, column: 'date', value: '2020-01-02', message: 'repeats the timestamp of line 2 (2020-01-02)' },
  {
    name: 'decreasing timestamps',
    input: 'datetime,close\n2020-01-02T10:00Z,1\n2020-01-02T09:59Z,1\n',
    line: 3,
    column: 'datetime',
    message: 'is earlier than the timestamp on line 2 (2020-01-02T10:00:00.000Z): rows must be in ascending time order',
  },
  { name: 'too few fields', input: `${OHLCV}2020-01-02,10,11,9,10\n`, line: 2, message: 'expected 6 fields as in the header but found 5', value: '2020-01-02,10,11,9,10' },
  { name: 'too many fields', input: 'date,close\n2020-01-02,1\n\n2020-01-03,1,7\n', line: 4, message: 'expected 2 fields as in the header but found 3' },
  { name: 'unclosed quote', input: 'date,close\n2020-01-02,"1.5\n', line: 2, column: 'close', message: 'is not closed on this line' },
  { name: 'text after a closing quote', input: 'date,close\n2020-01-02,"1.5"x\n', line: 2, column: 'close', message: 'unexpected text after the closing quote' },
  { name: 'NUL bytes near the start', input: concatBytes('date,close\n2020-01-02,1\n2020-01-03,', new Uint8Array([0, 0, 1]), '\n'), line: 3, message: 'contains NUL bytes' },
  { name: 'invalid UTF-8', input: concatBytes('date,close,name\n2020-01-02,1,ok\n2020-01-03,1,', new Uint8Array([0xc3, 0x28]), '\n'), line: 3, message: 'not valid UTF-8 text (byte 0xC3)' },
  { name: 'mostly control characters', input: concatBytes('date,close\n', new Uint8Array(200).fill(1)), line: 1, message: 'are control characters' },
  { name: 'a ZIP archive (xlsx)', input: concatBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), 'xl/workbook.xml'), line: 1, message: 'looks like a ZIP archive' },
  { name: 'UTF-16 text', input: new Uint8Array([0xff, 0xfe, 0x64, 0x00, 0x61, 0x00]), line: 1, message: 'UTF-16 text' },
];

describe('CsvBarParser rejects malformed files', () => {
  it('has at least 25 malformed inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name', ({ input, line, message, column, value }) => {
    const error = parseError(input);
    expect(error.file).toBe('test.csv');
    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
    expect(error.message.startsWith(`test.csv, line ${line}`)).toBe(true);
    if (column !== undefined) {
      expect(error.column).toBe(column);
      expect(error.message).toContain(`, column ${column}: `);
    }
    if (value !== undefined) expect(error.value).toBe(value);
    if (error.column !== undefined && error.value !== undefined) expect(error.message).toContain(JSON.stringify(error.value));
  });

  it.each(cases)('$name: same error whatever the push sizes', ({ input, line, message }) => {
    const bytes = typeof input === 'string' ? encode(input) : input;
    for (const size of [1, 3]) {
      const error = csvError(() => parseInPieces(bytes, size));
      expect(error.line).toBe(line);
      expect(error.message).toContain(message);
    }
  });
});

describe('errors far into a file', () => {
  it('reports a NUL byte after the sniffed start on its own line', () => {
    const rows = manyRows(2000); // ~56 KB of rows, so the NUL row straddles or follows the 64 KiB sniff
    const more = manyRows(2100).slice(rows.length);
    const input = concatBytes(OHLCV, rows, more, '2030-01-01,10,11,9,10,1', new Uint8Array([0]), '\n');
    const expectedLine = 1 + 2100 + 1;
    for (const size of [65536, 1000, input.length]) {
      const error = csvError(() => parseInPieces(input, size));
      expect(error.line).toBe(expectedLine);
      expect(error.message).toContain('NUL bytes');
    }
  });

  it('rejects a line longer than 1 MiB', () => {
    const long = 'x'.repeat(MAX_LINE_BYTES + 10);
    const input = `date,close,note\n2020-01-02,1,ok\n2020-01-03,1,${long}\n`;
    for (const size of [65536, input.length]) {
      const error = csvError(() => parseInPieces(encode(input), size));
      expect(error.line).toBe(3);
      expect(error.message).toContain('longer than 1 MiB');
      expect(error.value?.length).toBe(60);
    }
  });

  it('rejects a last line longer than 1 MiB without a newline', () => {
    const error = parseError(`date,close\n2020-01-02,1\n${'9'.repeat(MAX_LINE_BYTES + 1)}`);
    expect(error.line).toBe(3);
    expect(error.message).toContain('longer than 1 MiB');
  });

  it('counts physical lines, including blank ones and CRLF endings', () => {
    const error = parseError('date,close\r\n\r\n2020-01-02,1\r\n\r\n\r\n2020-01-03,x\r\n');
    expect(error.line).toBe(6);
    expect(error.value).toBe('x');
  });

  it('truncates long offending values to 60 characters', () => {
    const value = 'y'.repeat(200);
    const error = parseError(`date,close\n2020-01-02,${value}\n`);
    expect(error.value).toBe(value.slice(0, 60));
    expect(error.message).toContain(`"${value.slice(0, 60)}"…`);
    expect(error.message.length).toBeLessThan(200);
  });

  it('is an Error with a stable name', () => {
    const error = parseError('date,close\n2020-01-02,bad\n');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CsvFormatError');
    expect(error.reason).toBe('"bad" is not a number');
    expect(error.message).toBe('test.csv, line 2, column close: "bad" is not a number');
  });

  it('constructs messages without a column when none applies', () => {
    const error = new CsvFormatError({ file: 'a.csv', line: 7, value: 'v', reason: 'why' });
    expect(error.message).toBe('a.csv, line 7: why');
    expect(error.column).toBeUndefined();
  });
});
