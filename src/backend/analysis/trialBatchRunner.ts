// The backtests an analysis needs (every trial out of sample, sensitivity points, 2× costs), run in a backtest
// worker through the tuner's light trial path (metrics and returns, no profile): the bar range is loaded once and
// shared, and requests go in chunks so messaging is paid per chunk. The worker is closed when the batch ends.
import { HoldoutError, type BacktestConfig } from '../../shared';
import type { BacktestWorkerApi } from '../backtests/backtestWorkerApi';
import { WorkerLane } from '../backtests/workerLane';
import type { Storage, StudyRecord } from '../storage/storage';
import type { SharedBars, TrialOutcome } from '../studies/trialRunner';

const CHUNK = 16;

export interface TrialBatchOptions {
  store: Storage;
  workerFile: string;
  appVersion: string;
  strategiesDir?: string;
  /** Open batch workers, so the service can stop them when the back end closes mid-analysis. */
  open?: Set<{ close(): Promise<void> }>;
}

export interface BatchRequest {
  params: Record<string, number | string | boolean>;
  config: BacktestConfig;
}

/** Metrics of each request on bars [fromBar, toBar) of the study's dataset, in order; null where the backtest failed. */
export async function runTrialBatch(
  opts: TrialBatchOptions,
  study: StudyRecord,
  range: { fromBar: number; toBar: number },
  requests: readonly BatchRequest[],
): Promise<{ metrics: (Record<string, number | null> | null)[]; failures: string[] }> {
  if (requests.length === 0) return { metrics: [], failures: [] };
  const userFile = (study.space as { file?: string }).file;
  const lane = new WorkerLane<BacktestWorkerApi>({
    file: opts.workerFile,
    label: 'analysis backtest',
    init: (api) => api.init(opts.appVersion, opts.strategiesDir) as Promise<void>,
    shutdown: (api) => api.close() as Promise<void>,
  });
  opts.open?.add(lane);
  const perTrialMs = study.trialTimeLimitSec * 1000;
  const tooLong = () => new HoldoutError('CANCELLED', `A backtest of the analysis took longer than ${study.trialTimeLimitSec} s and was stopped.`);
  try {
    const bars = sharedRange(opts.store, study, range);
    await lane.call(perTrialMs, tooLong, (api) => api.setStudyBars(bars) as Promise<void>);
    const metrics: (Record<string, number | null> | null)[] = [];
    const failures: string[] = [];
    for (let i = 0; i < requests.length; i += CHUNK) {
      const chunk = requests.slice(i, i + CHUNK).map((r) => ({ barsKey: bars.key, params: r.params, config: r.config }));
      const outcomes = await lane.call(
        perTrialMs * chunk.length,
        tooLong,
        (api) => api.trials(study.strategyName, chunk, userFile) as Promise<TrialOutcome[]>,
      );
      for (const o of outcomes) {
        metrics.push(o.ok ? o.metrics : null);
        if (!o.ok) failures.push(o.reason);
      }
    }
    return { metrics, failures };
  } finally {
    opts.open?.delete(lane);
    await lane.close();
  }
}

function sharedRange(store: Storage, study: StudyRecord, range: { fromBar: number; toBar: number }): SharedBars {
  const dataset = store.getDataset(study.datasetId);
  if (!dataset) throw new HoldoutError('NOT_FOUND', `The dataset of study ${study.id} (${study.datasetId}) no longer exists.`, { field: 'id' });
  if (dataset.hash !== study.datasetHash) throw new HoldoutError('CONFLICT', `The dataset of study ${study.id} changed since the study was created.`, { field: 'id' });
  const series = store.loadBars(dataset.id) as unknown as Record<string, Float64Array | number>;
  const n = range.toBar - range.fromBar;
  const columns: Record<string, Float64Array> = {};
  for (const [name, values] of Object.entries(series)) {
    if (!(values instanceof Float64Array)) continue;
    const shared = new Float64Array(new SharedArrayBuffer(n * 8));
    shared.set(values.subarray(range.fromBar, range.toBar));
    columns[name] = shared;
  }
  return { key: `${dataset.hash}:${range.fromBar}:${range.toBar}`, length: n, periodsPerYear: dataset.frequency.periodsPerYear, columns };
}
