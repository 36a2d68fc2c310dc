import { describe, expect, it } from 'vitest';
import { decimateForChart, lowerBound, upperBound } from '../../../../src/core/data/index';
import type { BarSeries } from '../../../../src/core/data/index';
import { ChartSeries as ChartSeriesSchema } from '../../../../src/shared/schemas';

function ohlcSeries(n: number): BarSeries {
  const time = Float64Array.from({ length: n }, (_, i) => 1000 * i);
  const close = Float64Array.from({ length: n }, (_, i) => 100 + Math.sin(i));
  const open = Float64Array.from({ length: n }, (_, i) => close[i] - 0.5);
  const high = Float64Array.from({ length: n }, (_, i) => close[i] + 1 + (i % 3));
  const low = Float64Array.from({ length: n }, (_, i) => close[i] - 1 - (i % 4));
  const volume = Float64Array.from({ length: n }, (_, i) => i + 1);
  return { length: n, time, open, high, low, close, volume };
}

describe('binary search helpers', () => {
  const t = Float64Array.of(10, 20, 20, 30);
  it('find the first index >= and > a time', () => {
    expect([5, 10, 15, 20, 25, 30, 35].map((x) => lowerBound(t, x))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect([5, 10, 15, 20, 25, 30, 35].map((x) => upperBound(t, x))).toEqual([0, 1, 1, 3, 3, 4, 4]);
  });
});

describe('decimateForChart', () => {
  it('returns the bars in range unchanged when they fit, from and to inclusive', () => {
    const s = ohlcSeries(100);
    const out = decimateForChart(s, { from: 10_000, to: 19_000, maxPoints: 10 });
    expect(out.kind).toBe('ohlc');
    expect(out.decimated).toBe(false);
    expect(out.bars).toBe(10);
    expect(out.time).toEqual(Array.from(s.time.subarray(10, 20)));
    expect(out.open).toEqual(Array.from(s.open!.subarray(10, 20)));
    expect(out.high).toEqual(Array.from(s.high!.subarray(10, 20)));
    expect(out.low).toEqual(Array.from(s.low!.subarray(10, 20)));
    expect(out.close).toEqual(Array.from(s.close.subarray(10, 20)));
    expect(out.volume).toEqual(Array.from(s.volume!.subarray(10, 20)));
    expect(() => ChartSeriesSchema.parse(out)).not.toThrow();
  });

  it('handles ranges between bars, outside the data and reversed', () => {
    const s = ohlcSeries(100);
    expect(decimateForChart(s, { from: 10_500, to: 12_500, maxPoints: 10 }).time).toEqual([11_000, 12_000]);
    expect(decimateForChart(s, { from: 500_000, maxPoints: 10 }).bars).toBe(0);
    expect(decimateForChart(s, { to: -1, maxPoints: 10 }).close).toEqual([]);
    expect(decimateForChart(s, { from: 50_000, to: 40_000, maxPoints: 10 }).bars).toBe(0);
  });

  it('aggregates OHLC bars into candles: open first, high max, low min, close last, volume summed', () => {
    const s = ohlcSeries(10);
    const out = decimateForChart(s, { maxPoints: 3 });
    expect(out.decimated).toBe(true);
    expect(out.bars).toBe(10);
    // Buckets of 3, 3 and 4 bars.
    const buckets = [[0, 3], [3, 6], [6, 10]];
    expect(out.time).toEqual(buckets.map(([a]) => s.time[a]));
    expect(out.open).toEqual(buckets.map(([a]) => s.open![a]));
    expect(out.close).toEqual(buckets.map(([, b]) => s.close[b - 1]));
    expect(out.high).toEqual(buckets.map(([a, b]) => Math.max(...s.high!.subarray(a, b))));
    expect(out.low).toEqual(buckets.map(([a, b]) => Math.min(...s.low!.subarray(a, b))));
    expect(out.volume).toEqual([1 + 2 + 3, 4 + 5 + 6, 7 + 8 + 9 + 10]);
  });

  it('keeps every bucket within maxPoints and covers every bar exactly once', () => {
    const s = ohlcSeries(1234);
    const out = decimateForChart(s, { maxPoints: 100 });
    expect(out.time).toHaveLength(100);
    expect(out.volume!.reduce((a, b) => a + b, 0)).toBe((1234 * 1235) / 2);
    expect(Math.max(...out.high!)).toBe(Math.max(...s.high!));
    expect(Math.min(...out.low!)).toBe(Math.min(...s.low!));
  });

  it('keeps spikes of a close-only series as min/max points with their own times', () => {
    const n = 1000;
    const close = new Float64Array(n).fill(50);
    close[333] = 500; // spike up
    close[777] = 1; // spike down
    const series: BarSeries = { length: n, time: Float64Array.from({ length: n }, (_, i) => i * 60_000), close };
    const out = decimateForChart(series, { maxPoints: 20 });
    expect(out.kind).toBe('line');
    expect(out.decimated).toBe(true);
    expect(out.time.length).toBeLessThanOrEqual(20);
    expect(out.close).toContain(500);
    expect(out.close).toContain(1);
    expect(out.time[out.close.indexOf(500)]).toBe(333 * 60_000);
    expect(out.time[out.close.indexOf(1)]).toBe(777 * 60_000);
    for (let i = 1; i < out.time.length; i++) expect(out.time[i]).toBeGreaterThan(out.time[i - 1]);
    expect(out.open).toBeUndefined();
    expect(() => ChartSeriesSchema.parse(out)).not.toThrow();
  });

  it('emits min before max when the minimum comes first, and one point for a flat bucket', () => {
    const series: BarSeries = { length: 8, time: Float64Array.from({ length: 8 }, (_, i) => i), close: Float64Array.of(5, 1, 9, 5, 7, 7, 7, 7) };
    const out = decimateForChart(series, { maxPoints: 4 });
    // Two buckets of four: [5, 1, 9, 5] gives min 1 at t=1 then max 9 at t=2; [7, 7, 7, 7] is flat.
    expect(out.time).toEqual([1, 2, 4]);
    expect(out.close).toEqual([1, 9, 7]);
  });

  it('rejects a maxPoints below 2', () => {
    expect(() => decimateForChart(ohlcSeries(5), { maxPoints: 1 })).toThrow(RangeError);
  });

  it('decimates 10 million bars to the requested width (timing: bench/decimate.bench.ts)', () => {
    const n = 10_000_000;
    const time = new Float64Array(n);
    const price = new Float64Array(n);
    let p = 100;
    for (let i = 0; i < n; i++) {
      time[i] = i * 60_000;
      p += (((i * 2654435761) >>> 0) / 4294967296 - 0.5) * 0.01;
      price[i] = p;
    }
    // One price array stands in for open, high, low and close: only the bucket arithmetic matters here.
    const candlesOf: BarSeries = { length: n, time, open: price, high: price, low: price, close: price };
    const lineOf: BarSeries = { length: n, time, close: price };
    const candles = decimateForChart(candlesOf, { maxPoints: 2000 });
    const line = decimateForChart(lineOf, { from: 1000 * 60_000, maxPoints: 2000 });
    expect(candles.time).toHaveLength(2000);
    expect(candles.decimated).toBe(true);
    expect(Math.max(...candles.high!)).toBe(price.reduce((a, b) => Math.max(a, b), -Infinity));
    expect(line.bars).toBe(n - 1000);
  });
});
