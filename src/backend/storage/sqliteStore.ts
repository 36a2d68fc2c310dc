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
import { blobOf, jsonOrNull, updateRow, type SqlValue } from './rowPatch';
import { float32Of, readCompleteTrialReturns } from './trialReturnsQuery';
import { WalkForwardTables } from '../walkForward/walkForwardTables';
import type {
  AnalysisResultRecord,
  CachedEvaluation,
  ColumnChunk,
  DatasetCommit,
  DatasetImportWriter,
  DatasetRecord,
  ExportHistoryRecord,
  FinishedTrial,
  Storage,
  SeededTrial,
  StudyInfoPatch,
  StudyPatch,
  StudyRecord,
  TrialRecord,
  WalkForwardRunPatch,
  WalkForwardRunRecord,
  WalkForwardWindowPatch,
  WalkForwardWindowRecord,
} from './storage';

interface StudyRow {
  id: string;
  name: string;
  dataset_id: string;
  dataset_hash: string;
  strategy_name: string;
  strategy_hash: string;
  space: string;
  objectives: string;
  sampler: string;
  sampler_settings: string;
  seed: number;
  in_sample_fraction: number;
  in_sample_bars: number;
  in_sample_from: number;
  config: string;
  budget_trials: number | null;
  budget_time_sec: number | null;
  trial_time_limit_sec: number;
  workers: number;
  status: StudyRecord['status'];
  error: string | null;
  sampler_state: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  wall_time_ms: number;
  notes: string;
  tags: string;
  parent_study_id: string | null;
}

