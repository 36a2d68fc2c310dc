import { describe, expect, it } from 'vitest';
import { computeDatasetStats, dailyCloses, detectFrequency, largestMoves, parseCsvBars, closeReturnMoments } from '../../../../src/core/data/index';
import type { BarSeries, Frequency } from '../../../../src/core/data/index';
import { DatasetStats as DatasetStatsSchema } from '../../../../src/shared/schemas';
import { readReference } from './referenceData';

const DAY = 86_400_000;
const DAILY: Frequency = { seconds: 86_400, label: 'daily', periodsPerYear: 252 };
const MONDAY = Date.UTC(2021, 0, 4);

/** Close-only weekday series starting on a Monday. */
function weekdaySeries(closes: number[]): BarSeries {
  const time: number[] = [];
  let day = MONDAY;
  for (let i = 0; i < closes.length; i++) {
    while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY;
    time.push(day);
    day += DAY;
  }
  return { length: closes.length, time: Float64Array.from(time), close: Float64Array.from(closes) };
}

/** Textbook formulas on plain arrays, written independently of the implementation. */
function naiveMoments(returns: number[]): { mean: number; std: number; skew: number; kurt: number } {
  const n = returns.length;
  const mean = returns.reduce((a, b) => a + b, 0) / n;
  const dev = returns.map((r) => r - mean);
  const m2 = dev.reduce((a, d) => a + d ** 2, 0) / n;
  const m3 = dev.reduce((a, d) => a + d ** 3, 0) / n;
  const m4 = dev.reduce((a, d) => a + d ** 4, 0) / n;
  return { mean, std: Math.sqrt((m2 * n) / (n - 1)), skew: m3 / m2 ** 1.5, kurt: m4 / m2 ** 2 - 3 };
}

