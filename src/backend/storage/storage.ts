// The Storage interface: everything the back end persists goes through it, so the SQLite store can be swapped or
// wrapped (tests run the same conformance suite against every implementation).
// Rules: one writer; a dataset becomes visible only when its import commits; finished records are immutable.
import type { BarColumn, BarSeries } from '../../core';
import type { DatasetStats, Frequency } from '../../shared';

export interface DatasetRecord {
  id: string;
  name: string;
  bars: number;
  first: number;
  last: number;
  frequency: Frequency;
  hash: string;
  columns: BarColumn[];
  source: string;
  importedAt: number;
  stats: DatasetStats;
}

/** One contiguous block of rows of some columns, as the import pipeline produces them. */
export interface ColumnChunk {
  rowStart: number;
  length: number;
  columns: Partial<Record<BarColumn, Float64Array>>;
}

export interface DatasetCommit {
  hash: string;
  bars: number;
  first: number;
  last: number;
  frequency: Frequency;
  columns: BarColumn[];
  stats: DatasetStats;
}

/** An import in progress: chunks are written as they arrive, and nothing is visible until commit(). */
export interface DatasetImportWriter {
  readonly id: string;
  appendChunk(chunk: ColumnChunk): void;
  commit(meta: DatasetCommit): DatasetRecord;
  /** Removes every trace of the import. Safe to call twice, and after a failed commit. */
  abort(): void;
}

export interface Storage {
  /** The database file, or ":memory:". */
  readonly location: string;
  schemaVersion(): number;

  beginDatasetImport(init: { name: string; source: string }): DatasetImportWriter;
  listDatasets(): DatasetRecord[];
  getDataset(id: string): DatasetRecord | undefined;
  findDatasetByHash(hash: string): DatasetRecord | undefined;
  /** The dataset's bars as typed arrays; `columns` limits what is read (time is always included). */
  loadBars(id: string, columns?: readonly BarColumn[]): BarSeries;
  renameDataset(id: string, name: string): DatasetRecord;
  deleteDataset(id: string): void;

  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;

  close(): void;
}
