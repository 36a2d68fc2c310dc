// Tuning studies on the main thread, which only coordinates: the ask/tell core and its sampler live in a study
// worker, backtests run in a pool of backtest workers that share the study's in-sample bars (loaded once, as
// SharedArrayBuffer-backed columns), and this thread, the only SQLite writer, commits each trial as it finishes,
// with the sampler state, before counting it. An identical evaluation is served from the result cache.
//
// Durability: trials are written as 'running' when asked (with the sampler state after the ask) and finished in
// place. After a crash, studies left 'running' become 'interrupted'; their unfinished trials stay 'running' and
// are run again, with the same numbers and parameters, when studies.resume restores the study from the stored
// trials and sampler state (createStudy({ resume })), before any new trial is asked.
// Two processes running studies on one database at once is not supported: opening a back end marks every
// study still 'running' as interrupted.
import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  METRICS,
  SearchSpaceError,
  distributionFromSpec,
  findBuiltinStrategy,
  paretoFront,
  resolveTellResult,
  searchSpaceFromSpecs,
  type FrozenTrial,
  type ParamSpec,
  type StudyState,
} from '../../core';
import {
  HoldoutError,
  inSampleBarCount,
  type BacktestConfig,
  type ParamSpecInfo,
  type StudyCreateRequest,
  type StudyDetail,
  type StudySummary,
  type StudyTrial,
  type TrialCounts,
  tunedBarRange,
} from '../../shared';
import type { EventBus } from '../api/eventBus';
import type { BacktestService } from '../backtests/backtestService';
import type { BacktestWorkerApi } from '../backtests/backtestWorkerApi';
import { WorkerLane } from '../backtests/workerLane';
import type { Storage, StudyRecord, TrialRecord } from '../storage/storage';
import type { SharedBars, TrialOutcome } from './trialRunner';
import { studyConstraints } from './studyConstraints';
import type { StoredParamSpec, StudyWorkerApi, StudyWorkerOpen } from './studyWorkerApi';

export interface StudyServiceOptions {
  store: Storage;
  events: EventBus;
  backtests: BacktestService;
  backtestWorkerFile: string;
  studyWorkerFile: string;
  appVersion: string;
  strategiesDir?: string;
  /** Backtest workers of a study that does not say; default CPU cores - 1, at least 1. */
  defaultWorkers?: number;
}

/** What the studies table's space column holds. */
interface StoredSpace {
  params: StoredParamSpec[];
  fixed: Record<string, number | string | boolean>;
  /** Absolute path of a user strategy's file. */
  file?: string;
}

/** Stores a new study's record in place of createStudy; see src/backend/studyManagement/studyContinuation.ts. */
export type StudySeeder = (draft: StudyRecord) => void;

const PROGRESS_INTERVAL_MS = 250;
/** A worker's chunk of cheap trials should take about this long (see StudyRun.trialsPerCall). */
const CHUNK_TARGET_MS = 20;
const MAX_TRIALS_PER_CALL = 64;
/** WAL written (estimated) between checkpoints in the study worker: SQLite's default of 256 pages of 8 KiB. */
const WAL_CHECKPOINT_BYTES = 2 * 1024 * 1024;
/**
 * The main thread's catch-up checkpoint (see checkpointSoon) waits until less than this was written during the
 * worker's last one, so that its own copy and fsync stay short; at most CATCH_UP_ROUNDS worker checkpoints first.
 */
const CATCH_UP_BYTES = 256 * 1024;
const CATCH_UP_ROUNDS = 4;
/** What a trial's rows add to the WAL besides its returns (params, metrics, index pages), roughly. */
const WAL_BYTES_PER_TRIAL = 1024;
/** The least time the study worker is given to start (see StudyRun's sampler lane). */
const STUDY_WORKER_START_FLOOR_MS = 30_000;
/** A sampler call (a GP fit) taking longer than this fails the study. */
const SAMPLER_CALL_LIMIT_MS = 10 * 60_000;

export class StudyService {
  private readonly runs = new Map<string, StudyRun>();

  constructor(private readonly opts: StudyServiceOptions) {
    opts.store.markInterruptedStudies();
  }

