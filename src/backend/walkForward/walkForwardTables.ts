// The SQLite side of walk-forward runs (tables walk_forward_runs and walk_forward_windows, migration 5): the
// statements the SqliteStore delegates its walk-forward methods to, kept here so the store file stays small.
import type Database from 'better-sqlite3';
import { HoldoutError } from '../../shared';
import { blobOf, jsonOrNull, updateRow, type SqlValue } from '../storage/rowPatch';
import type {
  WalkForwardRunPatch,
  WalkForwardRunRecord,
  WalkForwardWindowPatch,
  WalkForwardWindowRecord,
} from '../storage/storage';

interface RunRow {
  id: string;
  name: string;
  dataset_id: string;
  dataset_hash: string;
  strategy_name: string;
  request: string;
  status: WalkForwardRunRecord['status'];
  error: string | null;
  result: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

interface WindowRow {
  run_id: string;
  window_index: number;
  is_from: number;
  is_to: number;
  oos_from: number;
  oos_to: number;
  status: WalkForwardWindowRecord['status'];
  study_id: string | null;
  trial_number: number | null;
  params: string | null;
  in_sample: string | null;
  out_of_sample: string | null;
}

export class WalkForwardTables {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      insertRun: db.prepare(
        `INSERT INTO walk_forward_runs (id, name, dataset_id, dataset_hash, strategy_name, request, status, error, result, created_at, started_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertWindow: db.prepare(
        `INSERT INTO walk_forward_windows (run_id, window_index, is_from, is_to, oos_from, oos_to, status, study_id, trial_number, params, in_sample, out_of_sample, oos_returns)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getRun: db.prepare(`SELECT * FROM walk_forward_runs WHERE id = ?`),
      listRuns: db.prepare(`SELECT * FROM walk_forward_runs ORDER BY created_at DESC, rowid DESC`),
      windows: db.prepare(
        `SELECT run_id, window_index, is_from, is_to, oos_from, oos_to, status, study_id, trial_number, params, in_sample, out_of_sample
         FROM walk_forward_windows WHERE run_id = ? ORDER BY window_index`,
      ),
      returns: db.prepare(`SELECT oos_returns FROM walk_forward_windows WHERE run_id = ? AND window_index = ?`),
      running: db.prepare(`SELECT id FROM walk_forward_runs WHERE status = 'running'`),
      interrupt: db.prepare(`UPDATE walk_forward_runs SET status = 'interrupted' WHERE id = ?`),
      // The window that was being tuned did not finish: it is shown stopped (its study is interrupted, resumable).
      stopRunningWindows: db.prepare(`UPDATE walk_forward_windows SET status = 'stopped' WHERE run_id = ? AND status = 'running'`),
    };
  }

  createRun(run: WalkForwardRunRecord, windows: WalkForwardWindowRecord[]): void {
    this.db.transaction(() => {
      this.stmts.insertRun.run(
        run.id,
        run.name,
        run.datasetId,
        run.datasetHash,
        run.strategyName,
        JSON.stringify(run.request),
        run.status,
        run.error,
        run.result === null || run.result === undefined ? null : JSON.stringify(run.result),
        run.createdAt,
        run.startedAt,
        run.finishedAt,
      );
      for (const w of windows) {
        if (w.runId !== run.id) throw new Error(`window ${w.index} belongs to run ${w.runId}, not ${run.id}`);
        this.stmts.insertWindow.run(
          run.id,
          w.index,
          w.inSample.from,
          w.inSample.to,
          w.outOfSample.from,
          w.outOfSample.to,
          w.status,
          w.studyId,
          w.trialNumber,
          jsonOrNull(w.params),
          jsonOrNull(w.inSampleMetrics),
          jsonOrNull(w.outOfSampleMetrics),
          w.outOfSampleReturns ? blobOf(w.outOfSampleReturns) : null,
        );
      }
    })();
  }

  getRun(id: string): WalkForwardRunRecord | undefined {
    const row = this.stmts.getRun.get(id) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  listRuns(): WalkForwardRunRecord[] {
    return (this.stmts.listRuns.all() as RunRow[]).map(toRun);
  }

  updateRun(id: string, patch: WalkForwardRunPatch): WalkForwardRunRecord {
    const columns = { status: 'status', error: 'error', result: 'result', startedAt: 'started_at', finishedAt: 'finished_at' } as const;
    const changed = updateRow(this.db, 'walk_forward_runs', columns, patch, { sql: 'id = ?', values: [id] }, (field, value) =>
      field === 'result' ? jsonOrNull(value) : ((value ?? null) as SqlValue),
    );
    if (changed === 0) throw runNotFound(id);
    const run = this.getRun(id);
    if (!run) throw runNotFound(id);
    return run;
  }

  listWindows(runId: string): WalkForwardWindowRecord[] {
    return (this.stmts.windows.all(runId) as WindowRow[]).map((r) => ({
      runId: r.run_id,
      index: r.window_index,
      inSample: { from: r.is_from, to: r.is_to },
      outOfSample: { from: r.oos_from, to: r.oos_to },
      status: r.status,
      studyId: r.study_id,
      trialNumber: r.trial_number,
      params: r.params === null ? null : JSON.parse(r.params),
      inSampleMetrics: r.in_sample === null ? null : JSON.parse(r.in_sample),
      outOfSampleMetrics: r.out_of_sample === null ? null : JSON.parse(r.out_of_sample),
    }));
  }

  updateWindow(runId: string, index: number, patch: WalkForwardWindowPatch): void {
    const columns = {
      status: 'status',
      studyId: 'study_id',
      trialNumber: 'trial_number',
      params: 'params',
      inSampleMetrics: 'in_sample',
      outOfSampleMetrics: 'out_of_sample',
      outOfSampleReturns: 'oos_returns',
    } as const;
    const changed = updateRow(this.db, 'walk_forward_windows', columns, patch, { sql: 'run_id = ? AND window_index = ?', values: [runId, index] }, (field, value) => {
      if (value === undefined || value === null) return null;
      if (field === 'outOfSampleReturns') return blobOf(value as Float32Array);
      if (field === 'params' || field === 'inSampleMetrics' || field === 'outOfSampleMetrics') return JSON.stringify(value);
      return value as string | number;
    });
    if (changed === 0) {
      throw new HoldoutError('NOT_FOUND', `Walk-forward run ${runId} has no window ${index}.`, { field: 'index', value: String(index) });
    }
  }

  windowReturns(runId: string, index: number): Float32Array | undefined {
    const row = this.stmts.returns.get(runId, index) as { oos_returns: Buffer | null } | undefined;
    if (!row?.oos_returns) return undefined;
    const copy = new Uint8Array(row.oos_returns.byteLength);
    copy.set(row.oos_returns);
    return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
  }

  markInterrupted(): string[] {
    return this.db.transaction(() => {
      const ids = (this.stmts.running.all() as { id: string }[]).map((r) => r.id);
      for (const id of ids) {
        this.stmts.interrupt.run(id);
        this.stmts.stopRunningWindows.run(id);
      }
      return ids;
    })();
  }
}

function runNotFound(id: string): HoldoutError {
  return new HoldoutError('NOT_FOUND', `No walk-forward run with id ${id}.`, { field: 'id', value: id });
}

function toRun(r: RunRow): WalkForwardRunRecord {
  return {
    id: r.id,
    name: r.name,
    datasetId: r.dataset_id,
    datasetHash: r.dataset_hash,
    strategyName: r.strategy_name,
    request: JSON.parse(r.request),
    status: r.status,
    error: r.error,
    result: r.result === null ? null : JSON.parse(r.result),
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}
