// The SQLite implementation of Storage (better-sqlite3): WAL so readers in worker threads never wait for the
// writer, foreign keys on, every statement prepared once. This connection is the only writer.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BAR_COLUMNS, type BarColumn, type BarSeries } from '../../core';
import { HoldoutError } from '../../shared';
import { migrate } from './migrations';
import { readColumns } from './columnReader';
import type { ColumnChunk, DatasetCommit, DatasetImportWriter, DatasetRecord, Storage } from './storage';

interface DatasetRow {
  id: string;
  name: string;
  hash: string;
  bars: number;
  first_time: number;
  last_time: number;
  frequency: string;
  columns: string;
  stats: string;
  source: string;
  imported_at: number;
}

export interface SqliteStoreOptions {
  /** Apply migrations only up to this version (tests of older schemas). */
  migrateTo?: number;
}

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Large pages suit the column-chunk blobs (fewer overflow pages to chain on write and read); SQLite only
    // honours this on a new, empty file, before WAL is switched on, and keeps an existing file's size.
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrateTo);
  } catch (err) {
    db.close();
    throw err;
  }
  return new SqliteStore(db, file);
}

export class SqliteStore implements Storage {
  private readonly stmts;

  constructor(
    readonly db: Database.Database,
    readonly location: string,
  ) {
    this.stmts = {
      list: db.prepare(`SELECT * FROM datasets WHERE status = 'ready' ORDER BY imported_at DESC, rowid DESC`),
      get: db.prepare(`SELECT * FROM datasets WHERE id = ? AND status = 'ready'`),
      byHash: db.prepare(`SELECT * FROM datasets WHERE hash = ? AND status = 'ready'`),
      insertImporting: db.prepare(
        `INSERT INTO datasets (id, name, status, source, imported_at) VALUES (?, ?, 'importing', ?, ?)`,
      ),
      insertChunk: db.prepare(
        `INSERT INTO dataset_chunks (dataset_id, column_name, chunk_index, row_start, rows, data) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      commit: db.prepare(
        `UPDATE datasets SET status = 'ready', hash = ?, bars = ?, first_time = ?, last_time = ?, frequency = ?,
           columns = ?, stats = ?, imported_at = ? WHERE id = ? AND status = 'importing'`,
      ),
      deleteAny: db.prepare(`DELETE FROM datasets WHERE id = ?`),
      rename: db.prepare(`UPDATE datasets SET name = ? WHERE id = ? AND status = 'ready'`),
      getSetting: db.prepare(`SELECT value FROM settings WHERE key = ?`),
      setSetting: db.prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ),
    };
    this.removeInterruptedImports();
  }

  schemaVersion(): number {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  /** An import cut short by a crash left an 'importing' row: remove it and its chunks. */
  private removeInterruptedImports(): void {
    this.db.prepare(`DELETE FROM datasets WHERE status = 'importing'`).run();
  }

  beginDatasetImport(init: { name: string; source: string }): DatasetImportWriter {
    const id = `ds_${randomBytes(8).toString('hex')}`;
    this.stmts.insertImporting.run(id, init.name, init.source, Date.now());
    const chunkIndex = new Map<BarColumn, number>();
    let done = false;
    return {
      id,
      appendChunk: (chunk: ColumnChunk) => {
        if (done) throw new Error(`import ${id} is already finished`);
        this.db.transaction(() => {
          for (const column of BAR_COLUMNS) {
            const values = chunk.columns[column];
            if (!values) continue;
            if (values.length !== chunk.length) {
              throw new Error(`chunk column ${column} has ${values.length} values, expected ${chunk.length}`);
            }
            const index = chunkIndex.get(column) ?? 0;
            chunkIndex.set(column, index + 1);
            const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
            this.stmts.insertChunk.run(id, column, index, chunk.rowStart, chunk.length, bytes);
          }
        })();
      },
      commit: (meta: DatasetCommit): DatasetRecord => {
        if (done) throw new Error(`import ${id} is already finished`);
        const info = this.stmts.commit.run(
          meta.hash,
          meta.bars,
          meta.first,
          meta.last,
          JSON.stringify(meta.frequency),
          JSON.stringify(meta.columns),
          JSON.stringify(meta.stats),
          Date.now(),
          id,
        );
        if (info.changes !== 1) throw new Error(`import ${id} vanished before it could be committed`);
        done = true;
        return this.getDataset(id)!;
      },
      abort: () => {
        if (done) return;
        done = true;
        this.stmts.deleteAny.run(id);
      },
    };
  }

  listDatasets(): DatasetRecord[] {
    return (this.stmts.list.all() as DatasetRow[]).map(toRecord);
  }

  getDataset(id: string): DatasetRecord | undefined {
    const row = this.stmts.get.get(id) as DatasetRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  findDatasetByHash(hash: string): DatasetRecord | undefined {
    const row = this.stmts.byHash.get(hash) as DatasetRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  loadBars(id: string, columns?: readonly BarColumn[]): BarSeries {
    const record = this.requireDataset(id);
    return readColumns(this.db, record.id, record.bars, columns ?? record.columns, record.columns);
  }

  renameDataset(id: string, name: string): DatasetRecord {
    const info = this.stmts.rename.run(name, id);
    if (info.changes !== 1) throw notFound(id);
    return this.getDataset(id)!;
  }

  deleteDataset(id: string): void {
    this.requireDataset(id);
    this.stmts.deleteAny.run(id);
  }

  getSetting(key: string): string | undefined {
    const row = this.stmts.getSetting.get(key) as { value: string } | undefined;
    return row?.value;
  }

  setSetting(key: string, value: string): void {
    this.stmts.setSetting.run(key, value);
  }

  close(): void {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so a closed database is one self-contained file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  private requireDataset(id: string): DatasetRecord {
    const record = this.getDataset(id);
    if (!record) throw notFound(id);
    return record;
  }
}

function notFound(id: string): HoldoutError {
  return new HoldoutError('NOT_FOUND', `No dataset with id ${id}. It may have been deleted.`);
}

function toRecord(row: DatasetRow): DatasetRecord {
  return {
    id: row.id,
    name: row.name,
    bars: row.bars,
    first: row.first_time,
    last: row.last_time,
    frequency: JSON.parse(row.frequency),
    hash: row.hash,
    columns: JSON.parse(row.columns),
    source: row.source,
    importedAt: row.imported_at,
    stats: JSON.parse(row.stats),
  };
}
