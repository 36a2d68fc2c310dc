// Small helpers shared by the CSV parser tests: parse text, and capture the CsvFormatError a text produces.
import { expect } from 'vitest';
import { CsvBarParser, CsvFormatError, parseCsvBars } from '../../../../src/core/data/index';
import type { BarChunk, BarSeries, CsvLayout } from '../../../../src/core/data/index';

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

export function parseText(text: string | Uint8Array, fileName = 'test.csv'): { series: BarSeries; layout: CsvLayout } {
  return parseCsvBars(typeof text === 'string' ? encode(text) : text, { fileName });
}

/** Feeds `bytes` in pieces of `size` bytes (or of the sizes `size` yields) and collects every chunk. */
export function parseInPieces(bytes: Uint8Array, size: number | (() => number), chunkRows?: number): { chunks: BarChunk[]; layout: CsvLayout; rows: number } {
  const parser = new CsvBarParser({ fileName: 'test.csv', chunkRows });
  const chunks: BarChunk[] = [];
  for (let off = 0; off < bytes.length; ) {
    const n = typeof size === 'number' ? size : size();
    chunks.push(...parser.push(bytes.subarray(off, off + n)));
    off += n;
  }
  const end = parser.finish();
  chunks.push(...end.chunks);
  return { chunks, layout: end.layout, rows: end.rows };
}

export function csvError(run: () => unknown): CsvFormatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvFormatError);
    return error as CsvFormatError;
  }
  throw new Error('expected a CsvFormatError, but parsing succeeded');
}

export function parseError(text: string | Uint8Array, fileName = 'test.csv'): CsvFormatError {
  return csvError(() => parseText(text, fileName));
}
