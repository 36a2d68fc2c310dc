import { describe, expect, it } from 'vitest';
import { Rng, RNG_STATE_LENGTH } from '../../../../src/core/random/index';

/**
 * sfc32 transcribed from PractRand's C++ (tmp = a + b + counter++; a = b ^ (b >> 9); b = c + (c << 3);
 * c = rotl(c, 21) + tmp; return tmp), independently of the class, to check it against the reference.
 */
function referenceSfc32(a: number, b: number, c: number, counter: number): () => number {
  return () => {
    const tmp = (a + b + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = (((c << 21) | (c >>> 11)) + tmp) >>> 0;
    return tmp;
  };
}

function draw(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

describe('Rng', () => {
  it('is deterministic: the same seed gives the same stream, pinned to known values', () => {
    const r = new Rng(42);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([1959603763, 2423114712, 2466933512]);
    expect(r.nextFloat()).toBe(0.9649424838356481);
    expect(r.nextInt(1000)).toBe(286);
    // Normals go through Math.log/sqrt, which the spec lets engines approximate: compare closely, not bit for bit.
    expect(r.normal()).toBeCloseTo(-2.349270368065338, 12);
    expect(r.studentT(5)).toBeCloseTo(-1.0278109923236571, 12);
    expect(draw(new Rng(123), 100)).toEqual(draw(new Rng(123), 100));
  });

  it('gives different streams for different seeds, including seeds beyond 32 bits and negative ones', () => {
    const streams = [0, 1, 2, -1, 2 ** 32, 2 ** 32 + 1, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER].map((s) => draw(new Rng(s), 4).join(','));
    expect(new Set(streams).size).toBe(streams.length);
  });

  it('implements sfc32 exactly as published', () => {
    const rng = new Rng(9);
    const [a, b, c, d] = rng.getState();
    const reference = referenceSfc32(a, b, c, d);
    for (let i = 0; i < 10_000; i++) expect(rng.nextUint32()).toBe(reference());
  });

  it('rejects seeds that are not safe integers', () => {
    for (const bad of [1.5, NaN, Infinity, 2 ** 60]) expect(() => new Rng(bad)).toThrow(RangeError);
  });

  it('nextFloat is in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Rng(1);
    let sum = 0;
    let sumSq = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = rng.nextFloat();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      sumSq += x * x;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 3);
  });

  it('nextInt is uniform over [0, n) (chi-square) and checks its argument', () => {
    const rng = new Rng(2);
    const n = 7;
    const counts = new Array<number>(n).fill(0);
    const draws = 70_000;
    for (let i = 0; i < draws; i++) counts[rng.nextInt(n)]++;
    const expected = draws / n;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(22.46); // 99.9th percentile of chi-square with 6 degrees of freedom
    expect(new Rng(3).nextInt(1)).toBe(0);
    const big = new Rng(4).nextInt(2 ** 32);
    expect(Number.isInteger(big) && big >= 0 && big < 2 ** 32).toBe(true);
    for (const bad of [0, -1, 2.5, 2 ** 32 + 1, NaN]) expect(() => rng.nextInt(bad)).toThrow(RangeError);
  });

  it('normal() has mean 0, variance 1 and the normal tails', () => {
    const rng = new Rng(5);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 1.96) beyond2++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(sumSq / n).toBeCloseTo(1, 1);
    expect(beyond2 / n).toBeCloseTo(0.05, 2);
  });

  it('studentT(nu) has variance nu / (nu - 2) and fat tails; gamma(k) has mean k', () => {
    const rng = new Rng(6);
    const n = 200_000;
    let sumSq = 0;
    let sum4 = 0;
    for (let i = 0; i < n; i++) {
      const t = rng.studentT(6);
      sumSq += t * t;
      sum4 += t ** 4;
    }
    const variance = sumSq / n;
    expect(variance).toBeGreaterThan(1.4);
    expect(variance).toBeLessThan(1.6); // 6 / 4 = 1.5
    expect(sum4 / n / variance ** 2).toBeGreaterThan(4); // kurtosis 6 for nu = 6; a normal has 3
    for (const shape of [0.5, 1, 3.5]) {
      let s = 0;
      for (let i = 0; i < 50_000; i++) s += rng.gamma(shape);
      expect(s / 50_000).toBeCloseTo(shape, 1);
    }
    expect(Number.isFinite(rng.studentT(Infinity))).toBe(true);
    expect(() => rng.studentT(0)).toThrow(RangeError);
    expect(() => rng.gamma(-1)).toThrow(RangeError);
  });

  it('saves and restores its state exactly, even between the two normals of a pair', () => {
    const rng = new Rng(77);
    rng.normal(); // leaves the spare normal cached
    const state = rng.getState();
    expect(state).toHaveLength(RNG_STATE_LENGTH);
    expect(state[4]).toBe(1);
    const resumed = Rng.fromState(JSON.parse(JSON.stringify(state)) as number[]);
    const a = [rng.normal(), rng.nextFloat(), rng.studentT(3), rng.nextInt(10)];
    const b = [resumed.normal(), resumed.nextFloat(), resumed.studentT(3), resumed.nextInt(10)];
    expect(b).toEqual(a);
    const other = new Rng(1);
    other.setState(rng.getState());
    expect(draw(other, 50)).toEqual(draw(rng, 50));
  });

  it('rejects malformed states', () => {
    const rng = new Rng(1);
    expect(() => rng.setState([1, 2, 3])).toThrow(RangeError);
    expect(() => rng.setState([1, 2, 3, 2 ** 32, 0, 0])).toThrow(RangeError);
    expect(() => rng.setState([1, 2, 3, 4, 2, 0])).toThrow(RangeError);
    expect(() => rng.setState([1, 2, 3, 4, 1, NaN])).toThrow(RangeError);
  });
});
