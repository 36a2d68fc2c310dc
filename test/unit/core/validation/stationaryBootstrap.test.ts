// Stationary bootstrap resampling (block lengths, wrap-around) and the bootstrap confidence intervals for annualised
// Sharpe and CAGR (determinism, unbiasedness on iid data, coverage on a known process).

import { describe, expect, it } from 'vitest';
import { returnMoments } from '../../../../src/core/metrics';
import { Rng } from '../../../../src/core/random';
import { bootstrapConfidenceIntervals, defaultMeanBlock, stationaryBootstrapResample } from '../../../../src/core/validation';

/** iid normal returns with mean mu and sd sigma. */
function iidNormal(n: number, mu: number, sigma: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => mu + sigma * rng.normal());
}

/** AR(1) returns `r_t = mu + e_t`, `e_t = phi·e_{t−1} + sigma·z_t`, started from its stationary distribution. */
function ar1(n: number, mu: number, sigma: number, phi: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(n);
  let e = (sigma / Math.sqrt(1 - phi * phi)) * rng.normal();
  for (let t = 0; t < n; t++) {
    out[t] = mu + e;
    e = phi * e + sigma * rng.normal();
  }
  return out;
}

describe('stationaryBootstrapResample', () => {
  it('draws blocks whose mean length is meanBlock', () => {
    const source = Float64Array.from({ length: 1000 }, (_, i) => i);
    const out = new Float64Array(200_000);
    for (const meanBlock of [1, 5, 20]) {
      const blocks = stationaryBootstrapResample(source, out, meanBlock, new Rng(7));
      expect(out.length / blocks).toBeGreaterThan(meanBlock * 0.97);
      expect(out.length / blocks).toBeLessThan(meanBlock * 1.03);
      // Inside a block the source index advances by one (mod T); breaks happen only at block starts.
      let breaks = 0;
      for (let t = 1; t < out.length; t++) if (out[t] !== (out[t - 1] + 1) % source.length) breaks++;
      expect(breaks).toBeLessThanOrEqual(blocks - 1);
      expect(breaks).toBeGreaterThan((blocks - 1) * 0.99);
    }
  });

  it('wraps around the end of the series', () => {
    const out = new Float64Array(10);
    stationaryBootstrapResample(Float64Array.from([0, 1, 2]), out, 1e12, new Rng(3));
    for (let t = 1; t < out.length; t++) expect(out[t]).toBe((out[0] + t) % 3);
  });

  it('uses ⌈T^(1/3)⌉ as the default mean block and rejects bad input', () => {
    expect(defaultMeanBlock(1000)).toBe(10);
    expect(defaultMeanBlock(1001)).toBe(11);
    expect(defaultMeanBlock(0)).toBe(1);
    expect(() => stationaryBootstrapResample(new Float64Array(0), new Float64Array(3), 2, new Rng(1))).toThrow(/empty/);
    expect(() => stationaryBootstrapResample(new Float64Array(3), new Float64Array(3), 0.5, new Rng(1))).toThrow(/meanBlock/);
  });
});

describe('bootstrapConfidenceIntervals', () => {
  const returns = iidNormal(500, 0.0005, 0.01, 11);

  it('is deterministic for a seed and changes with it', () => {
    const a = bootstrapConfidenceIntervals(returns, { samples: 300, periodsPerYear: 252, seed: 42 });
    const b = bootstrapConfidenceIntervals(returns, { samples: 300, periodsPerYear: 252, seed: 42 });
    const c = bootstrapConfidenceIntervals(returns, { samples: 300, periodsPerYear: 252, seed: 43 });
    expect(a).toEqual(b);
    expect(c.sharpe.lower).not.toBe(a.sharpe.lower);
    expect(a.meanBlock).toBe(8);
  });

  it('reports the sample statistics as estimates and ordered quantiles around them', () => {
    const r = bootstrapConfidenceIntervals(returns, { samples: 500, periodsPerYear: 252, seed: 1 });
    const m = returnMoments(returns);
    expect(r.sharpe.estimate).toBeCloseTo((m.mean / m.std) * Math.sqrt(252), 12);
    let growth = 1;
    for (const x of returns) growth *= 1 + x;
    expect(r.cagr.estimate).toBeCloseTo(Math.pow(growth, 252 / 500) - 1, 12);
    for (const d of [r.sharpe, r.cagr]) {
      expect(d.lower).toBeLessThan(d.quantiles[0]);
      for (let i = 1; i < d.quantiles.length; i++) expect(d.quantiles[i]).toBeGreaterThan(d.quantiles[i - 1]);
      expect(d.upper).toBeGreaterThan(d.quantiles[4]);
      expect(d.estimate).toBeGreaterThan(d.lower);
      expect(d.estimate).toBeLessThan(d.upper);
      expect(d.undefinedSamples).toBe(0);
    }
  });

  it('centres the bootstrap Sharpe on the sample Sharpe for iid data', () => {
    const data = iidNormal(1000, 0.001, 0.01, 5);
    const r = bootstrapConfidenceIntervals(data, { samples: 2000, meanBlock: 1, periodsPerYear: 252, seed: 9 });
    // Bootstrap SE of the annualised Sharpe ≈ √(252 / 1000) ≈ 0.5, so the mean of 2000 draws is within ~0.011 of
    // its expectation; the bootstrap bias is O(1/T).
    expect(Math.abs(r.sharpe.mean - r.sharpe.estimate)).toBeLessThan(0.05);
    // And the interval width is about 2 × 1.96 × 0.5.
    expect(r.sharpe.upper - r.sharpe.lower).toBeGreaterThan(1.6);
    expect(r.sharpe.upper - r.sharpe.lower).toBeLessThan(2.3);
  });

  it('covers the true Sharpe of an AR(1) process in most seeds', () => {
    const mu = 0.0008;
    const sigma = 0.01;
    const phi = 0.3;
    // Stationary sd of the returns is sigma / √(1 − phi²).
    const trueSharpe = ((mu * Math.sqrt(1 - phi * phi)) / sigma) * Math.sqrt(252);
    let covered = 0;
    const runs = 20;
    for (let seed = 0; seed < runs; seed++) {
      const r = bootstrapConfidenceIntervals(ar1(750, mu, sigma, phi, 1000 + seed), { samples: 400, periodsPerYear: 252, seed });
      if (r.sharpe.lower <= trueSharpe && trueSharpe <= r.sharpe.upper) covered++;
    }
    // Nominal 95%; at a true 90% coverage, P(fewer than 15 of 20) ≈ 1%.
    expect(covered).toBeGreaterThanOrEqual(15);
  });

  it('rejects unusable options', () => {
    expect(() => bootstrapConfidenceIntervals(Float64Array.from([0.1]), { periodsPerYear: 252, seed: 1 })).toThrow(/at least 2/);
    expect(() => bootstrapConfidenceIntervals(returns, { samples: 0, periodsPerYear: 252, seed: 1 })).toThrow(/samples/);
    expect(() => bootstrapConfidenceIntervals(returns, { level: 1, periodsPerYear: 252, seed: 1 })).toThrow(/level/);
    expect(() => bootstrapConfidenceIntervals(returns, { periodsPerYear: 0, seed: 1 })).toThrow(/periodsPerYear/);
  });
});