  /** `seeder`, when given, stores the new study instead of createStudy (continue tuning seeds it with trials). */
  async create(request: StudyCreateRequest, seeder?: StudySeeder): Promise<StudySummary> {
    const { store } = this.opts;
    const dataset = store.getDataset(request.datasetId);
    if (!dataset) throw new HoldoutError('NOT_FOUND', `No dataset with id ${request.datasetId}. It may have been deleted.`, { field: 'datasetId' });
    const { info, file } = await this.opts.backtests.strategyFor(request.strategy);
    const { params, fixed } = buildSpace(info.params, request.space, info.name);
    if (file === undefined) checkBuiltinConstraints(info.name, params, fixed);
    const objectives = request.objectives.map((o, i) => {
      const metric = METRICS.find((m) => m.id === o.metric);
      if (!metric) {
        throw new HoldoutError('INVALID_REQUEST', `Unknown metric "${o.metric}". Metrics: ${METRICS.map((m) => m.id).join(', ')}.`, {
          field: `objectives.${i}.metric`,
          value: o.metric,
        });
      }
      return { metric: o.metric, direction: o.direction ?? metric.direction };
    });
    const { inSampleFrom, inSampleBars } = tunedRange(dataset.bars, request);
    if (inSampleBars < 2) {
      throw new HoldoutError('INVALID_REQUEST', `An in-sample fraction of ${request.inSampleFraction} leaves ${inSampleBars} bars of ${dataset.bars}.`, {
        field: 'inSampleFraction',
      });
    }
    const budgetTrials = request.budget.trials ?? (request.budget.timeLimitSec === undefined ? 100 : null);
    const workers = request.workers ?? this.opts.defaultWorkers ?? Math.max(1, availableParallelism() - 1);
    const id = `st_${randomBytes(8).toString('hex')}`;
    const now = Date.now();
    const space: StoredSpace = { params, fixed, ...(file !== undefined ? { file } : {}) };
    const record: StudyRecord = {
      id,
      name: request.name ?? `${info.name} on ${dataset.name}`,
      datasetId: dataset.id,
      datasetHash: dataset.hash,
      strategyName: info.name,
      strategyHash: info.codeHash,
      space,
      objectives,
      sampler: request.sampler,
      samplerSettings: {},
      seed: request.seed,
      inSampleFraction: request.range ? inSampleBars / dataset.bars : request.inSampleFraction,
      inSampleBars,
      inSampleFrom,
      config: request.config,
      budgetTrials,
      budgetTimeSec: request.budget.timeLimitSec ?? null,
      trialTimeLimitSec: request.trialTimeLimitSec,
      workers,
      status: 'running',
      error: null,
      samplerState: null,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
      wallTimeMs: 0,
    };
    if (seeder) seeder(record);
    else store.createStudy(record);
    this.start(id);
    return this.summary(id);
  }

  list(): StudySummary[] {
    return this.opts.store.listStudies().map((r) => this.summaryOf(r));
  }

  get(id: string): StudyDetail {
    const r = this.mustGet(id);
    const space = r.space as StoredSpace;
    return {
      summary: this.summaryOf(r),
      spec: {
        datasetHash: r.datasetHash,
        strategyHash: r.strategyHash,
        space: space.params as unknown as Record<string, unknown>[],
        fixed: space.fixed,
        seed: r.seed,
        inSampleFraction: r.inSampleFraction,
        inSampleBars: r.inSampleBars,
        inSampleFrom: r.inSampleFrom ?? 0,
        config: r.config as BacktestConfig,
        budget: { trials: r.budgetTrials, timeLimitSec: r.budgetTimeSec },
        workers: r.workers,
        trialTimeLimitSec: r.trialTimeLimitSec,
      },
    };
  }

  trials(id: string): StudyTrial[] {
    this.mustGet(id);
    return this.opts.store.listTrials(id);
  }

  pause(id: string): StudySummary {
    this.mustGet(id);
    this.runs.get(id)?.requestEnd('paused');
    return this.summary(id);
  }

  stop(id: string): StudySummary {
    const r = this.mustGet(id);
    const run = this.runs.get(id);
    if (run) run.requestEnd('stopped');
    else if (r.status === 'paused' || r.status === 'interrupted') this.opts.store.updateStudy(id, { status: 'stopped', finishedAt: Date.now() });
    return this.summary(id);
  }

  resume(id: string): StudySummary {
    const r = this.mustGet(id);
    if (this.runs.has(id)) return this.summary(id);
    if (r.status !== 'paused' && r.status !== 'interrupted') {
      throw new HoldoutError('INVALID_REQUEST', `Study ${id} is ${r.status}; only a paused or interrupted study can be resumed.`, { field: 'id', value: id });
    }
    this.opts.store.updateStudy(id, { status: 'running', error: null });
    this.start(id);
    return this.summary(id);
  }

  /** Resolves with the study's summary once its current run ends (at once when it is not running). */
  async wait(id: string): Promise<StudySummary> {
    await this.runs.get(id)?.done;
    return this.summary(id);
  }

