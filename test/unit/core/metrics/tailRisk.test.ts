// historicalVaR, historicalCVaR and tailRatio on hand vectors in any order: signed returns, type-7 quantiles
// (numpy.percentile default), CVaR as the mean of returns at or below the VaR quantile.

import { describe, expect, it } from 'vitest';
import { historicalCVaR, historicalVaR, tailRatio } from '../../../../src/core/metrics';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('historical VaR and CVaR (signed returns, type-7 quantile)', () => {
  // The shared hand vector; sorted it is [−0.2, 0, 0.1, 0.1, 0.25]. Each call gets a fresh copy (they reorder it).
  const r = (): Float64Array => f64(0, 0.1, -0.2, 0.25, 0.1);

  it('VaR 95% is the interpolated 5th percentile', () => {
    // h = 4·0.05 = 0.2 → -0.2 + 0.2·(0 − (−0.2)) = −0.16   (numpy.percentile(r, 5) = −0.16)
    expect(historicalVaR(r(), 0.95)).toBeCloseTo(-0.16, 15);
  });

  it('CVaR 95% is the mean of the returns at or below VaR', () => {
    // Only −0.2 ≤ −0.16 → CVaR = −0.2.
    expect(historicalCVaR(r(), 0.95)).toBe(-0.2);
  });

  it('CVaR averages every return in the tail, including one exactly at the quantile', () => {
    // 11 returns −10%..10% step 2%; level 0.9: h = 10·0.1 = 1 → VaR = −0.08; CVaR = (−0.10 − 0.08)/2 = −0.09.
    // Level 0.7: h = 3 → VaR = −0.04; CVaR = (−0.10 − 0.08 − 0.06 − 0.04)/4 = −0.07.
    const y = (): Float64Array => f64(0.1, -0.02, 0.04, -0.1, 0.08, 0, -0.06, 0.02, -0.08, 0.06, -0.04);
    expect(historicalVaR(y(), 0.9)).toBe(-0.08);
    expect(historicalCVaR(y(), 0.9)).toBeCloseTo(-0.09, 15);
    expect(historicalVaR(y(), 0.7)).toBe(-0.04);
    expect(historicalCVaR(y(), 0.7)).toBeCloseTo(-0.07, 15);
  });

  it('is NaN for no returns', () => {
    expect(historicalVaR(new Float64Array(0), 0.95)).toBeNaN();
    expect(historicalCVaR(new Float64Array(0), 0.95)).toBeNaN();
  });
});

describe('tailRatio (empyrical tail_ratio: |p95| / |p5| with numpy percentiles)', () => {
  it('divides the absolute 95th by the absolute 5th percentile', () => {
    // p95: h = 4·0.95 = 3.8 → 0.1 + 0.8·(0.25 − 0.1) = 0.22; p5 = −0.16 → 0.22 / 0.16 = 1.375.
    expect(tailRatio(f64(0.25, 0.1, 0, -0.2, 0.1))).toBeCloseTo(1.375, 14);
  });

  it('is NaN when the 5th percentile is 0, and for no returns', () => {
    expect(tailRatio(f64(0, 0.1, 0, 0, 0))).toBeNaN();
    expect(tailRatio(new Float64Array(0))).toBeNaN();
  });
});
