import { describe, expect, it } from 'vitest';
import { assembleBarSeries, BAR_COLUMNS, SNIFF_BYTES } from '../../../../src/core/data/index';
import type { BarChunk, BarSeries } from '../../../../src/core/data/index';
import { Rng } from '../../../../src/core/random/index';
import { encode, parseInPieces } from './csvTestSupport';
import { readReference } from './referenceData';

/** A file well past the sniffed 64 KiB, with CRLF endings, quotes and multi-byte characters to split. */
function buildFile(rows: number): Uint8Array {
  const rng = new Rng(7);
  const lines = ['\uFEFFDate,Open,High,Low,Close,Adj Close,Volume,Note'];
  let t = Date.UTC(2001, 0, 1, 9, 30);
  let price = 100;
  for (let i = 0; i < rows; i++) {
    t += 60_000 * (1 + rng.nextInt(3));
    const open = price;
    price = Math.max(1, price * (1 + 0.01 * rng.normal()));
    const high = Math.max(open, price) + rng.nextFloat();
    const low = Math.min(open, price) - rng.nextFloat() * 0.5;
    const note = ['Zürich', '€ 1,5', '東京', 'quoted "x"', ''][i % 5].replace(/"/g, '""');
    const ts = new Date(t).toISOString().replace('.000Z', i % 2 === 0 ? 'Z' : '+00:00');
    lines.push(`${ts},${open},"${high}",${low},${price},${price * 0.98},${rng.nextInt(1e6)},"${note}"`);
  }
  return encode(lines.join('\r\n'));
}

function columnsOf(chunks: BarChunk[], columns: readonly (typeof BAR_COLUMNS)[number][]): BarSeries {
  return assembleBarSeries(chunks, columns);
}

function expectSameSeries(a: BarSeries, b: BarSeries): void {
  expect(a.length).toBe(b.length);
  for (const c of BAR_COLUMNS) {
    const x = a[c];
    const y = b[c];
    expect(x === undefined).toBe(y === undefined);
    if (x !== undefined && y !== undefined) {
      // Compare the bytes so that -0/+0 and NaN payloads would count as differences too.
      expect(new Uint8Array(x.buffer, x.byteOffset, x.byteLength)).toEqual(new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
    }
  }
}

describe('chunk-boundary independence', () => {
  const file = buildFile(3000);

  it('is bigger than the sniffed prefix, so the streaming path is exercised', () => {
    expect(file.length).toBeGreaterThan(2 * SNIFF_BYTES);
  });

  it('gives identical columns for 1-byte, 7-byte, random-size and whole-file pushes', () => {
    const whole = parseInPieces(file, file.length);
    expect(whole.rows).toBe(3000);
    expect(whole.layout.columns).toEqual(['time', 'open', 'high', 'low', 'close', 'adjClose', 'volume']);
    expect(whole.layout.ignoredColumns).toEqual(['Note']);
    const reference = columnsOf(whole.chunks, whole.layout.columns);
    const rng = new Rng(1);
    for (const size of [1, 7, 4096, SNIFF_BYTES, SNIFF_BYTES + 1, () => 1 + rng.nextInt(100_000)]) {
      const result = parseInPieces(file, size);
      expect(result.rows).toBe(3000);
      expect(result.layout).toEqual(whole.layout);
      expectSameSeries(columnsOf(result.chunks, result.layout.columns), reference);
    }
  });

  it('emits full chunks of exactly chunkRows from push() and the rest from finish()', () => {
    const { chunks, rows, layout } = parseInPieces(file, 1000, 256);
    expect(rows).toBe(3000);
    expect(chunks.map((c) => c.length)).toEqual([...Array<number>(11).fill(256), 3000 - 11 * 256]);
    chunks.forEach((chunk, k) => {
      expect(chunk.rowStart).toBe(k * 256);
      for (const c of layout.columns) expect(chunk.columns[c]!.length).toBe(chunk.length);
    });
    expectSameSeries(columnsOf(chunks, layout.columns), columnsOf(parseInPieces(file, file.length).chunks, layout.columns));
  });

  it('does not emit an empty chunk when the row count is a multiple of chunkRows', () => {
    const text = 'date,close\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n2020-01-04,4\n';
    const { chunks } = parseInPieces(encode(text), 5, 2);
    expect(chunks.map((c) => c.length)).toEqual([2, 2]);
  });

  it('matches for a reference file pushed byte by byte', () => {
    const bytes = readReference('msft.csv');
    const a = parseInPieces(bytes, 1);
    const b = parseInPieces(bytes, bytes.length);
    expectSameSeries(columnsOf(a.chunks, a.layout.columns), columnsOf(b.chunks, b.layout.columns));
  });
});
