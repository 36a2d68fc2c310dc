// Each built-in on a short hand-built series whose targets were worked out by hand (the working is in the
// comments), in both modes, plus the warm-up length and the edge cases each rule documents.
import { describe, expect, it } from 'vitest';
import {
  bollingerReversion,
  donchianBreakout,
  emaCrossover,
  macdTrend,
  rsiReversion,
  runStrategy,
  smaCrossover,
  tsMomentum,
  type ParamValue,
  type Strategy,
} from '../../../../src/core/strategies';
import type { BarSeries } from '../../../../src/core/data/bars';
import { bbands } from '../../../../src/core/indicators';
import { asArray, closeBars, context, ohlcBars, randomOhlc } from './strategyTestKit';

/**
 * Calls targets() directly with the defaults filled in: the hand examples use periods of 2 or 3 bars, below
 * the declared tuning ranges that validateParams enforces.
 */
function run(s: Strategy, data: BarSeries, params: Record<string, ParamValue>, periodsPerYear = 252): number[] {
  const defaults = Object.fromEntries(s.params.map((p) => [p.name, p.default]));
  const targets = s.targets(data, { ...defaults, ...params }, context('hand', periodsPerYear));
  expect(targets.length).toBe(data.length);
  return asArray(targets);
}

describe('sma-crossover', () => {
  // closes        1    2    3    4    3     2    1    2     4
  // SMA(2)        -   1.5  2.5  3.5  3.5   2.5  1.5  1.5   3
  // SMA(3)        -    -    2    3   3.33   3    2   1.67  2.33
  const closes = [1, 2, 3, 4, 3, 2, 1, 2, 4];
  it('fast 2 / slow 3, long-flat and long-short', () => {
    expect(run(smaCrossover, closeBars(closes), { fast: 2, slow: 3 })).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 1]);
    expect(run(smaCrossover, closeBars(closes), { fast: 2, slow: 3, mode: 'long-short' })).toEqual([0, 0, 1, 1, 1, -1, -1, -1, 1]);
  });

  it('equal averages give no signal, even in long-short mode', () => {
    expect(run(smaCrossover, closeBars([5, 5, 5, 5, 5]), { fast: 2, slow: 3, mode: 'long-short' })).toEqual([0, 0, 0, 0, 0]);
  });

  it('is flat for the first slow-1 bars', () => {
    const up = Array.from({ length: 12 }, (_, i) => 100 + i);
    expect(run(smaCrossover, closeBars(up), { fast: 3, slow: 10 })).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });
});

describe('ema-crossover', () => {
  // closes        1    2    3    4     3      2      1      2.5
  // EMA(2) α=2/3  -   1.5  2.5  3.5  3.167  2.389  1.463  2.154
  // EMA(3) α=1/2  -    -    2    3     3     2.5    1.75   2.125
  // The last bar differs from SMA(2) 1.75 < SMA(3) 1.83, which shows the EMA is used.
  const closes = [1, 2, 3, 4, 3, 2, 1, 2.5];
  it('fast 2 / slow 3, long-flat and long-short', () => {
    expect(run(emaCrossover, closeBars(closes), { fast: 2, slow: 3 })).toEqual([0, 0, 1, 1, 1, 0, 0, 1]);
    expect(run(emaCrossover, closeBars(closes), { fast: 2, slow: 3, mode: 'long-short' })).toEqual([0, 0, 1, 1, 1, -1, -1, 1]);
    expect(run(smaCrossover, closeBars(closes), { fast: 2, slow: 3 })[7]).toBe(0);
  });
});

describe('macd-trend', () => {
  // closes        1    2    3     5      3      2      1      2.5
  // EMA(2)        -   1.5  2.5  4.167  3.389  2.463  1.488  2.163
  // EMA(3)        -    -    2    3.5    3.25   2.625  1.813  2.156
  // MACD          -    -   .5   .667   .139  -.162  -.325   .006
  // signal EMA(2) -    -    -   .583   .287  -.012  -.221  -.069   (seed = mean of the first two MACD values)
  const closes = [1, 2, 3, 5, 3, 2, 1, 2.5];
  it('fast 2 / slow 3 / signal 2: flat for slow + signal - 2 = 3 bars, then MACD vs signal', () => {
    expect(run(macdTrend, closeBars(closes), { fast: 2, slow: 3, signal: 2 })).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    expect(run(macdTrend, closeBars(closes), { fast: 2, slow: 3, signal: 2, mode: 'long-short' })).toEqual([0, 0, 0, 1, -1, -1, -1, 1]);
  });
});

