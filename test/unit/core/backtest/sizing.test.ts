// Position sizing: fixed fraction by hand, realised volatility by hand, volatility targeting by formula, and the
// proof that volatility targeting reads no future bar.

import { describe, expect, it } from 'vitest';
import {
  fixedFractionSizing,
  simulate,
  trailingVolatilityAnnual,
  volTargetSizing,
  type BacktestOptions,
} from '../../../../src/core/backtest';
import type { BarSeries } from '../../../../src/core/data/bars';
import { bars, expectConsistent, expectSeries, f64, randomOhlc, randomTargets, seeded } from './helpers';

describe('fixed fraction', () => {
  it('commits fraction x target x equity', () => {
    // Capital 1000, fraction 0.5: bar 1 buys 0.5 x 1000 / 100 = 5 units; 5 x 10 = +50 by bar 2 (1050);
    // bar 3 target 0.5 -> 0.25 x 1050 / 120 units: a resize in the same trade.
    const r = simulate({
      bars: bars({ close: [100, 100, 110, 120, 120, 120, 120, 120, 120, 120] }),
      targets: f64(0, 1, 1, 0.5, 0.5, 0, 0, 0, 0, 0),
      settings: { fill: 'close', initialCapital: 1000, sizing: fixedFractionSizing({ fraction: 0.5 }) },
    });
    expectSeries(r.equity.subarray(0, 3), [1000, 1000, 1050]);
    expect(r.position[1]).toBe(5);
    expect(r.position[3]).toBeCloseTo((0.25 * 1100) / 120, 12);
    expect(r.trades.count).toBe(1);
    expect(r.trades.size[0]).toBe(5);
    expect(r.trades.pnl[0]).toBeCloseTo(100, 9);
    expectConsistent(r, 1000);
  });
});

describe('trailing realised volatility', () => {
  it('is the sample SD of the window returns, annualised', () => {
    // Returns +0.1, -0.1, +0.1: mean 1/30; sum of squared deviations 0.03 - 3/900 = 0.02667; / 2 = 0.013333;
    // x 252 = 3.36; sqrt = 1.8330.
    const close = f64(100, 110, 99, 108.9);
    expect(trailingVolatilityAnnual(close, 3, 3, 252)).toBeCloseTo(Math.sqrt(3.36), 12);
    expect(trailingVolatilityAnnual(close, 2, 3, 252)).toBeNaN();
  });
});

describe('volatility targeting', () => {
  const lookback = 20;
  const sizing = volTargetSizing({ targetVolAnnual: 0.1, lookback, maxLeverage: 2 });

  it('scales exposure to targetVolAnnual / realised vol, capped at maxLeverage', () => {
    const rnd = seeded(3);
    const b = randomOhlc(100, rnd, 0.01);
    const vol = trailingVolatilityAnnual(b.close, 30, lookback, 252);
    expect(sizing.exposure(1, b.close, 30, 252)).toBeCloseTo(Math.min(0.1 / vol, 2), 12);
    expect(sizing.exposure(-0.5, b.close, 30, 252)).toBeCloseTo(-Math.min((0.5 * 0.1) / vol, 2), 12);
    expect(sizing.exposure(1, b.close, lookback - 1, 252)).toBeNaN();
    const calm = new Float64Array(40).fill(100);
    expect(sizing.exposure(1, calm, 30, 252)).toBe(2);
  });

  it('waits for the volatility window before the first entry', () => {
    const rnd = seeded(4);
    const b = randomOhlc(60, rnd);
    const r = simulate({ bars: b, targets: new Float64Array(60).fill(1), settings: { fill: 'close', sizing } });
    expect(r.trades.entryIndex[0]).toBe(lookback);
    const equity = 100_000;
    expect(r.position[lookback]).toBeCloseTo((sizing.exposure(1, b.close, lookback, 252) * equity) / b.close[lookback], 9);
  });

  for (const fill of ['close', 'nextOpen'] as const) {
    it(`uses past data only (fill '${fill}'): changing bar k leaves positions before k unchanged`, () => {
      const rnd = seeded(9);
      const n = 300;
      const b = randomOhlc(n, rnd);
      const targets = randomTargets(n, rnd, [1, -1, 0.5, 0, NaN]);
      const settings: BacktestOptions = { fill, sizing, rebalance: 'everyBar' };
      const before = simulate({ bars: b, targets, settings });
      for (const k of [60, 150, 250]) {
        const changed: BarSeries = {
          ...b,
          open: b.open!.map((v, i) => (i === k ? v * 1.3 : v)),
          high: b.high!.map((v, i) => (i === k ? v * 1.3 : v)),
          low: b.low!.map((v, i) => (i === k ? v * 1.3 : v)),
          close: b.close.map((v, i) => (i === k ? v * 1.3 : v)),
        };
        const after = simulate({ bars: changed, targets, settings });
        expect(Array.from(after.position.subarray(0, k))).toEqual(Array.from(before.position.subarray(0, k)));
        expect(Array.from(after.equity.subarray(0, k))).toEqual(Array.from(before.equity.subarray(0, k)));
        // The change does reach later positions, so the comparison above can fail.
        expect(Array.from(after.position.subarray(k, k + lookback + 2))).not.toEqual(Array.from(before.position.subarray(k, k + lookback + 2)));
        expectConsistent(after, 100_000);
      }
    });
  }
});
