// Backtests on the main thread's side: checks the request against the store, hands it to a backtest worker, and
// enforces a time limit by terminating a worker that runs too long (a runaway strategy cannot hang the app).
// User strategies are compiled, listed and run only in workers: listing uses its own worker, so listing never
// waits for a long backtest and a strategy file that never finishes loading cannot stop a backtest.
import { relative } from 'node:path';
import { METRICS, findBuiltinStrategy } from '../../core';
import {
  HoldoutError,
  fromSerializedError,
  type BacktestReport,
  type BacktestRequest,
  type MetricInfo,
  type StrategyInfo,
  type StrategyProblems,
} from '../../shared';
import type { Storage } from '../storage/storage';
import { UserStrategyCatalog } from '../strategies/userStrategyCatalog';
import type { UserStrategyLoadOutcome } from '../strategies/userStrategyLoader';
import type { BacktestOutcome, BarSource } from './backtestRunner';
import type { BacktestWorkerApi } from './backtestWorkerApi';
import { listStrategies } from './strategyCatalog';
import { WorkerLane } from './workerLane';

export interface BacktestServiceOptions {
  store: Storage;
  workerFile: string;
  databasePath: string;
  appVersion: string;
  /** A backtest taking longer than this is stopped. Default 60 s. */
  timeLimitMs?: number;
  /** The user strategies folder; without it only the built-ins are offered. */
  strategiesDir?: string;
  /** Compiling and loading one user strategy file taking longer than this is stopped. Default: the smaller of timeLimitMs and 15 s. */
  loadTimeLimitMs?: number;
}

const DEFAULT_TIME_LIMIT_MS = 60_000;
const DEFAULT_LOAD_LIMIT_MS = 15_000;

/** Where a backtest's strategy comes from: a built-in (no file) or a user strategy file (absolute path). */
interface StrategyTarget {
  name: string;
  file?: string;
}

export class BacktestService {
  private readonly runs: WorkerLane<BacktestWorkerApi>;
  private readonly loads: WorkerLane<BacktestWorkerApi>;
  private readonly catalog: UserStrategyCatalog | undefined;

  constructor(private readonly opts: BacktestServiceOptions) {
    const lane = (label: string) =>
      new WorkerLane<BacktestWorkerApi>({
        file: opts.workerFile,
        label,
        init: (api) => api.init(opts.appVersion, opts.strategiesDir) as Promise<void>,
        shutdown: (api) => api.close() as Promise<void>,
      });
    this.runs = lane('backtest');
    this.loads = lane('strategy loader');
    const folder = opts.strategiesDir;
    this.catalog = folder === undefined ? undefined : new UserStrategyCatalog(folder, (path, file) => this.describeFile(path, file));
  }

  /** The built-ins, then every user strategy that loads (compiled in a worker). */
  async strategies(): Promise<StrategyInfo[]> {
    const builtins = listStrategies(this.opts.appVersion);
    if (!this.catalog) return builtins;
    return [...builtins, ...(await this.catalog.scan()).strategies];
  }

  /** The user strategies folder and the files in it that failed to compile or load. */
  async strategyProblems(): Promise<StrategyProblems> {
    if (!this.catalog) return { folder: '', problems: [] };
    return { folder: this.catalog.folder, problems: (await this.catalog.scan()).problems };
  }

  /** A strategy's description and, for a user strategy, its file (absolute path), for tuning studies. */
  async strategyFor(name: string): Promise<{ info: StrategyInfo; file?: string }> {
    const target = await this.resolve(name);
    const all = await this.strategies();
    const info = all.find((s) => s.name === name);
    if (!info) throw unknownStrategy(name, all, []);
    return { info, file: target.file };
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
    await Promise.all([this.runs.close(), this.loads.close()]);
  }

  private get timeLimitMs(): number {
    return this.opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  }

  private async execute(source: BarSource, request: BacktestRequest): Promise<BacktestReport> {
    let target = await this.resolve(request.strategy);
    let outcome = await this.runOn(target, source, request);
    if (!outcome.ok && outcome.stale && this.catalog) {
      // The file was edited since the last listing and no longer defines this strategy: list again, and retry
      // if another file defines it now.
      await this.catalog.scan();
      const moved = this.catalog.fileOf(request.strategy);
      if (moved !== undefined && moved !== target.file) {
        target = { name: request.strategy, file: moved };
        outcome = await this.runOn(target, source, request);
      }
    }
    if (!outcome.ok) throw fromSerializedError(outcome.error);
    return outcome.report;
  }

  private runOn(target: StrategyTarget, source: BarSource, request: BacktestRequest): Promise<BacktestOutcome> {
    const limit = this.timeLimitMs;
    return this.runs.call(
      limit,
      () => this.tooLong(target, limit),
      (api) => api.run(source, request, target.file) as Promise<BacktestOutcome>,
    );
  }

  private tooLong(target: StrategyTarget, limitMs: number): HoldoutError {
    const took = `took longer than ${formatDuration(limitMs)} and was stopped`;
    if (target.file === undefined) {
      return new HoldoutError('CANCELLED', `The backtest of strategy '${target.name}' ${took}.`, { field: 'strategy', value: target.name });
    }
    const file = this.relativeFile(target.file);
    return new HoldoutError(
      'CANCELLED',
      `The backtest of user strategy '${target.name}' (${file}) ${took}; check its targets() for an endless loop. The backtest worker was restarted.`,
      { file, field: 'strategy', value: target.name },
    );
  }

  /** A built-in, or the file of a user strategy (scanning the folder if the name is not known yet). */
  private async resolve(name: string): Promise<StrategyTarget> {
    if (findBuiltinStrategy(name)) return { name };
    if (!this.catalog) throw unknownStrategy(name, listStrategies(this.opts.appVersion), []);
    const known = this.catalog.fileOf(name);
    if (known !== undefined) return { name, file: known };
    const scan = await this.catalog.scan();
    const file = this.catalog.fileOf(name);
    if (file !== undefined) return { name, file };
    throw unknownStrategy(name, [...listStrategies(this.opts.appVersion), ...scan.strategies], scan.problems.map((p) => p.file));
  }

  private describeFile(path: string, file: string): Promise<UserStrategyLoadOutcome> {
    const limit = Math.min(this.opts.loadTimeLimitMs ?? DEFAULT_LOAD_LIMIT_MS, this.timeLimitMs);
    return this.loads.call(
      limit,
      () =>
        new HoldoutError(
          'CANCELLED',
          `${file}: loading the strategy took longer than ${formatDuration(limit)} and was stopped; check its top-level code (and the files it imports) for an endless loop. It is tried again once a file in the strategies folder changes.`,
          { file },
        ),
      (api) => api.describeUserStrategy(path) as Promise<UserStrategyLoadOutcome>,
    );
  }

  private relativeFile(path: string): string {
    const folder = this.catalog?.folder;
    return folder === undefined ? path : relative(folder, path).split('\\').join('/');
  }
}

function unknownStrategy(name: string, available: StrategyInfo[], failedFiles: string[]): HoldoutError {
  const failed =
    failedFiles.length === 0
      ? ''
      : ` ${failedFiles.length} file${failedFiles.length > 1 ? 's' : ''} in the strategies folder failed to load (${failedFiles.join(', ')}); see the strategy problems.`;
  return new HoldoutError('INVALID_REQUEST', `Unknown strategy "${name}". Available: ${available.map((s) => s.name).join(', ')}.${failed}`, {
    field: 'strategy',
    value: name,
  });
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
