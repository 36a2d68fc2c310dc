// Is this file a Holdout database we can use? SQLite's own integrity check (https://sqlite.org/pragma.html#pragma_integrity_check)
// plus the markers of our schema: the schema_migrations table and a version this app knows.
import Database from 'better-sqlite3';
import { HoldoutError } from '../../shared';
import { LATEST_SCHEMA_VERSION, currentVersion } from '../storage/migrations';

export interface DatabaseCheck {
  schemaVersion: number;
  pageSize: number;
  studies: number;
  trials: number;
  datasets: number;
}

/**
 * Checks an open connection. @throws HoldoutError INVALID_DATA naming `file`: not a SQLite database, damaged
 * (the first problems integrity_check reports), not Holdout's, or from a newer Holdout.
 */
export function checkHoldoutDatabase(db: Database.Database, file: string): DatabaseCheck {
  let problems: string[];
  try {
    problems = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (err) {
    throw new HoldoutError('INVALID_DATA', `${file} is not a SQLite database (${err instanceof Error ? err.message : String(err)}).`, { file });
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new HoldoutError('INVALID_DATA', `${file} is damaged: SQLite's integrity check reports ${problems.slice(0, 5).join('; ')}.`, { file });
  }
  const hasTable = (name: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
  if (!hasTable('schema_migrations') || !hasTable('datasets')) {
    throw new HoldoutError('INVALID_DATA', `${file} is a SQLite database but not a Holdout one (it has no schema_migrations or datasets table).`, { file });
  }
  const schemaVersion = currentVersion(db);
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new HoldoutError(
      'INVALID_DATA',
      `${file} is at schema version ${schemaVersion}, newer than this version of Holdout understands (${LATEST_SCHEMA_VERSION}). Update Holdout first.`,
      { file },
    );
  }
  const count = (table: string, where = '') => (hasTable(table) ? (db.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).get() as { n: number }).n : 0);
  return {
    schemaVersion,
    pageSize: db.pragma('page_size', { simple: true }) as number,
    studies: count('studies'),
    trials: count('trials'),
    datasets: count('datasets', `WHERE status = 'ready'`),
  };
}
