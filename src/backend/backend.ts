// Composes the back end that the Electron main process, the browser-mode server and the CLI all share: the
// store (the single writer), the services that implement the API contract, the event bus and worker threads.
import { join } from 'node:path';
import { buildApi, type HoldoutApi, type HoldoutHandlers } from '../shared';
import type { ParametersReport, WalkForwardSummary } from '../shared';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { EventBus } from './api/eventBus';
import { DATABASE_FILE } from './dataDir';
import { AnalysisService } from './analysis/analysisService';
import { BacktestService } from './backtests/backtestService';
import { DatasetService } from './datasets/datasetService';
import { StudyService } from './studies/studyService';
import { StudyManagementService } from './studyManagement';
import { BackupService } from './backup';
import { WalkForwardService } from './walkForward';
import { ExportService } from './exports';
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
  readonly studyManagement: StudyManagementService;
  readonly backup: BackupService;
  readonly analysis: AnalysisService;
  readonly walkForward: WalkForwardService;
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

  const exportService = new ExportService({
    store,
    backtests,
    studies,
    appVersion: options.version,
    exportsDir: join(options.dataDir, 'exports'),
    resourcesDir: options.resourcesDir,
    // Through the dispatcher, so the robust optimum comes from the analysis service, with its defaults and cache.
    parametersAnalysis: (id) => dispatch('analysis.parameters', { id }) as Promise<ParametersReport>,
    walkForwardRuns: () => dispatch('walkForward.list', {}) as Promise<WalkForwardSummary[]>,
  });

  const walkForward = new WalkForwardService({
    store,
    events,
    studies,
    backtests,
    backtestWorkerFile: join(options.workerDir, 'backtest.worker.js'),
    appVersion: options.version,
    strategiesDir,
    // Through the dispatcher, so the robust optimum comes from the analysis service, with its defaults and cache.
    robustChoice: async (id) => {
      const report = (await dispatch('analysis.parameters', { id })) as ParametersReport;
      return { params: report.robust.params, trialNumber: report.robust.trial };
    },
  });

  const analysis = new AnalysisService({
    store,
    backtests,
    analysisWorkerFile: join(options.workerDir, 'analysis.worker.js'),
    backtestWorkerFile: join(options.workerDir, 'backtest.worker.js'),
    appVersion: options.version,
    strategiesDir,
  });

  const studyManagement = new StudyManagementService({ store, studies, events, appVersion: options.version });
  const backup = new BackupService({ store, databasePath });

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
      rename: async ({ id, name }) => studyManagement.rename(id, name),
      setTags: async ({ id, tags }) => studyManagement.setTags(id, tags),
      setNotes: async ({ id, notes }) => studyManagement.setNotes(id, notes),
      setTrialNotes: async ({ id, number, notes }) => studyManagement.setTrialNotes(id, number, notes),
      delete: async ({ id }) => studyManagement.delete(id),
      continue: (request) => studyManagement.continue(request),
      exportTrials: async ({ id, format, path }) => studyManagement.exportTrials(id, format, path),
    },
    backup: {
      create: ({ path }) => backup.create(path),
      restore: ({ path }) => backup.restore(path),
    },
    analysis: {
      robustness: (request) => analysis.robustness(request),
      parameters: (request) => analysis.parameters(request),
      surface: (request) => analysis.surface(request),
    },
    walkForward: {
      create: (request) => walkForward.create(request),
      list: async () => walkForward.list(),
      get: async ({ id }) => walkForward.get(id),
      stop: async ({ id }) => walkForward.stop(id),
    },
    exports: {
      create: (request) => exportService.create(request),
      history: async () => exportService.history(),
      load: async ({ source }) => exportService.load(source),
      revalidate: ({ source, datasetId }) => exportService.revalidate(source, datasetId),
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
    studyManagement,
    backup,
    analysis,
    walkForward,
    databasePath,
    close() {
      closing ??= (async () => {
        // Walk-forward runs wait on their studies, so they are released by studies.close() (see WalkForwardService.close).
        const walkForwardClosed = walkForward.close();
        await studies.close();
        await walkForwardClosed;
        await analysis.close();
        await Promise.all([datasets.close(), backtests.close()]);
        uploads.dispose();
        store.close();
      })();
      return closing;
    },
  };
}
