// totalReturn and cagr: growth from first to last equity value, with elapsed years = bar-to-bar steps /
// periodsPerYear.

import { describe, expect, it } from 'vitest';
import { cagr, totalReturn } from '../../../../src/core/metrics';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('totalReturn and cagr', () => {
  it('compounds over (n − 1) / periodsPerYear years', () => {
    // [100, 110, 88, 110, 121], 2 bars a year: 4 steps = 2 years; growth 1.21 → total 0.21, CAGR √1.21 − 1 = 0.1.
    const equity = f64(100, 110, 88, 110, 121);
    expect(totalReturn(equity)).toBeCloseTo(0.21, 15);
    expect(cagr(equity, 2)).toBeCloseTo(0.1, 15);
    // Yearly bars: 100 → 150 → 225 is 50% a year.
    expect(cagr(f64(100, 150, 225), 1)).toBeCloseTo(0.5, 15);
  });

  it('treats 253 daily bars at 252 bars a year as exactly one year (CAGR = total return)', () => {
    const equity = new Float64Array(253).fill(100);
    equity[252] = 112;
    expect(cagr(equity, 252)).toBeCloseTo(0.12, 14);
  });

  it('is −1 when equity ends at or below zero', () => {
    expect(totalReturn(f64(100, 50, 0))).toBe(-1);
    expect(cagr(f64(100, 50, 0), 12)).toBe(-1);
    expect(cagr(f64(100, -20), 12)).toBe(-1);
  });

  it('is NaN for fewer than 2 bars and for a start that is not positive', () => {
    for (const equity of [f64(), f64(100), f64(0, 10), f64(-1, 10), f64(NaN, 10)]) {
      expect(totalReturn(equity)).toBeNaN();
      expect(cagr(equity, 252)).toBeNaN();
    }
  });
});
