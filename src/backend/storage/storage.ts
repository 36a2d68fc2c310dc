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

export type StudyStatus = 'running' | 'paused' | 'completed' | 'stopped' | 'interrupted' | 'failed';
export type TrialStateName = 'running' | 'complete' | 'failed' | 'pruned';

/** A tuning study as stored: its definition (immutable once created) and its run state. */
export interface StudyRecord {
  id: string;
  name: string;
  datasetId: string;
  datasetHash: string;
  strategyName: string;
  strategyHash: string;
  /** The search space and fixed parameters, as JSON data (see StudySpec in src/shared/studySchemas.ts). */
  space: unknown;
  objectives: { metric: string; direction: 'maximize' | 'minimize' }[];
  sampler: string;
  samplerSettings: Record<string, unknown>;
  seed: number;
  inSampleFraction: number;
  /** Bars 0..inSampleBars-1 are given to the tuner; the rest (out of sample) never are. */
  inSampleBars: number;
  /** First bar given to the tuner (a walk-forward window's study tunes on a range); 0 when absent. */
  inSampleFrom?: number;
  config: unknown;
  budgetTrials: number | null;
  budgetTimeSec: number | null;
  trialTimeLimitSec: number;
  workers: number;
  status: StudyStatus;
  error: string | null;
  /** The sampler's getState() as JSON text, saved with every committed trial. */
  samplerState: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  wallTimeMs: number;
  /** Markdown notes; '' when none. Optional on create (defaults to ''); always set when read. */
  notes?: string;
  /** Free-form labels, in the order added. Optional on create (defaults to []); always set when read. */
  tags?: string[];
  /** The study this one was continued from ("continue tuning"), or null. */
  parentId?: string | null;
}

/** A finished trial copied into a new study ("continue tuning"), with its per-bar returns when stored. */
export interface SeededTrial extends TrialRecord {
  returns?: Float32Array;
}

/** What study management may change on a study after it is created. */
export type StudyInfoPatch = Partial<Pick<StudyRecord, 'name' | 'notes' | 'tags'>>;

export type StudyPatch = Partial<Pick<StudyRecord, 'status' | 'error' | 'startedAt' | 'finishedAt' | 'wallTimeMs' | 'samplerState'>>;

export interface TrialRecord {
  number: number;
  state: TrialStateName;
  params: Record<string, number | string | boolean>;
  values: number[] | null;
  metrics: Record<string, number | null> | null;
  failReason: string | null;
  durationMs: number | null;
  worker: number | null;
  cached: boolean;
  startedAt: number;
  finishedAt: number | null;
  /** Markdown notes; always set when read. */
  notes?: string;
}

export interface FinishedTrial {
  number: number;
  state: 'complete' | 'failed' | 'pruned';
  values: number[] | null;
  metrics: Record<string, number | null> | null;
  failReason: string | null;
  durationMs: number;
  worker: number | null;
  cached: boolean;
  finishedAt: number;
  /** Per-bar strategy returns (compact float32 copy), when the trial produced them. */
  returns?: Float32Array;
}

export interface CachedEvaluation {
  metrics: Record<string, number | null>;
  returns: Float32Array | null;
}

/** A computed analysis of a study, keyed by (study, kind, options hash); `trialCount` complete trials were used. */
export interface AnalysisResultRecord {
  studyId: string;
  kind: string;
  optionsHash: string;
  trialCount: number;
  /** The report, as JSON data. */
  result: unknown;
  durationMs: number;
  computedAt: number;
}

export type WalkForwardRunStatus = 'running' | 'completed' | 'stopped' | 'interrupted' | 'failed';
export type WalkForwardWindowStatus = 'pending' | 'running' | 'completed' | 'failed' | 'stopped';

/** A walk-forward run as stored: its request (immutable) and run state; `result` is set when it completes. */
export interface WalkForwardRunRecord {
  id: string;
  name: string;
  datasetId: string;
  datasetHash: string;
  strategyName: string;
  /** The validated create request (WalkForwardCreateRequest in src/shared/walkForwardSchemas.ts), as JSON data. */
  request: unknown;
  status: WalkForwardRunStatus;
  error: string | null;
  /** Efficiency, drift and the stitched curve, as JSON data; null until every window is done. */
  result: unknown;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export type WalkForwardRunPatch = Partial<Pick<WalkForwardRunRecord, 'status' | 'error' | 'result' | 'startedAt' | 'finishedAt'>>;

/** One window of a walk-forward run: its bar ranges ([from, to)), its study and what the chosen parameters did. */
export interface WalkForwardWindowRecord {
  runId: string;
  index: number;
  inSample: { from: number; to: number };
  outOfSample: { from: number; to: number };
  status: WalkForwardWindowStatus;
  studyId: string | null;
  trialNumber: number | null;
  params: Record<string, number | string | boolean> | null;
  /** Metrics of the chosen parameters on the in-sample bars, JSON data. */
  inSampleMetrics: Record<string, number | null> | null;
  outOfSampleMetrics: Record<string, number | null> | null;
  /** Per-bar out-of-sample returns (only on write; listWalkForwardWindows leaves it out). */
  outOfSampleReturns?: Float32Array;
}

export type WalkForwardWindowPatch = Partial<
  Pick<WalkForwardWindowRecord, 'status' | 'studyId' | 'trialNumber' | 'params' | 'inSampleMetrics' | 'outOfSampleMetrics' | 'outOfSampleReturns'>
>;

/** One export of a trial to a file, as the export history lists it. */
export interface ExportHistoryRecord {
  id: string;
  studyId: string;
  studyName: string;
  /** Null for a robust optimum that is not one of the study's trials. */
  trialNumber: number | null;
  selection: 'peak' | 'robust' | 'manual';
  format: 'yaml' | 'json';
  path: string;
  checksum: string;
  createdAt: number;
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

