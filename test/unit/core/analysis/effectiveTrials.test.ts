// averageCorrelation and effectiveTrials: N̂ = ρ̄ + (1 − ρ̄)·N (Bailey, Borwein, López de Prado & Zhu 2014).
import { describe, expect, it } from 'vitest';
import { averageCorrelation, effectiveTrials } from '../../../../src/core/analysis';
import { Rng } from '../../../../src/core/random';

/** m columns of length n sharing one common factor: corr = w² / (w² + 1) between any two. */
function factorColumns(m: number, n: number, w: number, seed: number): Float64Array[] {
  const rng = new Rng(seed);
  const common = Float64Array.from({ length: n }, () => rng.normal());
  return Array.from({ length: m }, () => Float64Array.from(common, (c) => w * c + rng.normal()));
}

describe('averageCorrelation', () => {
  it('is the plain Pearson correlation for two columns, written out', () => {
    const a = Float64Array.from([1, 2, 3, 4, 5]);
    const b = Float64Array.from([2, 1, 4, 3, 6]);
    // means 3 and 3.2; deviations (−2, −1, 0, 1, 2) and (−1.2, −2.2, 0.8, −0.2, 2.8): Σ products = 10, Σ squares 10 and 14.8.
    expect(averageCorrelation([a, b])).toBeCloseTo(10 / Math.sqrt(10 * 14.8), 14);
  });

  it('averages every pair when there are few, and estimates the mean when pairs are sampled', () => {
    const cols = factorColumns(60, 2000, 1, 3); // true pairwise correlation 1/2
    const exact = averageCorrelation(cols);
    expect(exact).toBeCloseTo(0.5, 1);
    const sampled = averageCorrelation(cols, { maxPairs: 500, seed: 9 });
    expect(Math.abs(sampled - exact)).toBeLessThan(0.03);
    expect(averageCorrelation(cols, { maxPairs: 500, seed: 9 })).toBe(sampled); // seeded
  });

  it('is near 0 for independent columns and 1 for identical ones', () => {
    expect(Math.abs(averageCorrelation(factorColumns(20, 3000, 0, 1)))).toBeLessThan(0.02);
    const x = Float64Array.from([0.1, -0.2, 0.3, 0.05]);
    expect(averageCorrelation([x, x.map((v) => 2 * v + 1), x])).toBeCloseTo(1, 14);
  });

  it('leaves constant columns out, is NaN when fewer than two vary, and names bad input', () => {
    const x = Float64Array.from([1, 2, 3]);
    const flat = Float64Array.from([5, 5, 5]);
    expect(averageCorrelation([x, flat, x])).toBeCloseTo(1, 14);
    expect(averageCorrelation([x, flat])).toBeNaN();
    expect(averageCorrelation([])).toBeNaN();
    expect(() => averageCorrelation([x, Float64Array.from([1, 2])])).toThrow(/column 1 has 2 values/);
    expect(() => averageCorrelation([x, Float64Array.from([1, NaN, 2])])).toThrow(/column 1, row 1/);
  });
});

describe('effectiveTrials', () => {
  it('is ρ̄ + (1 − ρ̄)·N', () => {
    expect(effectiveTrials(100, 0)).toBe(100);
    expect(effectiveTrials(100, 1)).toBe(1);
    expect(effectiveTrials(100, 0.5)).toBeCloseTo(50.5, 12);
    expect(effectiveTrials(1000, 0.9)).toBeCloseTo(0.9 + 0.1 * 1000, 10);
  });

  it('is clamped to [1, N] and rejects bad input', () => {
    expect(effectiveTrials(10, -0.5)).toBe(10);
    expect(effectiveTrials(1, 0.3)).toBe(1);
    expect(() => effectiveTrials(0, 0.2)).toThrow(/trials/);
    expect(() => effectiveTrials(10, NaN)).toThrow(/averageCorrelation/);
  });

  it('feeds the DSR: correlated trials lower SR0 (fewer independent draws)', () => {
    const rho = averageCorrelation(factorColumns(30, 1500, 2, 5)); // ≈ 0.8
    const n = effectiveTrials(30, rho);
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(10);
  });
});
