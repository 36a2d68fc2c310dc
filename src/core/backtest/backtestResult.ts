// The fixed output schema of one backtest: per-bar position, equity and returns, the trade list and the totals.
// Metrics, charts and the tuner read this shape; nothing else comes out of the engine.

import type { TradeLog } from './tradeLog';

export interface BacktestTotals {
  readonly initialCapital: number;
  /** equity[length - 1]; equals initialCapital + sum(trades.pnl) to rounding. */
  readonly finalEquity: number;
  /** totalFees + totalSlippage + totalBorrow = sum(trades.costs), account currency. */
  readonly totalCosts: number;
  /** Commission and fixed fees, account currency. */
  readonly totalFees: number;
  /** Sum over fills of |units| x |fill price - reference price|, account currency. */
  readonly totalSlippage: number;
  /** Short borrow, account currency. */
  readonly totalBorrow: number;
  /** Bars t where position[t] !== position[t-1] (position[-1] = 0). */
  readonly positionChanges: number;
  readonly tradeCount: number;
}

export interface BacktestResult {
  readonly length: number;
  /**
   * Signed units of the asset held at the end of each bar, after every fill of that bar (so the last bar is 0,
   * after the end-of-data exit). position[t-1] is what earned bar t's close-to-close move; exposure as a fraction
   * of equity is position[t] x close[t] / equity[t].
   */
  readonly position: Float64Array;
  /** Equity marked to market at each bar's close (cash + position x close), after that bar's costs. */
  readonly equity: Float64Array;
  /**
   * Simple returns of equity: returns[t] = equity[t] / equity[t-1] - 1, and returns[0] = equity[0] / initialCapital
   * - 1, which is 0 unless an order filled at bar 0's close and paid costs. So initialCapital x prod(1 + returns)
   * = final equity.
   */
  readonly returns: Float64Array;
  readonly trades: TradeLog;
  readonly totals: BacktestTotals;
}
