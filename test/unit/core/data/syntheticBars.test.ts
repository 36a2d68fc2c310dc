import { describe, expect, it } from 'vitest';
import { computeDatasetStats, detectFrequency, generateSyntheticBars } from '../../../../src/core/data/index';
import type { BarSeries } from '../../../../src/core/data/index';

function bytesOf(series: BarSeries): string[] {
  return (['time', 'open', 'high', 'low', 'close', 'volume'] as const).map((c) => Buffer.from(series[c]!.buffer).toString('hex'));
}

describe('generateSyntheticBars', () => {
  const bars = generateSyntheticBars({ bars: 5000, seed: 11 });

  it('is identical for the same seed and different for another', () => {
    expect(bytesOf(generateSyntheticBars({ bars: 5000, seed: 11 }))).toEqual(bytesOf(bars));
    expect(generateSyntheticBars({ bars: 5000, seed: 12 }).close).not.toEqual(bars.close);
    // A shorter series is a prefix of a longer one with the same seed.
    expect(Array.from(generateSyntheticBars({ bars: 100, seed: 11 }).close)).toEqual(Array.from(bars.close.subarray(0, 100)));
  });

  it('has consistent OHLCV bars: positive prices, low <= open, close <= high, positive whole volume', () => {
    expect(bars.length).toBe(5000);
    for (let i = 0; i < bars.length; i++) {
      const o = bars.open![i];
      const h = bars.high![i];
      const l = bars.low![i];
      const c = bars.close[i];
      if (!(l > 0 && l <= o && l <= c && o <= h && c <= h)) expect.fail(`bar ${i}: o=${o} h=${h} l=${l} c=${c}`);
      const v = bars.volume![i];
      if (!(v >= 1 && Number.isInteger(v))) expect.fail(`bar ${i}: volume ${v}`);
    }
  });

  it('has strictly increasing weekday timestamps starting on 2000-01-03 by default', () => {
    expect(bars.time[0]).toBe(Date.UTC(2000, 0, 3));
    for (let i = 0; i < bars.length; i++) {
      const day = new Date(bars.time[i]).getUTCDay();
      if (day === 0 || day === 6) expect.fail(`bar ${i} is on a weekend`);
      if (i > 0 && !(bars.time[i] > bars.time[i - 1])) expect.fail(`bar ${i} is not after bar ${i - 1}`);
    }
    expect(detectFrequency(bars.time)).toEqual({ seconds: 86_400, label: 'daily', periodsPerYear: 252 });
    const fromSaturday = generateSyntheticBars({ bars: 3, seed: 1, start: Date.UTC(2022, 0, 1, 16) });
    expect(Array.from(fromSaturday.time)).toEqual([Date.UTC(2022, 0, 3, 16), Date.UTC(2022, 0, 4, 16), Date.UTC(2022, 0, 5, 16)]);
  });

  it('has fat tails and volatility clustering like real prices', () => {
    const stats = computeDatasetStats(bars, detectFrequency(bars.time));
    expect(stats.dailyReturns.excessKurtosis).toBeGreaterThan(1);
    expect(stats.dailyReturns.std).toBeGreaterThan(0.005);
    expect(stats.dailyReturns.std).toBeLessThan(0.04);
    // Autocorrelation of absolute returns is clearly positive when volatility comes in regimes.
    const r = Array.from(bars.close.subarray(1), (c, i) => Math.abs(c / bars.close[i] - 1));
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    let num = 0;
    let den = 0;
    for (let i = 0; i < r.length; i++) {
      den += (r[i] - mean) ** 2;
      if (i > 0) num += (r[i] - mean) * (r[i - 1] - mean);
    }
    expect(num / den).toBeGreaterThan(0.05);
  });

  it('checks its options', () => {
    expect(generateSyntheticBars({ bars: 0, seed: 1 }).length).toBe(0);
    expect(() => generateSyntheticBars({ bars: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateSyntheticBars({ bars: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateSyntheticBars({ bars: 10, seed: 1, start: NaN })).toThrow(RangeError);
  });
});
