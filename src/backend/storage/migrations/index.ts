// Numbered schema migrations. Each runs once, inside a transaction, and is recorded in schema_migrations; the
// database's version is the highest number applied. Never edit a shipped migration: add the next number.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'datasets and their column chunks',
    up(db) {
      db.exec(`
        CREATE TABLE datasets (
          id            TEXT PRIMARY KEY,
          name          TEXT NOT NULL,
          -- 'importing' rows are invisible and removed on the next open: an import is all or nothing.
          status        TEXT NOT NULL CHECK (status IN ('importing', 'ready')),
          hash          TEXT,
          bars          INTEGER NOT NULL DEFAULT 0,
          first_time    REAL,
          last_time     REAL,
          frequency     TEXT,
          columns       TEXT,
          stats         TEXT,
          source        TEXT NOT NULL,
          imported_at   INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX datasets_hash ON datasets(hash) WHERE status = 'ready';
        -- Bars are stored columnar: each row holds up to 65,536 consecutive values of one column as
        -- little-endian float64, so an import streams in and a load is a handful of memcpy's.
        CREATE TABLE dataset_chunks (
          dataset_id    TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
          column_name   TEXT NOT NULL,
          chunk_index   INTEGER NOT NULL,
          row_start     INTEGER NOT NULL,
          rows          INTEGER NOT NULL,
          data          BLOB NOT NULL,
          PRIMARY KEY (dataset_id, column_name, chunk_index)
        );
      `);
    },
  },
  {
    version: 2,
    name: 'settings',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key    TEXT PRIMARY KEY,
          value  TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    name: 'tuning studies, trials and the trial result cache',
    up(db) {
      db.exec(`
        CREATE TABLE studies (
          id              TEXT PRIMARY KEY,
          name            TEXT NOT NULL,
          dataset_id      TEXT NOT NULL,
          dataset_hash    TEXT NOT NULL,
          strategy_name   TEXT NOT NULL,
          strategy_hash   TEXT NOT NULL,
          space           TEXT NOT NULL,
          objectives      TEXT NOT NULL,
          sampler         TEXT NOT NULL,
          sampler_settings TEXT NOT NULL,
          seed            INTEGER NOT NULL,
          in_sample_fraction REAL NOT NULL,
          in_sample_bars  INTEGER NOT NULL,
          config          TEXT NOT NULL,
          budget_trials   INTEGER,
          budget_time_sec REAL,
          trial_time_limit_sec REAL NOT NULL,
          workers         INTEGER NOT NULL,
          status          TEXT NOT NULL CHECK (status IN ('running', 'paused', 'completed', 'stopped', 'interrupted', 'failed')),
          error           TEXT,
          sampler_state   TEXT,
          created_at      INTEGER NOT NULL,
          started_at      INTEGER,
          finished_at     INTEGER,
          wall_time_ms    REAL NOT NULL DEFAULT 0
        );
        CREATE INDEX studies_created ON studies(created_at);
        CREATE TABLE trials (
          study_id      TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
          number        INTEGER NOT NULL,
          state         TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'pruned')),
          params        TEXT NOT NULL,
          "values"      TEXT,
          value0        REAL,
          metrics       TEXT,
          fail_reason   TEXT,
          duration_ms   REAL,
          worker        INTEGER,
          cached        INTEGER NOT NULL DEFAULT 0,
          started_at    INTEGER NOT NULL,
          finished_at   INTEGER,
          returns       BLOB,
          PRIMARY KEY (study_id, number)
        );
        CREATE INDEX trials_value0 ON trials(study_id, value0);
        CREATE INDEX trials_state ON trials(study_id, state);
        -- Evaluations keyed by SHA-256 of (strategy code hash, canonical params, dataset hash, in-sample range,
        -- backtest config): an identical evaluation is served from here rather than run again.
        CREATE TABLE trial_cache (
          key         TEXT PRIMARY KEY,
          metrics     TEXT NOT NULL,
          returns     BLOB,
          created_at  INTEGER NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    name: 'analysis results, exports, study and trial notes and tags',
    up(db) {
      db.exec(`
        ALTER TABLE studies ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        -- JSON array of strings; tags are few per study, so a side table would buy nothing.
        ALTER TABLE studies ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
        -- Set when a study was continued from another one ("continue tuning"), which seeds it with the parent's trials.
        ALTER TABLE studies ADD COLUMN parent_study_id TEXT REFERENCES studies(id) ON DELETE SET NULL;
        ALTER TABLE trials ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        -- Computed analyses of a study (PBO, DSR, importance, robust optimum...), keyed by what they depend on:
        -- the kind, a hash of the options and the number of finished trials when computed. A newer trial count
        -- makes a row stale rather than wrong: the reader compares trial_count with the study's.
        CREATE TABLE analysis_results (
          study_id     TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
          kind         TEXT NOT NULL,
          options_hash TEXT NOT NULL,
          trial_count  INTEGER NOT NULL,
          result       TEXT NOT NULL,
          duration_ms  REAL NOT NULL,
          computed_at  INTEGER NOT NULL,
          PRIMARY KEY (study_id, kind, options_hash)
        );
        -- Every export written: what (study, trial, selection), where to, and the checksum of its content.
        -- Not tied to the study's lifetime: the history of what went to production outlives a deleted study.
        CREATE TABLE exports (
          id           TEXT PRIMARY KEY,
          study_id     TEXT NOT NULL,
          study_name   TEXT NOT NULL,
          trial_number INTEGER NOT NULL,
          selection    TEXT NOT NULL CHECK (selection IN ('peak', 'robust', 'manual')),
          format       TEXT NOT NULL CHECK (format IN ('yaml', 'json')),
          path         TEXT NOT NULL,
          checksum     TEXT NOT NULL,
          created_at   INTEGER NOT NULL
        );
        CREATE INDEX exports_created ON exports(created_at);
      `);
    },
  },
  {
    version: 5,
    name: 'walk-forward runs and their windows; studies on a bar range',
    up(db) {
      db.exec(`
        -- A study tunes on bars in_sample_from .. in_sample_from + in_sample_bars - 1 (0 for every older study).
        ALTER TABLE studies ADD COLUMN in_sample_from INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE walk_forward_runs (
          id            TEXT PRIMARY KEY,
          name          TEXT NOT NULL,
          dataset_id    TEXT NOT NULL,
          dataset_hash  TEXT NOT NULL,
          strategy_name TEXT NOT NULL,
          -- The create request as validated (defaults applied), JSON.
          request       TEXT NOT NULL,
          status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'stopped', 'interrupted', 'failed')),
          error         TEXT,
          -- Efficiency, drift and the stitched out-of-sample curve once every window is done, JSON.
          result        TEXT,
          created_at    INTEGER NOT NULL,
          started_at    INTEGER,
          finished_at   INTEGER
        );
        CREATE INDEX walk_forward_runs_created ON walk_forward_runs(created_at);
        -- One row per window, written when the run is created; the study is not tied by a foreign key so that
        -- deleting a study later keeps the run's record of what it chose and how that did out of sample.
        CREATE TABLE walk_forward_windows (
          run_id        TEXT NOT NULL REFERENCES walk_forward_runs(id) ON DELETE CASCADE,
          window_index  INTEGER NOT NULL,
          is_from       INTEGER NOT NULL,
          is_to         INTEGER NOT NULL,
          oos_from      INTEGER NOT NULL,
          oos_to        INTEGER NOT NULL,
          status        TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'stopped')),
          study_id      TEXT,
          trial_number  INTEGER,
          params        TEXT,
          in_sample     TEXT,
          out_of_sample TEXT,
          -- Per-bar out-of-sample returns of the chosen parameters, little-endian float32.
          oos_returns   BLOB,
          PRIMARY KEY (run_id, window_index)
        );
      `);
    },
  },
  {
    version: 6,
    name: 'trial results cache points at the trial holding its returns',
    up(db) {
      db.exec(`
        -- A study's evaluated trial keeps its per-bar returns in trials.returns; its cache entry names that trial
        -- instead of holding a second copy (returns NULL). Older entries keep their own copy.
        ALTER TABLE trial_cache ADD COLUMN study_id TEXT;
        ALTER TABLE trial_cache ADD COLUMN trial_number INTEGER;
        CREATE INDEX trial_cache_source ON trial_cache(study_id, trial_number) WHERE study_id IS NOT NULL;
        -- When the trial goes (its study deleted), the entry takes over the returns, so the cache loses nothing.
        CREATE TRIGGER trial_cache_keep_returns AFTER DELETE ON trials BEGIN
          UPDATE trial_cache SET returns = OLD.returns, study_id = NULL, trial_number = NULL
            WHERE study_id = OLD.study_id AND trial_number = OLD.number;
        END;
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies every migration above the database's version (up to `target`); returns the versions applied. */
export function migrate(db: Database.Database, target = LATEST_SCHEMA_VERSION): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const current = currentVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(
      `The database is at schema version ${current}, newer than this version of Holdout understands (${LATEST_SCHEMA_VERSION}). Update Holdout.`,
    );
  }
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, Date.now());
    })();
    applied.push(m.version);
  }
  return applied;
}

export function currentVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
