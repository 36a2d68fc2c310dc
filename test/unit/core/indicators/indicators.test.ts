// Hand-checkable values, warm-up lengths, NaN handling, argument validation and the *Into variants of
// src/core/indicators. Conformance with R TTR on real data is in conformance.test.ts.

import { describe, expect, it } from 'vitest';
import {
  atr,
  atrInto,
  bbands,
  bbandsInto,
  donchian,
  donchianInto,
  ema,
  emaInto,
  macd,
  macdInto,
  roc,
  rocInto,
  rollingMax,
  rollingMaxInto,
  rollingMin,
  rollingMinInto,
  rollingStd,
  rollingStdInto,
  rsi,
  rsiInto,
  sma,
  smaInto,
  stochastic,
  stochasticInto,
  wma,
  wmaInto,
} from '../../../../src/core/indicators';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

/** Element-wise: NaN where expected is NaN, otherwise within 1e-12. */
function expectSeries(actual: Float64Array, expected: readonly number[]): void {
  expect(actual).toBeInstanceOf(Float64Array);
  expect(actual.length).toBe(expected.length);
  const got = Array.from(actual, (v) => (Number.isNaN(v) ? 'NaN' : v));
  const want = expected.map((v) => (Number.isNaN(v) ? 'NaN' : v));
  for (let i = 0; i < expected.length; i++) {
    if (Number.isNaN(expected[i])) expect(got[i], `index ${i}`).toBe('NaN');
    else expect(actual[i], `index ${i}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`).toBeCloseTo(expected[i], 12);
  }
}

/** Deterministic pseudo-random walk (mulberry32) so failures reproduce. */
function randomWalk(len: number, seed = 42): Float64Array {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const x = new Float64Array(len);
  let p = 100;
  for (let i = 0; i < len; i++) {
    p *= 1 + (rnd() - 0.5) * 0.04;
    x[i] = Math.round(p * 100) / 100;
  }
  return x;
}

const N = NaN;

