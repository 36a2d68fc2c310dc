// downsideDeviation (full-sample, Sortino & Price) and omegaParts on hand vectors and on Bacon (2008)'s data set,
// where PerformanceAnalytics documents the downside deviation.

import { describe, expect, it } from 'vitest';
import { downsideDeviation, omegaParts } from '../../../../src/core/metrics';
import { BACON_PORTFOLIO_MONTHLY } from './baconPortfolio';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('downsideDeviation (Sortino & Price 1994 / PerformanceAnalytics DownsideDeviation(method = "full"))', () => {
  it('divides by ALL periods, not only those below the target', () => {
    // r = [0.1, −0.1, 0.2, −0.2], T = 0: Σ min(r, 0)² = 0.01 + 0.04 = 0.05; /4 → √0.0125 = 0.111803…
    // (The "subset" variant would divide by 2: √0.025 = 0.158113….)
    const r = f64(0.1, -0.1, 0.2, -0.2);
    expect(downsideDeviation(r, 0)).toBeCloseTo(Math.sqrt(0.0125), 15);
    expect(downsideDeviation(r, 0)).not.toBeCloseTo(Math.sqrt(0.025), 3);
  });

  it('measures shortfalls from the target, not from zero', () => {
    // T = 0.1: shortfalls −0.2, −0.3 (0.1 and 0.2 are not below) → (0.04 + 0.09)/4 = 0.0325.
    expect(downsideDeviation(f64(0.1, -0.1, 0.2, -0.2), 0.1)).toBeCloseTo(Math.sqrt(0.0325), 15);
  });

  it('reproduces Bacon (2008) as documented by PerformanceAnalytics: DownsideDeviation(portfolio_bacon, MAR = 0.005) = 0.0255', () => {
    expect(downsideDeviation(BACON_PORTFOLIO_MONTHLY, 0.005)).toBeCloseTo(0.0255, 4);
  });

  it('is 0 when nothing is below the target and NaN for no returns', () => {
    expect(downsideDeviation(f64(0.01, 0.02), 0)).toBe(0);
    expect(downsideDeviation(new Float64Array(0), 0)).toBeNaN();
  });
});

describe('omegaParts (Keating & Shadwick 2002; PerformanceAnalytics Omega(method = "simple"))', () => {
  it('splits returns into gains above and losses below the threshold', () => {
    // L = 0: gains 0.1 + 0.2 = 0.3, losses 0.1 + 0.2 = 0.3. L = 0.05: gains 0.05 + 0.15 = 0.2, losses 0.15 + 0.25 = 0.4.
    const r = f64(0.1, -0.1, 0.2, -0.2);
    const zero = omegaParts(r, 0);
    expect(zero.gains).toBeCloseTo(0.3, 15);
    expect(zero.losses).toBeCloseTo(0.3, 15);
    const five = omegaParts(r, 0.05);
    expect(five.gains).toBeCloseTo(0.2, 15);
    expect(five.losses).toBeCloseTo(0.4, 15);
  });

  it("gives Omega(0) = 49.3% / 27.7% on Bacon's data set", () => {
    // Positive months sum to 49.3%, negative months to −27.7% (together 21.6% = 24 × 0.9%).
    const { gains, losses } = omegaParts(BACON_PORTFOLIO_MONTHLY, 0);
    expect(gains).toBeCloseTo(0.493, 14);
    expect(losses).toBeCloseTo(0.277, 14);
  });

  it('propagates a NaN return into the losses', () => {
    expect(omegaParts(f64(0.1, NaN), 0).losses).toBeNaN();
  });
});
