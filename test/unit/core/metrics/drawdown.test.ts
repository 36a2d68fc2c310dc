// drawdownStats: depth as a signed fraction (≤ 0), peak/trough/recovery indices and the longest duration in
// bar-to-bar steps, on hand-built equity curves, plus flat, short and invalid curves.

import { describe, expect, it } from 'vitest';
import { drawdownStats } from '../../../../src/core/metrics';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

// Convention: depth = min_i(equity[i] / running peak − 1), signed (empyrical max_drawdown's sign; PerformanceAnalytics
// maxDrawdown reports the same number as a positive loss). Duration = recovery index − peak index, or last index −
// peak index when not recovered ("bars from peak to recovery, or to the end").
describe('drawdownStats', () => {
  it('measures a drawdown that recovers', () => {
    // [100, 110, 88, 110, 121]: peak 110 at 1, trough 88 at 2 → 88/110 − 1 = −0.2; back to 110 at 3 → 3 − 1 = 2 bars.
    const s = drawdownStats(f64(100, 110, 88, 110, 121));
    expect(s.maxDrawdown).toBeCloseTo(-0.2, 15);
    expect(s).toMatchObject({ peakIndex: 1, troughIndex: 2, recoveryIndex: 3, maxDurationBars: 2 });
  });

  it('counts an unrecovered drawdown to the last bar', () => {
    // [100, 120, 90, 100]: 90/120 − 1 = −0.25; never back to 120 → (4 − 1) − 1 = 2 bars, recovery −1.
    const s = drawdownStats(f64(100, 120, 90, 100));
    expect(s.maxDrawdown).toBeCloseTo(-0.25, 15);
    expect(s).toMatchObject({ peakIndex: 1, troughIndex: 2, recoveryIndex: -1, maxDurationBars: 2 });
  });

  it('reports the longest episode even when a shorter one is deeper', () => {
    // Episode 1: peak 100 at 0, down to 90, back to ≥100 at 4 (101) → 4 bars, depth −0.1.
    // Episode 2: peak 101 at 4, down to 70 at 5 (70/101 − 1 = −0.306930…), back at 6 (102) → 2 bars.
    const s = drawdownStats(f64(100, 90, 95, 99, 101, 70, 102));
    expect(s.maxDrawdown).toBeCloseTo(70 / 101 - 1, 15);
    expect(s).toMatchObject({ peakIndex: 4, troughIndex: 5, recoveryIndex: 6, maxDurationBars: 4 });
  });

  it('forgets the recovery of an earlier, shallower drawdown when a deeper one never recovers', () => {
    // [100, 80, 100, 50]: −0.2 recovered at 2; then 50/100 − 1 = −0.5 from peak 2, unrecovered.
    // Durations: 2 − 0 = 2 and (4 − 1) − 2 = 1 → 2.
    const s = drawdownStats(f64(100, 80, 100, 50));
    expect(s.maxDrawdown).toBeCloseTo(-0.5, 15);
    expect(s).toMatchObject({ peakIndex: 2, troughIndex: 3, recoveryIndex: -1, maxDurationBars: 2 });
  });

  it('treats a return to exactly the peak as recovery', () => {
    // [100, 90, 100, 100]: recovered at 2 → 2 bars; the flat bar after it is not a drawdown.
    const s = drawdownStats(f64(100, 90, 100, 100));
    expect(s).toMatchObject({ recoveryIndex: 2, maxDurationBars: 2 });
  });

  it('gives 0 depth and 0 duration for constant equity', () => {
    const s = drawdownStats(f64(100, 100, 100));
    expect(s).toEqual({ maxDrawdown: 0, peakIndex: -1, troughIndex: -1, recoveryIndex: -1, maxDurationBars: 0 });
  });

  it('allows a wipe-out: equity reaching 0 is a drawdown of −1', () => {
    expect(drawdownStats(f64(100, 50, 0)).maxDrawdown).toBe(-1);
  });

  it('is NaN (not a throw) for fewer than 2 bars, a non-positive start or a NaN value', () => {
    for (const equity of [f64(), f64(100), f64(0, 10), f64(-5, 10), f64(100, NaN, 90), f64(NaN, 1)]) {
      const s = drawdownStats(equity);
      expect(s.maxDrawdown).toBeNaN();
      expect(s.maxDurationBars).toBeNaN();
      expect(s.peakIndex).toBe(-1);
    }
  });
});
