// Study analyses on the main thread's side, which only gathers and coordinates: trials, returns and the space come
// from the store, the backtests an analysis needs run in backtest workers, the statistics in the analytics worker,
// and each result is cached in the store keyed by (kind, SHA-256 of the canonical options, complete-trial count).
// Policy: a cached result computed on as many complete trials as the study has now is served as is (cached: true);
// one computed on fewer is stale and recomputed on request. `stale` in a fresh result means the study finished
// more trials while it was being computed (a running study).
import {
  HoldoutError,
  ParametersReport,
  RobustnessReport,
  SurfaceReport,
  type AnalysisRequest,
  type BacktestConfig,
  type SurfaceRequest,
  tunedBarRange,
} from '../../shared';
import { chooseTrial } from '../../core/studyAnalysis/chooseTrial';
import { completeParametersReport } from '../../core/studyAnalysis/parametersCompletion';
import type { ParametersDraft } from '../../core/studyAnalysis/parametersReport';
import type { SurfaceFindings } from '../../core/studyAnalysis/surfaceReport';
import type { AnalysedTrial, AnalysisObjective, AnalysisParams, StudyAnalysisOptions } from '../../core/studyAnalysis/types';
import type { BacktestService } from '../backtests/backtestService';
import { WorkerLane } from '../backtests/workerLane';
import type { Storage, StudyRecord, TrialRecord } from '../storage/storage';
import type { StoredParamSpec } from '../studies/studyWorkerApi';
import { Comlink } from '../workers/workerHandle';
import type { AnalysisWorkerApi, RobustnessJob, WorkerResult } from './analysisWorkerApi';
import { chargesCosts, doubledCosts } from './doubledCosts';
import { optionsHash } from './optionsHash';
import { runTrialBatch, type TrialBatchOptions } from './trialBatchRunner';

export interface AnalysisServiceOptions {
  store: Storage;
  backtests: BacktestService;
  analysisWorkerFile: string;
  backtestWorkerFile: string;
  appVersion: string;
  strategiesDir?: string;
}

export type AnalysisKind = 'robustness' | 'parameters' | 'surface';

interface StoredSpace {
  params: StoredParamSpec[];
  fixed: AnalysisParams;
  file?: string;
}

interface Gathered {
  study: StudyRecord;
  space: StoredSpace;
  objectives: AnalysisObjective[];
  /** Complete trials with values, tuned parameters only. */
  trials: TrialRecord[];
}

type Provenance = RobustnessReport['provenance'];

const REPORT_SCHEMAS = { robustness: RobustnessReport, parameters: ParametersReport, surface: SurfaceReport } as const;

/** One analysis in the worker may take a while on a big study (PBO over thousands of trials, a GP fit on 500). */
const WORKER_CALL_LIMIT_MS = 10 * 60_000;

export class AnalysisService {
  private readonly lane: WorkerLane<AnalysisWorkerApi>;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly batches = new Set<{ close(): Promise<void> }>();

  constructor(private readonly opts: AnalysisServiceOptions) {
    this.lane = new WorkerLane<AnalysisWorkerApi>({ file: opts.analysisWorkerFile, label: 'analysis', init: async () => undefined });
  }

  robustness(request: AnalysisRequest): Promise<RobustnessReport> {
    const { trial, partitions, includeEarlierStudies, correlationCorrected, resamples, seed } = request.options;
    const key = { trial, partitions, includeEarlierStudies, correlationCorrected, resamples, seed };
    return this.cached(request.id, 'robustness', key, (g) => this.computeRobustness(g, request.options)) as Promise<RobustnessReport>;
  }

  parameters(request: AnalysisRequest): Promise<ParametersReport> {
    const { trial, neighbourhood, seed } = request.options;
    return this.cached(request.id, 'parameters', { trial, neighbourhood, seed }, (g) => this.computeParameters(g, request.options)) as Promise<ParametersReport>;
  }

  surface(request: SurfaceRequest): Promise<SurfaceReport> {
    const { x, y, resolution, trial } = request;
    return this.cached(request.id, 'surface', { x, y, resolution, trial }, (g) => this.computeSurface(g, request)) as Promise<SurfaceReport>;
  }

  async close(): Promise<void> {
    await Promise.all([this.lane.close(), ...[...this.batches].map((b) => b.close())]);
  }