  /** Ends every run: running trials are abandoned, and their studies are left 'interrupted' (resumable). */
  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].map((run) => run.abandon()));
    this.runs.clear();
  }

  summary(id: string): StudySummary {
    return this.summaryOf(this.mustGet(id));
  }

  private start(id: string): void {
    const run = new StudyRun(this.opts, this.mustGet(id), (r, trials) => this.summaryOf(r, trials));
    this.runs.set(id, run);
    void run.done.finally(() => {
      if (this.runs.get(id) === run) this.runs.delete(id);
    });
  }

  private mustGet(id: string): StudyRecord {
    const r = this.opts.store.getStudy(id);
    if (!r) throw new HoldoutError('NOT_FOUND', `No study with id ${id}.`, { field: 'id', value: id });
    return r;
  }

  private summaryOf(r: StudyRecord, trials: readonly TrialRecord[] = this.opts.store.listTrials(r.id)): StudySummary {
    return {
      id: r.id,
      name: r.name,
      datasetId: r.datasetId,
      strategy: r.strategyName,
      sampler: r.sampler as StudySummary['sampler'],
      objectives: r.objectives,
      status: r.status,
      error: r.error,
      counts: countTrials(trials),
      budgetTrials: r.budgetTrials,
      best: bestOf(trials, r.objectives.map((o) => o.direction), (r.space as StoredSpace).fixed),
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      wallTimeMs: r.wallTimeMs + (this.runs.get(r.id)?.elapsedMs() ?? 0),
      tags: r.tags ?? [],
      notes: r.notes ?? '',
      parentId: r.parentId ?? null,
    };
  }
}

