// Hand-built inputs for the profile tests: a bar series from closes at given times and a BacktestResult whose
// equity and returns are given directly (no engine run), so every expected number can be worked out by hand.

import type { BacktestResult } from '../../../../src/core/backtest/backtestResult';
import type { TradeLog } from '../../../../src/core/backtest/tradeLog';
import type { BarSeries } from '../../../../src/core/data/bars';

export const DAY = 86_400_000;

export function barsAt(time: number[], close: number[]): BarSeries {
  return { length: close.length, time: Float64Array.from(time), close: Float64Array.from(close) };
}

/** Daily bars from 2020-01-01. */
export function dailyBars(close: number[], start = Date.UTC(2020, 0, 1)): BarSeries {
  return barsAt(close.map((_, i) => start + i * DAY), close);
}

export const emptyTrades: TradeLog = {
  count: 0,
  entryIndex: new Int32Array(0),
  exitIndex: new Int32Array(0),
  entryTime: new Float64Array(0),
  exitTime: new Float64Array(0),
  entryPrice: new Float64Array(0),
  exitPrice: new Float64Array(0),
  size: new Float64Array(0),
  pnl: new Float64Array(0),
  costs: new Float64Array(0),
  barsHeld: new Int32Array(0),
  exitReason: new Uint8Array(0),
};

/** A result with the given equity; returns follow BacktestResult's definition (returns[0] from initialCapital). */
export function resultFromEquity(equity: number[], initialCapital = equity[0]): BacktestResult {
  const n = equity.length;
  const returns = new Float64Array(n);
  for (let t = 0; t < n; t++) returns[t] = equity[t] / (t === 0 ? initialCapital : equity[t - 1]) - 1;
  return {
    length: n,
    position: new Float64Array(n),
    equity: Float64Array.from(equity),
    returns,
    trades: emptyTrades,
    totals: {
      initialCapital,
      finalEquity: equity[n - 1],
      totalCosts: 0,
      totalFees: 0,
      totalSlippage: 0,
      totalBorrow: 0,
      positionChanges: 0,
      tradeCount: 0,
    },
  };
}
