// Runs the real `holdout` command (bin/holdout.js over the build) in a child process with its own data folder.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runHoldout(home: string, ...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/holdout.js'), ...args], {
    env: { ...process.env, HOLDOUT_HOME: home },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
