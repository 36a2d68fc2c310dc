// Fill rules worked out by hand on 10-bar series: fill at the signal bar's close, fill at the next open, NaN
// targets, the end-of-data exit, a strategy that never trades, and the close-only / next-open error.

import { describe, expect, it } from 'vitest';
import { bpsCostModel, EXIT_REASONS, simulate, tradeAt } from '../../../../src/core/backtest';
import { bars, expectConsistent, expectSeries, f64 } from './helpers';

const CLOSE = [100, 100, 110, 120, 90, 100, 100, 80, 90, 100];
const OPEN = [100, 100, 100, 115, 125, 95, 100, 95, 80, 95];
const TARGETS = f64(0, 1, 1, NaN, 0, 0, -1, -1, 0, 0);

describe('fill at close', () => {
  // Capital 1000, all-in, no costs. The order made from targets[t] fills at close[t].
  //   bar 0  target 0: flat                                   equity 1000
  //   bar 1  target 1: buy 1000 / 100 = 10 units at 100, cash 0  equity 10 x 100 = 1000
  //   bar 2  hold                                             10 x 110 = 1100
  //   bar 3  NaN: keep the position                           10 x 120 = 1200
  //   bar 4  target 0: sell 10 at 90, cash 900                900   trade 1: pnl 900 - 1000 = -100
  //   bar 5  flat                                             900
  //   bar 6  target -1: short 900 / 100 = 9 at 100, cash 1800  1800 - 9 x 100 = 900
  //   bar 7  hold                                             1800 - 9 x 80 = 1080
  //   bar 8  target 0: buy back 9 at 90, cash 990             990   trade 2: pnl 990 - 900 = +90
  //   bar 9  flat                                             990
  const result = simulate({ bars: bars({ close: CLOSE }), targets: TARGETS, settings: { fill: 'close', initialCapital: 1000 } });

  it('marks equity to market at every close', () => {
    expectSeries(result.equity, [1000, 1000, 1100, 1200, 900, 900, 900, 1080, 990, 990]);
    expectSeries(result.position, [0, 10, 10, 10, 0, 0, -9, -9, 0, 0]);
    expectSeries(result.returns, [0, 0, 0.1, 1200 / 1100 - 1, 900 / 1200 - 1, 0, 0, 0.2, 990 / 1080 - 1, 0]);
  });

  it('records both trades with fill bars, prices, sizes and pnl', () => {
    expect(result.trades.count).toBe(2);
    expect(tradeAt(result.trades, 0)).toMatchObject({
      entryIndex: 1, exitIndex: 4, entryPrice: 100, exitPrice: 90, size: 10, pnl: -100, costs: 0, barsHeld: 3, exitReason: 'signal',
    });
    expect(tradeAt(result.trades, 1)).toMatchObject({
      entryIndex: 6, exitIndex: 8, entryPrice: 100, exitPrice: 90, size: -9, pnl: 90, costs: 0, barsHeld: 2, exitReason: 'signal',
    });
    expect(result.trades.entryTime[0]).toBe(Date.UTC(2020, 0, 2));
    expect(result.trades.exitTime[1]).toBe(Date.UTC(2020, 0, 9));
    expect(result.totals).toMatchObject({ positionChanges: 4, tradeCount: 2, totalCosts: 0, finalEquity: 990 });
    // Trade times are filled lazily; a structured clone (worker transfer) still carries them as data.
    const fresh = simulate({ bars: bars({ close: CLOSE }), targets: TARGETS, settings: { fill: 'close', initialCapital: 1000 } });
    const cloned = structuredClone(fresh.trades);
    expect(Array.from(cloned.entryTime)).toEqual([Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 7)]);
    expect(Array.from(cloned.exitTime)).toEqual([Date.UTC(2020, 0, 5), Date.UTC(2020, 0, 9)]);
    expectConsistent(result, 1000);
  });
});

