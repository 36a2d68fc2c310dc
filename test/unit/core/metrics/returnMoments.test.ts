// returnMoments: hand-checked mean, sample SD and moment skewness/kurtosis, the PerformanceAnalytics/scipy moment
// convention (not Excel's adjusted one), Bacon's data set, and the short, constant and NaN cases.

import { describe, expect, it } from 'vitest';
import { returnMoments } from '../../../../src/core/metrics';
import { BACON_PORTFOLIO_MONTHLY } from './baconPortfolio';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('returnMoments', () => {
  it('computes n, mean, ddof=1 SD, moment skewness and kurtosis of a hand vector', () => {
    // r = [0, 0.1, -0.2, 0.25, 0.1]; Σ = 0.25, mean = 0.05.
    // d = r − mean = [-0.05, 0.05, -0.25, 0.2, 0.05]
    // Σd² = 0.0025 + 0.0025 + 0.0625 + 0.04 + 0.0025 = 0.11  → sd = √(0.11 / 4) = √0.0275 = 0.165831…
    // Σd³ = -0.000125 + 0.000125 - 0.015625 + 0.008 + 0.000125 = -0.0075
    // Σd⁴ = 6.25e-6 · 3 + 0.00390625 + 0.0016 = 0.005525
    // m2 = 0.11/5 = 0.022, m3 = -0.0075/5 = -0.0015, m4 = 0.005525/5 = 0.001105
    // g1 = m3 / m2^1.5 = -0.0015 / 0.0032631… = -0.459681…;  b2 = m4 / m2² = 0.001105 / 0.000484 = 2.283057…
    const m = returnMoments(f64(0, 0.1, -0.2, 0.25, 0.1));
    expect(m.n).toBe(5);
    expect(m.mean).toBeCloseTo(0.05, 15);
    expect(m.std).toBeCloseTo(Math.sqrt(0.0275), 15);
    expect(m.skewness).toBeCloseTo(-0.0015 / Math.pow(0.022, 1.5), 13);
    expect(m.kurtosis).toBeCloseTo(0.001105 / 0.000484, 12);
    expect(m.excessKurtosis).toBeCloseTo(0.001105 / 0.000484 - 3, 12);
  });

  it('gives the textbook kurtosis of 1..5: b2 = 1.7, excess −1.3 (scipy.stats.kurtosis default, PA kurtosis "excess")', () => {
    // mean 3, d = [-2,-1,0,1,2]: m2 = 10/5 = 2, m4 = (16+1+0+1+16)/5 = 6.8, b2 = 6.8/4 = 1.7; symmetric → g1 = 0.
    const m = returnMoments(f64(1, 2, 3, 4, 5));
    expect(m.kurtosis).toBeCloseTo(1.7, 14);
    expect(m.excessKurtosis).toBeCloseTo(-1.3, 14);
    expect(m.skewness).toBeCloseTo(0, 15);
    expect(m.std).toBeCloseTo(Math.sqrt(2.5), 15); // ddof = 1: 10 / 4
  });

  it('uses the moment skewness g1 (PerformanceAnalytics skewness(method = "moment")), not Excel SKEW', () => {
    // x = [1,2,3,10]: mean 4, d = [-3,-2,-1,6]; m2 = (9+4+1+36)/4 = 12.5; m3 = (-27-8-1+216)/4 = 45.
    // g1 = 45 / 12.5^1.5 = 1.018233…  Excel SKEW / adjusted Fisher–Pearson G1 = g1·√(n(n−1))/(n−2) = 1.763632…
    const g1 = 45 / Math.pow(12.5, 1.5);
    const m = returnMoments(f64(1, 2, 3, 10));
    expect(m.skewness).toBeCloseTo(g1, 14);
    expect(m.skewness).not.toBeCloseTo((g1 * Math.sqrt(12)) / 2, 3);
  });

  it("matches PerformanceAnalytics' documented kurtosis of Bacon (2008)'s portfolio after its small-sample adjustment", () => {
    // Mean: the 24 monthly returns sum to 21.6%, so mean = 0.9% per month.
    // PA documents kurtosis(portfolio_bacon[,1], method = "sample") = 3.03 and "sample_excess" = -0.41. In terms of
    // our moment kurtosis b2: sample = b2·(n−1)(n+1)/((n−2)(n−3)); sample_excess = sample − 3(n−1)²/((n−2)(n−3)).
    const m = returnMoments(BACON_PORTFOLIO_MONTHLY);
    const n = m.n;
    expect(n).toBe(24);
    expect(m.mean).toBeCloseTo(0.009, 15);
    const sample = (m.kurtosis * (n - 1) * (n + 1)) / ((n - 2) * (n - 3));
    expect(sample).toBeCloseTo(3.03, 2);
    expect(sample - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3))).toBeCloseTo(-0.41, 2);
  });

  it('gives std exactly 0 for a constant series even where Σr/n rounds (0.1 × 10 sums to 0.9999999999999999)', () => {
    const m = returnMoments(new Float64Array(10).fill(0.1));
    expect(m.std).toBe(0);
    expect(m.mean).toBe(0.1);
    expect(m.skewness).toBeNaN();
    expect(m.kurtosis).toBeNaN();
    expect(m.excessKurtosis).toBeNaN();
  });

  it('is NaN rather than throwing for empty and one-element input', () => {
    const empty = returnMoments(new Float64Array(0));
    expect(empty.n).toBe(0);
    for (const v of [empty.mean, empty.std, empty.skewness, empty.kurtosis, empty.excessKurtosis]) expect(v).toBeNaN();
    const one = returnMoments(f64(0.02));
    expect(one.n).toBe(1);
    expect(one.mean).toBe(0.02);
    for (const v of [one.std, one.skewness, one.kurtosis, one.excessKurtosis]) expect(v).toBeNaN();
  });

  it('propagates a NaN return instead of skipping it', () => {
    const m = returnMoments(f64(0.01, NaN, 0.03));
    for (const v of [m.mean, m.std, m.skewness, m.kurtosis]) expect(v).toBeNaN();
  });

  it('keeps full precision for tightly clustered returns far from zero (corrected two-pass)', () => {
    // 1 + [-1e-9, 0, 1e-9]: mean 1, sd = 1e-9 (ddof 1: (1e-18 + 1e-18) / 2).
    const m = returnMoments(f64(1 - 1e-9, 1, 1 + 1e-9));
    expect(m.std / 1e-9).toBeCloseTo(1, 6);
    expect(m.skewness).toBeCloseTo(0, 5);
  });
});
