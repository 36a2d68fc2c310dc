// Stop-loss, take-profit and trailing stop evaluated inside the bar from open, high and low, worked out by hand:
// the pessimistic order when both are touched, gaps through a level, the re-entry rule and close-only data.

import { describe, expect, it } from 'vitest';
import { resolveBacktestSettings, simulate, tradeAt, type BacktestOptions } from '../../../../src/core/backtest';
import { bars, expectConsistent, expectSeries, expectTrade, f64, ohlc } from './helpers';

type Row = [number, number, number, number];
/** Long 10 units at bar 1's close of 100 (capital 1000, fill at close), then bar 3 varies. */
function run(bar2: Row, bar3: Row, settings: BacktestOptions, targets = f64(0, 1, 1, 1, 1, 1, 1, 1, 1, 1)) {
  const rows: Row[] = [
    [100, 100, 100, 100],
    [100, 101, 99, 100],
    bar2,
    bar3,
    [92, 95, 91, 94],
    [94, 96, 93, 95],
    [95, 97, 94, 96],
    [96, 101, 95, 100],
    [100, 105, 99, 104],
    [104, 106, 103, 105],
  ];
  return simulate({ bars: ohlc(rows), targets, settings: { fill: 'close', initialCapital: 1000, ...settings } });
}

describe('stop-loss', () => {
  it('exits at the stop level when the low touches it, then stays flat until the target changes', () => {
    // Stop 10 % below 100 = 90. Bar 3's low 89 touches it: sell 10 at 90 -> equity 900.
    // Bars 4..6 keep target 1 (or NaN): no re-entry. Bar 6 target 0, bar 7 target 1 again: buy 900 / 100 = 9 at
    // bar 7's close; 9 x 104 = 936 at bar 8; closed at bar 9's close 105 (end of data): 945.
    const targets = f64(0, 1, 1, 1, 1, NaN, 0, 1, 1, 1);
    const r = run([100, 104, 95, 102], [102, 103, 89, 92], { stopLossPct: 10 }, targets);
    expectSeries(r.equity, [1000, 1000, 1020, 900, 900, 900, 900, 900, 936, 945]);
    expectSeries(r.position, [0, 10, 10, 0, 0, 0, 0, 9, 9, 0]);
    expectTrade(r.trades, 0, { entryIndex: 1, exitIndex: 3, exitPrice: 90, pnl: -100, barsHeld: 2, exitReason: 'stopLoss' });
    expectTrade(r.trades, 1, { entryIndex: 7, exitIndex: 9, exitPrice: 105, pnl: 45, exitReason: 'endOfData' });
    expectConsistent(r, 1000);
  });

  it('does not re-enter while the target stays the same', () => {
    const r = run([100, 104, 95, 102], [102, 103, 89, 92], { stopLossPct: 10 });
    expect(r.trades.count).toBe(1);
    expectSeries(r.equity, [1000, 1000, 1020, 900, 900, 900, 900, 900, 900, 900]);
  });

  it('does not re-enter with every-bar rebalancing either, until the target changes', () => {
    // Every-bar rebalancing re-sizes on each bar with a target, but not after a stop: bars 4..6 keep target 1 and
    // stay flat; bar 7's target 0.5 is a change, so it buys 0.5 x 900 / 100 = 4.5 units at 100; bar 8 re-sizes to
    // 0.5 x (900 + 4.5 x 4) / 104 at its close.
    const targets = f64(0, 1, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5);
    const r = run([100, 104, 95, 102], [102, 103, 89, 92], { stopLossPct: 10, rebalance: 'everyBar' }, targets);
    expectSeries(r.position, [0, 10, 10, 0, 0, 0, 0, 4.5, (0.5 * 918) / 104, 0]);
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 90, exitReason: 'stopLoss' });
    expectTrade(r.trades, 1, { entryIndex: 7, size: 4.5, exitReason: 'endOfData' });
    expectConsistent(r, 1000);
  });

  it('re-enters when the target changes to another non-zero value', () => {
    // After the stop at bar 3, target 0.5 at bar 5 is a change: buy 0.5 x 900 / 95 units at 95.
    const targets = f64(0, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5);
    const r = run([100, 104, 95, 102], [102, 103, 89, 92], { stopLossPct: 10 }, targets);
    expect(r.trades.count).toBe(2);
    expect(r.trades.entryIndex[1]).toBe(5);
    expect(r.trades.size[1]).toBeCloseTo(450 / 95, 12);
  });

  it('fills at the open when the bar gaps through the stop', () => {
    // Bar 3 opens at 85, below the stop at 90: sell at 85 (worse than the stop) -> equity 850.
    const r = run([100, 104, 95, 102], [85, 88, 84, 86], { stopLossPct: 10 });
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 85, pnl: -150, exitReason: 'stopLoss' });
    expect(r.equity[3]).toBe(850);
  });

  it('works for shorts: the stop is above the entry and the high touches it', () => {
    // Short 10 at 100, stop 10 % above = 110. Bar 3's high 111: buy back at 110 -> cash 2000 - 1100 = 900.
    const r = run([100, 104, 95, 102], [105, 111, 104, 108], { stopLossPct: 10 }, f64(0, -1, -1, -1, -1, -1, -1, -1, -1, -1));
    expectTrade(r.trades, 0, { size: -10, exitIndex: 3, exitPrice: 110, pnl: -100, exitReason: 'stopLoss' });
  });

  it('exits a position entered at the open in that same bar (barsHeld 0)', () => {
    // Fill next open: target 1 at bar 0, buy at bar 1's open 100; bar 1's low 89 hits the 10 % stop at 90.
    const r = simulate({
      bars: ohlc([[100, 100, 100, 100], [100, 101, 89, 95], [95, 96, 94, 95]]),
      targets: f64(1, 1, 1),
      settings: { initialCapital: 1000, stopLossPct: 10 },
    });
    expectTrade(r.trades, 0, { entryIndex: 1, exitIndex: 1, entryPrice: 100, exitPrice: 90, barsHeld: 0, exitReason: 'stopLoss' });
    expectSeries(r.position, [0, 0, 0]);
    expectSeries(r.equity, [1000, 900, 900]);
  });
});

