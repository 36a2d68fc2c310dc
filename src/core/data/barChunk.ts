// A run of consecutive bars as a streaming reader emits them, and the assembly of such runs into one BarSeries.
// Chunks let an import write to the store while the file is still being read.
import type { BarColumn, BarSeries } from './bars';

export interface BarChunkColumns {
  time: Float64Array;
  open?: Float64Array;
  high?: Float64Array;
  low?: Float64Array;
  close: Float64Array;
  adjClose?: Float64Array;
  volume?: Float64Array;
}

export interface BarChunk {
  /** Index of this chunk's first bar in the whole series. */
  rowStart: number;
  /** Bars in this chunk; every present column has exactly this length. */
  length: number;
  columns: BarChunkColumns;
}

/** Concatenates chunks (in order, as emitted) into one series with the given columns. */
export function assembleBarSeries(chunks: readonly BarChunk[], columns: readonly BarColumn[]): BarSeries {
  let length = 0;
  for (const chunk of chunks) {
    if (chunk.rowStart !== length) throw new RangeError(`chunk starting at row ${chunk.rowStart} does not follow row ${length}`);
    length += chunk.length;
  }
  const out: Partial<Record<BarColumn, Float64Array>> = {};
  for (const column of columns) {
    const target = new Float64Array(length);
    for (const chunk of chunks) {
      const source = chunk.columns[column];
      if (source === undefined) throw new RangeError(`chunk starting at row ${chunk.rowStart} has no ${column} column`);
      target.set(source.subarray(0, chunk.length), chunk.rowStart);
    }
    out[column] = target;
  }
  if (out.time === undefined || out.close === undefined) throw new RangeError('a bar series needs time and close columns');
  return { ...out, length, time: out.time, close: out.close };
}
