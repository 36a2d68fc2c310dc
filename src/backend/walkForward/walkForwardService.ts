// Walk-forward optimisation on the main thread, which only coordinates: the windows run one after another, each a
// normal study (StudyService: durable, listed with the other studies, named after the run) tuned on the window's
// in-sample bars; the chosen parameters (the study's peak, or the robust optimum of its parameters analysis) are
// then backtested on the window's in- and out-of-sample bars in a worker, and every finished window is stored
// before the next one starts. When the last window is done the out-of-sample parts are stitched and the result
// (efficiency, drift, stitched curve) is stored with the run.
import { randomBytes } from 'node:crypto';
import { METRICS, walkForwardWindows, type WalkForwardWindow } from '../../core';
import {
  HoldoutError,
  type BacktestConfig,
  type ParamValues,
  type WalkForwardCreateRequest,
  type WalkForwardSummary,
} from '../../shared';
import type { EventBus } from '../api/eventBus';
import type { BacktestService } from '../backtests/backtestService';
import type { StudyService } from '../studies/studyService';
import type { Storage, WalkForwardRunRecord } from '../storage/storage';
import { buildWalkForwardResult, type FinishedWindow } from './walkForwardResult';
import { summariseWalkForward } from './walkForwardSummary';
import { WindowEvaluator } from './windowEvaluator';

export interface RobustChoice {
  params: ParamValues;
  /** The trial at the robust point, when it coincides with one. */
  trialNumber: number | null;
}

export interface WalkForwardServiceOptions {
  store: Storage;
  events: EventBus;
  studies: StudyService;
  backtests: BacktestService;
  backtestWorkerFile: string;
  appVersion: string;
  strategiesDir?: string;
  /** The robust optimum of a finished study (analysis.parameters); selection 'robust' fails without it. */
  robustChoice?: (studyId: string) => Promise<RobustChoice>;
}

export class WalkForwardService {
  private readonly runs = new Map<string, WalkForwardRun>();

  constructor(private readonly opts: WalkForwardServiceOptions) {
    opts.store.markInterruptedWalkForwardRuns();
  }

  /** Checks the request, creates the first window's study (which starts tuning at once) and the run, and starts it. */
  async create(request: WalkForwardCreateRequest): Promise<WalkForwardSummary> {
    const { store } = this.opts;
    const dataset = store.getDataset(request.datasetId);
    if (!dataset) throw new HoldoutError('NOT_FOUND', `No dataset with id ${request.datasetId}. It may have been deleted.`, { field: 'datasetId' });
    if (!METRICS.some((m) => m.id === request.objective.metric)) {
      throw new HoldoutError('INVALID_REQUEST', `Unknown metric "${request.objective.metric}". Metrics: ${METRICS.map((m) => m.id).join(', ')}.`, {
        field: 'objective.metric',
        value: request.objective.metric,
      });
    }
    if (request.selection === 'robust' && !this.opts.robustChoice) {
      throw new HoldoutError('INVALID_REQUEST', "Selection 'robust' needs the parameters analysis, which this back end does not have; use 'peak'.", { field: 'selection' });
    }
    const { info } = await this.opts.backtests.strategyFor(request.strategy);
    const windows = windowsFor(request, dataset.bars);
    const id = `wf_${randomBytes(8).toString('hex')}`;
    const name = request.name ?? `${info.name} on ${dataset.name}, walk-forward`;
    // The first study is created before the run is stored, so a bad space or strategy fails the request itself
    // rather than leaving a failed run behind.
    const firstStudy = await this.createStudy(request, { id, name, windows: windows.length }, windows[0]);
    const now = Date.now();
    const record: WalkForwardRunRecord = {
      id,
      name,
      datasetId: dataset.id,
      datasetHash: dataset.hash,
      strategyName: info.name,
      request,
      status: 'running',
      error: null,
      result: null,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
    };
    try {
      store.createWalkForwardRun(
        record,
        windows.map((w) => ({
          runId: id,
          index: w.index,
          inSample: w.inSample,
          outOfSample: w.outOfSample,
          status: w.index === 0 ? 'running' : 'pending',
          studyId: w.index === 0 ? firstStudy : null,
          trialNumber: null,
          params: null,
          inSampleMetrics: null,
          outOfSampleMetrics: null,
        })),
      );
    } catch (err) {
      this.opts.studies.stop(firstStudy);
      throw err;
    }
    const run = new WalkForwardRun(this.opts, record, (window) => this.createStudy(request, { id, name, windows: windows.length }, window));
    this.runs.set(id, run);
    void run.done.finally(() => {
      if (this.runs.get(id) === run) this.runs.delete(id);
    });
    return this.get(id);
  }

  list(): WalkForwardSummary[] {
    const datasets = new Map(this.opts.store.listDatasets().map((d) => [d.id, d]));
    return this.opts.store.listWalkForwardRuns().map((r) => summariseWalkForward(r, this.opts.store.listWalkForwardWindows(r.id), datasets.get(r.datasetId)?.name ?? null, this.timeOf(r)));
  }

