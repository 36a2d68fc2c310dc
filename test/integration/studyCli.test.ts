// Tuning from the real CLI in child processes: `holdout tune --json`, `study list|show`, and durability: a tune
// killed with SIGKILL mid-study loses no finished trial, and `study resume` completes it to the budget.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reference, repoRoot } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';
import { assertBuilt } from '../helpers/paths';

assertBuilt();
const tempDir = useTempDir('holdout-tune-');
const cli = join(repoRoot, 'bin/holdout.js');

function holdout(home: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, HOLDOUT_HOME: home }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function finishedTrials(home: string, states = `state != 'running'`): { number: number; state: string; params: string; values: string | null }[] {
  let db: Database.Database;
  try {
    db = new Database(join(home, 'holdout.sqlite'), { readonly: true, fileMustExist: true });
  } catch {
    return [];
  }
  try {
    return db.prepare(`SELECT number, state, params, "values" FROM trials WHERE ${states} ORDER BY number`).all() as never;
  } catch {
    return [];
  } finally {
    db.close();
  }
}

describe('holdout tune and holdout study', () => {
  it('tune --json prints the study id, best trial, counts and wall time; study list and show find it', () => {
    const home = tempDir();
    const r = holdout(home, 'tune', '--data', reference('ttrc.csv'), '--strategy', 'sma-crossover', '--range', 'fast=2:30:int', '--range', 'slow=20:200:log', '--fix', 'mode=long-flat', '--objective', 'sharpe,max_drawdown', '--sampler', 'sobol', '--trials', '16', '--workers', '2', '--seed', '1', '--json');
    expect(r.stderr).not.toMatch(/holdout:/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.studyId).toMatch(/^st_[0-9a-f]{16}$/);
    expect(out.status).toBe('completed');
    expect(out.counts.complete + out.counts.failed).toBe(16);
    expect(out.best.length).toBeGreaterThan(0);
    expect(out.best[0].params.mode).toBe('long-flat');
    expect(out.best[0].values).toHaveLength(2);
    expect(out.wallTimeSec).toBeGreaterThan(0);
    const list = JSON.parse(holdout(home, 'study', 'list', '--json').stdout);
    expect(list.map((s: { id: string }) => s.id)).toEqual([out.studyId]);
    const shown = holdout(home, 'study', 'show', out.studyId);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(out.studyId);
    expect(shown.stdout).toMatch(/fast int 2\.\.30/);
    const detail = JSON.parse(holdout(home, 'study', 'show', out.studyId, '--json').stdout);
    expect(detail.spec.fixed).toEqual({ mode: 'long-flat' });
    expect(holdout(home, 'study', 'show', 'st_0000000000000000').code).toBe(1);
    expect(holdout(home, 'tune', '--data', reference('ttrc.csv'), '--strategy', 'sma-crossover', '--range', 'nope=1:2').code).toBe(1);
  });

  it('loses no finished trial when killed mid-study; resume re-runs the unfinished ones and completes the budget', async () => {
    const home = tempDir();
    const budget = 400;
    const child = spawn(process.execPath, [cli, 'tune', '--data', reference('ttrc.csv'), '--strategy', 'sma-crossover', '--sampler', 'random', '--trials', String(budget), '--workers', '1', '--json'], {
      env: { ...process.env, HOLDOUT_HOME: home },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const startedAt = Date.now();
    while (finishedTrials(home).length < 30) {
      if (Date.now() - startedAt > 60_000) throw new Error('the study did not get going');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const before = finishedTrials(home);
    const unfinished = finishedTrials(home, `state = 'running'`);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(before.length).toBeLessThan(budget);

    const [study] = JSON.parse(holdout(home, 'study', 'list', '--json').stdout);
    expect(study.status).toBe('interrupted');
    const resumed = holdout(home, 'study', 'resume', study.id, '--json');
    expect(resumed.code).toBe(0);
    const out = JSON.parse(resumed.stdout);
    expect(out.status).toBe('completed');
    const after = finishedTrials(home);
    expect(after.map((t) => t.number)).toEqual([...Array(budget).keys()]);
    for (const t of before) {
      const kept = after[t.number];
      expect(kept).toEqual(t);
    }
    expect(out.counts.complete + out.counts.failed).toBe(budget);
    // The trials that were running at the kill ran again on resume, with the same numbers and parameters.
    expect(unfinished.length).toBeGreaterThan(0);
    for (const t of unfinished) {
      expect(after[t.number].params).toBe(t.params);
      expect(after[t.number].state).toBe('complete');
    }
  });
});
