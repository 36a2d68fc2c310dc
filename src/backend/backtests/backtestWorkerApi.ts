// What a backtest worker thread exposes through comlink. One runner per worker keeps datasets and computed
// indicators in memory between runs, so re-running with a changed parameter costs only what changed.
import type { BacktestRequest } from '../../shared';
import { BacktestRunner, type BacktestOutcome, type BarSource } from './backtestRunner';

let runner: BacktestRunner | undefined;

export const backtestWorkerApi = {
  init(appVersion: string): void {
    runner ??= new BacktestRunner(appVersion);
  },

  run(source: BarSource, request: BacktestRequest): BacktestOutcome {
    if (!runner) throw new Error('backtest worker used before init()');
    return runner.run(source, request);
  },

  close(): void {
    runner?.close();
    runner = undefined;
  },
};

export type BacktestWorkerApi = typeof backtestWorkerApi;
