// Runs one parameter set on one bar range of a dataset in a backtest worker, the same way a study's trial runs
// (TrialRunner: the range's bars shared as SharedArrayBuffers, metrics and per-bar returns back), so a window's
// in-sample evaluation reproduces the study's trial exactly. An out-of-sample evaluation may be given earlier bars
// as history, so indicators are warmed up when the test starts, as they would be for a strategy trading on.
import { computeMetrics } from '../../core';
import { HoldoutError, type BacktestConfig } from '../../shared';
import type { BacktestWorkerApi } from '../backtests/backtestWorkerApi';
import { WorkerLane } from '../backtests/workerLane';
import type { Storage } from '../storage/storage';
import type { SharedBars, TrialOutcome } from '../studies/trialRunner';

export interface RangeEvaluation {
  metrics: Record<string, number | null>;
  /** Per-bar simple returns on the range (returns[0] = 0: the first bar has no previous one in the range). */
  returns: Float32Array;
}

export interface WindowEvaluatorOptions {
  store: Storage;
  backtestWorkerFile: string;
  appVersion: string;
  strategiesDir?: string;
}

export class WindowEvaluator {
  private readonly lane: WorkerLane<BacktestWorkerApi>;

  constructor(private readonly opts: WindowEvaluatorOptions) {
    this.lane = new WorkerLane<BacktestWorkerApi>({
      file: opts.backtestWorkerFile,
      label: 'walk-forward backtest',
      init: (api) => api.init(opts.appVersion, opts.strategiesDir) as Promise<void>,
      shutdown: (api) => api.close() as Promise<void>,
    });
  }

  /** `params` on bars [from, to) of the dataset; throws (a HoldoutError naming the range) when the backtest fails. */
  async evaluate(input: {
    datasetId: string;
    datasetHash: string;
    strategy: string;
    strategyFile?: string;
    params: Record<string, number | string | boolean>;
    config: BacktestConfig;
    from: number;
    to: number;
    /**
     * Bars [historyFrom, from) are run too, as history only: the strategy's indicators and position carry into
     * `from`, and metrics and returns cover [from, to) alone. Metrics are then computed from those returns and
     * the equity they compound to, so trade and exposure metrics are null. Default: from (no history).
     */
    historyFrom?: number;
    timeLimitMs: number;
  }): Promise<RangeEvaluation> {
    const start = input.historyFrom ?? input.from;
    if (start > input.from) throw new Error(`historyFrom (${start}) is after from (${input.from})`);
    const bars = this.sharedBars(input.datasetId, input.datasetHash, start, input.to);
    const onTimeout = () => new HoldoutError('CANCELLED', `The backtest of bars ${input.from}..${input.to} took longer than ${input.timeLimitMs / 1000} s and was stopped.`);
    const outcome: TrialOutcome = await this.lane.call(input.timeLimitMs, onTimeout, async (api) => {
      await api.setStudyBars(bars);
      return (await api.trial(input.strategy, { barsKey: bars.key, params: input.params, config: input.config }, input.strategyFile)) as TrialOutcome;
    });
    if (!outcome.ok) {
      throw new HoldoutError('INVALID_REQUEST', `${input.strategy} on bars ${start}..${input.to} failed: ${outcome.reason}`, { field: 'params' });
    }
    if (start === input.from) return { metrics: outcome.metrics, returns: outcome.returns };
    const returns = outcome.returns.slice(input.from - start);
    return { metrics: metricsOf(returns, input.config, bars.periodsPerYear), returns };
  }

  close(): Promise<void> {
    return this.lane.close();
  }

  private sharedBars(datasetId: string, datasetHash: string, from: number, to: number): SharedBars {
    const dataset = this.opts.store.getDataset(datasetId);
    if (!dataset) throw new HoldoutError('NOT_FOUND', `No dataset with id ${datasetId}. It may have been deleted.`, { field: 'datasetId' });
    if (dataset.hash !== datasetHash) throw new HoldoutError('INVALID_REQUEST', `Dataset ${datasetId} changed since the walk-forward run was created.`, { field: 'datasetId' });
    const series = this.opts.store.loadBars(datasetId) as unknown as Record<string, Float64Array | number>;
    const n = to - from;
    const columns: Record<string, Float64Array> = {};
    for (const [name, values] of Object.entries(series)) {
      if (!(values instanceof Float64Array)) continue;
      const shared = new Float64Array(new SharedArrayBuffer(n * 8));
      shared.set(values.subarray(from, to));
      columns[name] = shared;
    }
    // Same key form as a study's bars and a ranged backtest, so the worker's indicator cache stays correct.
    return { key: `${dataset.hash}:${from}:${to}`, length: n, periodsPerYear: dataset.frequency.periodsPerYear, columns };
  }
}

/** Every metric of a run's returns alone, compounding them from the initial capital (no trades, no positions). */
function metricsOf(returns: Float32Array, config: BacktestConfig, datasetPeriodsPerYear: number): Record<string, number | null> {
  const r = Float64Array.from(returns);
  const equity = new Float64Array(r.length + 1);
  equity[0] = config.initialCapital;
  for (let i = 0; i < r.length; i++) equity[i + 1] = equity[i] * (1 + r[i]);
  const values = computeMetrics(
    { returns: r, equity },
    { periodsPerYear: config.periodsPerYear ?? datasetPeriodsPerYear, riskFreeRateAnnual: config.riskFreeRateAnnual },
  );
  const metrics: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(values)) metrics[id] = Number.isFinite(value) ? value : null;
  return metrics;
}