/** One run of a study, from start (or resume) until it completes, pauses, stops or is abandoned. */
class StudyRun {
  readonly done: Promise<void>;
  private end: 'paused' | 'stopped' | 'abandoned' | undefined;
  private readonly startedAt = performance.now();
  private readonly lanes: WorkerLane<BacktestWorkerApi>[] = [];
  private readonly sampler: WorkerLane<StudyWorkerApi>;
  private readonly space: StoredSpace;
  private readonly directions: ('maximize' | 'minimize')[];
  private readonly trials: TrialRecord[];
  private readonly busy = new Map<number, { trial: number; params: Record<string, number | string | boolean> }>();
  private readonly pendingEvents: StudyTrial[] = [];
  private readonly cacheKey: (params: Record<string, unknown>) => string;
  /** Set while this run checkpoints the WAL in the study worker rather than on commit (see checkpointSoon). */
  private wal: { file: string; catchUp(): void; restore(): void } | undefined;
  private walBytes = 0;
  private checkpointing = false;
  /** Why the study cannot go on (a store or sampler failure), once known. */
  private failure: string | undefined;
  private callSeq = 0;
  private savedSeq = 0;
  /** The sampler state as last stored (this run is the only writer, so no read back is needed). */
  private savedState: string | null;
  /**
   * Results of a random or Sobol study, resolved and stored here but not yet told to the study worker: they go with
   * the next ask (see runChunk). Always a subset of the stored finished trials, so a respawned worker, which
   * restores from the store, starts with none.
   */
  private readonly untold: { number: number; result: number[] | { state: 'failed'; reason: string } }[] = [];
  private finishedThisRun = 0;
  /** Mean duration of recent evaluated (not cached) trials, once known. */
  private meanTrialMs: number | undefined;
  private lastEmit = 0;
  private emitTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly opts: StudyServiceOptions,
    private readonly record: StudyRecord,
    /** Summarises from the run's own trials in memory: reading them back from the store on every progress event would stall the main thread as the study grows. */
    private readonly summarise: (r: StudyRecord, trials: readonly TrialRecord[]) => StudySummary,
  ) {
    this.space = record.space as StoredSpace;
    this.directions = record.objectives.map((o) => o.direction);
    this.trials = opts.store.listTrials(record.id);
    this.savedState = record.samplerState;
    this.cacheKey = cacheKeyer(record);
    this.sampler = new WorkerLane<StudyWorkerApi>({
      file: opts.studyWorkerFile,
      label: 'study',
      // Loading a user strategy's file for its constraints runs its top-level code, which may never end. Starting
      // a thread and compiling the file take a while on a busy machine, so the limit is never below a floor.
      initLimitMs: this.startLimitMs(),
      onInitTimeout: () =>
        new HoldoutError('CANCELLED', `Starting the study's sampler, which loads the strategy for its constraints, took longer than ${this.startLimitMs() / 1000} s; it was stopped.`),
      // A respawned worker restores the study from what is stored, like a resume.
      init: (api) => {
        const resume = this.resumeState();
        this.untold.length = 0;
        return api.open({ ...this.openOptions(), resume }) as Promise<void>;
      },
      shutdown: (api) => api.close() as Promise<void>,
    });
    this.done = this.execute();
  }

  requestEnd(end: 'paused' | 'stopped'): void {
    this.end ??= end;
  }

  private abandoned(): boolean {
    return this.end === 'abandoned';
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  async abandon(): Promise<void> {
    this.end = 'abandoned';
    await Promise.all([...this.lanes.map((l) => l.close()), this.sampler.close()]);
    await this.done.catch(() => undefined);
  }

  private startLimitMs(): number {
    return Math.max(this.record.trialTimeLimitSec * 1000, STUDY_WORKER_START_FLOOR_MS);
  }

  private openOptions(): StudyWorkerOpen {
    const { file } = this.space;
    const { strategiesDir } = this.opts;
    if (file !== undefined && strategiesDir === undefined) throw new Error(`user strategy ${file}: the back end was given no strategies folder`);
    return {
      strategy: this.record.strategyName,
      space: this.space.params,
      directions: this.directions,
      sampler: this.record.sampler as 'random' | 'sobol' | 'tpe' | 'gp',
      seed: this.record.seed,
      fixed: this.space.fixed,
      ...(file !== undefined ? { user: { file, strategiesDir: strategiesDir! } } : {}),
    };
  }

  private resumeState(): StudyState | undefined {
    const stored = this.opts.store.listTrials(this.record.id);
    if (stored.length === 0) return undefined;
    const sampler = this.opts.store.getStudy(this.record.id)?.samplerState ?? null;
    return {
      trials: stored.map((t) => ({ number: t.number, state: t.state, params: t.params, values: t.values, failReason: t.failReason })),
      sampler: sampler === null ? null : JSON.parse(sampler),
    };
  }

  private async execute(): Promise<void> {
    const { store } = this.opts;
    const id = this.record.id;
    let error: string | null = null;
    const inFlight = new Set<Promise<void>>();
    try {
      this.wal = store.deferWalCheckpoints?.();
      const bars = this.sharedBars();
      const limitMs = this.record.trialTimeLimitSec * 1000;
      const workers = Math.max(1, Math.min(this.record.workers, this.record.budgetTrials ?? Infinity));
      for (let i = 0; i < workers; i++) {
        this.lanes.push(
          new WorkerLane<BacktestWorkerApi>({
            file: this.opts.backtestWorkerFile,
            label: 'backtest',
            init: async (api) => {
              await api.init(this.opts.appVersion, this.opts.strategiesDir);
              await api.setStudyBars(bars);
            },
            shutdown: (api) => api.close() as Promise<void>,
          }),
        );
      }
      // With results-independent samplers each worker gets two more chunks queued behind the one it is running, so
      // it never waits for the main thread to store and ask between chunks, even when a commit stalls the thread.
      const slotsPerLane = this.resultsIndependent() ? 3 : 1;
      const idle = this.lanes.flatMap((_, i) => Array<number>(slotsPerLane).fill(i)).reverse();
      let wake: () => void = () => undefined;
      let woken = new Promise<void>((resolve) => (wake = resolve));
      const deadline = this.record.budgetTimeSec === null ? Infinity : this.startedAt + this.record.budgetTimeSec * 1000 - this.record.wallTimeMs;
      let asked = this.trials.length;
      const budget = this.record.budgetTrials ?? Infinity;
      // Trials a crash (or a close) left unfinished run again first, with their numbers and parameters.
      const rerun = this.trials.filter((t) => t.state === 'running').map((t) => ({ number: t.number, params: t.params }));
      for (;;) {
        const chunkSize = this.trialsPerCall();
        while (this.end === undefined && this.failure === undefined && idle.length > 0 && (rerun.length > 0 || (asked < budget && performance.now() < deadline))) {
          let reply: { trials: { number: number; params: Record<string, number | string | boolean> }[] };
          if (rerun.length > 0) {
            reply = { trials: rerun.splice(0, idle.length * chunkSize) };
          } else {
            const q = Math.min(idle.length * chunkSize, budget - asked);
            const seq = ++this.callSeq;
            const fresh = await this.sampler.call(SAMPLER_CALL_LIMIT_MS, samplerTooLong, (api) => api.ask(q, this.untold.splice(0)));
            if (this.abandoned()) break;
            const startedAt = Date.now();
            store.addRunningTrials(id, fresh.trials.map((t) => ({ ...t, startedAt })), this.samplerState(seq, fresh.samplerState));
            asked += fresh.trials.length;
            for (const t of fresh.trials) {
              this.trials[t.number] = { ...t, state: 'running', values: null, metrics: null, failReason: null, durationMs: null, worker: null, cached: false, startedAt, finishedAt: null };
            }
            reply = fresh;
          }
          // Each idle worker gets a chunk of consecutive trials: one message and one commit per chunk, not per trial.
          for (let start = 0; start < reply.trials.length && idle.length > 0; start += chunkSize) {
            const chunk = reply.trials.slice(start, start + chunkSize);
            const lane = idle.pop()!;
            this.busy.set(lane, { trial: chunk[0].number, params: chunk[0].params });
            let released = false;
            // The worker is free once its results are back; telling and storing them can overlap its next chunk.
            const release = () => {
              if (released) return;
              released = true;
              this.busy.delete(lane);
              idle.push(lane);
              wake();
            };
            const p: Promise<void> = this.runChunk(lane, chunk, bars.key, limitMs, release)
              .catch((err: unknown) => {
                // Storing or telling failed (not the trials themselves): the study cannot go on.
                this.failure ??= err instanceof Error ? err.message : String(err);
              })
              .finally(() => {
                release();
                inFlight.delete(p);
              });
            inFlight.add(p);
          }
          this.emit(false);
        }
        if (inFlight.size === 0) break;
        await Promise.race([...inFlight, woken]);
        woken = new Promise<void>((resolve) => (wake = resolve));
        if (this.abandoned()) break;
      }
      if (this.failure !== undefined) throw new Error(this.failure);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      this.failure ??= error;
      await Promise.allSettled([...inFlight]);
    } finally {
      await Promise.all([...this.lanes.map((l) => l.close()), this.sampler.close()]);
      this.wal?.restore();
      this.wal = undefined;
    }
    if (this.abandoned()) {
      store.markInterruptedStudies();
      return;
    }
    const end = this.end as 'paused' | 'stopped' | undefined;
    const status = error !== null ? 'failed' : (end ?? 'completed');
    const finished = status === 'paused' ? null : Date.now();
    const prior = store.getStudy(id)!;
    store.updateStudy(id, { status, error, finishedAt: finished, wallTimeMs: prior.wallTimeMs + this.elapsedMs() });
    this.emit(true);
  }

  /**
   * Runs a chunk of trials on one worker in one call, tells the sampler every result in one call and stores them
   * in one transaction; only then are they counted. A chunk that exceeds its time limit (the trial limit times
   * the trials it runs) is re-run one trial at a time, so the time limit still fails exactly the slow trial.
   */
  private async runChunk(
    lane: number,
    chunk: { number: number; params: Record<string, number | string | boolean> }[],
    barsKey: string,
    limitMs: number,
    releaseLane: () => void,
  ): Promise<void> {
    const { store } = this.opts;
    const fulls = chunk.map((t) => ({ ...t.params, ...this.space.fixed }));
    const keys = fulls.map(this.cacheKey);
    const outcomes: TrialOutcome[] = new Array(chunk.length);
    const cached: boolean[] = chunk.map(() => false);
    const toRun: number[] = [];
    keys.forEach((key, i) => {
      const hit = store.getCachedEvaluation(key);
      if (hit) {
        cached[i] = true;
        outcomes[i] = { ok: true, metrics: hit.metrics, returns: hit.returns ?? new Float32Array(0), durationMs: 0 };
      } else {
        toRun.push(i);
      }
    });
    if (toRun.length > 0) {
      const requests = toRun.map((i) => ({ barsKey, params: fulls[i], config: this.record.config as BacktestConfig }));
      try {
        const results = await this.lanes[lane].call(
          limitMs * toRun.length,
          () => new HoldoutError('CANCELLED', `The trial took longer than ${this.record.trialTimeLimitSec} s and was stopped; the worker was restarted.`),
          (api) => api.trials(this.record.strategyName, requests, this.space.file) as Promise<TrialOutcome[]>,
        );
        toRun.forEach((i, k) => (outcomes[i] = results[k]));
      } catch (err) {
        if (toRun.length === 1 || this.abandoned()) {
          for (const i of toRun) outcomes[i] = { ok: false, reason: err instanceof Error ? err.message : String(err), durationMs: limitMs };
        } else {
          for (const i of toRun) {
            if (this.abandoned()) return;
            this.busy.set(lane, { trial: chunk[i].number, params: chunk[i].params });
            outcomes[i] = await this.runOne(lane, requests[toRun.indexOf(i)], limitMs);
          }
        }
      }
    }
    if (this.abandoned()) return;
    const results = outcomes.map((o) => (o.ok ? this.record.objectives.map((obj) => o.metrics[obj.metric] ?? NaN) : { state: 'failed' as const, reason: o.reason }));
    const told = chunk.map((t, i) => ({ number: t.number, result: results[i] }));
    let frozen: Pick<FrozenTrial, 'state' | 'values' | 'failReason'>[];
    let samplerState: string | null;
    if (this.resultsIndependent()) {
      // Random and Sobol proposals ignore results, and telling them changes no sampler state: the worker may start
      // its next chunk at once, and the results are resolved here, exactly as the study would (resolveTellResult),
      // stored, and told to the study worker with the next ask rather than in a round trip of their own.
      releaseLane();
      frozen = told.map(({ number, result }) => resolveTellResult(number, result, this.directions));
      samplerState = this.savedState;
    } else {
      const seq = ++this.callSeq;
      const reply = await this.sampler.call(SAMPLER_CALL_LIMIT_MS, samplerTooLong, (api) => api.tellMany(told));
      if (this.abandoned()) return;
      frozen = reply.trials;
      samplerState = this.samplerState(seq, reply.samplerState);
    }
    const finishedAt = Date.now();
    const finished = chunk.map((t, i) => {
      const trial = frozen[i];
      const outcome = outcomes[i];
      return {
        trial: {
          number: t.number,
          state: trial.state === 'running' ? ('failed' as const) : trial.state,
          values: trial.values === null ? null : [...trial.values],
          metrics: outcome.ok ? outcome.metrics : null,
          failReason: trial.failReason,
          durationMs: cached[i] ? 0 : outcome.durationMs,
          worker: cached[i] ? null : lane,
          cached: cached[i],
          finishedAt,
          returns: outcome.ok && outcome.returns.length > 0 ? outcome.returns : undefined,
        },
        cache: outcome.ok && !cached[i] ? { key: keys[i], value: { metrics: outcome.metrics, returns: outcome.returns } } : undefined,
      };
    });
    store.finishTrials(this.record.id, finished, samplerState);
    for (const { trial } of finished) this.walBytes += WAL_BYTES_PER_TRIAL + (trial.returns?.byteLength ?? 0);
    this.checkpointSoon();
    if (this.resultsIndependent()) this.untold.push(...told);
    for (const { trial } of finished) {
      if (trial.cached || trial.durationMs === null) continue;
      // A running mean of backtest time, which sizes the next chunks.
      this.meanTrialMs = this.meanTrialMs === undefined ? trial.durationMs : 0.8 * this.meanTrialMs + 0.2 * trial.durationMs;
    }
    for (const { trial } of finished) {
      const { returns: _returns, ...rest } = trial;
      const record: StudyTrial = { ...this.trials[trial.number], ...rest };
      this.trials[trial.number] = record;
      this.finishedThisRun++;
      this.pendingEvents.push(record);
    }
    this.emit(false);
  }

  /**
   * Folds the WAL back once about WAL_CHECKPOINT_BYTES were written since the last time, in the study worker: on
   * this thread the checkpoint's fsync stalled the event loop for tens of milliseconds every hundred-odd trials.
   */
  private checkpointSoon(): void {
    const wal = this.wal;
    if (wal === undefined || this.checkpointing || this.walBytes < WAL_CHECKPOINT_BYTES) return;
    this.checkpointing = true;
    const rounds = async () => {
      for (let round = 1; ; round++) {
        this.walBytes = 0;
        await this.sampler.call(SAMPLER_CALL_LIMIT_MS, samplerTooLong, (api) => api.checkpoint(wal.file) as Promise<void>);
        if (this.wal !== wal) return;
        // The trials committed meanwhile are not folded back yet; only once none are can the WAL start over.
        if (this.walBytes < CATCH_UP_BYTES || round === CATCH_UP_ROUNDS) break;
      }
      wal.catchUp();
    };
    rounds()
      .catch((err: unknown) => {
        // Not fatal: the WAL grows until a later checkpoint, or the main connection's once the run ends, folds it.
        // A checkpoint cut short because the study worker is shutting down (the run just ended) is no failure.
        const cancelled = err instanceof HoldoutError && err.code === 'CANCELLED';
        if (this.end === undefined && !cancelled) console.warn(`[holdout] study ${this.record.id}: a WAL checkpoint failed:`, err);
      })
      .finally(() => (this.checkpointing = false));
  }

  /**
   * Trials a worker runs per call. When trials are cheap, chunks keep messaging and commits (about half a
   * millisecond a trial on the main thread) from dominating backtests that take little more; a chunk is sized to
   * take about CHUNK_TARGET_MS, so pause and stop still act within that. Only samplers whose proposals do not
   * depend on results (random, Sobol) get chunks, because the chunk size follows timing: for TPE and GP it would
   * change which results each proposal sees, and one worker must give the same trials for the same seed.
   */
  private trialsPerCall(): number {
    if (!this.resultsIndependent() || this.meanTrialMs === undefined) return 1;
    return Math.max(1, Math.min(MAX_TRIALS_PER_CALL, Math.floor(CHUNK_TARGET_MS / Math.max(this.meanTrialMs, 0.01))));
  }

  /** Random and Sobol proposals ignore results, so they may be asked before earlier results are told. */
  private resultsIndependent(): boolean {
    return this.record.sampler === 'random' || this.record.sampler === 'sobol';
  }

  /** One trial alone under its own time limit (the fallback when a chunk ran too long). */
  private async runOne(lane: number, request: { barsKey: string; params: Record<string, unknown>; config: BacktestConfig }, limitMs: number): Promise<TrialOutcome> {
    const t0 = performance.now();
    try {
      return await this.lanes[lane].call(
        limitMs,
        () => new HoldoutError('CANCELLED', `The trial took longer than ${this.record.trialTimeLimitSec} s and was stopped; the worker was restarted.`),
        (api) => api.trial(this.record.strategyName, request, this.space.file) as Promise<TrialOutcome>,
      );
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err), durationMs: performance.now() - t0 };
    }
  }

  /** The sampler state to save, unless a later call's state was saved already (then the stored one is kept). */
  private samplerState(seq: number, state: string): string | null {
    if (seq < this.savedSeq) return this.savedState;
    this.savedSeq = seq;
    this.savedState = state;
    return state;
  }

  private sharedBars(): SharedBars {
    const { store } = this.opts;
    const dataset = store.getDataset(this.record.datasetId);
    if (!dataset) throw new Error(`dataset ${this.record.datasetId} no longer exists`);
    if (dataset.hash !== this.record.datasetHash) throw new Error(`dataset ${this.record.datasetId} changed since the study was created`);
    const series = store.loadBars(dataset.id) as unknown as Record<string, Float64Array | number>;
    const n = this.record.inSampleBars;
    const from = tunedBarRange(this.record).fromBar;
    const columns: Record<string, Float64Array> = {};
    for (const [name, values] of Object.entries(series)) {
      if (!(values instanceof Float64Array)) continue;
      const shared = new Float64Array(new SharedArrayBuffer(n * 8));
      shared.set(values.subarray(from, from + n));
      columns[name] = shared;
    }
    return { key: `${dataset.hash}:${from}:${from + n}`, length: n, periodsPerYear: dataset.frequency.periodsPerYear, columns };
  }

  private emit(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastEmit < PROGRESS_INTERVAL_MS) {
      this.emitTimer ??= setTimeout(() => {
        this.emitTimer = undefined;
        this.emit(true);
      }, PROGRESS_INTERVAL_MS - (now - this.lastEmit));
      return;
    }
    if (this.emitTimer) clearTimeout(this.emitTimer);
    this.emitTimer = undefined;
    this.lastEmit = now;
    const { events, store } = this.opts;
    const record = store.getStudy(this.record.id);
    if (!record) return;
    const summary = this.summarise(record, this.trials);
    if (this.pendingEvents.length > 0) {
      events.emit('study.trials', { id: record.id, trials: this.pendingEvents.splice(0) });
    }
    const elapsedSec = this.elapsedMs() / 1000;
    const rate = elapsedSec > 0 ? this.finishedThisRun / elapsedSec : 0;
    const finished = summary.counts.complete + summary.counts.failed + summary.counts.pruned;
    let eta: number | null = null;
    if (record.budgetTrials !== null && rate > 0) eta = Math.max(0, (record.budgetTrials - finished) / rate);
    if (record.budgetTimeSec !== null) {
      const left = Math.max(0, record.budgetTimeSec - (record.wallTimeMs / 1000 + elapsedSec));
      eta = eta === null ? left : Math.min(eta, left);
    }
    if (record.status !== 'running') eta = 0;
    events.emit('study.progress', {
      id: record.id,
      status: record.status,
      counts: summary.counts,
      best: summary.best,
      trialsPerSec: rate,
      etaSec: eta,
      busy: [...this.busy.entries()].map(([worker, b]) => ({ worker, trial: b.trial, params: b.params })),
    });
  }
}