describe('fill at next open', () => {
  // Capital 1000, all-in, no costs. The order made from targets[t] fills at open[t+1].
  //   bar 1  target 1 -> bar 2 opens at 100: buy 10, cash 0     bars 1, 2: 1000, 10 x 110 = 1100
  //   bar 3  NaN: keep                                          10 x 120 = 1200
  //   bar 4  target 0 (still long at this close)                10 x 90 = 900
  //   bar 5  opens at 95: sell 10, cash 950                     950   trade 1: 950 - 1000 = -50
  //   bar 6  target -1 -> bar 7 opens at 95: short 950/95 = 10, cash 1900; close 80: 1900 - 800 = 1100
  //   bar 8  target 0 (still short)                             1900 - 10 x 90 = 1000
  //   bar 9  opens at 95: buy back 10, cash 950                 950   trade 2: 950 - 950 = 0
  const result = simulate({ bars: bars({ open: OPEN, close: CLOSE }), targets: TARGETS, settings: { initialCapital: 1000 } });

  it('marks equity to market at every close', () => {
    expectSeries(result.equity, [1000, 1000, 1100, 1200, 900, 950, 950, 1100, 1000, 950]);
    expectSeries(result.position, [0, 0, 10, 10, 10, 0, 0, -10, -10, 0]);
  });

  it('records trades at the fill bars, not the signal bars', () => {
    expect(tradeAt(result.trades, 0)).toMatchObject({ entryIndex: 2, exitIndex: 5, entryPrice: 100, exitPrice: 95, size: 10, pnl: -50, barsHeld: 3 });
    expect(tradeAt(result.trades, 1)).toMatchObject({ entryIndex: 7, exitIndex: 9, entryPrice: 95, exitPrice: 95, size: -10, pnl: 0, exitReason: 'signal' });
    expect(result.totals.positionChanges).toBe(4);
    expectConsistent(result, 1000);
  });

  it('is the default fill rule', () => {
    const explicit = simulate({ bars: bars({ open: OPEN, close: CLOSE }), targets: TARGETS, settings: { initialCapital: 1000, fill: 'nextOpen' } });
    expect(Array.from(explicit.equity)).toEqual(Array.from(result.equity));
  });

  it('never fills the last bar\'s target', () => {
    const t = f64(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    const r = simulate({ bars: bars({ open: OPEN, close: CLOSE }), targets: t, settings: { initialCapital: 1000 } });
    expect(r.trades.count).toBe(0);
    expectSeries(r.equity, Array(10).fill(1000));
  });

  it("refuses close-only data and suggests fill 'close'", () => {
    expect(() => simulate({ bars: bars({ close: CLOSE }), targets: TARGETS })).toThrow(/fill 'nextOpen'.*open column.*fill: 'close'/);
  });
});

describe('end of data', () => {
  it('closes a position still open at the last close, reason endOfData', () => {
    // Long 10 units from bar 1's close at 100; equity follows 10 x close; the last close is 100.
    const t = f64(0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    const r = simulate({ bars: bars({ close: CLOSE }), targets: t, settings: { fill: 'close', initialCapital: 1000 } });
    expectSeries(r.equity, [1000, 1000, 1100, 1200, 900, 1000, 1000, 800, 900, 1000]);
    expectSeries(r.position, [0, 10, 10, 10, 10, 10, 10, 10, 10, 0]);
    expect(tradeAt(r.trades, 0)).toMatchObject({ entryIndex: 1, exitIndex: 9, exitPrice: 100, pnl: 0, barsHeld: 8, exitReason: 'endOfData' });
    expectConsistent(r, 1000);
  });

  it('pays the exit costs like any other fill', () => {
    // Units are sized on equity before costs: 1000 / 100 = 10. Commission 10 bps: entry 10 x 100 x 0.001 = 1
    // (equity 999), exit 10 x 100 x 0.001 = 1 (equity 998).
    const t = f64(0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    const r = simulate({ bars: bars({ close: CLOSE.map(() => 100) }), targets: t, settings: { fill: 'close', initialCapital: 1000, costModel: bpsCostModel({ commissionBps: 10 }) } });
    expect(r.equity[8]).toBeCloseTo(999, 12);
    expect(r.equity[9]).toBeCloseTo(998, 12);
    expect(r.trades.costs[0]).toBeCloseTo(2, 12);
    expect(EXIT_REASONS[r.trades.exitReason[0]]).toBe('endOfData');
  });

  it("with fill 'close', a last-bar target of 0 is an ordinary signal exit", () => {
    const t = f64(0, 1, 1, 1, 1, 1, 1, 1, 1, 0);
    const r = simulate({ bars: bars({ close: CLOSE }), targets: t, settings: { fill: 'close', initialCapital: 1000 } });
    expect(tradeAt(r.trades, 0).exitReason).toBe('signal');
    expect(r.equity[9]).toBe(1000);
  });

  it("with fill 'nextOpen', a position entered at the last open is closed at the last close", () => {
    const t = f64(0, 0, 0, 0, 0, 0, 0, 0, 1, 1);
    const r = simulate({ bars: bars({ open: OPEN, close: CLOSE }), targets: t, settings: { initialCapital: 950 } });
    // Buy 950 / 95 = 10 at bar 9's open, sell at its close 100.
    expect(tradeAt(r.trades, 0)).toMatchObject({ entryIndex: 9, exitIndex: 9, entryPrice: 95, exitPrice: 100, pnl: 50, barsHeld: 0, exitReason: 'endOfData' });
    expect(r.position[9]).toBe(0);
    expect(r.totals.positionChanges).toBe(0);
    expectConsistent(r, 950);
  });
});

describe('a strategy that never trades', () => {
  for (const [label, targets] of [
    ['all zero', new Float64Array(10)],
    ['all NaN', new Float64Array(10).fill(NaN)],
  ] as const) {
    it(`${label}: flat equity, zero costs, no trades`, () => {
      const r = simulate({
        bars: bars({ open: OPEN, close: CLOSE }),
        targets,
        settings: { initialCapital: 5000, costModel: bpsCostModel({ commissionBps: 5, commissionPerTrade: 1, slippageBps: 3, borrowRateAnnual: 0.1 }) },
      });
      expectSeries(r.equity, Array(10).fill(5000), 12);
      expectSeries(r.returns, Array(10).fill(0), 12);
      expect(r.totals).toMatchObject({ totalCosts: 0, totalFees: 0, totalSlippage: 0, totalBorrow: 0, positionChanges: 0, tradeCount: 0, finalEquity: 5000 });
    });
  }
});
