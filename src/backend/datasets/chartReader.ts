// Runs inside the dataset worker: reads a dataset through its own read-only connection (WAL lets it read while
// the main connection writes) and decimates it for a chart, so a 10-million-bar series never touches the UI.
import Database from 'better-sqlite3';
import { decimateForChart, type BarColumn, type BarSeries } from '../../core';
import { HoldoutError, type ChartRequest, type ChartSeries } from '../../shared';
import { readColumns } from '../storage/columnReader';

export class ChartReader {
  private db: Database.Database | undefined;
  /** The last dataset read: zooming and panning ask for the same one again and again. */
  private cached: { id: string; hash: string; series: BarSeries } | undefined;

  constructor(private readonly dbPath: string) {}

  chart(request: ChartRequest): ChartSeries {
    return decimateForChart(this.series(request.id), { from: request.from, to: request.to, maxPoints: request.maxPoints });
  }

  private series(id: string): BarSeries {
    const db = (this.db ??= new Database(this.dbPath, { readonly: true, fileMustExist: true }));
    const row = db.prepare(`SELECT hash, bars, columns FROM datasets WHERE id = ? AND status = 'ready'`).get(id) as
      | { hash: string; bars: number; columns: string }
      | undefined;
    if (!row) throw new HoldoutError('NOT_FOUND', `No dataset with id ${id}. It may have been deleted.`);
    if (this.cached?.id === id && this.cached.hash === row.hash) return this.cached.series;
    this.cached = undefined;
    const columns = JSON.parse(row.columns) as BarColumn[];
    const series = readColumns(db, id, row.bars, columns, columns);
    this.cached = { id, hash: row.hash, series };
    return series;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
    this.cached = undefined;
  }
}
