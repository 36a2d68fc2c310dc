// Composes the back end that the Electron main process, the browser-mode server and the CLI all share: the
// store (the single writer), the services that implement the API contract, the event bus and worker threads.
import { join } from 'node:path';
import { buildApi, type HoldoutApi, type HoldoutHandlers } from '../shared';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { EventBus } from './api/eventBus';
import { DATABASE_FILE } from './dataDir';
import { BacktestService } from './backtests/backtestService';
import { DatasetService } from './datasets/datasetService';
import { StudyService } from './studies/studyService';
import { STRATEGIES_FOLDER, ensureStrategyFolder } from './strategies/strategyFolder';
import { UploadStaging } from './datasets/uploadStaging';
import { openSqliteStore } from './storage/sqliteStore';
import type { Storage } from './storage/storage';

export interface BackendOptions {
  dataDir: string;
  mode: 'desktop' | 'browser' | 'cli';
  version: string;
  /** Folder holding the built worker entry files (out/main). */
  workerDir: string;
  /** The app's resources folder (sample data, schemas). */
  resourcesDir: string;
  /** A backtest taking longer than this is stopped (its worker terminated and respawned). Default 60 s. */
  backtestTimeLimitMs?: number;
  /** Loading one user strategy file taking longer than this is stopped. Default: the smaller of 15 s and backtestTimeLimitMs. */
  strategyLoadTimeLimitMs?: number;
  /** Backtest workers of a tuning study that does not say how many. Default: CPU cores - 1, at least 1. */
  studyWorkers?: number;
}

export interface Backend {
  /** The contract's methods for in-process callers (CLI, tests): every call is validated like a remote one. */
  readonly api: HoldoutApi;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly store: Storage;
  readonly uploads: UploadStaging;
  readonly datasets: DatasetService;
  readonly backtests: BacktestService;
  readonly studies: StudyService;
  readonly databasePath: string;
  /** Stops running work and closes the database cleanly. Idempotent. */
  close(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  const databasePath = join(options.dataDir, DATABASE_FILE);
  const store = openSqliteStore(databasePath);
  const events = new EventBus();
  const uploads = new UploadStaging(join(options.dataDir, 'uploads'));
  const datasets = new DatasetService({
    store,
    events,
    uploads,
    workerFile: join(options.workerDir, 'dataset.worker.js'),
    samplesDir: join(options.resourcesDir, 'samples'),
    databasePath,
  });

  // User strategies: <dataDir>/strategies, created with a README (and an example when new). A failure here
  // must not stop the app; the folder then just offers no strategies.
  const strategiesDir = join(options.dataDir, STRATEGIES_FOLDER);
  try {
    ensureStrategyFolder(strategiesDir);
  } catch (err) {
    console.warn(`[holdout] could not prepare the strategies folder ${strategiesDir}:`, err);
  }

  const backtests = new BacktestService({
    store,
    workerFile: join(options.workerDir, 'backtest.worker.js'),
    databasePath,
    appVersion: options.version,
    strategiesDir,
    timeLimitMs: options.backtestTimeLimitMs,
    loadTimeLimitMs: options.strategyLoadTimeLimitMs,
  });

  const studies = new StudyService({
    store,
    events,
    backtests,
    backtestWorkerFile: join(options.workerDir, 'backtest.worker.js'),
    studyWorkerFile: join(options.workerDir, 'study.worker.js'),
    appVersion: options.version,
    strategiesDir,
    defaultWorkers: options.studyWorkers,
  });

  const handlers: HoldoutHandlers = {
    app: {
      info: async () => ({ name: 'Holdout', version: options.version, mode: options.mode, dataDir: options.dataDir, databasePath }),
    },
    datasets: {
      list: async () => datasets.list(),
      get: async ({ id }) => datasets.get(id),
      import: ({ source, name }) => datasets.importFile(source, name),
      rename: async ({ id, name }) => datasets.rename(id, name),
      delete: async ({ id }) => datasets.delete(id),
      chart: (request) => datasets.chart(request),
      samples: async () => datasets.samples(),
      loadSample: ({ sample, seed }) => datasets.loadSample(sample, seed),
    },
    strategies: {
      list: () => backtests.strategies(),
      problems: () => backtests.strategyProblems(),
    },
    metrics: {
      definitions: async () => backtests.metricDefinitions(),
    },
    backtests: {
      run: (request) => backtests.run(request),
    },
    studies: {
      create: (request) => studies.create(request),
      list: async () => studies.list(),
      get: async ({ id }) => studies.get(id),
      trials: async ({ id }) => studies.trials(id),
      pause: async ({ id }) => studies.pause(id),
      resume: async ({ id }) => studies.resume(id),
      stop: async ({ id }) => studies.stop(id),
    },
  };

  const dispatch = createDispatcher(handlers);
  let closing: Promise<void> | undefined;
  return {
    api: buildApi(dispatch),
    dispatch,
    events,
    store,
    uploads,
    datasets,
    backtests,
    studies,
    databasePath,
    close() {
      closing ??= (async () => {
        await studies.close();
        await Promise.all([datasets.close(), backtests.close()]);
        uploads.dispose();
        store.close();
      })();
      return closing;
    },
  };
}
