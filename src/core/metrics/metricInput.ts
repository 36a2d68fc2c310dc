// The data every metric reads: one backtest's per-bar series (returns, equity, position, times) and its closed
// trades, with the shape check that catches a backtest handing over misaligned arrays.

import type { TradeColumns } from './tradeStats';

export interface MetricInput {
  /**
   * Per-bar simple returns of the strategy, `equity[i] / equity[i−1] − 1`, aligned with `equity`
   * (same length) or without the first bar (one shorter). Every element is one period in the return statistics:
   * a backtest's placeholder `returns[0] = 0` counts as one flat bar, as in quantstats and vectorbt; pass
   * `returns.subarray(1)` to leave it out.
   */
  readonly returns: Float64Array;
  /** Account value at the close of each bar; equity[0] is the starting value and must be positive. */
  readonly equity: Float64Array;
  /**
   * Position held on each bar as a signed fraction of equity (1 = fully long, −0.5 = half short), same length as
   * equity. Needed for exposure and turnover, which are NaN without it.
   */
  readonly position?: Float64Array;
  /**
   * Bar times, epoch milliseconds, same length as equity. No registry metric reads them: annualisation counts bars
   * (periodsPerYear), so gaps and weekends don't move CAGR or Sharpe. They travel with the input for metrics that
   * report dates.
   */
  readonly time?: Float64Array;
  /** Closed trades. Without them the trade metrics are NaN, number_of_trades included; with an empty list it is 0. */
  readonly trades?: TradeColumns;
}

/**
 * Throws when the arrays cannot belong to one backtest: a field that is not a Float64Array, returns neither as
 * long as equity nor one shorter, position or time not as long as equity, trade columns of different lengths.
 * Short or empty arrays are fine (metrics come out NaN); this only catches wiring bugs.
 */
export function validateMetricInput(input: MetricInput): void {
  const { returns, equity, position, time, trades } = input;
  checkArray('returns', returns);
  checkArray('equity', equity);
  const n = equity.length;
  if (returns.length !== n && returns.length !== n - 1) {
    throw new Error(`metrics: returns must have equity's length ${n} or one less, got ${returns.length}`);
  }
  if (position !== undefined) checkArray('position', position, n);
  if (time !== undefined) checkArray('time', time, n);
  if (trades !== undefined) {
    checkArray('trades.pnl', trades.pnl);
    if (trades.returns !== undefined) checkArray('trades.returns', trades.returns, trades.pnl.length);
    if (trades.barsHeld !== undefined) checkArray('trades.barsHeld', trades.barsHeld, trades.pnl.length);
  }
}

function checkArray(name: string, value: unknown, length?: number): void {
  if (!(value instanceof Float64Array)) throw new Error(`metrics: ${name} must be a Float64Array`);
  if (length !== undefined && value.length !== length) {
    throw new Error(`metrics: ${name} must have ${length} elements, got ${value.length}`);
  }
}
