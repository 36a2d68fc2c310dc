// What a backtest worker thread exposes through comlink. One runner per worker keeps datasets and computed
// indicators in memory between runs, so re-running with a changed parameter costs only what changed. User
// strategies are compiled and imported here, never on the main thread, and cached while their files are unchanged.
import type { BacktestRequest } from '../../shared';
import { stopCompiler } from '../strategies/compileStrategy';
import { toSerializedError } from '../api/errorMapping';
import { UserStrategyLoader, type UserStrategyLoadOutcome } from '../strategies/userStrategyLoader';
import { BacktestRunner, type BacktestOutcome, type BarSource } from './backtestRunner';

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

  async close(): Promise<void> {
    runner?.close();
    runner = undefined;
    loader = undefined;
    await stopCompiler();
  },
};

export type BacktestWorkerApi = typeof backtestWorkerApi;
