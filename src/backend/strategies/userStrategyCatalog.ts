// The user strategies on offer, main-thread side: lists the strategy files in the folder and has a worker compile
// and describe each one (one call per file, so a file whose top-level code never ends is identified, stopped and
// reported on its own). Keeps the name → file map of the last scan, so a backtest finds its file without a scan.
import { join } from 'node:path';
import { HoldoutError, type StrategyInfo, type StrategyProblem } from '../../shared';
import type { UserStrategyLoadOutcome } from './userStrategyLoader';
import { folderFingerprint, listStrategyFiles } from './strategyFolder';

export interface StrategyScan {
  strategies: StrategyInfo[];
  problems: StrategyProblem[];
}

/** Loads one file in a worker (absolute path, and the name relative to the folder); rejects on a time-out. */
export type DescribeUserStrategy = (path: string, file: string) => Promise<UserStrategyLoadOutcome>;

export class UserStrategyCatalog {
  private last: StrategyScan = { strategies: [], problems: [] };
  private scanning: Promise<StrategyScan> | undefined;
  /** Files whose loading was stopped, with the folder's fingerprint then: not retried until something changes. */
  private readonly stopped = new Map<string, { fingerprint: string; problem: StrategyProblem }>();

  constructor(
    readonly folder: string,
    private readonly describe: DescribeUserStrategy,
  ) {}

  /** Every file in the folder: the strategies that load, and the problems of those that do not. */
  scan(): Promise<StrategyScan> {
    this.scanning ??= this.doScan().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  /** Absolute path of the file defining user strategy `name`, as of the last scan. */
  fileOf(name: string): string | undefined {
    return this.last.strategies.find((s) => s.name === name)?.file;
  }

  private async doScan(): Promise<StrategyScan> {
    const files = await listStrategyFiles(this.folder);
    const fingerprint = this.stopped.size > 0 ? await folderFingerprint(this.folder) : '';
    const strategies: StrategyInfo[] = [];
    const problems: StrategyProblem[] = [];
    const owners = new Map<string, string>();
    for (const file of files) {
      const path = join(this.folder, file);
      const stopped = this.stopped.get(path);
      if (stopped && stopped.fingerprint === fingerprint) {
        problems.push(stopped.problem);
        continue;
      }
      this.stopped.delete(path);
      let outcome: UserStrategyLoadOutcome;
      try {
        outcome = await this.describe(path, file);
      } catch (err) {
        const problem: StrategyProblem = { file, message: err instanceof Error ? err.message : `${file}: ${String(err)}` };
        problems.push(problem);
        if (err instanceof HoldoutError && err.code === 'CANCELLED') this.stopped.set(path, { fingerprint: await folderFingerprint(this.folder), problem });
        continue;
      }
      if (!outcome.ok) {
        problems.push(outcome.problem);
        continue;
      }
      const name = outcome.info.name;
      const owner = owners.get(name);
      if (owner !== undefined) {
        problems.push({ file, message: `${file}: strategy '${name}' is already defined in ${owner}; strategy names must be unique.` });
        continue;
      }
      owners.set(name, file);
      strategies.push(outcome.info);
    }
    this.last = { strategies, problems };
    return this.last;
  }
}