describe('take-profit', () => {
  it('exits at the take-profit level when the high touches it', () => {
    // Target 10 % above 100 = 110. Bar 3's high 112: sell at 110 -> 1100.
    const r = run([100, 104, 99, 102], [104, 112, 103, 111], { takeProfitPct: 10 });
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 110, pnl: 100, exitReason: 'takeProfit' });
    expect(r.equity[3]).toBeCloseTo(1100, 9);
  });

  it('fills at the open when the bar gaps beyond the take-profit', () => {
    const r = run([100, 104, 99, 102], [113, 115, 112, 114], { takeProfitPct: 10 });
    expectTrade(r.trades, 0, { exitPrice: 113, exitReason: 'takeProfit' });
  });
});

describe('stop and take-profit touched in the same bar', () => {
  it('assumes the stop was hit first (pessimistic)', () => {
    // Stop 90 and target 110; bar 3 ranges 85..115 and closes at 100: the exit is the stop, at 90.
    const r = run([100, 104, 99, 102], [100, 115, 85, 100], { stopLossPct: 10, takeProfitPct: 10 });
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 90, pnl: -100, exitReason: 'stopLoss' });
    expect(r.equity[3]).toBe(900);
  });
});

describe('trailing stop', () => {
  it('trails the highest high of earlier bars and exits when the low touches it', () => {
    // Trail 10 %. Bar 2: level 100 x 0.9 = 90 (from the entry), low 99: holds; its high 120 raises the peak after
    // the bar. Had bar 2's own high counted, the level would be 108 and the low 99 would have exited.
    // Bar 3: level 120 x 0.9 = 108, low 107: sell at 108 -> 1080.
    const r = run([100, 120, 99, 118], [118, 119, 107, 110], { trailingStopPct: 10 });
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 108, pnl: 80, exitReason: 'trailingStop' });
    expectSeries(r.equity.subarray(0, 4), [1000, 1000, 1180, 1080]);
  });

  it('the tighter of stop-loss and trailing stop applies, and names the exit', () => {
    // Stop-loss 5 % = 95 is above the initial trail 90: bar 2's low 94 exits at 95 as 'stopLoss'.
    const early = run([100, 101, 94, 96], [96, 97, 95, 96], { stopLossPct: 5, trailingStopPct: 10 });
    expectTrade(early.trades, 0, { exitIndex: 2, exitPrice: 95, exitReason: 'stopLoss' });
    // After a high of 120 the trail (108) is above the stop-loss (95): bar 3 exits at 108 as 'trailingStop'.
    const late = run([100, 120, 99, 118], [118, 119, 107, 110], { stopLossPct: 5, trailingStopPct: 10 });
    expectTrade(late.trades, 0, { exitIndex: 3, exitPrice: 108, exitReason: 'trailingStop' });
  });

  it('trails the lowest low for shorts', () => {
    // Short 10 at 100, trail 10 %. Bar 2 low 80 -> peak 80 after the bar; bar 3 level 88, high 90: buy back at 88.
    const r = run([100, 101, 80, 85], [85, 90, 84, 89], { trailingStopPct: 10 }, f64(0, -1, -1, -1, -1, -1, -1, -1, -1, -1));
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 88, pnl: 120, exitReason: 'trailingStop' });
  });
});

