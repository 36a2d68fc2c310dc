// Study management and backup from the real CLI in child processes: study rename|tag|notes|trials|delete and
// holdout backup|restore, with --json, exit codes and messages that say what to do.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHoldout } from '../helpers/cli';
import { assertBuilt, reference } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';

assertBuilt();
const tempDir = useTempDir('holdout-manage-cli-');

function tune(home: string): string {
  const r = runHoldout(home, 'tune', '--data', reference('ttrc.csv'), '--strategy', 'sma-crossover', '--sampler', 'sobol', '--trials', '12', '--workers', '1', '--seed', '1', '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).studyId as string;
}

describe('holdout study management and backup commands', () => {
  it('renames, tags, annotates and exports a study; deletes it only with --yes', () => {
    const home = tempDir();
    const id = tune(home);
    const renamed = runHoldout(home, 'study', 'rename', id, 'first pass', '--json');
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(JSON.parse(renamed.stdout).name).toBe('first pass');

    expect(runHoldout(home, 'study', 'tag', 'first pass', '--add', 'momentum,daily').stdout.trim()).toBe('momentum, daily');
    expect(runHoldout(home, 'study', 'tag', id, '--remove', 'DAILY').stdout.trim()).toBe('momentum');
    expect(runHoldout(home, 'study', 'notes', id, '--set', '# Notes\nlooks fine').code).toBe(0);
    expect(runHoldout(home, 'study', 'notes', id).stdout).toBe('# Notes\nlooks fine\n');

    const dir = tempDir();
    const csv = runHoldout(home, 'study', 'trials', id, '--format', 'csv', '--out', join(dir, 'trials.csv'), '--json');
    expect(csv.code, csv.stderr).toBe(0);
    expect(JSON.parse(csv.stdout)).toMatchObject({ rows: 12, format: 'csv' });
    const lines = readFileSync(join(dir, 'trials.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^number,state,params_fast,params_slow,params_mode,values_sharpe,/);
    const pq = runHoldout(home, 'study', 'trials', id, '--format', 'parquet', '--out', join(dir, 'trials.parquet'));
    expect(pq.code, pq.stderr).toBe(0);
    expect(pq.stdout).toMatch(/Wrote 12 trials/);
    expect(readFileSync(join(dir, 'trials.parquet')).subarray(0, 4).toString()).toBe('PAR1');
    const badFormat = runHoldout(home, 'study', 'trials', id, '--format', 'xlsx', '--out', join(dir, 'x.xlsx'));
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toMatch(/csv or parquet/);

    const unconfirmed = runHoldout(home, 'study', 'delete', id);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toMatch(/--yes to confirm/);
    expect(JSON.parse(runHoldout(home, 'study', 'list', '--json').stdout)).toHaveLength(1);
    const deleted = runHoldout(home, 'study', 'delete', id, '--yes');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(/Deleted study "first pass"/);
    expect(JSON.parse(runHoldout(home, 'study', 'list', '--json').stdout)).toEqual([]);
    expect(runHoldout(home, 'study', 'rename', 'no such study', 'x').code).toBe(1);
  });

  it('continues a study in a new one seeded with the trials inside a narrowed range', () => {
    const home = tempDir();
    const id = tune(home);
    const r = runHoldout(home, 'study', 'continue', id, '--range', 'slow=40:150:int', '--sampler', 'tpe', '--trials', '5', '--workers', '1', '--seed', '2', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { studyId: string; status: string; counts: { complete: number; failed: number } };
    expect(out.studyId).not.toBe(id);
    expect(out.status).toBe('completed');

    const parent = JSON.parse(runHoldout(home, 'study', 'show', id, '--json').stdout) as { summary: { counts: { complete: number } } };
    const child = JSON.parse(runHoldout(home, 'study', 'show', out.studyId, '--json').stdout) as {
      summary: { parentId: string | null; counts: { complete: number; failed: number } };
      spec: { space: { name: string; low: number; high: number }[] };
    };
    expect(child.summary.parentId).toBe(id);
    expect(child.spec.space.find((p) => p.name === 'slow')).toMatchObject({ low: 40, high: 150 });
    // The seeded trials (the parent's inside 40..150, fewer than all 12) plus the 5 new ones.
    const seeded = child.summary.counts.complete + child.summary.counts.failed - 5;
    expect(seeded).toBeGreaterThan(0);
    expect(seeded).toBeLessThan(parent.summary.counts.complete);

    const bad = runHoldout(home, 'study', 'continue', id, '--range', 'nosuch=1:2');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/nosuch/);
  });

  it('backs up one data folder and restores into another, keeping the database it replaced', () => {
    const home = tempDir();
    const id = tune(home);
    const file = join(tempDir(), 'backup.sqlite');
    const backup = runHoldout(home, 'backup', file, '--json');
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ path: file, studies: 1, trials: 12, datasets: 1 });

    const other = tempDir();
    expect(runHoldout(other, 'data', 'import', reference('msft.csv')).code).toBe(0);
    const restore = runHoldout(other, 'restore', file);
    expect(restore.code, restore.stderr).toBe(0);
    const kept = /kept as (.+\.sqlite)/.exec(restore.stdout)?.[1];
    expect(kept && existsSync(kept)).toBe(true);
    const shown = JSON.parse(runHoldout(other, 'study', 'show', id, '--json').stdout);
    expect(shown.summary.counts.complete + shown.summary.counts.failed).toBe(12);

    const notADatabase = runHoldout(other, 'restore', reference('msft.csv'));
    expect(notADatabase.code).toBe(1);
    expect(notADatabase.stderr).toMatch(/not a SQLite database/);
    expect(runHoldout(other, 'backup', join(other, 'no', 'such', 'folder', 'b.sqlite')).code).toBe(1);
  });
});