interface TrialRow {
  number: number;
  state: TrialRecord['state'];
  params: string;
  values: string | null;
  metrics: string | null;
  fail_reason: string | null;
  duration_ms: number | null;
  worker: number | null;
  cached: number;
  started_at: number;
  finished_at: number | null;
  notes: string;
}

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
    // 8 KiB pages: column-chunk blobs chain half as many overflow pages as with the default 4 KiB (imports write
    // about a third faster), while a trial's commit (a few small rows) still rewrites only a few small pages; 64 KiB
    // pages made every trial commit write about half a megabyte of WAL. SQLite only honours this on a new, empty
    // file, before WAL is switched on, and keeps an existing file's page size.
    db.pragma('page_size = 8192');
    db.pragma('journal_mode = WAL');
    // Checkpoint every 256 pages (2 MiB of WAL) so that folding the WAL back never stalls the main thread long.
    db.pragma('wal_autocheckpoint = 256');
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

  private studyStmts?: ReturnType<SqliteStore['prepareStudyStatements']>;
  private get st() {
    return (this.studyStmts ??= this.prepareStudyStatements());
  }

  private prepareStudyStatements() {
    const db = this.db;
    return {
      insert: db.prepare(
        `INSERT INTO studies (id, name, dataset_id, dataset_hash, strategy_name, strategy_hash, space, objectives, sampler,
           sampler_settings, seed, in_sample_fraction, in_sample_bars, in_sample_from, config, budget_trials, budget_time_sec,
           trial_time_limit_sec, workers, status, error, sampler_state, created_at, started_at, finished_at, wall_time_ms)
         VALUES (@id, @name, @dataset_id, @dataset_hash, @strategy_name, @strategy_hash, @space, @objectives, @sampler,
           @sampler_settings, @seed, @in_sample_fraction, @in_sample_bars, @in_sample_from, @config, @budget_trials, @budget_time_sec,
           @trial_time_limit_sec, @workers, @status, @error, @sampler_state, @created_at, @started_at, @finished_at, @wall_time_ms)`,
      ),
      get: db.prepare(`SELECT * FROM studies WHERE id = ?`),
      list: db.prepare(`SELECT * FROM studies ORDER BY created_at DESC, rowid DESC`),
      samplerState: db.prepare(`UPDATE studies SET sampler_state = ? WHERE id = ?`),
      insertTrial: db.prepare(
        `INSERT INTO trials (study_id, number, state, params, started_at) VALUES (?, ?, 'running', ?, ?)`,
      ),
      finishTrial: db.prepare(
        `UPDATE trials SET state = ?, "values" = ?, value0 = ?, metrics = ?, fail_reason = ?, duration_ms = ?, worker = ?,
           cached = ?, finished_at = ?, returns = ? WHERE study_id = ? AND number = ? AND state = 'running'`,
      ),
      trials: db.prepare(
        `SELECT number, state, params, "values", metrics, fail_reason, duration_ms, worker, cached, started_at, finished_at, notes
         FROM trials WHERE study_id = ? ORDER BY number`,
      ),
      returns: db.prepare(`SELECT returns FROM trials WHERE study_id = ? AND number = ?`),
      runningStudies: db.prepare(`SELECT id FROM studies WHERE status = 'running'`),
      interruptStudy: db.prepare(`UPDATE studies SET status = 'interrupted' WHERE id = ?`),
      getCache: db.prepare(
        `SELECT c.metrics, COALESCE(c.returns, t.returns) AS returns FROM trial_cache c
           LEFT JOIN trials t ON c.study_id IS NOT NULL AND t.study_id = c.study_id AND t.number = c.trial_number WHERE c.key = ?`,
      ),
      putCacheRef: db.prepare(
        `INSERT OR IGNORE INTO trial_cache (key, metrics, returns, study_id, trial_number, created_at) VALUES (?, ?, NULL, ?, ?, ?)`,
      ),
      putCache: db.prepare(`INSERT OR IGNORE INTO trial_cache (key, metrics, returns, created_at) VALUES (?, ?, ?, ?)`),
      getAnalysis: db.prepare(`SELECT * FROM analysis_results WHERE study_id = ? AND kind = ? AND options_hash = ?`),
      putAnalysis: db.prepare(
        `INSERT OR REPLACE INTO analysis_results (study_id, kind, options_hash, trial_count, result, duration_ms, computed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      latestAnalysis: db.prepare(
        `SELECT * FROM analysis_results WHERE study_id = ? AND kind = ? ORDER BY computed_at DESC, rowid DESC LIMIT 1`,
      ),
    };
  }

  createStudy(r: StudyRecord): void {
    this.st.insert.run({
      id: r.id,
      name: r.name,
      dataset_id: r.datasetId,
      dataset_hash: r.datasetHash,
      strategy_name: r.strategyName,
      strategy_hash: r.strategyHash,
      space: JSON.stringify(r.space),
      objectives: JSON.stringify(r.objectives),
      sampler: r.sampler,
      sampler_settings: JSON.stringify(r.samplerSettings),
      seed: r.seed,
      in_sample_fraction: r.inSampleFraction,
      in_sample_bars: r.inSampleBars,
      in_sample_from: r.inSampleFrom ?? 0,
      config: JSON.stringify(r.config),
      budget_trials: r.budgetTrials,
      budget_time_sec: r.budgetTimeSec,
      trial_time_limit_sec: r.trialTimeLimitSec,
      workers: r.workers,
      status: r.status,
      error: r.error,
      sampler_state: r.samplerState,
      created_at: r.createdAt,
      started_at: r.startedAt,
      finished_at: r.finishedAt,
      wall_time_ms: r.wallTimeMs,
    });
    if (r.notes || (r.tags && r.tags.length > 0) || r.parentId) {
      this.db
        .prepare(`UPDATE studies SET notes = ?, tags = ?, parent_study_id = ? WHERE id = ?`)
        .run(r.notes ?? '', JSON.stringify(r.tags ?? []), r.parentId ?? null, r.id);
    }
  }

  createSeededStudy(record: StudyRecord, seeded: SeededTrial[]): void {
    this.db.transaction(() => {
      this.createStudy(record);
      const insert = this.db.prepare(
        `INSERT INTO trials (study_id, number, state, params, "values", value0, metrics, fail_reason, duration_ms, worker, cached,
           started_at, finished_at, returns, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const t of seeded) {
        insert.run(
          record.id,
          t.number,
          t.state,
          JSON.stringify(t.params),
          t.values === null ? null : JSON.stringify(t.values),
          t.values === null ? null : t.values[0],
          t.metrics === null ? null : JSON.stringify(t.metrics),
          t.failReason,
          t.durationMs,
          t.worker,
          t.cached ? 1 : 0,
          t.startedAt,
          t.finishedAt,
          t.returns ? blobOf(t.returns) : null,
          t.notes ?? '',
        );
      }
    })();
  }

  updateStudyInfo(id: string, patch: StudyInfoPatch): StudyRecord {
    const changed = updateRow(this.db, 'studies', { name: 'name', notes: 'notes', tags: 'tags' }, patch, { sql: 'id = ?', values: [id] }, (field, value) =>
      field === 'tags' ? jsonOrNull(value) : ((value ?? null) as SqlValue),
    );
    if (changed === 0) throw studyNotFound(id);
    const study = this.getStudy(id);
    if (!study) throw studyNotFound(id);
    return study;
  }

  setTrialNotes(studyId: string, number: number, notes: string): TrialRecord {
    const info = this.db.prepare(`UPDATE trials SET notes = ? WHERE study_id = ? AND number = ?`).run(notes, studyId, number);
    if (info.changes !== 1) {
      if (!this.getStudy(studyId)) throw studyNotFound(studyId);
      throw new HoldoutError('NOT_FOUND', `Study ${studyId} has no trial #${number}.`, { field: 'number', value: String(number) });
    }
    return this.listTrials(studyId).find((t) => t.number === number)!;
  }

  deleteStudy(id: string): void {
    // Trials and analysis results go with it (ON DELETE CASCADE); a child study keeps its trials and loses the link.
    const info = this.db.prepare(`DELETE FROM studies WHERE id = ?`).run(id);
    if (info.changes !== 1) throw studyNotFound(id);
  }

  async backup(destination: string): Promise<void> {
    // Through this (the writer) connection: SQLite then copies pages it writes meanwhile into the backup instead
    // of restarting it, so a backup taken while a study commits trials still finishes.
    await this.db.backup(destination);
  }

  async replaceContent(source: string): Promise<void> {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      // The online backup API in reverse: pages of `source` overwrite this database inside one write transaction
      // of SQLite's, so readers (worker threads) see either the old or the restored content, never a mix.
      await from.backup(this.location);
    } finally {
      from.close();
    }
    this.removeInterruptedImports();
    this.markInterruptedStudies();
  }

  getStudy(id: string): StudyRecord | undefined {
    const row = this.st.get.get(id) as StudyRow | undefined;
    return row ? toStudy(row) : undefined;
  }

  listStudies(): StudyRecord[] {
    return (this.st.list.all() as StudyRow[]).map(toStudy);
  }

  updateStudy(id: string, patch: StudyPatch): StudyRecord {
    const columns = {
      status: 'status',
      error: 'error',
      startedAt: 'started_at',
      finishedAt: 'finished_at',
      wallTimeMs: 'wall_time_ms',
      samplerState: 'sampler_state',
    } as const;
    if (updateRow(this.db, 'studies', columns, patch, { sql: 'id = ?', values: [id] }) === 0) throw studyNotFound(id);
    const study = this.getStudy(id);
    if (!study) throw studyNotFound(id);
    return study;
  }

  addRunningTrials(
    studyId: string,
    trials: { number: number; params: Record<string, number | string | boolean>; startedAt: number }[],
    samplerState: string | null,
  ): void {
    this.db.transaction(() => {
      for (const t of trials) this.st.insertTrial.run(studyId, t.number, JSON.stringify(t.params), t.startedAt);
      this.st.samplerState.run(samplerState, studyId);
    })();
  }

  finishTrial(studyId: string, t: FinishedTrial, samplerState: string | null, cache?: { key: string; value: CachedEvaluation }): void {
    this.db.transaction(() => {
      this.finishOneTrial(studyId, t, cache);
      this.st.samplerState.run(samplerState, studyId);
    })();
  }

  finishTrials(studyId: string, trials: { trial: FinishedTrial; cache?: { key: string; value: CachedEvaluation } }[], samplerState: string | null): void {
    this.db.transaction(() => {
      for (const { trial, cache } of trials) this.finishOneTrial(studyId, trial, cache);
      // Once per chunk, not per trial: the state is the same for all of them.
      this.st.samplerState.run(samplerState, studyId);
    })();
  }

  private walDeferrals = 0;

  deferWalCheckpoints(): { file: string; catchUp(): void; restore(): void } | undefined {
    if (this.location === ':memory:') return undefined;
    if (this.walDeferrals++ === 0) this.db.pragma('wal_autocheckpoint = 0');
    let restored = false;
    return {
      file: this.location,
      catchUp: () => {
        this.db.pragma('wal_checkpoint(PASSIVE)');
      },
      restore: () => {
        if (restored) return;
        restored = true;
        if (--this.walDeferrals === 0) this.db.pragma('wal_autocheckpoint = 256');
      },
    };
  }

  private finishOneTrial(studyId: string, t: FinishedTrial, cache?: { key: string; value: CachedEvaluation }): void {
    const info = this.st.finishTrial.run(
      t.state,
      t.values === null ? null : JSON.stringify(t.values),
      t.values === null ? null : t.values[0],
      t.metrics === null ? null : JSON.stringify(t.metrics),
      t.failReason,
      t.durationMs,
      t.worker,
      t.cached ? 1 : 0,
      t.finishedAt,
      t.returns ? blobOf(t.returns) : null,
      studyId,
      t.number,
    );
    if (info.changes !== 1) throw new Error(`trial ${t.number} of study ${studyId} is not running; finished trials cannot change`);
    if (!cache) return;
    // The returns blob is most of a trial's bytes (and of the commit's time): when the trial row holds the very
    // returns being cached, the cache entry points at the row instead of storing them twice.
    if (t.returns !== undefined && cache.value.returns === t.returns) {
      this.st.putCacheRef.run(cache.key, JSON.stringify(cache.value.metrics), studyId, t.number, Date.now());
    } else {
      this.putCachedEvaluation(cache.key, cache.value);
    }
  }

  listTrials(studyId: string): TrialRecord[] {
    return (this.st.trials.all(studyId) as TrialRow[]).map((r) => ({
      number: r.number,
      state: r.state,
      params: JSON.parse(r.params),
      values: r.values === null ? null : JSON.parse(r.values),
      metrics: r.metrics === null ? null : JSON.parse(r.metrics),
      failReason: r.fail_reason,
      durationMs: r.duration_ms,
      worker: r.worker,
      cached: r.cached === 1,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      notes: r.notes,
    }));
  }

  trialReturns(studyId: string, number: number): Float32Array | undefined {
    const row = this.st.returns.get(studyId, number) as { returns: Buffer | null } | undefined;
    return row?.returns ? float32Of(row.returns) : undefined;
  }

  completeTrialReturns(studyId: string): { number: number; returns: Float32Array }[] {
    return readCompleteTrialReturns(this.db, studyId);
  }

  getAnalysisResult(studyId: string, kind: string, optionsHash: string): AnalysisResultRecord | undefined {
    const row = this.st.getAnalysis.get(studyId, kind, optionsHash) as AnalysisRow | undefined;
    return row ? toAnalysis(row) : undefined;
  }

  putAnalysisResult(r: AnalysisResultRecord): void {
    this.st.putAnalysis.run(r.studyId, r.kind, r.optionsHash, r.trialCount, JSON.stringify(r.result), r.durationMs, r.computedAt);
  }

  latestAnalysisResult(studyId: string, kind: string): AnalysisResultRecord | undefined {
    const row = this.st.latestAnalysis.get(studyId, kind) as AnalysisRow | undefined;
    return row ? toAnalysis(row) : undefined;
  }

  private walkForwardTables?: WalkForwardTables;
  private get wf(): WalkForwardTables {
    return (this.walkForwardTables ??= new WalkForwardTables(this.db));
  }

  createWalkForwardRun(run: WalkForwardRunRecord, windows: WalkForwardWindowRecord[]): void {
    this.wf.createRun(run, windows);
  }

  getWalkForwardRun(id: string): WalkForwardRunRecord | undefined {
    return this.wf.getRun(id);
  }

  listWalkForwardRuns(): WalkForwardRunRecord[] {
    return this.wf.listRuns();
  }

  updateWalkForwardRun(id: string, patch: WalkForwardRunPatch): WalkForwardRunRecord {
    return this.wf.updateRun(id, patch);
  }

  listWalkForwardWindows(runId: string): WalkForwardWindowRecord[] {
    return this.wf.listWindows(runId);
  }

  updateWalkForwardWindow(runId: string, index: number, patch: WalkForwardWindowPatch): void {
    this.wf.updateWindow(runId, index, patch);
  }

  walkForwardWindowReturns(runId: string, index: number): Float32Array | undefined {
    return this.wf.windowReturns(runId, index);
  }

  markInterruptedWalkForwardRuns(): string[] {
    return this.wf.markInterrupted();
  }

  markInterruptedStudies(): string[] {
    return this.db.transaction(() => {
      const ids = (this.st.runningStudies.all() as { id: string }[]).map((r) => r.id);
      for (const id of ids) this.st.interruptStudy.run(id);
      return ids;
    })();
  }

  getCachedEvaluation(key: string): CachedEvaluation | undefined {
    const row = this.st.getCache.get(key) as { metrics: string; returns: Buffer | null } | undefined;
    return row ? { metrics: JSON.parse(row.metrics), returns: row.returns ? float32Of(row.returns) : null } : undefined;
  }

  putCachedEvaluation(key: string, value: CachedEvaluation): void {
    const r = value.returns;
    this.st.putCache.run(key, JSON.stringify(value.metrics), r ? blobOf(r) : null, Date.now());
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
            const bytes = blobOf(values);
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

  private exportStmts?: { insert: Database.Statement; list: Database.Statement };
  private get ex() {
    return (this.exportStmts ??= {
      insert: this.db.prepare(
        `INSERT INTO exports (id, study_id, study_name, trial_number, selection, format, path, checksum, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: this.db.prepare(`SELECT * FROM exports ORDER BY created_at DESC, rowid DESC`),
    });
  }

  addExport(r: ExportHistoryRecord): void {
    // trial_number is NOT NULL in migration 4: a robust optimum that is no trial is stored as -1.
    this.ex.insert.run(r.id, r.studyId, r.studyName, r.trialNumber ?? -1, r.selection, r.format, r.path, r.checksum, r.createdAt);
  }

  listExports(): ExportHistoryRecord[] {
    return (this.ex.list.all() as ExportRow[]).map((r) => ({
      id: r.id,
      studyId: r.study_id,
      studyName: r.study_name,
      trialNumber: r.trial_number < 0 ? null : r.trial_number,
      selection: r.selection,
      format: r.format,
      path: r.path,
      checksum: r.checksum,
      createdAt: r.created_at,
    }));
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

function studyNotFound(id: string): HoldoutError {
  return new HoldoutError('NOT_FOUND', `No study with id ${id}.`, { field: 'id', value: id });
}

interface ExportRow {
  id: string;
  study_id: string;
  study_name: string;
  trial_number: number;
  selection: ExportHistoryRecord['selection'];
  format: ExportHistoryRecord['format'];
  path: string;
  checksum: string;
  created_at: number;
}

interface AnalysisRow {
  study_id: string;
  kind: string;
  options_hash: string;
  trial_count: number;
  result: string;
  duration_ms: number;
  computed_at: number;
}

function toAnalysis(r: AnalysisRow): AnalysisResultRecord {
  return {
    studyId: r.study_id,
    kind: r.kind,
    optionsHash: r.options_hash,
    trialCount: r.trial_count,
    result: JSON.parse(r.result),
    durationMs: r.duration_ms,
    computedAt: r.computed_at,
  };
}

function toStudy(r: StudyRow): StudyRecord {
  return {
    id: r.id,
    name: r.name,
    datasetId: r.dataset_id,
    datasetHash: r.dataset_hash,
    strategyName: r.strategy_name,
    strategyHash: r.strategy_hash,
    space: JSON.parse(r.space),
    objectives: JSON.parse(r.objectives),
    sampler: r.sampler,
    samplerSettings: JSON.parse(r.sampler_settings),
    seed: r.seed,
    inSampleFraction: r.in_sample_fraction,
    inSampleBars: r.in_sample_bars,
    inSampleFrom: r.in_sample_from,
    config: JSON.parse(r.config),
    budgetTrials: r.budget_trials,
    budgetTimeSec: r.budget_time_sec,
    trialTimeLimitSec: r.trial_time_limit_sec,
    workers: r.workers,
    status: r.status,
    error: r.error,
    samplerState: r.sampler_state,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    wallTimeMs: r.wall_time_ms,
    notes: r.notes,
    tags: JSON.parse(r.tags),
    parentId: r.parent_study_id,
  };
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