function samplerTooLong(): HoldoutError {
  return new HoldoutError('INTERNAL', `The study's sampler took longer than ${SAMPLER_CALL_LIMIT_MS / 60_000} minutes for one step.`);
}

/** The strategy's declared parameters with the request's overrides: tuned ranges, and fixed values. */
function buildSpace(
  declared: ParamSpecInfo[],
  overrides: StudyCreateRequest['space'],
  strategy: string,
): { params: StoredParamSpec[]; fixed: Record<string, number | string | boolean> } {
  for (const name of Object.keys(overrides)) {
    if (!declared.some((p) => p.name === name)) {
      throw new HoldoutError('INVALID_REQUEST', `${strategy} has no parameter "${name}". Parameters: ${declared.map((p) => p.name).join(', ')}.`, {
        field: `space.${name}`,
      });
    }
  }
  const params: StoredParamSpec[] = [];
  const fixed: Record<string, number | string | boolean> = {};
  for (const spec of declared) {
    const o = overrides[spec.name];
    if (o !== undefined && 'fixed' in o) {
      fixed[spec.name] = o.fixed;
      continue;
    }
    if (o === undefined) {
      params.push(
        spec.type === 'categorical'
          ? { type: 'categorical', name: spec.name, choices: spec.choices }
          : { type: spec.type, name: spec.name, low: spec.low, high: spec.high, ...(spec.step !== undefined ? { step: spec.step } : {}), ...(spec.log ? { log: true } : {}) },
      );
      continue;
    }
    if (spec.type === 'categorical') {
      throw new HoldoutError('INVALID_REQUEST', `${strategy}: ${spec.name} is categorical; give it a fixed value, not a range.`, { field: `space.${spec.name}` });
    }
    const type = o.type ?? spec.type;
    if (type === 'int' && (!Number.isInteger(o.low) || !Number.isInteger(o.high))) {
      throw new HoldoutError('INVALID_REQUEST', `${strategy}: ${spec.name} is an integer; its range needs integer bounds.`, { field: `space.${spec.name}` });
    }
    params.push({ type, name: spec.name, low: o.low, high: o.high, ...(o.step !== undefined ? { step: o.step } : {}), ...(o.log ? { log: true } : {}) });
  }
  if (params.length === 0) throw new HoldoutError('INVALID_REQUEST', 'Every parameter is fixed: there is nothing to tune.', { field: 'space' });
  for (const p of params) {
    try {
      distributionFromSpec(p as unknown as ParamSpec);
    } catch (err) {
      if (err instanceof SearchSpaceError) throw new HoldoutError('INVALID_REQUEST', err.message, { field: `space.${p.name}` });
      throw err;
    }
  }
  try {
    searchSpaceFromSpecs(params as unknown as ParamSpec[]);
  } catch (err) {
    if (err instanceof SearchSpaceError) throw new HoldoutError('INVALID_REQUEST', err.message, { field: 'space' });
    throw err;
  }
  return { params, fixed };
}

