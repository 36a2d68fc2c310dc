// Reads a dataset's column chunks into contiguous Float64Arrays. Shared by the writer connection and the
// read-only connections that worker threads open, so both see the same bytes the same way.
import type Database from 'better-sqlite3';
import { BAR_COLUMNS, type BarColumn, type BarSeries } from '../../core';

export function readColumns(
  db: Database.Database,
  datasetId: string,
  bars: number,
  wanted: readonly BarColumn[],
  available: readonly BarColumn[],
): BarSeries {
  const columns = BAR_COLUMNS.filter((c) => (c === 'time' || c === 'close' || wanted.includes(c)) && available.includes(c));
  const out: Partial<Record<BarColumn, Float64Array>> = {};
  const stmt = db.prepare(
    `SELECT row_start, rows, data FROM dataset_chunks WHERE dataset_id = ? AND column_name = ? ORDER BY chunk_index`,
  );
  for (const column of columns) {
    const values = new Float64Array(bars);
    // Blobs come back unaligned, so copy bytes rather than viewing them as float64.
    const bytes = new Uint8Array(values.buffer);
    let filled = 0;
    for (const row of stmt.iterate(datasetId, column) as Iterable<{ row_start: number; rows: number; data: Buffer }>) {
      if (row.data.byteLength !== row.rows * 8 || row.row_start + row.rows > bars) {
        throw new Error(`dataset ${datasetId}: column ${column} is corrupt at row ${row.row_start}`);
      }
      bytes.set(row.data, row.row_start * 8);
      filled += row.rows;
    }
    if (filled !== bars) throw new Error(`dataset ${datasetId}: column ${column} has ${filled} of ${bars} values`);
    out[column] = values;
  }
  return { length: bars, ...out } as BarSeries;
}
