// What the analytics worker thread exposes through comlink: the study analyses of src/core/studyAnalysis (PBO's
// combinations, bootstraps, reshuffles, GP fits, forests), off the main thread. The trials' returns are read here,
// from the database file, into one T×N buffer. Errors in the data come back as values, with their message.
import {
  parametersDraft,
  robustnessReport,
  surfaceReport,
  tradeReturnsOnEquity,
  type AnalysedTrial,
  type AnalysisObjective,
  type AnalysisParams,
  type ParametersDraft,
  type RobustnessFindings,
  type StudyAnalysisOptions,
  type SurfaceFindings,
} from '../../core/studyAnalysis';
import type { StoredParamSpec } from '../studies/studyWorkerApi';
import { analysisSpace } from './analysisSpace';
import { readReturnsMatrix, type ReturnsSource } from './returnsMatrix';

/** Column-major per-bar returns: trial column c occupies rows [c·rows, (c + 1)·rows) of the Float64 buffer. */
export interface ReturnsMatrix {
  buffer: ArrayBuffer;
  rows: number;
  columns: number;
}

export interface RobustnessJob {
  trials: AnalysedTrial[];
  /** Where the trials' per-bar returns are stored; read in the worker. */
  returns: ReturnsSource;
  objectives: AnalysisObjective[];
  periodsPerYear: number;
  options: StudyAnalysisOptions;
  earlierTrials: number;
  /** The chosen trial's closed trades' P&L (Float64, transferred) and the starting capital they add to. */
  trades: { pnl: ArrayBuffer; initialCapital: number } | null;
  outOfSample: { trial: number; value: number | null }[] | null;
}

export interface SpaceJob {
  strategy: string;
  params: StoredParamSpec[];
  trials: AnalysedTrial[];
  fixed: AnalysisParams;
  objectives: AnalysisObjective[];
}

/** `internal`: a fault in the code (TypeError and the like) rather than in the study's data. */
export type WorkerResult<T> = { ok: true; value: T } | { ok: false; message: string; internal: boolean; stack?: string };

function attempt<T>(fn: () => T): WorkerResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    const internal = err instanceof TypeError || err instanceof ReferenceError || !(err instanceof Error);
    return { ok: false, message: err instanceof Error ? err.message : String(err), internal, ...(err instanceof Error && internal ? { stack: err.stack } : {}) };
  }
}

export const analysisWorkerApi = {
  robustness(job: RobustnessJob): WorkerResult<RobustnessFindings> {
    return attempt(() => {
      const { matrix, columnOf } = readReturnsMatrix(job.returns, job.trials.map((t) => t.number));
      const all = new Float64Array(matrix.buffer);
      const { rows } = matrix;
      const returns = columnOf.map((c) => (c < 0 ? null : all.subarray(c * rows, (c + 1) * rows)));
      const trades =
        job.trades === null ? null : { kind: 'returns' as const, returns: tradeReturnsOnEquity(new Float64Array(job.trades.pnl), job.trades.initialCapital) };
      return robustnessReport({
        trials: job.trials,
        returns,
        objectives: job.objectives,
        periodsPerYear: job.periodsPerYear,
        options: job.options,
        earlierTrials: job.earlierTrials,
        trades,
        outOfSample: job.outOfSample,
      });
    });
  },

  parameters(job: SpaceJob & { options: StudyAnalysisOptions }): WorkerResult<ParametersDraft> {
    return attempt(() => parametersDraft({ ...job, space: analysisSpace(job.strategy, job.params) }));
  },

  surface(job: SpaceJob & { x: string; y: string; resolution: number; trial?: number; seed: number }): WorkerResult<SurfaceFindings> {
    return attempt(() => surfaceReport({ ...job, space: analysisSpace(job.strategy, job.params) }));
  },
};

export type AnalysisWorkerApi = typeof analysisWorkerApi;