/** The bars the tuner sees: the request's range (checked against the dataset), else the first inSampleFraction. */
function tunedRange(datasetBars: number, request: StudyCreateRequest): { inSampleFrom: number; inSampleBars: number } {
  const range = request.range;
  if (!range) return { inSampleFrom: 0, inSampleBars: inSampleBarCount(datasetBars, request.inSampleFraction) };
  if (range.toBar > datasetBars) {
    throw new HoldoutError('INVALID_REQUEST', `range.toBar is ${range.toBar}, but the dataset has only ${datasetBars} bars (toBar is exclusive).`, {
      field: 'range.toBar',
      value: String(range.toBar),
    });
  }
  if (range.toBar - range.fromBar < 2) {
    throw new HoldoutError('INVALID_REQUEST', `range ${range.fromBar}..${range.toBar} holds fewer than 2 bars; a study needs at least 2.`, { field: 'range' });
  }
  return { inSampleFrom: range.fromBar, inSampleBars: range.toBar - range.fromBar };
}

/**
 * A built-in strategy's constraints must leave room in the study's space; checked here so a request that fixes
 * parameters against them is refused at once. (A user strategy's are checked when the study worker loads its
 * file: a study that cannot hold them fails with the reason.)
 */
function checkBuiltinConstraints(strategy: string, params: StoredParamSpec[], fixed: Record<string, number | string | boolean>): void {
  const builtin = findBuiltinStrategy(strategy);
  if (!builtin) return;
  try {
    searchSpaceFromSpecs(params as unknown as ParamSpec[], studyConstraints(builtin.constraints ?? [], builtin.params, fixed));
  } catch (err) {
    if (err instanceof Error) throw new HoldoutError('INVALID_REQUEST', `${strategy}: ${err.message}`, { field: 'space' });
    throw err;
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * SHA-256 of (strategy code hash, canonical params, dataset hash, in-sample range, backtest config), as the JSON
 * text of that array. The parts fixed for a study are serialised once, not per trial; the text is the same.
 */
function cacheKeyer(r: StudyRecord): (params: Record<string, unknown>) => string {
  const { fromBar, toBar } = tunedBarRange(r);
  const head = `[${JSON.stringify(r.strategyHash)},`;
  const tail = `,${JSON.stringify([r.datasetHash, [fromBar, toBar], canonical(r.config)]).slice(1)}`;
  return (params) => createHash('sha256').update(head + JSON.stringify(canonical(params)) + tail).digest('hex');
}

function countTrials(trials: readonly { state: string; cached: boolean }[]): TrialCounts {
  const counts: TrialCounts = { running: 0, complete: 0, failed: 0, pruned: 0, cached: 0 };
  for (const t of trials) {
    counts[t.state as 'running' | 'complete' | 'failed' | 'pruned']++;
    if (t.cached) counts.cached++;
  }
  return counts;
}

/** The best trial (one objective) or the Pareto set, with the fixed parameters filled in. */
function bestOf(trials: readonly TrialRecord[], directions: ('maximize' | 'minimize')[], fixed: Record<string, number | string | boolean>): StudySummary['best'] {
  const complete = trials.filter((t) => t.state === 'complete' && t.values !== null);
  if (complete.length === 0) return [];
  let front = paretoFront(
    complete.map((t) => t.values!),
    directions,
  ).map((i) => complete[i]);
  if (directions.length === 1) front = front.slice(0, 1);
  return front.map((t) => ({ number: t.number, params: { ...t.params, ...fixed }, values: t.values! }));
}
