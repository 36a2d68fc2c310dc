// The dataset content hash: SHA-256 over the normalised columns, so the same bars give the same hash whatever
// the file looked like (delimiter, date format, quoting, column order, trailing zeros).
//
// Definition (version 1, never change it: stored hashes identify datasets forever):
//   digest(c) = SHA-256 of column c's values as little-endian IEEE-754 float64, -0 written as +0
//   hash      = SHA-256 of the UTF-8 text "holdout-bars/v1\n" followed by "<name>:<hex digest(c)>\n" for every
//               present column c in the canonical order time, open, high, low, close, adjClose, volume
// time is epoch milliseconds UTC.
import { createHash, type Hash } from 'node:crypto';
import { BAR_COLUMNS, type BarColumn } from '../../core';
import type { ColumnChunk } from '../storage/storage';

export class ColumnHasher {
  private readonly hashes = new Map<BarColumn, Hash>();
  private scratch = new Float64Array(0);

  update(chunk: ColumnChunk): void {
    for (const column of BAR_COLUMNS) {
      const values = chunk.columns[column];
      if (!values) continue;
      let hash = this.hashes.get(column);
      if (!hash) {
        hash = createHash('sha256');
        this.hashes.set(column, hash);
      }
      hash.update(normalisedBytes(values, this));
    }
  }

  digest(): string {
    const lines = ['holdout-bars/v1\n'];
    for (const column of BAR_COLUMNS) {
      const hash = this.hashes.get(column);
      if (hash) lines.push(`${column}:${hash.digest('hex')}\n`);
    }
    return createHash('sha256').update(lines.join(''), 'utf8').digest('hex');
  }

  /** A scratch buffer reused across chunks for the rare column that holds a -0. */
  scratchOf(length: number): Float64Array {
    if (this.scratch.length < length) this.scratch = new Float64Array(length);
    return this.scratch.subarray(0, length);
  }
}

function normalisedBytes(values: Float64Array, hasher: ColumnHasher): Uint8Array {
  let hasNegativeZero = false;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === 0 && 1 / values[i] < 0) {
      hasNegativeZero = true;
      break;
    }
  }
  let source = values;
  if (hasNegativeZero) {
    source = hasher.scratchOf(values.length);
    for (let i = 0; i < values.length; i++) source[i] = values[i] === 0 ? 0 : values[i];
  }
  return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
}

export function hashSeriesColumns(columns: Partial<Record<BarColumn, Float64Array>>, length: number): string {
  const hasher = new ColumnHasher();
  hasher.update({ rowStart: 0, length, columns });
  return hasher.digest();
}
