// What the "study" worker thread exposes through comlink: the ask/tell core and its sampler (fitting a GP is
// heavy, so it never runs on the main thread). The main thread asks for trials, tells results, and stores the
// returned trials and sampler state; this worker keeps no other state. Its I/O: loading a user strategy's file
// for the constraints it declares, and checkpointing the database's WAL for the main thread.
import Database from 'better-sqlite3';
import { createStudy, distributionFromSpec, findBuiltinStrategy, type FrozenTrial, type ParamSpec, type Study, type StudyState } from '../../core';
import { stopCompiler } from '../strategies/compileStrategy';
import { UserStrategyLoader, userCodeError } from '../strategies/userStrategyLoader';
import { studyConstraints, type FixedParams } from './studyConstraints';

/** A tunable parameter as stored with the study (a strategy ParamSpec without label or default). */
export type StoredParamSpec =
  | { type: 'int' | 'float'; name: string; low: number; high: number; step?: number; log?: boolean }
  | { type: 'categorical'; name: string; choices: (number | string | boolean)[] };

export interface StudyWorkerOpen {
  strategy: string;
  space: StoredParamSpec[];
  directions: ('maximize' | 'minimize')[];
  sampler: 'random' | 'sobol' | 'tpe' | 'gp';
  seed: number;
  /** The strategy's parameters the study does not tune, with their values. */
  fixed: FixedParams;
  /** A user strategy: its file (absolute) and the strategies folder it lies in. */
  user?: { file: string; strategiesDir: string };
  resume?: StudyState;
}

export interface AskReply {
  trials: { number: number; params: Record<string, number | string | boolean> }[];
  samplerState: string;
}

export interface TellReply {
  trial: FrozenTrial;
  samplerState: string;
}

let study: Study | undefined;
let loader: UserStrategyLoader | undefined;
let wal: { file: string; db: Database.Database } | undefined;

function current(): Study {
  if (!study) throw new Error('study worker used before open()');
  return study;
}

export const studyWorkerApi = {
  /**
   * Builds the study (or restores it from stored trials and sampler state) under every constraint the strategy
   * declares, built-in or user (whose file is loaded here, as a backtest worker loads it), restated over the tuned
   * parameters (see studyConstraints), so the sampler never proposes a point the strategy would reject.
   */
  async open(options: StudyWorkerOpen): Promise<void> {
    const specs = options.space as unknown as ParamSpec[];
    let constraints;
    if (options.user !== undefined) {
      if (loader?.folder !== options.user.strategiesDir) loader = new UserStrategyLoader(options.user.strategiesDir);
      const user = await loader.load(options.user.file);
      constraints = studyConstraints(user.strategy.constraints ?? [], user.strategy.params, options.fixed, (err) =>
        userCodeError(err, user.file, user.strategy.name),
      );
    } else {
      const builtin = findBuiltinStrategy(options.strategy);
      if (!builtin) throw new Error(`no built-in strategy named '${options.strategy}'`);
      constraints = studyConstraints(builtin.constraints ?? [], builtin.params, options.fixed);
    }
    study = createStudy({
      space: specs.map(distributionFromSpec),
      constraints,
      directions: options.directions,
      sampler: options.sampler,
      seed: options.seed,
      resume: options.resume,
    });
  },

  /**
   * `q` new trials. `told` are results the main thread already resolved and stored (random and Sobol studies, whose
   * proposals ignore results): they ride along with the next ask instead of costing a message of their own.
   */
  ask(q: number, told: { number: number; result: number[] | { state: 'failed'; reason: string } }[] = []): AskReply {
    const s = current();
    for (const { number, result } of told) s.tell(number, result);
    const trials = s.askBatch(q).map((t) => ({ number: t.number, params: { ...t.params } }));
    return { trials, samplerState: JSON.stringify(s.sampler.getState()) };
  },

  tell(number: number, result: number[] | { state: 'failed'; reason: string }): TellReply {
    const s = current();
    const trial = s.tell(number, result);
    return { trial: { ...trial, params: { ...trial.params }, values: trial.values ? [...trial.values] : null }, samplerState: JSON.stringify(s.sampler.getState()) };
  },

  /** Tells several results in order, in one message: a worker's chunk of trials. */
  tellMany(results: { number: number; result: number[] | { state: 'failed'; reason: string } }[]): { trials: FrozenTrial[]; samplerState: string } {
    const s = current();
    const trials = results.map(({ number, result }) => {
      const trial = s.tell(number, result);
      return { ...trial, params: { ...trial.params }, values: trial.values ? [...trial.values] : null };
    });
    return { trials, samplerState: JSON.stringify(s.sampler.getState()) };
  },

  /**
   * Folds the WAL of the database `file` back into it, here and not on the main thread, whose commits would
   * otherwise stall on the checkpoint's fsync (see Storage.deferWalCheckpoints). PASSIVE never waits for the main
   * thread's writes, which go on meanwhile.
   */
  checkpoint(file: string): void {
    if (wal?.file !== file) {
      wal?.db.close();
      wal = { file, db: new Database(file, { fileMustExist: true }) };
    }
    wal.db.pragma('wal_checkpoint(PASSIVE)');
  },

  async close(): Promise<void> {
    study = undefined;
    wal?.db.close();
    wal = undefined;
    if (loader !== undefined) {
      loader = undefined;
      await stopCompiler();
    }
  },
};

export type StudyWorkerApi = typeof studyWorkerApi;