describe('computeDatasetStats', () => {
  it('computes coverage, extremes and return moments of a hand-built series', () => {
    const series = weekdaySeries([100, 110, 99, 99, 108.9]);
    const stats = computeDatasetStats(series, DAILY);
    expect(stats.bars).toBe(5);
    expect(stats.first).toBe(MONDAY);
    expect(stats.last).toBe(MONDAY + 4 * DAY);
    expect(stats.minClose).toBe(99);
    expect(stats.maxClose).toBe(110);
    expect(stats.missingSessions).toBe(0);
    expect(stats.largestGaps).toEqual([]);
    // Returns: +10 %, -10 %, 0, +10 %.
    const r = stats.dailyReturns;
    expect(r.count).toBe(4);
    expect(r.mean).toBeCloseTo(0.025, 12);
    expect(r.std).toBeCloseTo(Math.sqrt(0.0275 / 3), 12);
    expect(r.skewness).toBeCloseTo(-0.00028125 / 0.006875 ** 1.5, 10);
    expect(r.excessKurtosis).toBeCloseTo((((2 * 0.075 ** 4 + 0.125 ** 4 + 0.025 ** 4) / 4) / 0.006875 ** 2) - 3, 10);
    expect(() => DatasetStatsSchema.parse(stats)).not.toThrow();
  });

  it('agrees with textbook formulas on a longer series', () => {
    const closes = Array.from({ length: 300 }, (_, i) => 100 * Math.exp(0.01 * Math.sin(i * 1.7) + 0.0004 * i + (i % 7 === 0 ? 0.03 : 0)));
    const stats = computeDatasetStats(weekdaySeries(closes), DAILY);
    const returns = closes.slice(1).map((c, i) => c / closes[i] - 1);
    const naive = naiveMoments(returns);
    expect(stats.dailyReturns.count).toBe(299);
    expect(stats.dailyReturns.mean).toBeCloseTo(naive.mean, 14);
    expect(stats.dailyReturns.std).toBeCloseTo(naive.std, 14);
    expect(stats.dailyReturns.skewness).toBeCloseTo(naive.skew, 9);
    expect(stats.dailyReturns.excessKurtosis).toBeCloseTo(naive.kurt, 9);
  });

  it('returns nulls where there is not enough data', () => {
    const one = computeDatasetStats(weekdaySeries([5]), DAILY).dailyReturns;
    expect(one).toEqual({ count: 0, mean: null, std: null, skewness: null, excessKurtosis: null });
    const two = computeDatasetStats(weekdaySeries([5, 6]), DAILY).dailyReturns;
    expect(two).toEqual({ count: 1, mean: 0.19999999999999996, std: null, skewness: null, excessKurtosis: null });
    const three = computeDatasetStats(weekdaySeries([5, 6, 3]), DAILY).dailyReturns;
    expect(three.std).not.toBeNull();
    expect(three.skewness).toBeNull();
    const four = computeDatasetStats(weekdaySeries([5, 6, 3, 4]), DAILY).dailyReturns;
    expect(four.skewness).not.toBeNull();
    expect(four.excessKurtosis).toBeNull();
    const five = computeDatasetStats(weekdaySeries([5, 6, 3, 4, 4.5]), DAILY).dailyReturns;
    expect(five.excessKurtosis).not.toBeNull();
    const flat = computeDatasetStats(weekdaySeries([7, 7, 7, 7, 7, 7]), DAILY).dailyReturns;
    expect(flat).toEqual({ count: 5, mean: 0, std: 0, skewness: null, excessKurtosis: null });
  });

  it('refuses an empty series', () => {
    expect(() => computeDatasetStats(weekdaySeries([]), DAILY)).toThrow(RangeError);
  });

  it('reduces intraday data to the last close of each UTC day', () => {
    const t = [Date.UTC(2021, 0, 4, 9), Date.UTC(2021, 0, 4, 12), Date.UTC(2021, 0, 4, 23, 30), Date.UTC(2021, 0, 5, 9), Date.UTC(2021, 0, 5, 16), Date.UTC(2021, 0, 6, 10)];
    const series: BarSeries = { length: 6, time: Float64Array.from(t), close: Float64Array.of(1, 4, 10, 50, 11, 5.5) };
    const frequency = { seconds: 3600, label: 'hourly', periodsPerYear: 2000 };
    expect(Array.from(dailyCloses(series, frequency))).toEqual([10, 11, 5.5]);
    const stats = computeDatasetStats(series, frequency);
    expect(stats.dailyReturns.count).toBe(2);
    expect(stats.dailyReturns.mean).toBeCloseTo((0.1 - 0.5) / 2, 12);
    // Bar-to-bar moves still use every bar: 10 -> 50 is +400 %.
    expect(stats.largestMoves[0]).toEqual({ time: t[3], ret: 4 });
  });

  it('lists the ten largest absolute moves, largest first, earlier first on ties', () => {
    const closes = [100];
    const moves = [0.01, -0.05, 0.02, 0.05, -0.3, 0.001, 0.07, -0.07, 0.002, 0.003, 0.004, 0.1, -0.02, 0.0005];
    for (const m of moves) closes.push(closes[closes.length - 1] * (1 + m));
    const series = weekdaySeries(closes);
    const top = largestMoves(series);
    expect(top).toHaveLength(10);
    const sizes = top.map((m) => Math.abs(m.ret));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(top[0].ret).toBeCloseTo(-0.3, 12);
    expect(top[0].time).toBe(series.time[5]);
    expect(top[1].ret).toBeCloseTo(0.1, 12);
    expect(top.map((m) => Math.round(m.ret * 1e6) / 1e6).slice(2, 6)).toEqual([0.07, -0.07, -0.05, 0.05]);
    expect(top.some((m) => Math.abs(m.ret) < 0.002)).toBe(false);
    expect(largestMoves(series, 2)).toEqual(top.slice(0, 2));
  });

  it('plain moments helper handles tiny inputs', () => {
    expect(closeReturnMoments(new Float64Array(0)).count).toBe(0);
    expect(closeReturnMoments(Float64Array.of(1)).mean).toBeNull();
  });

  it('gives schema-valid statistics for msft.csv, with its holidays as gaps', () => {
    const { series } = parseCsvBars(readReference('msft.csv'), { fileName: 'msft.csv' });
    const stats = DatasetStatsSchema.parse(computeDatasetStats(series, detectFrequency(series.time)));
    expect(stats.bars).toBe(249);
    expect(stats.minClose).toBe(41.5);
    expect(stats.maxClose).toBe(73.68);
    expect(stats.missingSessions).toBe(13);
    expect(stats.dailyReturns.count).toBe(248);
    expect(stats.dailyReturns.std).toBeGreaterThan(0.02);
    expect(stats.dailyReturns.std).toBeLessThan(0.05);
    expect(stats.largestMoves).toHaveLength(10);
  });
});
