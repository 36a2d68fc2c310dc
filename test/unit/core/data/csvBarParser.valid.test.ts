import { describe, expect, it } from 'vitest';
import { CsvBarParser } from '../../../../src/core/data/index';
import { encode, parseText } from './csvTestSupport';

const D2 = Date.UTC(2020, 0, 2);
const D3 = Date.UTC(2020, 0, 3);

const PLAIN = 'date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10.5,12.25,10,12,250\n';

function expectPlainBars(text: string | Uint8Array): void {
  const { series, layout } = parseText(text);
  expect(series.length).toBe(2);
  expect(Array.from(series.time)).toEqual([D2, D3]);
  expect(Array.from(series.open!)).toEqual([10, 10.5]);
  expect(Array.from(series.high!)).toEqual([11, 12.25]);
  expect(Array.from(series.low!)).toEqual([9, 10]);
  expect(Array.from(series.close)).toEqual([10.5, 12]);
  expect(Array.from(series.volume!)).toEqual([100, 250]);
  expect(series.adjClose).toBeUndefined();
  expect(layout.columns).toEqual(['time', 'open', 'high', 'low', 'close', 'volume']);
  expect(layout.timestampFormat).toBe('iso-date');
}

describe('CsvBarParser accepts the usual variants of a bar file', () => {
  it('plain comma-separated OHLCV with LF endings', () => {
    expectPlainBars(PLAIN);
    expect(parseText(PLAIN).layout.delimiter).toBe(',');
  });

  it('a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(PLAIN)]);
    expectPlainBars(bytes);
    expect(parseText(bytes).layout.headerFields[0]).toBe('date');
  });

  it('CRLF line endings', () => expectPlainBars(PLAIN.replace(/\n/g, '\r\n')));

  it('no trailing newline', () => expectPlainBars(PLAIN.trimEnd()));

  it('no trailing newline with CRLF endings', () => expectPlainBars(PLAIN.replace(/\n/g, '\r\n').trimEnd()));

  it('trailing blank lines, blank lines between rows and delimiter-only lines', () => {
    const text = PLAIN.replace('100\n', '100\n\n,,,,,\n  \n') + '\n\r\n\n';
    expectPlainBars(text);
  });

  it('semicolons', () => {
    const text = PLAIN.replace(/,/g, ';');
    expectPlainBars(text);
    expect(parseText(text).layout.delimiter).toBe(';');
  });

  it('tabs', () => {
    const text = PLAIN.replace(/,/g, '\t');
    expectPlainBars(text);
    expect(parseText(text).layout.delimiter).toBe('\t');
  });

  it('quoted header and fields', () => {
    const text = PLAIN.split('\n')
      .map((line) => (line === '' ? '' : line.split(',').map((f) => `"${f}"`).join(',')))
      .join('\n');
    expectPlainBars(text);
  });

  it('spaces around fields and header names, and any header case', () => {
    expectPlainBars(' Date , OPEN,High ,low,Close,VOLUME\n2020-01-02, 10,11 ,9,10.5,100\n"2020-01-03" ,10.5, "12.25",10,12,250\n');
  });

  it('header aliases: timestamp, adj_close, vol', () => {
    const { series, layout } = parseText('timestamp,close,adj_close,vol\n2020-01-02,10,9.5,7\n');
    expect(layout.columns).toEqual(['time', 'close', 'adjClose', 'volume']);
    expect(series.adjClose![0]).toBe(9.5);
    expect(series.volume![0]).toBe(7);
  });

  it('ignores unknown columns, including quoted text with delimiters and multi-byte characters', () => {
    const { series, layout } = parseText('symbol,date,close,note\nMSFT,2020-01-02,1.5,"Zürich, €10 ""cheap"""\nMSFT,2020-01-03,1.75,\n');
    expect(layout.ignoredColumns).toEqual(['symbol', 'note']);
    expect(layout.headerFields).toEqual(['symbol', 'date', 'close', 'note']);
    expect(Array.from(series.close)).toEqual([1.5, 1.75]);
  });

  it('a Yahoo-style file with Adj Close', () => {
    const { series, layout } = parseText('Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,10,11,9,10.5,10.25,100\n');
    expect(layout.columns).toEqual(['time', 'open', 'high', 'low', 'close', 'adjClose', 'volume']);
    expect(series.adjClose![0]).toBe(10.25);
    expect(parseText('date,close,Adjusted Close\n2020-01-02,1,0.5\n').series.adjClose![0]).toBe(0.5);
    expect(parseText('date,close,adjclose\n2020-01-02,1,0.5\n').series.adjClose![0]).toBe(0.5);
  });

  it('close only', () => {
    const { series, layout } = parseText('date,close\n2020-01-02,1.5\n2020-01-03,1.25\n');
    expect(layout.columns).toEqual(['time', 'close']);
    expect(series.open).toBeUndefined();
    expect(series.volume).toBeUndefined();
    expect(Array.from(series.close)).toEqual([1.5, 1.25]);
  });

  it('close and volume (volume 0 is allowed)', () => {
    const { series, layout } = parseText('date,close,volume\n2020-01-02,1.5,0\n2020-01-03,1.25,12\n');
    expect(layout.columns).toEqual(['time', 'close', 'volume']);
    expect(Array.from(series.volume!)).toEqual([0, 12]);
  });

  it('numbers with exponents, a plus sign, leading zeros and no integer part', () => {
    const { series } = parseText('date,close,volume\n2020-01-02,1.5e2,+1E3\n2020-01-03,.25,007\n2020-01-06,2.,1e-2\n');
    expect(Array.from(series.close)).toEqual([150, 0.25, 2]);
    expect(Array.from(series.volume!)).toEqual([1000, 7, 0.01]);
  });

  it('epoch seconds, with and without a fraction', () => {
    const { series, layout } = parseText('time,close\n1577923200,1\n1578009600.25,2\n1578096000.1239,3\n');
    expect(layout.timestampFormat).toBe('epoch-seconds');
    expect(Array.from(series.time)).toEqual([1577923200000, 1578009600250, 1578096000123]);
  });

  it('epoch milliseconds', () => {
    const { series, layout } = parseText('timestamp,close\n1577923200000,1\n1577923260500,2\n');
    expect(layout.timestampFormat).toBe('epoch-millis');
    expect(Array.from(series.time)).toEqual([1577923200000, 1577923260500]);
  });

  it('ISO date-times with Z, without a zone (UTC), with offsets, a space separator and fractions', () => {
    const rows = [
      ['2020-01-02T09:30:00Z', Date.UTC(2020, 0, 2, 9, 30)],
      ['2020-01-02T09:31:00', Date.UTC(2020, 0, 2, 9, 31)],
      ['2020-01-02 09:32', Date.UTC(2020, 0, 2, 9, 32)],
      ['2020-01-02T11:33:00+02:00', Date.UTC(2020, 0, 2, 9, 33)],
      ['2020-01-02T04:04:00-0530', Date.UTC(2020, 0, 2, 9, 34)],
      ['2020-01-02T10:35:00+01', Date.UTC(2020, 0, 2, 9, 35)],
      ['2020-01-02T09:36:00.5z', Date.UTC(2020, 0, 2, 9, 36, 0, 500)],
      ['2020-01-02t09:37:00.123456Z', Date.UTC(2020, 0, 2, 9, 37, 0, 123)],
      ['"2020-01-02T09:38:01,25Z"', Date.UTC(2020, 0, 2, 9, 38, 1, 250)],
      ['2020-01-03T00:30:00+01:00', Date.UTC(2020, 0, 2, 23, 30)],
    ] as const;
    const text = 'datetime,close\n' + rows.map(([t], i) => `${t},${i + 1}`).join('\n');
    const { series, layout } = parseText(text);
    expect(layout.timestampFormat).toBe('iso-datetime');
    expect(Array.from(series.time)).toEqual(rows.map(([, ms]) => ms));
  });

  it('leap days and the ends of the four-digit year range', () => {
    const { series } = parseText('date,close\n0001-01-01,1\n1900-02-28,1\n2000-02-29,1\n2024-02-29,1\n9999-12-31,1\n');
    expect(Array.from(series.time)).toEqual([
      Date.UTC(2000, 0, 1) - 730119 * 86_400_000,
      Date.UTC(1900, 1, 28),
      Date.UTC(2000, 1, 29),
      Date.UTC(2024, 1, 29),
      Date.UTC(9999, 11, 31),
    ]);
  });

  it('a header after leading blank lines keeps physical line numbers', () => {
    const { series } = parseText('\n\ndate,close\n2020-01-02,1\n');
    expect(series.length).toBe(1);
  });

  it('reports rows and bytes from finish()', () => {
    const parser = new CsvBarParser({ fileName: 'x.csv' });
    const bytes = encode(PLAIN);
    expect(parser.push(bytes)).toEqual([]);
    const result = parser.finish();
    expect(result.rows).toBe(2);
    expect(result.bytes).toBe(bytes.length);
    expect(result.chunks).toHaveLength(1);
    expect(result.chunks[0].rowStart).toBe(0);
    expect(result.chunks[0].length).toBe(2);
    expect(result.chunks[0].columns.time.length).toBe(2);
    expect(() => parser.push(bytes)).toThrow(/after finish/);
    expect(() => parser.finish()).toThrow(/twice/);
  });

  it('returns each full chunk from the push() that completed it', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `2020-01-${String(i + 1).padStart(2, '0')},${i + 1}`);
    const parser = new CsvBarParser({ fileName: 'x.csv', chunkRows: 4 });
    // Past the 64 KiB sniff window at once, so rows are parsed as they arrive.
    const padding = `date,close,note\n${rows[0]},${'x'.repeat(70_000)}\n`;
    expect(parser.push(encode(padding))).toEqual([]);
    const returned = rows.slice(1).map((row) => parser.push(encode(`${row},\n`)).map((c) => [c.rowStart, c.length]));
    // Row 4 completes the first chunk, row 8 the second; finish() flushes the last two rows.
    expect(returned).toEqual([[], [], [[0, 4]], [], [], [], [[4, 4]], [], []]);
    const end = parser.finish();
    expect(end.chunks.map((c) => [c.rowStart, c.length])).toEqual([[8, 2]]);
    expect(Array.from(end.chunks[0].columns.close)).toEqual([9, 10]);
  });

  it('rejects a chunk size that is not a positive integer', () => {
    expect(() => new CsvBarParser({ fileName: 'x.csv', chunkRows: 0 })).toThrow(RangeError);
    expect(() => new CsvBarParser({ fileName: 'x.csv', chunkRows: 1.5 })).toThrow(RangeError);
  });
});