describe('shorts mirror every rule', () => {
  const SHORT = f64(0, -1, -1, -1, -1, -1, -1, -1, -1, -1);
  // Short 10 at bar 1's close of 100 (cash 2000); stop 10 % above = 110, take-profit 10 % below = 90.

  it('a gap up through the stop fills at the open', () => {
    // Bar 3 opens at 115: buy back at 115 -> 2000 - 1150 = 850.
    const r = run([100, 104, 95, 102], [115, 118, 112, 116], { stopLossPct: 10 }, SHORT);
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 115, pnl: -150, exitReason: 'stopLoss' });
  });

  it('the low touching the take-profit exits there, and a gap below it exits at the open', () => {
    const touch = run([100, 104, 95, 102], [98, 99, 88, 95], { takeProfitPct: 10 }, SHORT);
    expectTrade(touch.trades, 0, { exitIndex: 3, exitPrice: 90, pnl: 100, exitReason: 'takeProfit' });
    const gap = run([100, 104, 95, 102], [85, 87, 84, 86], { takeProfitPct: 10 }, SHORT);
    expectTrade(gap.trades, 0, { exitIndex: 3, exitPrice: 85, pnl: 150, exitReason: 'takeProfit' });
  });

  it('when both are touched, the stop comes first', () => {
    const r = run([100, 104, 95, 102], [100, 115, 85, 100], { stopLossPct: 10, takeProfitPct: 10 }, SHORT);
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 110, pnl: -100, exitReason: 'stopLoss' });
  });
});

describe('close-only data', () => {
  it('triggers on the close and fills at that close', () => {
    // Long 10 at 100; stop 10 % = 90; bar 3 closes at 88 (bar 2's 91 does not trigger): sell at 88 -> 880.
    const r = simulate({
      bars: bars({ close: [100, 100, 91, 88, 95, 100, 100, 100, 100, 100] }),
      targets: f64(0, 1, 1, 1, 1, 1, 1, 1, 1, 1),
      settings: { fill: 'close', initialCapital: 1000, stopLossPct: 10 },
    });
    expectTrade(r.trades, 0, { exitIndex: 3, exitPrice: 88, exitReason: 'stopLoss' });
    expectSeries(r.equity, [1000, 1000, 910, 880, 880, 880, 880, 880, 880, 880]);
  });
});

describe('stop settings', () => {
  it('0 turns a stop off', () => {
    const r = run([100, 104, 95, 102], [102, 103, 89, 92], resolveBacktestSettings({ fill: 'close', initialCapital: 1000, stopLossPct: 0 }));
    expect(r.trades.count).toBe(1);
    expect(tradeAt(r.trades, 0).exitReason).toBe('endOfData');
  });
});
