// quantileType7, selectQuantileType7, workingCopy and sortedCopy: numpy's default percentile (linear = Hyndman &
// Fan type 7) on hand vectors, the decimal-level snapping, selection agreeing with sorting, and the scratch contract.

import { describe, expect, it } from 'vitest';
import { quantileType7, selectQuantileType7, sortedCopy, workingCopy } from '../../../../src/core/metrics';

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
    expect(() => selectQuantileType7(x, 2)).toThrow(RangeError);
  });
});

describe('selectQuantileType7 (the same quantile, selected from unsorted data)', () => {
  it('gives the hand-checked type-7 values from shuffled input', () => {
    expect(selectQuantileType7(f64(4, 1, 3, 2), 0.95)).toBeCloseTo(3.85, 14);
    expect(selectQuantileType7(f64(3, 4, 2, 1), 0.05)).toBeCloseTo(1.15, 14);
    expect(selectQuantileType7(f64(2, 4, 1, 3), 0)).toBe(1);
    expect(selectQuantileType7(f64(2, 4, 1, 3), 1)).toBe(4);
    expect(selectQuantileType7(f64(5), 0.5)).toBe(5);
    expect(selectQuantileType7(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('agrees with sorting on random data full of ties, and keeps the values (only their order changes)', () => {
    // Like a strategy that is flat most of the time: many exact zeros among small returns.
    let s = 12345;
    const rnd = (): number => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647;
    };
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rnd() * 300);
      const values = new Float64Array(n).map(() => (rnd() < 0.6 ? 0 : Math.round((rnd() - 0.5) * 200) / 1000));
      const sorted = Float64Array.from(values).sort();
      const work = Float64Array.from(values);
      for (const p of [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1, rnd()]) {
        expect(selectQuantileType7(work, p), `n=${n} p=${p}`).toBe(quantileType7(sorted, p));
      }
      expect(Array.from(Float64Array.from(work).sort())).toEqual(Array.from(sorted));
    }
  });

  it('handles already sorted, reversed and constant input', () => {
    const up = new Float64Array(101).map((_, i) => i);
    expect(selectQuantileType7(up, 0.05)).toBe(5);
    const down = new Float64Array(101).map((_, i) => 100 - i);
    expect(selectQuantileType7(down, 0.95)).toBe(95);
    expect(selectQuantileType7(new Float64Array(50).fill(0.01), 0.37)).toBe(0.01);
  });
});

describe('workingCopy and sortedCopy', () => {
  it('copy into a new array without touching the input', () => {
    const values = f64(3, -1, 10, 2);
    expect(Array.from(sortedCopy(values))).toEqual([-1, 2, 3, 10]);
    const work = workingCopy(values);
    expect(work).not.toBe(values);
    expect(Array.from(work)).toEqual([3, -1, 10, 2]);
    expect(Array.from(values)).toEqual([3, -1, 10, 2]);
  });

  it('use a long-enough scratch buffer and return a view of exactly n elements', () => {
    const scratch = new Float64Array(6).fill(99);
    const sorted = sortedCopy(f64(0.5, -0.5, 0), scratch);
    expect(sorted.buffer).toBe(scratch.buffer);
    expect(Array.from(sorted)).toEqual([-0.5, 0, 0.5]);
    expect(Array.from(scratch)).toEqual([-0.5, 0, 0.5, 99, 99, 99]);
  });

  it('allocate when the scratch buffer is too short; sortedCopy sorts NaN last', () => {
    const scratch = new Float64Array(1);
    const sorted = sortedCopy(f64(2, NaN, 1), scratch);
    expect(sorted.buffer).not.toBe(scratch.buffer);
    expect(sorted[0]).toBe(1);
    expect(sorted[1]).toBe(2);
    expect(sorted[2]).toBeNaN();
  });

  it('refuse a scratch buffer that is a view of the input buffer', () => {
    const buffer = new Float64Array(8);
    expect(() => workingCopy(buffer.subarray(0, 4), buffer.subarray(4))).toThrow(/same buffer/);
  });
});
