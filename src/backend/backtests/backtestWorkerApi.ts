// What a backtest worker thread exposes through comlink. One runner per worker keeps datasets and computed
// indicators in memory between runs, so re-running with a changed parameter costs only what changed. User
// strategies are compiled and imported here, never on the main thread, and cached while their files are unchanged.
import type { BacktestRequest } from '../../shared';
import { stopCompiler } from '../strategies/compileStrategy';
import { toSerializedError } from '../api/errorMapping';
import { UserStrategyLoader, type UserStrategyLoadOutcome } from '../strategies/userStrategyLoader';
import { BacktestRunner, type BacktestOutcome, type BarSource } from './backtestRunner';
import * as Comlink from 'comlink';
import { TrialRunner, type SharedBars, type TrialOutcome, type TrialRequest } from '../studies/trialRunner';
import { findStrategy } from './strategyCatalog';

let trials: TrialRunner | undefined;

let runner: BacktestRunner | undefined;
let loader: UserStrategyLoader | undefined;

function userLoader(): UserStrategyLoader {
  if (!loader) throw new Error('backtest worker: no user strategies folder was given to init()');
  return loader;
}

export const backtestWorkerApi = {
  /** `strategiesDir`: the user strategies folder (absolute); user strategy files must lie inside it. */
  init(appVersion: string, strategiesDir?: string): void {
    runner ??= new BacktestRunner(appVersion);
    if (strategiesDir !== undefined && loader?.folder !== strategiesDir) loader = new UserStrategyLoader(strategiesDir);
  },

  /** Compiles (or reuses) and checks one user strategy file: its StrategyInfo, or the problem with file and line. */
  describeUserStrategy(path: string): Promise<UserStrategyLoadOutcome> {
    return userLoader().describe(path);
  },

  /** A backtest of a built-in, or of the user strategy in `userStrategyFile` (absolute path) when given. */
  async run(source: BarSource, request: BacktestRequest, userStrategyFile?: string): Promise<BacktestOutcome> {
    if (!runner) throw new Error('backtest worker used before init()');
    if (userStrategyFile === undefined) return runner.run(source, request);
    let user;
    try {
      user = await userLoader().load(userStrategyFile);
    } catch (err) {
      return { ok: false, error: toSerializedError(err) };
    }
    return runner.run(source, request, user);
  },

  /** A study's in-sample bars, shared (SharedArrayBuffer) by the main thread with every worker of its pool. */
  setStudyBars(bars: SharedBars): void {
    (trials ??= new TrialRunner()).setBars(bars);
  },

  /** One tuning trial of a built-in, or of the user strategy in `userStrategyFile`; the returns are transferred. */
  async trial(strategyName: string, request: TrialRequest, userStrategyFile?: string): Promise<TrialOutcome> {
    if (!trials) return { ok: false, reason: 'the worker has no study bars', durationMs: 0 };
    let strategy;
    try {
      strategy = userStrategyFile === undefined ? findStrategy(strategyName) : (await userLoader().load(userStrategyFile)).strategy;
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err), durationMs: 0 };
    }
    const outcome = trials.run(strategy, request);
    return outcome.ok ? Comlink.transfer(outcome, [outcome.returns.buffer]) : outcome;
  },

  /** A chunk of tuning trials in one call (one message instead of one per trial); the returns are transferred. */
  async trials(strategyName: string, requests: TrialRequest[], userStrategyFile?: string): Promise<TrialOutcome[]> {
    if (!trials) return requests.map(() => ({ ok: false, reason: 'the worker has no study bars', durationMs: 0 }));
    let strategy;
    try {
      strategy = userStrategyFile === undefined ? findStrategy(strategyName) : (await userLoader().load(userStrategyFile)).strategy;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return requests.map(() => ({ ok: false, reason, durationMs: 0 }));
    }
    const runner = trials;
    const outcomes = requests.map((r) => runner.run(strategy, r));
    return Comlink.transfer(outcomes, outcomes.flatMap((o) => (o.ok ? [o.returns.buffer] : [])));
  },

  async close(): Promise<void> {
    trials = undefined;
    runner?.close();
    runner = undefined;
    loader = undefined;
    await stopCompiler();
  },
};

export type BacktestWorkerApi = typeof backtestWorkerApi;
