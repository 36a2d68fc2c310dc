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
}

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
  /**
   * After a crash: studies left 'running' become 'interrupted'. Their running trials stay 'running' (never
   * finished, so never counted) and are run again when the study resumes. Returns the study ids.
   */
  markInterruptedStudies(): string[];
  getCachedEvaluation(key: string): CachedEvaluation | undefined;
  putCachedEvaluation(key: string, value: CachedEvaluation): void;

  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;

  close(): void;
}