  createStudy(record: StudyRecord): void;
  getStudy(id: string): StudyRecord | undefined;
  /** Newest first. */
  listStudies(): StudyRecord[];
  updateStudy(id: string, patch: StudyPatch): StudyRecord;
  /** Records newly asked trials as running, with the sampler state after the ask, in one transaction. */
  addRunningTrials(studyId: string, trials: { number: number; params: Record<string, number | string | boolean>; startedAt: number }[], samplerState: string | null): void;
  /**
   * Finishes a running trial, saves the sampler state and (when given) adds the evaluation to the result cache,
   * in one transaction. @throws when the trial is not running: finished trials are immutable.
   */
  finishTrial(studyId: string, trial: FinishedTrial, samplerState: string | null, cache?: { key: string; value: CachedEvaluation }): void;
  /** Several finishTrial calls in one transaction: a worker's chunk of trials, committed together. */
  finishTrials(studyId: string, trials: { trial: FinishedTrial; cache?: { key: string; value: CachedEvaluation } }[], samplerState: string | null): void;
  /** Every trial of a study in number order, without returns. */
  listTrials(studyId: string): TrialRecord[];
  trialReturns(studyId: string, number: number): Float32Array | undefined;
  /** The stored per-bar returns of every complete trial that has them, in number order, in one query. */
  completeTrialReturns(studyId: string): { number: number; returns: Float32Array }[];
  getAnalysisResult(studyId: string, kind: string, optionsHash: string): AnalysisResultRecord | undefined;
  /** Inserts or replaces the row with the same (study, kind, options hash). */
  putAnalysisResult(record: AnalysisResultRecord): void;
  /** The newest (by computedAt) result of this kind for the study, whatever its options. */
  latestAnalysisResult(studyId: string, kind: string): AnalysisResultRecord | undefined;
  /**
   * After a crash: studies left 'running' become 'interrupted'. Their running trials stay 'running' (never
   * finished, so never counted) and are run again when the study resumes. Returns the study ids.
   */
  markInterruptedStudies(): string[];
  /**
   * While a study runs: commits on this connection stop checkpointing the WAL themselves (the checkpoint's fsync
   * stalls the thread for tens of milliseconds), and the caller checkpoints `file` from a worker thread instead,
   * then calls catchUp(): a checkpoint here of the little written meanwhile, which lets the next commit start the
   * WAL over (without it the WAL would only grow). restore() ends it. Undefined for a store without a file.
   */
  deferWalCheckpoints?(): { file: string; catchUp(): void; restore(): void } | undefined;

  /** A walk-forward run with all its windows (pending), in one transaction. */
  createWalkForwardRun(run: WalkForwardRunRecord, windows: WalkForwardWindowRecord[]): void;
  getWalkForwardRun(id: string): WalkForwardRunRecord | undefined;
  /** Newest first. */
  listWalkForwardRuns(): WalkForwardRunRecord[];
  updateWalkForwardRun(id: string, patch: WalkForwardRunPatch): WalkForwardRunRecord;
  /** Windows of a run in index order, without their out-of-sample returns. */
  listWalkForwardWindows(runId: string): WalkForwardWindowRecord[];
  updateWalkForwardWindow(runId: string, index: number, patch: WalkForwardWindowPatch): void;
  walkForwardWindowReturns(runId: string, index: number): Float32Array | undefined;
  /**
   * After a crash: runs left 'running' become 'interrupted' and their unfinished window 'stopped'; finished windows
   * stay as they were. Returns the run ids.
   */
  markInterruptedWalkForwardRuns(): string[];
  getCachedEvaluation(key: string): CachedEvaluation | undefined;
  putCachedEvaluation(key: string, value: CachedEvaluation): void;

  /** createStudy plus finished trials numbered 0..k-1, in one transaction ("continue tuning"). */
  createSeededStudy(record: StudyRecord, seeded: SeededTrial[]): void;
  /** Renames, retags or annotates a study (any state, even running). @throws NOT_FOUND. */
  updateStudyInfo(id: string, patch: StudyInfoPatch): StudyRecord;
  /** @throws NOT_FOUND when the study or trial does not exist. */
  setTrialNotes(studyId: string, number: number, notes: string): TrialRecord;
  /** Deletes a study with its trials and analysis results (the caller refuses running studies). @throws NOT_FOUND. */
  deleteStudy(id: string): void;
  /**
   * Copies the whole database to `destination` with SQLite's online backup API, while other work goes on (pages
   * written meanwhile through this connection are copied too, so the copy is a consistent snapshot at its end).
   */
  backup(destination: string): Promise<void>;
  /**
   * Replaces the whole content of the database with that of `source` (a checked database at this schema version
   * and page size), in place, so every open connection sees the restored data on its next read.
   */
  replaceContent(source: string): Promise<void>;

  /** Records an export (the file is already written). */
  addExport(record: ExportHistoryRecord): void;
  /** Every export, newest first. */
  listExports(): ExportHistoryRecord[];

  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;

  close(): void;
}