  /** The stored result when it covers every complete trial; otherwise computes, stores and returns a new one. */
  private async cached(id: string, kind: AnalysisKind, key: unknown, compute: (g: Gathered) => Promise<object>): Promise<object> {
    const g = this.gather(id);
    const count = g.trials.length;
    const hash = optionsHash(key);
    const row = this.opts.store.getAnalysisResult(id, kind, hash);
    // A row written by another version of the app that no longer matches the report's schema is recomputed.
    if (row && row.trialCount === count && REPORT_SCHEMAS[kind].safeParse(row.result).success) {
      const provenance: Provenance = { studyId: id, trialCount: count, computedAt: row.computedAt, durationMs: row.durationMs, cached: true, stale: false };
      return { ...(row.result as object), provenance };
    }
    const flightKey = `${id}:${kind}:${hash}:${count}`;
    let flight = this.inFlight.get(flightKey) as Promise<object> | undefined;
    if (!flight) {
      flight = (async () => {
        const t0 = performance.now();
        const result = await compute(g);
        const durationMs = performance.now() - t0;
        const computedAt = Date.now();
        // Stored whole, provenance included, so readers of the store (exports) can parse it with the report's schema.
        const stored = { ...result, provenance: { studyId: id, trialCount: count, computedAt, durationMs, cached: false, stale: false } };
        // Never replace a result on more trials (computed meanwhile) with this one.
        const current = this.opts.store.getAnalysisResult(id, kind, hash);
        if (!current || current.trialCount <= count) {
          this.opts.store.putAnalysisResult({ studyId: id, kind, optionsHash: hash, trialCount: count, result: stored, durationMs, computedAt });
        }
        const stale = this.completeTrials(id).length > count;
        return { ...stored, provenance: { ...stored.provenance, stale } };
      })();
      this.inFlight.set(flightKey, flight);
      flight.then(
        () => this.inFlight.delete(flightKey),
        () => this.inFlight.delete(flightKey),
      );
    }
    return flight;
  }

  private gather(id: string): Gathered {
    const study = this.opts.store.getStudy(id);
    if (!study) throw new HoldoutError('NOT_FOUND', `No study with id ${id}.`, { field: 'id', value: id });
    const trials = this.completeTrials(id);
    if (trials.length === 0) throw new HoldoutError('INVALID_REQUEST', `Study ${id} has no complete trial yet: there is nothing to analyse.`, { field: 'id', value: id });
    return { study, space: study.space as StoredSpace, objectives: study.objectives, trials };
  }

  private completeTrials(id: string): TrialRecord[] {
    return this.opts.store.listTrials(id).filter((t) => t.state === 'complete' && t.values !== null && t.values.length > 0);
  }

  private async computeRobustness(g: Gathered, options: AnalysisRequest['options']): Promise<object> {
    const { study, space, objectives } = g;
    const store = this.opts.store;
    const dataset = store.getDataset(study.datasetId);
    if (!dataset) throw new HoldoutError('NOT_FOUND', `The dataset of study ${study.id} (${study.datasetId}) no longer exists.`, { field: 'id' });
    const config = study.config as BacktestConfig;
    const periodsPerYear = config.periodsPerYear ?? dataset.frequency.periodsPerYear;
    const trials: AnalysedTrial[] = g.trials.map((t) => ({ number: t.number, params: { ...space.fixed, ...t.params }, values: t.values! }));
    const chosen = trials[this.choose(trials, objectives[0], options.trial)];
    const notes: string[] = [];

    let earlierTrials = 0;
    if (options.includeEarlierStudies) {
      for (const s of store.listStudies()) {
        if (s.id === study.id || s.datasetHash !== study.datasetHash || s.createdAt > study.createdAt) continue;
        earlierTrials += store.listTrials(s.id).filter((t) => t.state === 'complete').length;
      }
    }

    // The chosen trial's in-sample trades (a full backtest of it, on the same bars and config the tuner used) and
    // every trial on the out-of-sample bars, at the same time: they run in different workers.
    const tradesRun = this.opts.backtests
      .run({ datasetId: study.datasetId, strategy: study.strategyName, params: chosen.params, config, range: tunedBarRange(study) })
      .then(
        (report): RobustnessJob['trades'] => ({ pnl: Float64Array.from(report.trades.pnl).buffer, initialCapital: config.initialCapital }),
        (err: unknown) => {
          notes.push(`The backtest of trial ${chosen.number} for its trades failed (${messageOf(err)}), so its trades were not reshuffled.`);
          return null;
        },
      );
    // Out of sample: every bar after the tuned range (for a walk-forward window's study, the rest of the dataset).
    const oosFrom = tunedBarRange(study).toBar;
    const oosBars = dataset.bars - oosFrom;
    const oosRun =
      oosBars >= 2
        ? runTrialBatch(this.batchOptions(), study, { fromBar: oosFrom, toBar: dataset.bars }, trials.map((t) => ({ params: t.params, config })))
        : Promise.resolve(null);
    const [trades, batch] = await Promise.all([tradesRun, oosRun]);
    let outOfSample: RobustnessJob['outOfSample'] = null;
    if (batch) {
      const metric = objectives[0].metric;
      outOfSample = trials.map((t, i) => ({ trial: t.number, value: batch.metrics[i]?.[metric] ?? null }));
      if (batch.failures.length > 0) notes.push(`${batch.failures.length} out-of-sample backtest(s) failed, e.g. ${batch.failures[0]}`);
    } else if (oosBars > 0) notes.push(`Only ${oosBars} bar is out of sample: too few to re-run the trials on.`);

    const job: RobustnessJob = {
      trials,
      returns: { dbPath: store.location, studyId: study.id },
      objectives,
      periodsPerYear,
      options: coreOptions(options),
      earlierTrials,
      trades,
      outOfSample,
    };
    const transfers = trades ? [trades.pnl] : [];
    const findings = unwrap(
      await this.lane.call(WORKER_CALL_LIMIT_MS, workerTooLong, (api) => api.robustness(Comlink.transfer(job, transfers)) as Promise<WorkerResult<object>>),
      study.id,
    );
    const result = findings as { notes: string[] };
    result.notes = [...result.notes, ...notes];
    return result;
  }