describe('rsi-reversion', () => {
  // closes   10   11   12   11   9      8    9    11   12    13    12
  // RSI(2)    -    -   100  50  16.7   10   50   82   89.0  93.8  50     (Wilder, all values exact in binary)
  const closes = [10, 11, 12, 11, 9, 8, 9, 11, 12, 13, 12];
  const params = { period: 2, lower: 30, exit: 50, upper: 70 };
  it('long-flat: enters below lower, holds at exactly the exit level, exits above it', () => {
    expect(run(rsiReversion, closeBars(closes), params)).toEqual([0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0]);
  });

  it('long-short: shorts above upper, and one bar can close one side and open the other', () => {
    // bar 2: RSI 100 > 70 -> short; bar 3: 50 is not < 50 -> hold; bar 4: 16.7 -> cover and go long;
    // bar 6: 50 is not > 50 -> hold; bar 7: 82 -> sell and go short; bar 10: 50 is not < 50 -> hold.
    expect(run(rsiReversion, closeBars(closes), { ...params, mode: 'long-short' })).toEqual([0, 0, -1, -1, 1, 1, 1, -1, -1, -1, -1]);
  });

  it('the exit level matters', () => {
    // With exit 45 the long exits at bar 6, where the RSI is 50.
    expect(run(rsiReversion, closeBars(closes), { ...params, exit: 45 })).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });
});

