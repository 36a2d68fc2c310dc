// Exact cost amounts worked out by hand: commission in bps plus a fixed fee per fill, slippage in bps, the split
// of a reversal's fee between the two trades, and short borrow charged per bar at the close.

import { describe, expect, it } from 'vitest';
import { bpsCostModel, simulate, tradeAt } from '../../../../src/core/backtest';
import { bars, expectConsistent, expectSeries, f64 } from './helpers';

describe('commission, fixed fee and slippage', () => {
  // Capital 10,000, fill at close, commissionBps 10 (0.1 %), commissionPerTrade 2, slippageBps 50 (0.5 %).
  // Bar 1, buy: units = 10,000 / 100 = 100 (sized on the reference close); fill 100 x 1.005 = 100.5;
  //   commission 100 x 100.5 x 0.001 = 10.05, + 2 = fees 12.05; slippage 100 x 0.5 = 50;
  //   cash = 10,000 - 10,050 - 12.05 = -62.05; equity at close 100: 9,937.95.
  // Bar 3 at close 110: -62.05 + 11,000 = 10,937.95.
  // Bar 4, sell at close 110: fill 110 x 0.995 = 109.45; commission 100 x 109.45 x 0.001 = 10.945, + 2 = 12.945;
  //   slippage 100 x 0.55 = 55; cash = -62.05 + 10,945 - 12.945 = 10,870.005.
  // Trade: pnl 870.005 = 1,000 gross - 129.995 costs (fees 24.995 + slippage 105).
  const result = simulate({
    bars: bars({ close: [100, 100, 100, 110, 110, 110, 100, 100, 100, 100] }),
    targets: f64(0, 1, 1, 1, 0, 0, 0, 0, 0, 0),
    settings: { fill: 'close', initialCapital: 10_000, costModel: bpsCostModel({ commissionBps: 10, commissionPerTrade: 2, slippageBps: 50 }) },
  });

  it('charges exact amounts', () => {
    expectSeries(result.equity, [10_000, 9_937.95, 9_937.95, 10_937.95, 10_870.005, 10_870.005, 10_870.005, 10_870.005, 10_870.005, 10_870.005]);
    const trade = tradeAt(result.trades, 0);
    expect(trade.entryPrice).toBeCloseTo(100.5, 12);
    expect(trade.exitPrice).toBeCloseTo(109.45, 12);
    expect(trade.size).toBe(100);
    expect(trade.pnl).toBeCloseTo(870.005, 9);
    expect(trade.costs).toBeCloseTo(129.995, 9);
    expect(result.totals.totalFees).toBeCloseTo(24.995, 9);
    expect(result.totals.totalSlippage).toBeCloseTo(105, 9);
    expect(result.totals.totalCosts).toBeCloseTo(129.995, 9);
    expect(result.totals.totalBorrow).toBe(0);
    expectConsistent(result, 10_000);
  });

  it('returns[0] is 0 and the first fill shows in returns[1]', () => {
    expect(result.returns[0]).toBe(0);
    expect(result.returns[1]).toBeCloseTo(9_937.95 / 10_000 - 1, 12);
  });

  it('a fill at bar 0 close shows its costs in returns[0]', () => {
    const r = simulate({
      bars: bars({ close: [100, 100, 100] }),
      targets: f64(1, 1, 1),
      settings: { fill: 'close', initialCapital: 1000, costModel: bpsCostModel({ commissionPerTrade: 10 }) },
    });
    expect(r.returns[0]).toBeCloseTo(-0.01, 12);
    expectConsistent(r, 1000);
  });
});