  get(id: string): WalkForwardSummary {
    const r = this.mustGet(id);
    return summariseWalkForward(r, this.opts.store.listWalkForwardWindows(id), this.opts.store.getDataset(r.datasetId)?.name ?? null, this.timeOf(r));
  }

  /** Stops the current window's study; the run ends 'stopped' once it has. A run not running is left as it is. */
  stop(id: string): WalkForwardSummary {
    this.mustGet(id);
    this.runs.get(id)?.requestStop();
    return this.get(id);
  }

  /** Resolves with the run's summary once it ends (at once when it is not running). */
  async wait(id: string): Promise<WalkForwardSummary> {
    await this.runs.get(id)?.done;
    return this.get(id);
  }

  /**
   * Ends every run as the back end closes: call before StudyService.close() and await after it, since a run
   * waiting on its study is released only when the study's run ends. The runs are left 'interrupted'.
   */
  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].map((run) => run.abandon()));
    this.runs.clear();
  }

  private async createStudy(request: WalkForwardCreateRequest, run: { id: string; name: string; windows: number }, window: WalkForwardWindow): Promise<string> {
    const summary = await this.opts.studies.create({
      datasetId: request.datasetId,
      strategy: request.strategy,
      name: `${run.name} · window ${window.index + 1}/${run.windows} (${run.id})`,
      space: request.space,
      objectives: [request.objective],
      sampler: request.sampler,
      budget: { trials: request.trialsPerWindow },
      ...(request.workers !== undefined ? { workers: request.workers } : {}),
      seed: (request.seed + window.index) % 2 ** 31,
      inSampleFraction: 0.7,
      range: { fromBar: window.inSample.from, toBar: window.inSample.to },
      config: request.config,
      trialTimeLimitSec: request.trialTimeLimitSec,
    });
    return summary.id;
  }

  /** The dataset's time column, for the windows' dates (empty when the dataset is gone). */
  private timeOf(r: WalkForwardRunRecord): Float64Array {
    const dataset = this.opts.store.getDataset(r.datasetId);
    return dataset && dataset.hash === r.datasetHash ? this.opts.store.loadBars(dataset.id, ['time']).time : new Float64Array(0);
  }

  private mustGet(id: string): WalkForwardRunRecord {
    const r = this.opts.store.getWalkForwardRun(id);
    if (!r) throw new HoldoutError('NOT_FOUND', `No walk-forward run with id ${id}.`, { field: 'id', value: id });
    return r;
  }
}