describe('hand-checked values', () => {
  it('sma([1..5], 2) and sma([1..5], 3)', () => {
    expectSeries(sma(f64(1, 2, 3, 4, 5), 2), [N, 1.5, 2.5, 3.5, 4.5]);
    expectSeries(sma(f64(1, 2, 3, 4, 5), 3), [N, N, 2, 3, 4]);
    expectSeries(sma(f64(1, 2, 3), 1), [1, 2, 3]);
  });

  it('ema([1..5], 2): seed = mean of first 2, then α = 2/3; wilder α = 1/2', () => {
    expectSeries(ema(f64(1, 2, 3, 4, 5), 2), [N, 1.5, 2.5, 3.5, 4.5]);
    expectSeries(ema(f64(1, 2, 3, 4, 5), 2, { wilder: true }), [N, 1.5, 2.25, 3.125, 4.0625]);
    expectSeries(ema(f64(1, 2, 3, 4, 5), 2, { wilder: false }), [N, 1.5, 2.5, 3.5, 4.5]);
  });

  it('wma([1,2,3,4], 3): weights 1,2,3 with the newest heaviest', () => {
    expectSeries(wma(f64(1, 2, 3, 4), 3), [N, N, 14 / 6, 20 / 6]);
    expectSeries(wma(f64(6, 0, 0), 3), [N, N, 1]);
    expectSeries(wma(f64(0, 0, 6), 3), [N, N, 3]);
  });

  it('rsi([1,2,1,2,3], 2): Wilder averages of gains and losses', () => {
    // changes +1 -1 +1 +1; seed avgUp = avgDn = 0.5 -> 50; then (0.75, 0.25) -> 75; (0.875, 0.125) -> 87.5
    expectSeries(rsi(f64(1, 2, 1, 2, 3), 2), [N, N, 50, 75, 87.5]);
    expectSeries(rsi(f64(1, 2, 3, 4), 2), [N, N, 100, 100]);
    expectSeries(rsi(f64(4, 3, 2, 1), 2), [N, N, 0, 0]);
    // No movement at all: 0/0, as in TTR.
    expectSeries(rsi(f64(5, 5, 5, 5), 2), [N, N, N, N]);
  });

  it('bbands([1,2,3], 3, 2): population SD, %B', () => {
    const sd = Math.sqrt(2 / 3);
    const b = bbands(f64(1, 2, 3), 3, 2);
    expectSeries(b.middle, [N, N, 2]);
    expectSeries(b.upper, [N, N, 2 + 2 * sd]);
    expectSeries(b.lower, [N, N, 2 - 2 * sd]);
    expectSeries(b.pctB, [N, N, 0.5 + 1 / (4 * sd)]);
    // A flat window has zero width: %B is undefined.
    expectSeries(bbands(f64(2, 2, 2), 3, 2).pctB, [N, N, N]);
  });

  it('macd with fast 1, slow 2, signal 1 on [0,3,6,9]', () => {
    // ema(x,1) = x; ema(x,2) = [NaN, 1.5, 4.5, 7.5]
    const m = macd(f64(0, 3, 6, 9), 1, 2, 1);
    expectSeries(m.macd, [N, 1.5, 1.5, 1.5]);
    expectSeries(m.signal, [N, 1.5, 1.5, 1.5]);
    expectSeries(m.histogram, [N, 0, 0, 0]);
    const p = macd(f64(0, 3, 6, 9), 1, 2, 1, { percent: true });
    expectSeries(p.macd, [N, 100, 100 * (6 / 4.5 - 1), 20]);
    expectSeries(macd(f64(0, 3, 6, 9), 1, 2, 1, { percent: false }).macd, [N, 1.5, 1.5, 1.5]);
  });

  it('macd signal is seeded on the first `signal` macd values (warm-up 26 + 9 - 2 with 12/26/9)', () => {
    const m = macd(randomWalk(60), 12, 26, 9);
    expect(m.macd.findIndex((v) => !Number.isNaN(v))).toBe(25);
    expect(m.signal.findIndex((v) => !Number.isNaN(v))).toBe(33);
    expect(m.histogram.findIndex((v) => !Number.isNaN(v))).toBe(33);
    let seed = 0;
    for (let i = 25; i <= 33; i++) seed += m.macd[i] / 9;
    expect(m.signal[33]).toBe(seed);
  });

  it('atr: true range uses the previous close, is NaN on bar 0, Wilder-smoothed', () => {
    const high = f64(10, 11, 12, 12);
    const low = f64(9, 10, 10, 11);
    const close = f64(9.5, 10.5, 11, 11.5);
    const a = atr(high, low, close, 2);
    // tr1 = 11 - 9.5, tr2 = 12 - 10, tr3 = 12 - 11; seed (1.5 + 2)/2, then 1*0.5 + 1.75*0.5
    expectSeries(a.trueRange, [N, 1.5, 2, 1]);
    expectSeries(a.atr, [N, N, 1.75, 1.375]);
    // A gap: the previous close lies outside today's range.
    expectSeries(atr(f64(10, 6), f64(9, 5), f64(9.5, 5.5), 1).trueRange, [N, 4.5]);
  });

  it('roc is x[t]/x[t-n] - 1 as a fraction', () => {
    expectSeries(roc(f64(100, 110, 121), 1), [N, 0.1, 0.1]);
    expectSeries(roc(f64(100, 110, 121), 2), [N, N, 0.21]);
  });

  it('rollingStd: sample by default, population on request', () => {
    const x = f64(2, 4, 4, 4, 5, 5, 7, 9);
    expectSeries(rollingStd(x, 8, { sample: false }), [N, N, N, N, N, N, N, 2]);
    expectSeries(rollingStd(x, 8), [N, N, N, N, N, N, N, Math.sqrt(32 / 7)]);
    expectSeries(rollingStd(x, 8, { sample: true }), [N, N, N, N, N, N, N, Math.sqrt(32 / 7)]);
    expectSeries(rollingStd(f64(1, 3, 7), 2), [N, Math.SQRT2, 2 * Math.SQRT2]);
    expectSeries(rollingStd(f64(1, 3), 1, { sample: false }), [0, 0]);
  });

  it('donchian: window includes the current bar', () => {
    const d = donchian(f64(1, 3, 2, 5, 4), f64(0, 2, 1, 3, 1), 3);
    expectSeries(d.upper, [N, N, 3, 5, 5]);
    expectSeries(d.lower, [N, N, 0, 1, 1]);
    expectSeries(d.middle, [N, N, 1.5, 3, 3]);
  });

  it('stochastic: fractions 0..1, fastD and slowD are SMAs', () => {
    const s = stochastic(f64(10, 12, 11, 13), f64(8, 9, 9, 10), f64(9, 11, 10, 12), 2, 2, 2);
    expectSeries(s.fastK, [N, 0.75, 1 / 3, 0.75]);
    expectSeries(s.fastD, [N, N, (0.75 + 1 / 3) / 2, (1 / 3 + 0.75) / 2]);
    expectSeries(s.slowD, [N, N, N, (0.75 + 1 / 3) / 2]);
  });

  it('stochastic: fastK is exactly 0.5 over a flat range, even after a long history', () => {
    const x = randomWalk(5000);
    const len = x.length + 20;
    const high = new Float64Array(len);
    const low = new Float64Array(len);
    const close = new Float64Array(len);
    for (let i = 0; i < len; i++) {
      const p = i < x.length ? x[i] : 77.77;
      high[i] = i < x.length ? p * 1.01 : p;
      low[i] = i < x.length ? p * 0.99 : p;
      close[i] = p;
    }
    const s = stochastic(high, low, close, 14, 3, 3);
    for (let i = x.length + 13; i < len; i++) expect(s.fastK[i]).toBe(0.5);
    for (let i = 13; i < len; i++) {
      expect(s.fastK[i]).toBeGreaterThanOrEqual(0);
      expect(s.fastK[i]).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('TTR running sums: sma(x, 1) and the stochastic smooth step are not the identity in the last bit', () => {
    // 0.1 + 0.2 - 0.1 rounds to 0.20000000000000004; TTR's runSum (and so SMA(x, 1) and stoch) gives that too.
    expect(sma(f64(0.1, 0.2), 1)[1]).toBe(0.20000000000000004);
    const s = stochastic(f64(1, 1), f64(0, 0), f64(0.1, 0.2), 1, 1, 1);
    expect(s.fastK[1]).toBe(0.20000000000000004);
  });

  it('rollingMax / rollingMin', () => {
    expectSeries(rollingMax(f64(3, 1, 2, 0, 5), 2), [N, 3, 2, 2, 5]);
    expectSeries(rollingMin(f64(3, 1, 2, 0, 5), 2), [N, 1, 1, 0, 0]);
    expectSeries(rollingMax(f64(5, 4, 3, 2, 1), 3), [N, N, 5, 4, 3]);
    expectSeries(rollingMin(f64(1, 2, 3, 4, 5), 3), [N, N, 1, 2, 3]);
  });
});

describe('agreement with straightforward formulas on a long random walk', () => {
  const x = randomWalk(3000, 7);
  const high = x.map((v, i) => v * (1 + ((i * 7919) % 13) / 1000));
  const low = x.map((v, i) => v * (1 - ((i * 104729) % 11) / 1000));

  function naiveWindow(i: number, n: number, fn: (w: Float64Array) => number): number {
    return i < n - 1 ? NaN : fn(x.subarray(i - n + 1, i + 1));
  }
  const mean = (w: Float64Array): number => w.reduce((a, b) => a + b, 0) / w.length;
  function close(a: Float64Array, b: (i: number) => number): void {
    for (let i = 0; i < a.length; i++) {
      const e = b(i);
      if (Number.isNaN(e)) expect(a[i], `index ${i}`).toBeNaN();
      else expect(Math.abs(a[i] - e), `index ${i}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
    }
  }

  it('sma, wma, rollingStd, rollingMax/Min, donchian', () => {
    close(sma(x, 37), (i) => naiveWindow(i, 37, mean));
    close(
      wma(x, 10),
      (i) => naiveWindow(i, 10, (w) => w.reduce((a, v, j) => a + v * (j + 1), 0) / 55),
    );
    close(
      rollingStd(x, 25),
      (i) => naiveWindow(i, 25, (w) => Math.sqrt(w.reduce((a, v) => a + (v - mean(w)) ** 2, 0) / 24)),
    );
    close(rollingMax(x, 50), (i) => naiveWindow(i, 50, (w) => Math.max(...w)));
    close(rollingMin(x, 50), (i) => naiveWindow(i, 50, (w) => Math.min(...w)));
    const d = donchian(high, low, 20);
    close(d.upper, (i) => (i < 19 ? NaN : Math.max(...high.subarray(i - 19, i + 1))));
    close(d.lower, (i) => (i < 19 ? NaN : Math.min(...low.subarray(i - 19, i + 1))));
  });

  it('stochastic fastK equals (close - lowest low) / (highest high - lowest low)', () => {
    const s = stochastic(high, low, x, 14, 3, 3);
    close(s.fastK, (i) => {
      if (i < 13) return NaN;
      const hh = Math.max(...high.subarray(i - 13, i + 1));
      const ll = Math.min(...low.subarray(i - 13, i + 1));
      return (x[i] - ll) / (hh - ll);
    });
  });

  it('ema equals its recursive definition; rsi equals 100 - 100/(1 + RS)', () => {
    const e = ema(x, 30);
    close(e, (i) => (i < 29 ? NaN : i === 29 ? mean(x.subarray(0, 30)) : x[i] * (2 / 31) + e[i - 1] * (29 / 31)));
    const up = new Float64Array(x.length);
    const dn = new Float64Array(x.length);
    up[0] = dn[0] = NaN;
    for (let i = 1; i < x.length; i++) {
      up[i] = Math.max(x[i] - x[i - 1], 0);
      dn[i] = Math.max(x[i - 1] - x[i], 0);
    }
    const au = ema(up, 14, { wilder: true });
    const ad = ema(dn, 14, { wilder: true });
    close(rsi(x, 14), (i) => 100 - 100 / (1 + au[i] / ad[i]));
  });
});

describe('windowed indicators against a brute-force oracle, with ties and scattered NaNs', () => {
  // Values on a coarse grid (many ties) with NaN runs; every window length from 1 to 40 (ring-buffer edges).
  const x = randomWalk(400, 11).map((v, i) => (i % 37 === 5 || i % 53 === 9 || i % 53 === 10 ? NaN : Math.round(v)));
  function oracle(n: number, fn: (w: number[]) => number): number[] {
    return Array.from(x, (_, i) => {
      if (i < n - 1) return NaN;
      const w = Array.from(x.subarray(i - n + 1, i + 1));
      return w.some(Number.isNaN) ? NaN : fn(w);
    });
  }
  const near = (a: Float64Array, e: number[]): void => {
    for (let i = 0; i < e.length; i++) {
      if (Number.isNaN(e[i])) expect(a[i], `index ${i}`).toBeNaN();
      else expect(Math.abs(a[i] - e[i]), `index ${i}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e[i])));
    }
  };

  it('rollingMax, rollingMin, sma, wma, rollingStd for n = 1..40', () => {
    for (let n = 1; n <= 40; n++) {
      expect(Array.from(rollingMax(x, n)), `max n=${n}`).toEqual(oracle(n, (w) => Math.max(...w)));
      expect(Array.from(rollingMin(x, n)), `min n=${n}`).toEqual(oracle(n, (w) => Math.min(...w)));
      near(sma(x, n), oracle(n, (w) => w.reduce((a, b) => a + b, 0) / n));
      near(wma(x, n), oracle(n, (w) => w.reduce((a, v, j) => a + v * (j + 1), 0) / ((n * (n + 1)) / 2)));
      near(
        rollingStd(x, n, { sample: false }),
        oracle(n, (w) => {
          const m = w.reduce((a, b) => a + b, 0) / n;
          return Math.sqrt(w.reduce((a, v) => a + (v - m) ** 2, 0) / n);
        }),
      );
    }
  });
});

describe('warm-up longer than the series', () => {
  const x = randomWalk(10);
  const h = x.map((v) => v + 1);
  const l = x.map((v) => v - 1);
  const allNaN = (a: Float64Array): void => {
    expect(a.length).toBe(10);
    expect(Array.from(a).every(Number.isNaN), Array.from(a).join(',')).toBe(true);
  };

  it.each([11, 12, 1000])('n = %i gives all NaN, the same length as the input', (n) => {
    allNaN(sma(x, n));
    allNaN(ema(x, n));
    allNaN(ema(x, n, { wilder: true }));
    allNaN(wma(x, n));
    allNaN(rsi(x, n));
    allNaN(roc(x, n));
    allNaN(rollingStd(x, n));
    allNaN(rollingMax(x, n));
    allNaN(rollingMin(x, n));
    for (const a of Object.values(bbands(x, n, 2))) allNaN(a);
    for (const a of Object.values(macd(x, 2, n, 2))) allNaN(a);
    for (const a of Object.values(macd(x, n, 3, 2))) allNaN(a);
    allNaN(atr(h, l, x, n).atr);
    for (const a of Object.values(donchian(h, l, n))) allNaN(a);
    for (const a of Object.values(stochastic(h, l, x, n, 1, 1))) allNaN(a);
  });

  it('n equal to the series length gives exactly one value (rsi and roc need n+1 bars)', () => {
    const count = (a: Float64Array): number => a.filter((v) => !Number.isNaN(v)).length;
    expect(count(sma(x, 10))).toBe(1);
    expect(count(ema(x, 10))).toBe(1);
    expect(count(wma(x, 10))).toBe(1);
    expect(count(rollingStd(x, 10))).toBe(1);
    expect(count(rollingMax(x, 10))).toBe(1);
    expect(count(rsi(x, 10))).toBe(0);
    expect(count(rsi(x, 9))).toBe(1);
    expect(count(roc(x, 10))).toBe(0);
    expect(count(roc(x, 9))).toBe(1);
    expect(count(atr(h, l, x, 9).atr)).toBe(1);
  });

  it('empty input gives empty output', () => {
    const e = new Float64Array(0);
    expect(sma(e, 3).length).toBe(0);
    expect(ema(e, 3).length).toBe(0);
    expect(rsi(e, 3).length).toBe(0);
    expect(atr(e, e, e, 3).atr.length).toBe(0);
    expect(atr(e, e, e, 3).trueRange.length).toBe(0);
    expect(stochastic(e, e, e, 3, 3, 3).slowD.length).toBe(0);
  });
});

describe('NaN inputs', () => {
  it('leading NaNs delay the warm-up, as TTR does (values equal those of the trimmed series)', () => {
    const x = randomWalk(50);
    const padded = new Float64Array(53);
    padded.fill(NaN, 0, 3);
    padded.set(x, 3);
    const same = (a: Float64Array, b: Float64Array): void => {
      expect(Array.from(a.subarray(0, 3)).every(Number.isNaN)).toBe(true);
      expect(Array.from(a.subarray(3))).toEqual(Array.from(b));
    };
    same(sma(padded, 5), sma(x, 5));
    same(ema(padded, 5), ema(x, 5));
    same(wma(padded, 5), wma(x, 5));
    same(rsi(padded, 5), rsi(x, 5));
    same(roc(padded, 5), roc(x, 5));
    same(rollingStd(padded, 5), rollingStd(x, 5));
    same(rollingMax(padded, 5), rollingMax(x, 5));
    same(bbands(padded, 5, 2).pctB, bbands(x, 5, 2).pctB);
    same(macd(padded, 3, 6, 4).signal, macd(x, 3, 6, 4).signal);
    same(stochastic(padded, padded, padded, 5, 3, 3).slowD, stochastic(x, x, x, 5, 3, 3).slowD);
  });

  it('a NaN inside the series blanks exactly the windows that contain it; windowed indicators recover', () => {
    const x = f64(1, 2, 3, NaN, 5, 6, 7, 8);
    expectSeries(sma(x, 2), [N, 1.5, 2.5, N, N, 5.5, 6.5, 7.5]);
    // After the gap the running sum restarts: same values as sma on the clean tail.
    expect(Array.from(sma(x, 3).subarray(6))).toEqual(Array.from(sma(f64(5, 6, 7, 8), 3).subarray(2)));
    expectSeries(wma(x, 2), [N, 5 / 3, 8 / 3, N, N, 17 / 3, 20 / 3, 23 / 3]);
    expectSeries(rollingMax(x, 2), [N, 2, 3, N, N, 6, 7, 8]);
    expectSeries(rollingMin(x, 2), [N, 1, 2, N, N, 5, 6, 7]);
    expectSeries(rollingStd(x, 2, { sample: false }), [N, 0.5, 0.5, N, N, 0.5, 0.5, 0.5]);
    expectSeries(roc(x, 1), [N, 1, 0.5, N, N, 0.2, 1 / 6, 1 / 7]);
    const s = stochastic(x, x, x, 2, 1, 1);
    expectSeries(s.fastK, [N, 1, 1, N, N, 1, 1, 1]);
  });

  it('a NaN inside the series makes recursive indicators NaN from there on', () => {
    const x = f64(1, 2, 3, NaN, 5, 6, 7, 8);
    expectSeries(ema(x, 2), [N, 1.5, 2.5, N, N, N, N, N]);
    expectSeries(rsi(x, 2), [N, N, 100, N, N, N, N, N]);
    expectSeries(macd(x, 1, 2, 1).macd, [N, 0.5, 0.5, N, N, N, N, N]);
    const a = atr(x, x, x, 2);
    expectSeries(a.trueRange, [N, 1, 1, N, N, 1, 1, 1]);
    expectSeries(a.atr, [N, N, 1, N, N, N, N, N]);
  });
});

describe('argument validation', () => {
  const x = randomWalk(30);
  const short = randomWalk(29);

  it.each([0, -1, 2.5, NaN, Infinity, -Infinity])('period %s is rejected, naming the function and argument', (n) => {
    expect(() => sma(x, n)).toThrow(/^sma: n must be an integer >= 1/);
    expect(() => ema(x, n)).toThrow(/^ema: n /);
    expect(() => wma(x, n)).toThrow(/^wma: n /);
    expect(() => rsi(x, n)).toThrow(/^rsi: n /);
    expect(() => roc(x, n)).toThrow(/^roc: n /);
    expect(() => rollingStd(x, n)).toThrow(/^rollingStd: n /);
    expect(() => rollingMax(x, n)).toThrow(/^rollingMax: n /);
    expect(() => rollingMin(x, n)).toThrow(/^rollingMin: n /);
    expect(() => bbands(x, n, 2)).toThrow(/^bbands: n /);
    expect(() => macd(x, n, 26, 9)).toThrow(/^macd: fast /);
    expect(() => macd(x, 12, n, 9)).toThrow(/^macd: slow /);
    expect(() => macd(x, 12, 26, n)).toThrow(/^macd: signal /);
    expect(() => atr(x, x, x, n)).toThrow(/^atr: n /);
    expect(() => donchian(x, x, n)).toThrow(/^donchian: n /);
    expect(() => stochastic(x, x, x, n, 3, 3)).toThrow(/^stochastic: nK /);
    expect(() => stochastic(x, x, x, 14, n, 3)).toThrow(/^stochastic: nD /);
    expect(() => stochastic(x, x, x, 14, 3, n)).toThrow(/^stochastic: nSlowD /);
    expect(() => smaInto(x, n, new Float64Array(30))).toThrow(/^smaInto: n /);
  });

  it('rollingStd with the sample divisor needs n >= 2', () => {
    expect(() => rollingStd(x, 1)).toThrow(/^rollingStd: n must be an integer >= 2/);
    expect(() => rollingStd(x, 1, { sample: false })).not.toThrow();
  });

  it.each([0, -2, NaN, Infinity])('bbands k = %s is rejected', (k) => {
    expect(() => bbands(x, 20, k)).toThrow(/^bbands: k /);
  });

  it('high, low and close of different lengths are rejected, naming them', () => {
    expect(() => atr(x, short, x, 14)).toThrow(/^atr: high, low, close must have the same length, got 30, 29, 30/);
    expect(() => atr(x, x, short, 14)).toThrow(/^atr: high, low, close /);
    expect(() => donchian(x, short, 20)).toThrow(/^donchian: high, low must have the same length/);
    expect(() => stochastic(short, x, x, 14, 3, 3)).toThrow(/^stochastic: high, low, close /);
  });

  it('*Into: wrong output length or memory shared with an input or another output is rejected', () => {
    expect(() => smaInto(x, 5, new Float64Array(29))).toThrow(/^smaInto: out must have the input length 30/);
    expect(() => smaInto(x, 5, x)).toThrow(/^smaInto: out must not share memory/);
    const buf = new Float64Array(60);
    const y = buf.subarray(0, 30);
    y.set(x);
    expect(() => emaInto(y, 5, buf.subarray(29, 59))).toThrow(/^emaInto: out must not share memory/);
    expect(() => emaInto(y, 5, buf.subarray(30, 60))).not.toThrow();
    const o = new Float64Array(30);
    expect(() => macdInto(x, 3, 6, 2, { macd: o, signal: o, histogram: new Float64Array(30) })).toThrow(
      /^macdInto: signal must not share memory with macd/,
    );
  });
});

describe('*Into variants write the same values as the allocating functions and return out', () => {
  const x = randomWalk(500, 3);
  const h = x.map((v) => v * 1.01);
  const l = x.map((v) => v * 0.99);
  const buf = (): Float64Array => new Float64Array(x.length).fill(123);
  const eq = (a: Float64Array, b: Float64Array): void => expect(Array.from(a)).toEqual(Array.from(b));

  it('single-output functions', () => {
    const cases: [Float64Array, (o: Float64Array) => Float64Array][] = [
      [sma(x, 20), (o) => smaInto(x, 20, o)],
      [ema(x, 20), (o) => emaInto(x, 20, o)],
      [ema(x, 20, { wilder: true }), (o) => emaInto(x, 20, o, { wilder: true })],
      [wma(x, 20), (o) => wmaInto(x, 20, o)],
      [rsi(x, 14), (o) => rsiInto(x, 14, o)],
      [roc(x, 10), (o) => rocInto(x, 10, o)],
      [rollingStd(x, 20), (o) => rollingStdInto(x, 20, o)],
      [rollingStd(x, 20, { sample: false }), (o) => rollingStdInto(x, 20, o, { sample: false })],
      [rollingMax(x, 20), (o) => rollingMaxInto(x, 20, o)],
      [rollingMin(x, 20), (o) => rollingMinInto(x, 20, o)],
    ];
    for (const [expected, into] of cases) {
      const o = buf();
      expect(into(o)).toBe(o);
      eq(o, expected);
    }
  });

  it('multi-output functions', () => {
    const bb = { middle: buf(), upper: buf(), lower: buf(), pctB: buf() };
    expect(bbandsInto(x, 20, 2, bb)).toBe(bb);
    const bbRef = bbands(x, 20, 2);
    for (const k of ['middle', 'upper', 'lower', 'pctB'] as const) eq(bb[k], bbRef[k]);

    for (const percent of [false, true]) {
      const m = { macd: buf(), signal: buf(), histogram: buf() };
      expect(macdInto(x, 12, 26, 9, m, { percent })).toBe(m);
      const mRef = macd(x, 12, 26, 9, { percent });
      for (const k of ['macd', 'signal', 'histogram'] as const) eq(m[k], mRef[k]);
    }

    const a = { trueRange: buf(), atr: buf() };
    expect(atrInto(h, l, x, 14, a)).toBe(a);
    const aRef = atr(h, l, x, 14);
    eq(a.trueRange, aRef.trueRange);
    eq(a.atr, aRef.atr);

    const d = { upper: buf(), middle: buf(), lower: buf() };
    expect(donchianInto(h, l, 20, d)).toBe(d);
    const dRef = donchian(h, l, 20);
    for (const k of ['upper', 'middle', 'lower'] as const) eq(d[k], dRef[k]);

    const s = { fastK: buf(), fastD: buf(), slowD: buf() };
    expect(stochasticInto(h, l, x, 14, 3, 3, s)).toBe(s);
    const sRef = stochastic(h, l, x, 14, 3, 3);
    for (const k of ['fastK', 'fastD', 'slowD'] as const) eq(s[k], sRef[k]);
  });
});
