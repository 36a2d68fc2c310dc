// walkForwardWindows: hand-computed layouts for rolling and anchored modes, with and without purge and embargo,
// the truncation rule, the guarantees on a grid of configurations, and the argument errors.

import { describe, expect, it } from 'vitest';
import { walkForwardWindows, type WalkForwardOptions } from '../../../../src/core/validation';

/** Windows as [isFrom, isTo, oosFrom, oosTo] tuples, easier to write by hand. */
function layout(options: WalkForwardOptions): number[][] {
  return walkForwardWindows(options).map((w) => [w.inSample.from, w.inSample.to, w.outOfSample.from, w.outOfSample.to]);
}

describe('walkForwardWindows', () => {
  it('rolls a fixed-length in-sample by step', () => {
    expect(layout({ bars: 20, inSample: 8, outOfSample: 4, step: 4, mode: 'rolling' })).toEqual([
      [0, 8, 8, 12],
      [4, 12, 12, 16],
      [8, 16, 16, 20],
    ]);
  });

  it('anchors the in-sample at bar 0 and grows it', () => {
    expect(layout({ bars: 20, inSample: 8, outOfSample: 4, step: 4, mode: 'anchored' })).toEqual([
      [0, 8, 8, 12],
      [0, 12, 12, 16],
      [0, 16, 16, 20],
    ]);
  });

  it('numbers windows in order', () => {
    expect(walkForwardWindows({ bars: 20, inSample: 8, outOfSample: 4, step: 4, mode: 'rolling' }).map((w) => w.index)).toEqual([0, 1, 2]);
  });

  it('truncates the last test part at bars by default and drops it with truncateLast: false', () => {
    const base = { bars: 22, inSample: 8, outOfSample: 4, step: 4, mode: 'rolling' } as const;
    expect(layout(base)).toEqual([
      [0, 8, 8, 12],
      [4, 12, 12, 16],
      [8, 16, 16, 20],
      [12, 20, 20, 22],
    ]);
    expect(layout({ ...base, truncateLast: false })).toHaveLength(3);
  });

  it('purges the last bars of each in-sample', () => {
    expect(layout({ bars: 20, inSample: 8, outOfSample: 4, step: 4, mode: 'rolling', purge: 2 })).toEqual([
      [0, 6, 8, 12],
      [4, 10, 12, 16],
      [8, 14, 16, 20],
    ]);
  });

  it('leaves the embargo bars after each test part out of the next window (rolling)', () => {
    // Test parts [8,12) [13,17) [18,22): bars 12 and 17 are the embargo, neither tested nor in the next in-sample.
    expect(layout({ bars: 23, inSample: 8, outOfSample: 4, step: 5, mode: 'rolling', embargo: 1 })).toEqual([
      [0, 8, 8, 12],
      [5, 12, 13, 17],
      [10, 17, 18, 22],
    ]);
    // Without the embargo the same layout trains right up to each test part.
    expect(layout({ bars: 23, inSample: 8, outOfSample: 4, step: 5, mode: 'rolling' })).toEqual([
      [0, 8, 8, 12],
      [5, 13, 13, 17],
      [10, 18, 18, 22],
    ]);
  });

  it('combines purge and embargo (anchored): the tighter of the two ends the in-sample', () => {
    expect(layout({ bars: 23, inSample: 8, outOfSample: 4, step: 5, mode: 'anchored', purge: 2, embargo: 1 })).toEqual([
      [0, 6, 8, 12],
      [0, 11, 13, 17],
      [0, 16, 18, 22],
    ]);
    expect(layout({ bars: 23, inSample: 8, outOfSample: 3, step: 6, mode: 'anchored', purge: 1, embargo: 2 })).toEqual([
      [0, 7, 8, 11],
      [0, 11, 14, 17],
      [0, 17, 20, 23],
    ]);
  });

  it('bar by bar (rolling, purge 2, embargo 2): nothing tested twice, no training on or after the test, purged and embargoed bars left out', () => {
    // Hand-built: tests [10,14) [17,21) [24,28); purged bars 8-9, 15-16, 22-23; embargoed bars 14-15 and 21-22.
    const windows = walkForwardWindows({ bars: 30, inSample: 10, outOfSample: 4, step: 7, mode: 'rolling', purge: 2, embargo: 2 });
    expect(windows.map((w) => [w.inSample.from, w.inSample.to, w.outOfSample.from, w.outOfSample.to])).toEqual([
      [0, 8, 10, 14],
      [7, 14, 17, 21],
      [14, 21, 24, 28],
    ]);
    const bars = (r: { from: number; to: number }) => Array.from({ length: r.to - r.from }, (_, i) => r.from + i);
    const tested = windows.flatMap((w) => bars(w.outOfSample));
    expect(new Set(tested).size).toBe(tested.length);
    for (const [k, w] of windows.entries()) {
      const training = bars(w.inSample);
      // No look-ahead: every training bar comes before the purge gap that precedes the window's test.
      expect(training.every((b) => b < w.outOfSample.from - 2)).toBe(true);
      // Training never touches a bar any window tests at or after this one.
      expect(training.some((b) => windows.slice(k).some((later) => b >= later.outOfSample.from && b < later.outOfSample.to))).toBe(false);
      if (k > 0) {
        const embargoed = [windows[k - 1].outOfSample.to, windows[k - 1].outOfSample.to + 1];
        expect(training.some((b) => embargoed.includes(b))).toBe(false);
        expect(tested.some((b) => embargoed.includes(b))).toBe(false);
      }
    }
  });

  it('keeps its guarantees on a grid of configurations', () => {
    let checked = 0;
    for (const mode of ['rolling', 'anchored'] as const) {
      for (let inSample = 3; inSample <= 9; inSample += 3) {
        for (let outOfSample = 1; outOfSample <= 4; outOfSample++) {
          for (let purge = 0; purge < Math.min(inSample, 3); purge++) {
            for (let embargo = 0; embargo <= 2; embargo++) {
              for (let step = outOfSample + embargo; step <= outOfSample + embargo + 2; step++) {
                if (embargo > 0 && mode === 'rolling' && inSample <= step - outOfSample) continue;
                const options = { bars: 40, inSample, outOfSample, step, mode, purge, embargo };
                const windows = walkForwardWindows(options);
                expect(windows.length).toBeGreaterThan(0);
                windows.forEach((w, k) => {
                  expect(w.inSample.from).toBeLessThan(w.inSample.to);
                  expect(w.outOfSample.from).toBeLessThan(w.outOfSample.to);
                  expect(w.outOfSample.to).toBeLessThanOrEqual(40);
                  expect(w.inSample.to + purge).toBeLessThanOrEqual(w.outOfSample.from);
                  if (mode === 'anchored') expect(w.inSample.from).toBe(0);
                  if (k > 0) {
                    const previous = windows[k - 1].outOfSample;
                    expect(w.outOfSample.from - previous.to).toBe(step - outOfSample);
                    expect(w.outOfSample.from).toBeGreaterThanOrEqual(previous.to + embargo);
                    if (embargo > 0) expect(w.inSample.to).toBeLessThanOrEqual(previous.to);
                  }
                });
                // The last test part is the last one that starts before bars.
                expect(windows[windows.length - 1].outOfSample.from + step).toBeGreaterThanOrEqual(40);
                checked++;
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('rejects unusable arguments, naming them', () => {
    const ok = { bars: 20, inSample: 8, outOfSample: 4, step: 4, mode: 'rolling' } as const;
    expect(() => walkForwardWindows({ ...ok, bars: 0 })).toThrow(/bars/);
    expect(() => walkForwardWindows({ ...ok, inSample: 0 })).toThrow(/inSample/);
    expect(() => walkForwardWindows({ ...ok, outOfSample: -1 })).toThrow(/outOfSample/);
    expect(() => walkForwardWindows({ ...ok, outOfSample: 2.5 })).toThrow(/outOfSample/);
    expect(() => walkForwardWindows({ ...ok, step: 0 })).toThrow(/step/);
    expect(() => walkForwardWindows({ ...ok, step: 3 })).toThrow(/step/);
    expect(() => walkForwardWindows({ ...ok, embargo: 1 })).toThrow(/step.*embargo/);
    expect(() => walkForwardWindows({ ...ok, purge: -1 })).toThrow(/purge/);
    expect(() => walkForwardWindows({ ...ok, purge: 8 })).toThrow(/purge/);
    expect(() => walkForwardWindows({ ...ok, embargo: -2, step: 4 })).toThrow(/embargo/);
    expect(() => walkForwardWindows({ ...ok, mode: 'expanding' as 'rolling' })).toThrow(/mode/);
    expect(() => walkForwardWindows({ ...ok, bars: 8 })).toThrow(/bars/);
    expect(() => walkForwardWindows({ ...ok, bars: 11, truncateLast: false })).toThrow(/bars/);
    expect(walkForwardWindows({ ...ok, bars: 9 })).toHaveLength(1);
    // Rolling, embargo: window 1's in-sample [5, 7) is cut at the previous test end 4, leaving nothing.
    expect(() => walkForwardWindows({ bars: 20, inSample: 2, outOfSample: 2, step: 5, mode: 'rolling', embargo: 1 })).toThrow(/embargo/);
  });
});
