// Worker-side reads of whole datasets through a read-only connection (WAL lets it read while the main connection
// writes), keeping the last few in memory: zooming a chart or tuning on one dataset asks for it again and again.
import Database from 'better-sqlite3';
import type { BarColumn, BarSeries } from '../../core';
import { HoldoutError, type Frequency } from '../../shared';
import { readColumns } from '../storage/columnReader';

export interface LoadedDataset {
  id: string;
  hash: string;
  frequency: Frequency;
  series: BarSeries;
}

export class DatasetReader {
  private db: Database.Database | undefined;
  private readonly recent: LoadedDataset[] = [];

  constructor(
    private readonly dbPath: string,
    private readonly keep = 2,
  ) {}

  load(id: string): LoadedDataset {
    const db = (this.db ??= new Database(this.dbPath, { readonly: true, fileMustExist: true }));
    const row = db.prepare(`SELECT hash, bars, columns, frequency FROM datasets WHERE id = ? AND status = 'ready'`).get(id) as
      | { hash: string; bars: number; columns: string; frequency: string }
      | undefined;
    if (!row) throw new HoldoutError('NOT_FOUND', `No dataset with id ${id}. It may have been deleted.`);
    const at = this.recent.findIndex((d) => d.id === id && d.hash === row.hash);
    if (at >= 0) {
      const [hit] = this.recent.splice(at, 1);
      this.recent.unshift(hit);
      return hit;
    }
    const columns = JSON.parse(row.columns) as BarColumn[];
    const loaded: LoadedDataset = {
      id,
      hash: row.hash,
      frequency: JSON.parse(row.frequency) as Frequency,
      series: readColumns(db, id, row.bars, columns, columns),
    };
    this.recent.unshift(loaded);
    this.recent.length = Math.min(this.recent.length, this.keep);
    return loaded;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
    this.recent.length = 0;
  }
}
