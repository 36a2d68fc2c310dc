// Backtests on the main thread's side: checks the request against the store, hands it to a backtest worker, and
// enforces a time limit by terminating a worker that runs too long (a runaway strategy cannot hang the app).
import { METRICS } from '../../core';
import { HoldoutError, fromSerializedError, type BacktestReport, type BacktestRequest, type MetricInfo, type StrategyInfo } from '../../shared';
import type { Storage } from '../storage/storage';
import { WorkerHandle } from '../workers/workerHandle';
import type { BacktestOutcome, BarSource } from './backtestRunner';
import type { BacktestWorkerApi } from './backtestWorkerApi';
import { listStrategies } from './strategyCatalog';

export interface BacktestServiceOptions {
  store: Storage;
  workerFile: string;
  databasePath: string;
  appVersion: string;
  /** A backtest taking longer than this is stopped. Default 60 s. */
  timeLimitMs?: number;
}

export class BacktestService {
  private worker: WorkerHandle<BacktestWorkerApi> | undefined;

  constructor(private readonly opts: BacktestServiceOptions) {}

  strategies(): StrategyInfo[] {
    return listStrategies(this.opts.appVersion);
  }

  metricDefinitions(): MetricInfo[] {
    return METRICS.map((m) => ({ id: m.id, label: m.label, unit: m.unit, direction: m.direction, group: m.group, description: m.description }));
  }

  run(request: BacktestRequest): Promise<BacktestReport> {
    if (!this.opts.store.getDataset(request.datasetId)) {
      throw new HoldoutError('NOT_FOUND', `No dataset with id ${request.datasetId}. It may have been deleted.`, { field: 'datasetId' });
    }
    return this.execute({ kind: 'dataset', dbPath: this.opts.databasePath }, request);
  }

  /** A backtest on a CSV file that is read on the fly and never stored (the CLI's --data FILE). */
  runOnFile(path: string, request: Omit<BacktestRequest, 'datasetId'>): Promise<BacktestReport> {
    return this.execute({ kind: 'file', path }, { ...request, datasetId: 'ds_file000' });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private async execute(source: BarSource, request: BacktestRequest): Promise<BacktestReport> {
    const worker = await this.ensureWorker();
    const limit = this.opts.timeLimitMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new HoldoutError('CANCELLED', `The backtest took longer than ${Math.round(limit / 1000)} s and was stopped.`));
        void worker.terminate();
        if (this.worker === worker) this.worker = undefined;
      }, limit);
    });
    try {
      const outcome: BacktestOutcome = await Promise.race([worker.call((api) => api.run(source, request) as Promise<BacktestOutcome>), timeout]);
      if (!outcome.ok) throw fromSerializedError(outcome.error);
      return outcome.report;
    } finally {
      clearTimeout(timer);
    }
  }

  private async ensureWorker(): Promise<WorkerHandle<BacktestWorkerApi>> {
    if (this.worker?.isAlive) return this.worker;
    const worker = new WorkerHandle<BacktestWorkerApi>(this.opts.workerFile, 'backtest');
    await worker.call((api) => api.init(this.opts.appVersion) as Promise<void>);
    this.worker = worker;
    return worker;
  }
}