describe('a reversal is one fill', () => {
  // Capital 10,000, closes all 100, commissionPerTrade 10 only.
  // Bar 0: buy 100 units, fee 10, equity 9,990.
  // Bar 1: target -1 -> -9,990 / 100 = -99.9 units: one fill of 199.9 units, fee 10, split by units between the
  //   long it closes (100 / 199.9) and the short it opens (99.9 / 199.9). Equity 9,980.
  // Bar 9 (last): the short is closed at the end of data, fee 10. Equity 9,970.
  const r = simulate({
    bars: bars({ close: Array(10).fill(100) }),
    targets: f64(1, -1, -1, -1, -1, -1, -1, -1, -1, -1),
    settings: { fill: 'close', initialCapital: 10_000, costModel: bpsCostModel({ commissionPerTrade: 10 }) },
  });

  it('charges the fixed fee once and splits it by units', () => {
    expect(r.totals.totalFees).toBe(30);
    expect(r.equity[1]).toBeCloseTo(9_980, 12);
    expect(r.equity[9]).toBeCloseTo(9_970, 12);
    const closing = (10 * 100) / 199.9;
    expect(tradeAt(r.trades, 0)).toMatchObject({ size: 100, exitIndex: 1, exitReason: 'signal' });
    expect(r.trades.costs[0]).toBeCloseTo(10 + closing, 12);
    expect(r.trades.pnl[0]).toBeCloseTo(-(10 + closing), 12);
    expect(tradeAt(r.trades, 1)).toMatchObject({ entryIndex: 1, size: -99.9, exitIndex: 9, exitReason: 'endOfData' });
    expect(r.trades.costs[1]).toBeCloseTo(10 - closing + 10, 12);
    expectConsistent(r, 10_000);
  });
});

describe('short borrow', () => {
  // Capital 1000, fill at close, borrowRateAnnual 0.252 with periodsPerYear 252: 0.001 of short notional per bar,
  // charged at each close on the units held after that bar's fills.
  // Bar 1: short 10 at 100, cash 2000; borrow 10 x 100 x 0.001 = 1.0 -> cash 1999, equity 1999 - 1000 = 999
  // Bar 2: close 90,  borrow 0.9 -> cash 1998.1, equity 1998.1 - 900  = 1098.1
  // Bar 3: close 80,  borrow 0.8 -> cash 1997.3, equity 1997.3 - 800  = 1197.3
  // Bar 4: close 100, borrow 1.0 -> cash 1996.3, equity 996.3
  // Bar 5: close 110, borrow 1.1 -> cash 1995.2, equity 895.2
  // Bar 6: buy back 10 at 100 -> cash 995.2; no borrow once flat. Total borrow 4.8 over 5 bars held.
  const close = [100, 100, 90, 80, 100, 110, 100, 100, 100, 100];
  const settings = { fill: 'close', initialCapital: 1000, periodsPerYear: 252, costModel: bpsCostModel({ borrowRateAnnual: 0.252 }) } as const;

  it('charges borrow per bar on short notional', () => {
    const r = simulate({ bars: bars({ close }), targets: f64(0, -1, -1, -1, -1, -1, 0, 0, 0, 0), settings });
    expectSeries(r.equity, [1000, 999, 1098.1, 1197.3, 996.3, 895.2, 995.2, 995.2, 995.2, 995.2]);
    expect(r.totals.totalBorrow).toBeCloseTo(4.8, 12);
    expect(r.totals.totalCosts).toBeCloseTo(4.8, 12);
    expect(tradeAt(r.trades, 0)).toMatchObject({ barsHeld: 5, size: -10 });
    expect(r.trades.pnl[0]).toBeCloseTo(-4.8, 12);
    expect(r.trades.costs[0]).toBeCloseTo(4.8, 12);
    expectConsistent(r, 1000);
  });

  it('charges nothing on longs', () => {
    const r = simulate({ bars: bars({ close }), targets: f64(0, 1, 1, 1, 1, 1, 0, 0, 0, 0), settings });
    expect(r.totals.totalBorrow).toBe(0);
    expect(r.equity[9]).toBe(1000);
  });

  it('is charged in the fast and the general loop alike', () => {
    const targets = f64(0, -1, -1, -1, -1, -1, 0, 0, 0, 0);
    const fast = simulate({ bars: bars({ close }), targets, settings });
    const general = simulate({ bars: bars({ close }), targets, settings: { ...settings, rebalance: 'everyBar' } });
    // Every-bar rebalancing trades each bar, so only the bar-1 charge is the same; the totals differ but both reconcile.
    expect(general.equity[1]).toBe(fast.equity[1]);
    expect(general.totals.totalBorrow).toBeGreaterThan(0);
    expectConsistent(general, 1000);
  });
});