describe('bollinger-reversion', () => {
  // period 3, k 1 (population SD):
  // closes   10  10  10   7      8      9      9      12     9
  // middle    -   -  10   9    8.333    8    8.667    10     10
  // lower     -   -  10  7.586  7.09  7.184  8.195  8.586  8.586
  // upper     -   -  10  10.41  9.58  8.816  9.138  11.41  11.41
  const closes = [10, 10, 10, 7, 8, 9, 9, 12, 9];
  it('long-flat: buys below the lower band, holds below the middle, sells at the middle', () => {
    expect(run(bollingerReversion, closeBars(closes), { period: 3, k: 1 })).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('long-short: the bar that sells (9 >= 8) also shorts (9 > 8.816), held until the close is back at the middle', () => {
    expect(run(bollingerReversion, closeBars(closes), { period: 3, k: 1, mode: 'long-short' })).toEqual([0, 0, 0, 1, 1, -1, -1, -1, 0]);
  });
});

describe('bollinger-reversion against bbands()', () => {
  it('gives the targets a reference machine on the bbands() output gives, for arbitrary k', () => {
    const bars = randomOhlc(300, 7);
    for (const k of [0.5, 1.3, 2, 2.75]) {
      const { middle, upper, lower } = bbands(bars.close, 20, k);
      const want: number[] = [];
      let pos = 0;
      for (let t = 0; t < bars.length; t++) {
        const c = bars.close[t];
        if (!Number.isNaN(middle[t])) {
          if ((pos > 0 && c >= middle[t]) || (pos < 0 && c <= middle[t])) pos = 0;
          if (pos === 0) pos = c < lower[t] ? 1 : c > upper[t] ? -1 : 0;
        }
        want.push(pos);
      }
      expect(run(bollingerReversion, bars, { period: 20, k, mode: 'long-short' })).toEqual(want);
    }
  });
});

describe('donchian-breakout', () => {
  // high = close + 1, low = close - 1. entryPeriod 3, exitPeriod 2, atrPeriod 2 (Wilder).
  // bar         0   1   2   3    4     5      6       7       8      9       10     11
  // close      10  10  10  12   13    14    12.5     11      10      9     10.2    13
  // ATR         -   -   2  2.5  2.25 2.125  2.3125  2.406   2.203  2.102   ...
  // entry high (bars t-3..t-1) at 3: 11; at 11: max(11, 10, 11.2) = 11.2
  // entry low at 7: min(12, 13, 11.5) = 11.5
  const bars = ohlcBars([10, 10, 10, 12, 13, 14, 12.5, 11, 10, 9, 10.2, 13]);
  const base = { entryPeriod: 3, exitPeriod: 2, atrPeriod: 2 };

  it('tight ATR stop (0.5 ATR): the stop exits before the channel does', () => {
    // bar 3: 12 > 11 -> long. bar 6: stop = 14 - 0.5 × 2.125 = 12.94 > 12.5 -> out (exit low 12 not hit).
    expect(run(donchianBreakout, bars, { ...base, atrMultiple: 0.5 })).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1]);
    // bar 7: 11 < 11.5 -> short. bar 10: stop = 9 + 0.5 × 2.102 = 10.05 < 10.2 -> cover (exit high 11 not hit).
    expect(run(donchianBreakout, bars, { ...base, atrMultiple: 0.5, mode: 'long-short' })).toEqual([0, 0, 0, 1, 1, 1, 0, -1, -1, -1, 0, 1]);
  });

  it('loose ATR stop (10 ATR): the exit channel exits', () => {
    // bar 7: 11 < min(low 6, low 5) = 11.5 -> out; in long-short that bar also breaks the entry low -> short.
    expect(run(donchianBreakout, bars, { ...base, atrMultiple: 10 })).toEqual([0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1]);
    // bar 11: 13 > max(high 9, high 10) = 11.2 covers the short and breaks the entry high -> long.
    expect(run(donchianBreakout, bars, { ...base, atrMultiple: 10, mode: 'long-short' })).toEqual([0, 0, 0, 1, 1, 1, 1, -1, -1, -1, -1, 1]);
  });

  it('uses the channel up to t-1: a close at a new high on the first bar of a rally still enters', () => {
    // With the channel including bar t, close (< high) could never exceed it and nothing would ever trade.
    // high = close + 0.5: bar 4 closes at 11 > max(high 1..3) = 10.5.
    const rally = ohlcBars([10, 10, 10, 10, 11, 12], 0.5);
    expect(run(donchianBreakout, rally, { ...base, atrMultiple: 3 })).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('needs high and low', () => {
    const closeOnly = closeBars([1, 2, 3]);
    expect(() => runStrategy(donchianBreakout, closeOnly, {}, context())).toThrow('donchian-breakout: needs the high, low columns, which this dataset lacks');
    expect(() => donchianBreakout.targets(closeOnly, { entryPeriod: 20, exitPeriod: 10, atrPeriod: 20, atrMultiple: 3, mode: 'long-flat' }, context())).toThrow(/high, low/);
    expect(donchianBreakout.requires).toEqual(['high', 'low']);
  });
});

describe('ts-momentum', () => {
  // lookback 2, volLookback 2, periodsPerYear 1 (so vol is not rescaled):
  // closes      100   110   99     108.9   108.9   98.01
  // log return   -   ln1.1 ln0.9   ln1.1     0     ln0.9
  // 2-bar return -     -   -0.01   -0.01    0.1    -0.1
  // vol = sample SD of 2 returns = |r1 - r2| / √2
  const closes = [100, 110, 99, 108.9, 108.9, 98.01];
  const l11 = Math.log(1.1);
  const l09 = Math.log(0.9);
  const vol23 = Math.abs(l11 - l09) / Math.SQRT2; // 0.14190
  const vol4 = Math.abs(l11) / Math.SQRT2; // 0.06739
  const vol5 = Math.abs(l09) / Math.SQRT2; // 0.07450
  const params = { lookback: 2, volLookback: 2, targetVol: 0.1, maxLeverage: 2 };

  it('sign of the past return × targetVol / realised vol', () => {
    const got = run(tsMomentum, closeBars(closes), params, 1);
    const want = [0, 0, -0.1 / vol23, -0.1 / vol23, 0.1 / vol4, -0.1 / vol5]; // -0.705, -0.705, 1.484, -1.342
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
  });

  it('long-flat drops the short side', () => {
    const got = run(tsMomentum, closeBars(closes), { ...params, mode: 'long-flat' }, 1);
    expect(got.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 0, 0, 0, Math.round((0.1 / vol4) * 1e6) / 1e6, 0]);
  });

  it('caps at maxLeverage and annualises with the context periodsPerYear', () => {
    // targetVol 0.2: 0.2 / vol4 = 2.97 -> capped at 2.
    expect(run(tsMomentum, closeBars(closes), { ...params, targetVol: 0.2 }, 1)[4]).toBe(2);
    // 4 periods a year doubles the annualised vol, so targetVol 0.2 at ppy 4 equals 0.1 at ppy 1.
    const a = run(tsMomentum, closeBars(closes), { ...params, targetVol: 0.2, maxLeverage: 5 }, 4);
    const b = run(tsMomentum, closeBars(closes), { ...params, maxLeverage: 5 }, 1);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 12));
  });

  it('zero return gives 0; zero volatility gives full maxLeverage; warm-up is max(lookback, volLookback) bars', () => {
    expect(run(tsMomentum, closeBars([100, 100, 100, 100]), params, 1)).toEqual([0, 0, 0, 0]);
    expect(run(tsMomentum, closeBars([100, 105, 105, 105]), { ...params, lookback: 3 }, 1)).toEqual([0, 0, 0, 2]);
    const up = Array.from({ length: 10 }, (_, i) => 100 * 1.01 ** i + (i % 2));
    const t = run(tsMomentum, closeBars(up), { ...params, lookback: 6, volLookback: 3 }, 252);
    expect(t.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(t[6]).toBeGreaterThan(0);
  });

  it('fails clearly on a bad periodsPerYear in a hand-made context', () => {
    const ctx = { ...context(), periodsPerYear: 0 };
    expect(() => tsMomentum.targets(closeBars(closes), { ...params, mode: 'long-short' }, ctx)).toThrow(/periodsPerYear/);
  });
});