/** The request's windows (core walkForwardWindows), its RangeErrors turned into request errors naming the field. */
export function windowsFor(request: WalkForwardCreateRequest, bars: number): WalkForwardWindow[] {
  try {
    return walkForwardWindows({
      bars,
      inSample: request.inSampleBars,
      outOfSample: request.outOfSampleBars,
      step: request.stepBars ?? request.outOfSampleBars + request.embargoBars,
      mode: request.mode,
      purge: request.purgeBars,
      embargo: request.embargoBars,
    });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const fields: [RegExp, string][] = [
      [/\bpurge\b/, 'purgeBars'],
      [/\bstep\b/, 'stepBars'],
      [/\bembargo\b/, 'embargoBars'],
      [/\bbars \(/, 'inSampleBars'],
      [/\binSample\b/, 'inSampleBars'],
      [/\boutOfSample\b/, 'outOfSampleBars'],
    ];
    const field = fields.find(([re]) => re.test(err.message))?.[1] ?? 'inSampleBars';
    const message = err.message.replace(/^walkForwardWindows: /, '');
    throw new HoldoutError('INVALID_REQUEST', `Walk-forward windows on ${bars} bars: ${message}.`, { field });
  }
}

/** One walk-forward run, from creation until it completes, stops, fails or is abandoned. */
class WalkForwardRun {
  readonly done: Promise<void>;
  private end: 'stopped' | 'abandoned' | undefined;
  private currentStudy: string | null = null;
  private readonly evaluator: WindowEvaluator;
  private readonly request: WalkForwardCreateRequest;

  constructor(
    private readonly opts: WalkForwardServiceOptions,
    private readonly record: WalkForwardRunRecord,
    private readonly createStudy: (window: WalkForwardWindow) => Promise<string>,
  ) {
    this.request = record.request as WalkForwardCreateRequest;
    this.evaluator = new WindowEvaluator({
      store: opts.store,
      backtestWorkerFile: opts.backtestWorkerFile,
      appVersion: opts.appVersion,
      strategiesDir: opts.strategiesDir,
    });
    this.done = this.execute();
  }

  requestStop(): void {
    this.end ??= 'stopped';
    if (this.currentStudy !== null) this.opts.studies.stop(this.currentStudy);
  }

  async abandon(): Promise<void> {
    this.end = 'abandoned';
    await this.evaluator.close();
    await this.done.catch(() => undefined);
  }

  private async execute(): Promise<void> {
    const { store } = this.opts;
    const id = this.record.id;
    const windows = store.listWalkForwardWindows(id);
    const finished: FinishedWindow[] = [];
    let error: string | null = null;
    try {
      const { file } = await this.opts.backtests.strategyFor(this.record.strategyName);
      for (const w of windows) {
        if (this.end !== undefined) break;
        const studyId = w.studyId ?? (await this.createStudy({ index: w.index, inSample: w.inSample, outOfSample: w.outOfSample }));
        this.currentStudy = studyId;
        if (w.studyId === null) store.updateWalkForwardWindow(id, w.index, { studyId, status: 'running' });
        // A stop that came while the study was being created reaches it here.
        if (this.end === 'stopped') this.opts.studies.stop(studyId);
        this.progress(w.index, studyId, 'tuning', finished.length, windows.length);
        const study = await this.opts.studies.wait(studyId);
        this.currentStudy = null;
        if (this.end === 'abandoned') return;
        if (this.end === 'stopped') {
          store.updateWalkForwardWindow(id, w.index, { status: 'stopped' });
          break;
        }
        if (study.status !== 'completed') {
          throw new Error(`window ${w.index + 1}: its study ${studyId} ended ${study.status}${study.error ? ` (${study.error})` : ''}`);
        }
        this.progress(w.index, studyId, 'evaluating', finished.length, windows.length);
        const choice = await this.choose(studyId, study.best[0]);
        const params = { ...choice.params, ...this.opts.studies.get(studyId).spec.fixed };
        const common = {
          datasetId: this.record.datasetId,
          datasetHash: this.record.datasetHash,
          strategy: this.record.strategyName,
          ...(file !== undefined ? { strategyFile: file } : {}),
          params,
          config: this.request.config as BacktestConfig,
          timeLimitMs: this.request.trialTimeLimitSec * 1000,
        };
        const inSample = await this.evaluator.evaluate({ ...common, from: w.inSample.from, to: w.inSample.to });
        // The test starts warm: the window's in-sample bars (and any purge gap) are history only, never scored.
        const outOfSample = await this.evaluator.evaluate({ ...common, from: w.outOfSample.from, to: w.outOfSample.to, historyFrom: w.inSample.from });
        if (this.isAbandoned()) return;
        store.updateWalkForwardWindow(id, w.index, {
          status: 'completed',
          trialNumber: choice.trialNumber,
          params,
          inSampleMetrics: inSample.metrics,
          outOfSampleMetrics: outOfSample.metrics,
          outOfSampleReturns: outOfSample.returns,
        });
        finished.push({ outOfSample: w.outOfSample, params, inSampleMetrics: inSample.metrics, outOfSampleMetrics: outOfSample.metrics, outOfSampleReturns: outOfSample.returns });
      }
      if (this.end === undefined) {
        const dataset = store.getDataset(this.record.datasetId);
        if (!dataset) throw new Error(`dataset ${this.record.datasetId} no longer exists`);
        const config = this.request.config as BacktestConfig;
        const result = buildWalkForwardResult(finished, store.loadBars(dataset.id, ['time']).time, {
          initialCapital: config.initialCapital,
          periodsPerYear: config.periodsPerYear ?? dataset.frequency.periodsPerYear,
          riskFreeRateAnnual: config.riskFreeRateAnnual,
        });
        store.updateWalkForwardRun(id, { result });
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      if (this.currentStudy !== null) this.opts.studies.stop(this.currentStudy);
      const current = store.listWalkForwardWindows(id).find((w) => w.status === 'running');
      if (current && !this.isAbandoned()) store.updateWalkForwardWindow(id, current.index, { status: 'failed' });
    } finally {
      await this.evaluator.close();
    }
    if (this.isAbandoned()) {
      store.markInterruptedWalkForwardRuns();
      return;
    }
    const status = error !== null ? 'failed' : this.end === 'stopped' ? 'stopped' : 'completed';
    store.updateWalkForwardRun(id, { status, error, finishedAt: Date.now() });
    this.progress(null, null, 'done', finished.length, windows.length);
  }

  private isAbandoned(): boolean {
    return this.end === 'abandoned';
  }

  /** The window's parameters: the study's best trial, or the robust optimum of its parameters analysis. */
  private async choose(studyId: string, best: { number: number; params: ParamValues } | undefined): Promise<{ params: ParamValues; trialNumber: number | null }> {
    if (this.request.selection === 'robust') {
      if (!this.opts.robustChoice) throw new Error("selection 'robust' needs the parameters analysis, which this back end does not have");
      return this.opts.robustChoice(studyId);
    }
    if (!best) throw new Error(`study ${studyId} has no complete trial to choose parameters from (every trial failed)`);
    return { params: best.params, trialNumber: best.number };
  }

  private progress(currentWindow: number | null, studyId: string | null, phase: 'tuning' | 'evaluating' | 'done', completed: number, count: number): void {
    const record = this.opts.store.getWalkForwardRun(this.record.id);
    if (!record) return;
    this.opts.events.emit('walkForward.progress', {
      id: record.id,
      status: record.status,
      windowCount: count,
      completedWindows: completed,
      currentWindow,
      studyId,
      phase,
    });
  }
}
