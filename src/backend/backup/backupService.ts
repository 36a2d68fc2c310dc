// Backup: the store's writer connection copies the database with SQLite's online backup API
// (https://sqlite.org/backup.html) into a temporary file beside the target; the copy is integrity-checked, made
// self-contained (rollback journal, not WAL) and renamed into place, so a backup file is whole or absent.
// Restore: the file is copied (again with the backup API, which also reads a WAL beside it), checked, migrated
// up to this app's schema and given the live database's page size, the live database is backed up to
// <name>.before-restore-<time>.sqlite beside it, and only then does the checked copy replace the live content, in
// place (Storage.replaceContent), so the store, its statements and the workers' read connections stay valid.
// Refused while a study runs. Running two processes on one database is not supported (README): the CLI's
// restore cannot tell whether a desktop app has the same database open, as nothing marks an open database.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { HoldoutError, type BackupResult, type RestoreResult } from '../../shared';
import { migrate } from '../storage/migrations';
import type { Storage } from '../storage/storage';
import { temporaryPathFor } from '../studyManagement/atomicFile';
import { checkHoldoutDatabase, type DatabaseCheck } from './databaseCheck';

export interface BackupServiceOptions {
  store: Storage;
  /** The live database file. */
  databasePath: string;
}

export class BackupService {
  private busy: 'backup' | 'restore' | undefined;

  constructor(private readonly opts: BackupServiceOptions) {}

  async create(path: string): Promise<BackupResult> {
    if (path === this.opts.databasePath) {
      throw new HoldoutError('INVALID_REQUEST', `${path} is the live database; choose another file for the backup.`, { field: 'path', file: path });
    }
    requireFolder(path);
    return this.exclusive('backup', async () => {
      const t0 = performance.now();
      const tmp = temporaryPathFor(path);
      try {
        await this.opts.store.backup(tmp);
        const check = withDatabase(tmp, (db) => {
          const c = checkHoldoutDatabase(db, tmp);
          db.pragma('journal_mode = DELETE');
          return c;
        });
        renameSync(tmp, path);
        return { path, bytes: statSync(path).size, ...counts(check), schemaVersion: check.schemaVersion, durationMs: performance.now() - t0 };
      } finally {
        removeDatabaseFiles(tmp);
      }
    });
  }

  async restore(path: string): Promise<RestoreResult> {
    const { store, databasePath } = this.opts;
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new HoldoutError('NOT_FOUND', `No file ${path} to restore from.`, { field: 'path', file: path });
    }
    if (path === databasePath) throw new HoldoutError('INVALID_REQUEST', `${path} is the live database itself.`, { field: 'path', file: path });
    const running = store.listStudies().filter((s) => s.status === 'running');
    if (running.length > 0) {
      throw new HoldoutError('CONFLICT', `Cannot restore while a study runs (${running.map((s) => `"${s.name}"`).join(', ')}); pause or stop it first.`);
    }
    return this.exclusive('restore', async () => {
      const staged = join(dirname(databasePath), `.restore-${Date.now()}.sqlite`);
      try {
        const source = openForCheck(path);
        let fromVersion: number;
        try {
          fromVersion = checkHoldoutDatabase(source, path).schemaVersion;
          await source.backup(staged);
        } finally {
          source.close();
        }
        const livePageSize = pageSizeOf(databasePath);
        const check = withDatabase(staged, (db) => {
          db.pragma('journal_mode = DELETE');
          migrate(db);
          // Pages are copied one for one into the live file, so the sizes must agree; VACUUM rewrites the copy.
          if ((db.pragma('page_size', { simple: true }) as number) !== livePageSize) {
            db.pragma(`page_size = ${livePageSize}`);
            db.exec('VACUUM');
          }
          return checkHoldoutDatabase(db, path);
        });
        const previousCopy = join(dirname(databasePath), `${basename(databasePath, extname(databasePath))}.before-restore-${timestamp()}.sqlite`);
        await store.backup(previousCopy);
        withDatabase(previousCopy, (db) => db.pragma('journal_mode = DELETE'));
        await store.replaceContent(staged);
        return { path, previousCopy, fromSchemaVersion: fromVersion, schemaVersion: check.schemaVersion, ...counts(check) };
      } finally {
        removeDatabaseFiles(staged);
      }
    });
  }

  private async exclusive<T>(what: 'backup' | 'restore', fn: () => Promise<T>): Promise<T> {
    if (this.busy) throw new HoldoutError('CONFLICT', `A ${this.busy} is in progress; wait for it to finish before starting a ${what}.`);
    this.busy = what;
    try {
      return await fn();
    } finally {
      this.busy = undefined;
    }
  }
}

function counts(c: DatabaseCheck): { studies: number; trials: number; datasets: number } {
  return { studies: c.studies, trials: c.trials, datasets: c.datasets };
}

function requireFolder(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new HoldoutError('INVALID_REQUEST', `Cannot write ${path}: the folder ${folder} does not exist.`, { field: 'path', file: path });
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw new HoldoutError('INVALID_REQUEST', `Cannot write ${path}: it is a folder.`, { field: 'path', file: path });
}

function openForCheck(path: string): Database.Database {
  try {
    return new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new HoldoutError('INVALID_DATA', `${path} cannot be opened as a SQLite database (${err instanceof Error ? err.message : String(err)}).`, { file: path });
  }
}

function withDatabase<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function pageSizeOf(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** 2026-11-23T20-41-05Z: an ISO time without colons, which Windows does not allow in file names. */
function timestamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}
