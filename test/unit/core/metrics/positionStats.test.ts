// positionStats: exposure (share of bars in the market) and annualised turnover (Σ|Δposition| per elapsed year,
// starting flat) on hand-built position series.

import { describe, expect, it } from 'vitest';
import { positionStats } from '../../../../src/core/metrics';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('positionStats', () => {
  it('computes exposure and annualised turnover', () => {
    // [0, 1, 1, −1, 0]: non-zero on 3 of 5 bars → 0.6.
    // |Δ| from a flat start: 0, 1, 0, 2, 1 = 4; elapsed years (5 − 1)/2 = 2 → 4 / 2 = 2 per year.
    const s = positionStats(f64(0, 1, 1, -1, 0), 2);
    expect(s.exposure).toBe(0.6);
    expect(s.turnover).toBe(2);
  });

  it('counts the first entry from flat, and does not assume a final exit', () => {
    // [0.5, 0.5, 0.5] with 252 bars a year: traded |0.5 − 0| = 0.5 over 2/252 years → 63.
    const s = positionStats(f64(0.5, 0.5, 0.5), 252);
    expect(s.exposure).toBe(1);
    expect(s.turnover).toBeCloseTo(63, 12);
  });

  it('is 0 exposure and 0 turnover for a strategy that never trades', () => {
    expect(positionStats(f64(0, 0, 0), 12)).toEqual({ exposure: 0, turnover: 0 });
  });

  it('is NaN for fewer than 2 bars and for a NaN position', () => {
    expect(positionStats(f64(), 12).exposure).toBeNaN();
    expect(positionStats(f64(1), 12).turnover).toBeNaN();
    expect(positionStats(f64(0, NaN, 1), 12).turnover).toBeNaN();
  });
});