  private async computeParameters(g: Gathered, options: AnalysisRequest['options']): Promise<object> {
    const { study, space, objectives } = g;
    const config = study.config as BacktestConfig;
    const trials: AnalysedTrial[] = g.trials.map((t) => ({ number: t.number, params: t.params, values: t.values! }));
    this.choose(trials, objectives[0], options.trial);
    const draft = unwrap(
      await this.lane.call(WORKER_CALL_LIMIT_MS, workerTooLong, (api) =>
        api.parameters({ strategy: study.strategyName, params: space.params, trials, fixed: space.fixed, objectives, options: coreOptions(options) }) as Promise<
          WorkerResult<ParametersDraft>
        >,
      ),
      study.id,
    );
    // Real backtests on the in-sample bars: the chosen point, each move, the chosen point at 2× costs, the robust point.
    const requests = [
      { params: draft.base, config },
      ...draft.moves.map((m) => ({ params: m.params, config })),
      { params: draft.base, config: doubledCosts(config) },
      { params: draft.robust.params, config },
    ];
    const batch = await runTrialBatch(this.batchOptions(), study, tunedBarRange(study), requests);
    const metric = objectives[0].metric;
    const values = batch.metrics.map((m) => m?.[metric] ?? null);
    const report = completeParametersReport(draft, {
      base: values[0],
      moves: values.slice(1, 1 + draft.moves.length),
      doubleCosts: values[1 + draft.moves.length],
      robust: values[2 + draft.moves.length],
    });
    if (!chargesCosts(config)) report.notes.push('The study charges no costs (commission, slippage, borrow), so doubling them changes nothing.');
    if (batch.failures.length > 0) report.notes.push(`${batch.failures.length} backtest(s) failed, e.g. ${batch.failures[0]}`);
    return report;
  }

  private async computeSurface(g: Gathered, request: SurfaceRequest): Promise<object> {
    const { study, space, objectives } = g;
    const trials: AnalysedTrial[] = g.trials.map((t) => ({ number: t.number, params: t.params, values: t.values! }));
    this.choose(trials, objectives[0], request.trial);
    return unwrap(
      await this.lane.call(WORKER_CALL_LIMIT_MS, workerTooLong, (api) =>
        api.surface({
          strategy: study.strategyName,
          params: space.params,
          trials,
          fixed: space.fixed,
          objectives,
          x: request.x,
          y: request.y,
          resolution: request.resolution,
          trial: request.trial,
          seed: study.seed,
        }) as Promise<WorkerResult<SurfaceFindings>>,
      ),
      study.id,
    );
  }

  /** chooseTrial with a user error naming the field when the trial asked for is not a complete one. */
  private choose(trials: readonly AnalysedTrial[], objective: AnalysisObjective, requested: number | undefined): number {
    try {
      return chooseTrial(trials, objective, requested);
    } catch (err) {
      const where = requested === undefined ? { field: 'id' } : { field: 'trial', value: String(requested) };
      throw new HoldoutError('INVALID_REQUEST', `${messageOf(err)}.`, where);
    }
  }

  private batchOptions(): TrialBatchOptions {
    const { store, backtestWorkerFile: workerFile, appVersion, strategiesDir } = this.opts;
    return { store, workerFile, appVersion, strategiesDir, open: this.batches };
  }
}

function coreOptions(o: AnalysisRequest['options']): StudyAnalysisOptions {
  return {
    trial: o.trial,
    partitions: o.partitions,
    includeEarlierStudies: o.includeEarlierStudies,
    correlationCorrected: o.correlationCorrected,
    neighbourhood: o.neighbourhood,
    resamples: o.resamples,
    seed: o.seed,
  };
}

/** A worker's error value: a user error naming the study when its data is at fault, an internal one for a bug. */
function unwrap<T>(result: WorkerResult<T>, studyId: string): T {
  if (result.ok) return result.value;
  if (result.internal) {
    console.error(`[holdout] the analysis of study ${studyId} failed in the worker:`, result.stack ?? result.message);
    throw new HoldoutError('INTERNAL', `The analysis of study ${studyId} failed: ${result.message}`);
  }
  const sentence = /[.!?]$/.test(result.message) ? result.message : `${result.message}.`;
  throw new HoldoutError('INVALID_REQUEST', `Study ${studyId}: ${sentence}`, { field: 'id', value: studyId });
}

function workerTooLong(): HoldoutError {
  return new HoldoutError('CANCELLED', `The analysis took longer than ${WORKER_CALL_LIMIT_MS / 60_000} minutes and was stopped.`);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
