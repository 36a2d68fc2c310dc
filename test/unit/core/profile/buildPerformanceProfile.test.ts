import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/core/backtest';
import { drawdownStats } from '../../../../src/core/metrics';
import { buildPerformanceProfile, DEFAULT_PROFILE_POINTS } from '../../../../src/core/profile';
import { bars as ohlcBars, randomOhlc, randomTargets, seeded } from '../backtest/helpers';
import { dailyBars, resultFromEquity } from './profileFixtures';

describe('buildPerformanceProfile: curve', () => {
  it('draws buy-and-hold from the same initial capital: initialCapital × close[t] / close[0]', () => {
    const bars = dailyBars([50, 55, 45, 60]);
    const result = resultFromEquity([1000, 1000, 1100, 1050], 1000);
    const { curve } = buildPerformanceProfile({ bars, result, periodsPerYear: 252 });
    expect(curve.time).toEqual(Array.from(bars.time));
    expect(curve.equity).toEqual([1000, 1000, 1100, 1050]);
    expect(curve.buyHold).toEqual([1000, 1100, 900, 1200]);
  });

  it('measures drawdown from the running peak of equity, 0 at new highs', () => {
    const bars = dailyBars([1, 1, 1, 1, 1, 1]);
    const result = resultFromEquity([100, 120, 90, 130, 117, 140]);
    const { curve } = buildPerformanceProfile({ bars, result, periodsPerYear: 252 });
    expect(curve.drawdown[0]).toBe(0);
    expect(curve.drawdown[1]).toBe(0);
    expect(curve.drawdown[2]).toBeCloseTo(90 / 120 - 1, 15);
    expect(curve.drawdown[3]).toBe(0);
    expect(curve.drawdown[4]).toBeCloseTo(117 / 130 - 1, 15);
    expect(curve.drawdown[5]).toBe(0);
    for (const d of curve.drawdown) expect(d).toBeLessThanOrEqual(0);
  });

  it('keeps each bucket\'s last equity and its deepest drawdown, so the worst drawdown survives decimation', () => {
    // 10 bars in 2 buckets of 5: the trough (bar 2) is neither a bucket's first nor its last bar.
    const equity = [100, 110, 55, 100, 120, 120, 130, 125, 140, 150];
    const bars = dailyBars(equity.map(() => 10));
    const result = resultFromEquity(equity);
    const { curve } = buildPerformanceProfile({ bars, result, periodsPerYear: 252, maxPoints: 2 });
    expect(curve.time).toEqual([bars.time[4], bars.time[9]]);
    expect(curve.equity).toEqual([120, 150]);
    expect(curve.buyHold).toEqual([100, 100]);
    expect(curve.drawdown[0]).toBeCloseTo(55 / 110 - 1, 15);
    expect(curve.drawdown[1]).toBeCloseTo(125 / 130 - 1, 15);
  });

  it('on a long random backtest, the decimated drawdown minimum equals the max_drawdown statistic', () => {
    const rnd = seeded(7);
    const bars = randomOhlc(20_000, rnd);
    const result = simulate({ bars, targets: randomTargets(bars.length, rnd, [0, 1, -1, 0.5]) });
    const profile = buildPerformanceProfile({ bars, result, periodsPerYear: 252, maxPoints: 300 });
    expect(profile.curve.time.length).toBe(300);
    expect(Math.min(...profile.curve.drawdown)).toBe(drawdownStats(result.equity).maxDrawdown);
    expect(profile.curve.equity[299]).toBe(result.totals.finalEquity);
    expect(profile.rollingSharpe.time).toEqual(profile.curve.time);
    expect(profile.price.time.length).toBeLessThanOrEqual(300);
    expect(profile.distribution.counts.reduce((a, b) => a + b, 0)).toBe(bars.length - 1);
    const compounded = profile.monthly.reduce((g, m) => g * (1 + m.ret), 1);
    expect(compounded * result.totals.initialCapital).toBeCloseTo(result.totals.finalEquity, 6);
  });

  it('does not decimate a series shorter than maxPoints and defaults maxPoints to 2000', () => {
    const n = DEFAULT_PROFILE_POINTS + 1;
    const bars = dailyBars(Array.from({ length: n }, (_, i) => 100 + i));
    const result = resultFromEquity(Array.from({ length: n }, (_, i) => 1000 + i));
    const profile = buildPerformanceProfile({ bars, result, periodsPerYear: 252 });
    expect(profile.curve.time.length).toBe(DEFAULT_PROFILE_POINTS);
    const small = buildPerformanceProfile({ bars: dailyBars([1, 2, 3]), result: resultFromEquity([1, 2, 3]), periodsPerYear: 252 });
    expect(small.curve.time.length).toBe(3);
    expect(small.price).toMatchObject({ kind: 'line', close: [1, 2, 3], decimated: false });
  });

  it('passes OHLC bars to the price chart as candles', () => {
    const bars = ohlcBars({ open: [1, 2], high: [2, 3], low: [0.5, 1.5], close: [1.5, 2.5] });
    const profile = buildPerformanceProfile({ bars, result: resultFromEquity([10, 11]), periodsPerYear: 252 });
    expect(profile.price).toMatchObject({ kind: 'ohlc', open: [1, 2], high: [2, 3], low: [0.5, 1.5], close: [1.5, 2.5] });
  });

  it('rejects misaligned inputs and unusable options', () => {
    const bars = dailyBars([1, 2, 3]);
    expect(() => buildPerformanceProfile({ bars, result: resultFromEquity([1, 2]), periodsPerYear: 252 })).toThrow(/2 bars but the series has 3/);
    expect(() => buildPerformanceProfile({ bars, result: resultFromEquity([1, 2, 3]), periodsPerYear: 0 })).toThrow(/periodsPerYear/);
    expect(() => buildPerformanceProfile({ bars, result: resultFromEquity([1, 2, 3]), periodsPerYear: 252, maxPoints: 1 })).toThrow(/maxPoints/);
    expect(() => buildPerformanceProfile({ bars, result: resultFromEquity([1, 2, 3]), periodsPerYear: 252, rollingWindow: 1.5 })).toThrow(/rollingWindow/);
  });
});

