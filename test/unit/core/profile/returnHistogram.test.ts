import { describe, expect, it } from 'vitest';
import { MAX_BINS, returnHistogram } from '../../../../src/core/profile';
import { seeded } from '../backtest/helpers';

const f64 = (...v: number[]) => Float64Array.from(v);
const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

describe('returnHistogram', () => {
  it('counts every return once: counts sum to n, edges span min to max', () => {
    const rnd = seeded(3);
    const returns = Float64Array.from({ length: 5000 }, () => (rnd() - 0.5) * 0.04);
    const h = returnHistogram(returns);
    expect(sum(h.counts)).toBe(5000);
    expect(h.count).toBe(5000);
    expect(h.edges.length).toBe(h.counts.length + 1);
    expect(h.edges[0]).toBe(Math.min(...returns));
    expect(h.edges[h.edges.length - 1]).toBe(Math.max(...returns));
    for (let k = 1; k < h.edges.length; k++) expect(h.edges[k]).toBeGreaterThan(h.edges[k - 1]);
    expect(h.counts.length).toBeLessThanOrEqual(MAX_BINS);
  });

  it('uses Freedman–Diaconis bins: 2 × IQR × n^(-1/3) wide', () => {
    // 0..99 / 100: IQR (type 7) = 0.495, width = 0.99 / ∛100 ≈ 0.2133, range 0.99 → 5 bins.
    const returns = Float64Array.from({ length: 100 }, (_, i) => i / 100);
    const h = returnHistogram(returns);
    expect(h.counts.length).toBe(5);
    expect(h.counts).toEqual([20, 20, 20, 20, 20]);
  });

  it('falls back to the square-root rule when the IQR is zero, and caps the bins at 60', () => {
    // 90 zeros and 10 spread values: IQR 0, so ⌈√100⌉ = 10 bins.
    const returns = Float64Array.from({ length: 100 }, (_, i) => (i < 90 ? 0 : (i - 89) / 100));
    expect(returnHistogram(returns).counts.length).toBe(10);
    const many = Float64Array.from({ length: 10_000 }, (_, i) => (i < 9000 ? 0 : i / 1e6));
    expect(returnHistogram(many).counts.length).toBe(MAX_BINS);
  });

  it('gives mean and sample std of the same returns for the normal overlay', () => {
    const h = returnHistogram(f64(0.01, -0.02, 0.03, 0));
    expect(h.mean).toBeCloseTo(0.005, 15);
    const sd = Math.sqrt(((0.005 ** 2) + (0.025 ** 2) + (0.025 ** 2) + (0.005 ** 2)) / 3);
    expect(h.std).toBeCloseTo(sd, 15);
  });

  it('handles no returns, one value repeated, and skips non-finite values', () => {
    expect(returnHistogram(f64())).toEqual({ edges: [], counts: [], mean: null, std: null, count: 0 });
    const same = returnHistogram(f64(0.01, 0.01, 0.01));
    expect(same.counts).toEqual([3]);
    expect(same.edges[0]).toBeLessThan(0.01);
    expect(same.edges[1]).toBeGreaterThan(0.01);
    expect(same.std).toBe(0);
    const one = returnHistogram(f64(0.02));
    expect(one).toMatchObject({ counts: [1], mean: 0.02, std: null, count: 1 });
    const holes = returnHistogram(f64(0.01, NaN, -0.01, Infinity));
    expect(holes.count).toBe(2);
    expect(sum(holes.counts)).toBe(2);
  });
});
