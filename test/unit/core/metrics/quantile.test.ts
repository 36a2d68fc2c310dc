// quantileType7 and sortedCopy: numpy's default percentile (linear = Hyndman & Fan type 7) on hand vectors, the
// decimal-level snapping, and the scratch-buffer contract.

import { describe, expect, it } from 'vitest';
import { quantileType7, sortedCopy } from '../../../../src/core/metrics';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('quantileType7 (numpy.percentile default "linear" = Hyndman & Fan 1996 type 7 = R quantile default)', () => {
  const x = f64(1, 2, 3, 4);

  it('interpolates at h = (n − 1)·p between order statistics', () => {
    // h = 3·0.95 = 2.85 → x[2] + 0.85·(x[3] − x[2]) = 3.85   (numpy.percentile([1,2,3,4], 95) = 3.85)
    expect(quantileType7(x, 0.95)).toBeCloseTo(3.85, 14);
    // h = 3·0.05 = 0.15 → 1 + 0.15·1 = 1.15. (Type 6 / Excel PERCENTILE.EXC and nearest-rank would give 1.)
    expect(quantileType7(x, 0.05)).toBeCloseTo(1.15, 14);
    // h = 1.5 → 2.5, the median.
    expect(quantileType7(x, 0.5)).toBe(2.5);
  });

  it('returns the extremes at p = 0 and p = 1, and the only value of a one-element array', () => {
    expect(quantileType7(x, 0)).toBe(1);
    expect(quantileType7(x, 1)).toBe(4);
    expect(quantileType7(f64(7), 0.3)).toBe(7);
  });

  it('lands exactly on an order statistic for a decimal p that binary rounds below it', () => {
    // 1 − 0.9 = 0.09999999999999998; with 11 values h = 10·p should be exactly 1 → x[1].
    const y = f64(-0.1, -0.08, -0.06, -0.04, -0.02, 0, 0.02, 0.04, 0.06, 0.08, 0.1);
    expect(quantileType7(y, 1 - 0.9)).toBe(-0.08);
    expect(quantileType7(y, 1 - 0.8)).toBe(-0.06);
  });

  it('is NaN for an empty array and throws for p outside [0, 1]', () => {
    expect(quantileType7(new Float64Array(0), 0.5)).toBeNaN();
    expect(() => quantileType7(x, -0.01)).toThrow(RangeError);
    expect(() => quantileType7(x, 1.01)).toThrow(/p must be in \[0, 1\]/);
    expect(() => quantileType7(x, NaN)).toThrow(RangeError);
  });
});

describe('sortedCopy', () => {
  it('sorts numerically into a new array without touching the input', () => {
    const values = f64(3, -1, 10, 2);
    const sorted = sortedCopy(values);
    expect(Array.from(sorted)).toEqual([-1, 2, 3, 10]);
    expect(Array.from(values)).toEqual([3, -1, 10, 2]);
  });

  it('sorts into a long-enough scratch buffer and returns a view of exactly n elements', () => {
    const scratch = new Float64Array(6).fill(99);
    const sorted = sortedCopy(f64(0.5, -0.5, 0), scratch);
    expect(sorted.buffer).toBe(scratch.buffer);
    expect(Array.from(sorted)).toEqual([-0.5, 0, 0.5]);
    expect(Array.from(scratch)).toEqual([-0.5, 0, 0.5, 99, 99, 99]);
  });

  it('allocates when the scratch buffer is too short, and sorts NaN last', () => {
    const scratch = new Float64Array(1);
    const sorted = sortedCopy(f64(2, NaN, 1), scratch);
    expect(sorted.buffer).not.toBe(scratch.buffer);
    expect(sorted[0]).toBe(1);
    expect(sorted[1]).toBe(2);
    expect(sorted[2]).toBeNaN();
  });

  it('refuses a scratch buffer that is a view of the input buffer', () => {
    const buffer = new Float64Array(8);
    expect(() => sortedCopy(buffer.subarray(0, 4), buffer.subarray(4))).toThrow(/same buffer/);
  });
});
