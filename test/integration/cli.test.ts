// The real `holdout` command in a child process: JSON output, human output, exit codes 0/1, and --help.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runHoldout } from '../helpers/cli';
import { describe, expect, it } from 'vitest';
import { assertBuilt, reference } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';

assertBuilt();
const tempDir = useTempDir('holdout-cli-');

describe('holdout CLI', () => {
  it('data import --json prints one JSON document with the dataset identity', () => {
    const home = tempDir();
    const r = runHoldout(home, 'data', 'import', reference('msft.csv'), '--name', 'MSFT', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ name: 'MSFT', bars: 249, first: Date.UTC(2000, 8, 27), last: Date.UTC(2001, 8, 27), alreadyExisted: false });
    expect(doc.id).toMatch(/^ds_/);
    expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.frequency.label).toBe('daily');

    const list = runHoldout(home, 'data', 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((d: { id: string }) => d.id)).toEqual([doc.id]);

    const show = runHoldout(home, 'data', 'show', doc.id, '--json');
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout).stats.bars).toBe(249);

    const human = runHoldout(home, 'data', 'show', 'MSFT');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('2000-09-27 to 2001-09-27');
    expect(human.stdout).toContain('daily returns');

    const table = runHoldout(home, 'data', 'list');
    expect(table.stdout).toMatch(/MSFT\s+249/);
  });

  it('exits 1 with the place of the error on stderr for a malformed file, and stores nothing', () => {
    const home = tempDir();
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, 'date,open,high,low,close\n2020-01-02,10,11,9,10.5\n2020-01-03,10,9,11,10\n');
    const r = runHoldout(home, 'data', 'import', bad, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.csv, line 3/);
    expect(r.stderr).toMatch(/high/);
    expect(JSON.parse(runHoldout(home, 'data', 'list', '--json').stdout)).toEqual([]);
  });

  it('exits 1 for an unknown dataset and for a usage mistake; --help exits 0 on every command', () => {
    const home = tempDir();
    const missing = runHoldout(home, 'data', 'show', 'ds_doesnotexist');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No dataset');
    expect(runHoldout(home, 'data', 'frobnicate').code).toBe(1);
    expect(runHoldout(home, 'serve', '--port', 'eighty').code).toBe(1);
    for (const args of [[], ['data'], ['data', 'import'], ['data', 'list'], ['data', 'show'], ['serve']]) {
      const help = runHoldout(home, ...args, '--help');
      expect(help.code, `holdout ${args.join(' ')} --help`).toBe(0);
      expect(help.stdout).toContain('Usage: holdout');
    }
  });
});
