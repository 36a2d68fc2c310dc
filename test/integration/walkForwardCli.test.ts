// `holdout walkforward` from the real CLI in a child process: the JSON document (windows, efficiency, drift,
// stitched curve), the human table, and option errors that name the option.
import { describe, expect, it } from 'vitest';
import { runHoldout } from '../helpers/cli';
import { assertBuilt, reference } from '../helpers/paths';
import { useTempDir } from '../helpers/tempDir';

assertBuilt();
const tempDir = useTempDir('holdout-walkforward-');

const COMMON = ['--strategy', 'sma-crossover', '--range', 'fast=2:30:int', '--range', 'slow=40:200:int', '--fix', 'mode=long-flat', '--sampler', 'random', '--trials-per-window', '8', '--workers', '1', '--seed', '2', '--fill', 'close'];

describe('holdout walkforward', () => {
  it('--json prints the run: anchored windows with purge, chosen parameters, efficiency, drift and the stitched curve', () => {
    const home = tempDir();
    const r = runHoldout(home, 'walkforward', '--data', reference('ttrc.csv'), ...COMMON, '--in-sample', '3000', '--out-of-sample', '1200', '--anchored', '--purge', '3', '--json');
    expect(r.stderr).not.toMatch(/holdout:/);
    expect(r.code).toBe(0);
    const run = JSON.parse(r.stdout);
    expect(run.id).toMatch(/^wf_[0-9a-f]{16}$/);
    expect(run.status).toBe('completed');
    expect(run.request.mode).toBe('anchored');
    // 5550 bars: tests at 3000..4200 and 4200..5400, then a last one cut at 5550.
    expect(run.windows.map((w: { inSample: { fromBar: number; toBar: number }; outOfSample: { fromBar: number; toBar: number } }) => [w.inSample.fromBar, w.inSample.toBar, w.outOfSample.fromBar, w.outOfSample.toBar])).toEqual([
      [0, 2997, 3000, 4200],
      [0, 4197, 4200, 5400],
      [0, 5397, 5400, 5550],
    ]);
    expect(run.stitched.bars).toBe(2550);
    expect(run.drift.map((d: { name: string }) => d.name)).toEqual(['fast', 'slow', 'mode']);
    for (const w of run.windows) {
      expect(w.params.mode).toBe('long-flat');
      expect(w.studyId).toMatch(/^st_/);
    }
    expect(r.stderr).toMatch(/window 1\/3: tuning/);
    const studies = JSON.parse(runHoldout(home, 'study', 'list', '--json').stdout);
    expect(studies).toHaveLength(3);
  });

  it('prints a table of windows with efficiency, drift and stitched metrics', () => {
    const home = tempDir();
    const r = runHoldout(home, 'walkforward', '--data', reference('ttrc.csv'), ...COMMON, '--in-sample', '2000', '--out-of-sample', '1500', '--embargo', '20');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/walk-forward wf_[0-9a-f]{16}: completed/);
    expect(r.stdout).toMatch(/step 1520, purge 0, embargo 20/);
    expect(r.stdout).toMatch(/OOS sharpe/);
    expect(r.stdout).toMatch(/walk-forward efficiency/);
    expect(r.stdout).toMatch(/drift fast/);
    expect(r.stdout).toMatch(/stitched out of sample\s+3,510 bars/);
  });

  it('names what is wrong', () => {
    const home = tempDir();
    const bad = runHoldout(home, 'walkforward', '--data', reference('ttrc.csv'), ...COMMON, '--in-sample', '2000', '--out-of-sample', '500', '--step', '400');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/step \(400\) must be at least outOfSample \+ embargo/);
    expect(bad.stderr).toMatch(/stepBars/);
    const selection = runHoldout(home, 'walkforward', '--data', reference('ttrc.csv'), ...COMMON, '--in-sample', '2000', '--out-of-sample', '500', '--selection', 'best');
    expect(selection.code).toBe(1);
    expect(selection.stderr).toMatch(/--selection/);
  });
});