describe('buildPerformanceProfile: rolling Sharpe', () => {
  it('defaults the window to a quarter of a year, at least 20 bars', () => {
    const bars = dailyBars([1, 2, 3]);
    const result = resultFromEquity([1, 2, 3]);
    expect(buildPerformanceProfile({ bars, result, periodsPerYear: 252 }).rollingSharpe.window).toBe(63);
    expect(buildPerformanceProfile({ bars, result, periodsPerYear: 52 }).rollingSharpe.window).toBe(20);
    expect(buildPerformanceProfile({ bars, result, periodsPerYear: 252, rollingWindow: 5 }).rollingSharpe.window).toBe(5);
  });

  it('is the annualised Sharpe ratio of the trailing window of bar returns, null until a full window', () => {
    const equity = [100, 101, 100, 102, 101.5, 103, 103];
    const bars = dailyBars(equity.map(() => 1));
    const result = resultFromEquity(equity);
    const { rollingSharpe } = buildPerformanceProfile({ bars, result, periodsPerYear: 252, rollingWindow: 3 });
    // returns[0] is left out, so the first full window is returns[1..3], at t = 3.
    expect(rollingSharpe.value.slice(0, 3)).toEqual([null, null, null]);
    const r = Array.from(result.returns);
    for (let t = 3; t < equity.length; t++) {
      const w = r.slice(t - 2, t + 1);
      const mean = w.reduce((a, b) => a + b, 0) / 3;
      const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
      expect(rollingSharpe.value[t]).toBeCloseTo((mean / sd) * Math.sqrt(252), 9);
    }
  });

  it('subtracts the per-bar risk-free rate and is null for a window without volatility', () => {
    const equity = [100, 101, 100, 102, 102, 102, 102];
    const bars = dailyBars(equity.map(() => 1));
    const result = resultFromEquity(equity);
    const plain = buildPerformanceProfile({ bars, result, periodsPerYear: 252, rollingWindow: 3 }).rollingSharpe.value;
    const withRf = buildPerformanceProfile({ bars, result, periodsPerYear: 252, rollingWindow: 3, riskFreeRateAnnual: 0.05 }).rollingSharpe.value;
    expect(withRf[3]!).toBeLessThan(plain[3]!);
    expect(plain[6]).toBeNull();
  });
});
