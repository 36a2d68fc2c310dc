// simulate: targets in, positions, equity, returns and trades out. The entry point of the backtest engine and the
// objective every tuning trial calls; it validates inputs, picks the fast or the general loop and packs results.

import type { BarSeries } from '../data/bars';
import type { BacktestBuffers } from './backtestBuffers';
import type { BacktestResult } from './backtestResult';
import type { BacktestOptions, BacktestSettings } from './backtestSettings';
import { createBacktestBuffers } from './backtestBuffers';
import { resolveBacktestSettings } from './backtestSettings';
import { runBarLoop, type BarLoopInput } from './barLoop';
import { runFastBarLoop } from './fastBarLoop';
import { checkCloses } from './priceChecks';

export interface SimulateInput {
  readonly bars: BarSeries;
  /**
   * Desired exposure per bar, decided with data up to and including that bar's close: a signed fraction of equity
   * before sizing (+1 all-in long, -1 all-in short, 0 flat, 0.5 half, 2 double leverage). NaN = no opinion: keep
   * the current position (and, after a stop, do not re-enter). Same length as bars; finite or NaN.
   */
  readonly targets: Float64Array;
  /** Settings or a resolved settings object (see resolveBacktestSettings); defaults for anything left out. */
  readonly settings?: BacktestOptions;
  /** Reusable output storage (see createBacktestBuffers); results are then views into it. */
  readonly buffers?: BacktestBuffers;
}

/**
 * Simulates one account trading `bars` toward `targets`, bar by bar, marking it to market at every close.
 *
 * Conventions (details where named):
 * - targets: desired exposure per bar, a signed fraction of equity before sizing; NaN = no opinion, keep the
 *   position. Orders happen only when the clipped target changes (or every bar with rebalance 'everyBar').
 * - fills: 'nextOpen' (default) fills targets[t] at open[t+1]; 'close' fills it at close[t]. Units are sized on
 *   equity at the fill's reference price, before costs: units = exposure x equity / price.
 * - position: signed units held at the end of each bar (not exposure); see BacktestResult.position.
 * - stops (StopTracker): intrabar from open/high/low (the close alone on close-only data); when a stop and the
 *   take-profit are both touched in one bar the stop is assumed first; a gap through a level fills at the open.
 *   After a stop exit the account stays flat until the target changes (runBarLoop).
 * - end of data: a position still open is closed at the last close with reason 'endOfData', paying normal costs.
 * - costs (CostModel): fees and slippage on every fill, borrow per bar on shorts held at the close; all of it is
 *   in the trades' costs and pnl, so final equity = initialCapital + sum of trade pnl.
 * See runBarLoop (barLoop.ts) for the order of events inside a bar, Ledger (ledger.ts) for the bookkeeping and
 * BacktestResult for the output schema.
 *
 * Allocation: nothing per bar; per run the output arrays unless `buffers` is given, plus a few small objects.
 * Closes are validated the first time a close array is seen (see checkCloses), not on every run.
 *
 * @throws Error naming the setting or input at fault: bad settings, targets of the wrong length or infinite,
 *   closes that are not finite and > 0, or fill 'nextOpen' on a series without an open column.
 */
export function simulate(input: SimulateInput): BacktestResult {
  const { bars, targets } = input;
  const settings = resolveBacktestSettings(input.settings);
  const n = checkInputs(bars, targets, settings);
  const buffers = input.buffers ?? createBacktestBuffers(n);
  if (buffers.length < n) {
    throw new RangeError(`simulate: buffers hold ${buffers.length} bars but the series has ${n}; create them with createBacktestBuffers(${n})`);
  }
  const exact = buffers.length === n;
  const loopInput: BarLoopInput = {
    bars,
    targets,
    settings,
    ledger: buffers.ledger,
    stops: buffers.stops,
    state: buffers.state,
    position: exact ? buffers.position : buffers.position.subarray(0, n),
    equity: exact ? buffers.equity : buffers.equity.subarray(0, n),
    returns: exact ? buffers.returns : buffers.returns.subarray(0, n),
  };
  const fast =
    settings.stopLossPct === 0 &&
    settings.takeProfitPct === 0 &&
    settings.trailingStopPct === 0 &&
    settings.rebalance === 'onTargetChange' &&
    settings.sizing.constantScale !== undefined;
  const positionChanges = fast ? runFastBarLoop(loopInput) : runBarLoop(loopInput);

  const ledger = buffers.ledger;
  buffers.trades.setTimeSource(bars.time);
  const trades = buffers.trades.view();
  return {
    length: n,
    position: loopInput.position,
    equity: loopInput.equity,
    returns: loopInput.returns,
    trades,
    totals: {
      initialCapital: settings.initialCapital,
      finalEquity: loopInput.equity[n - 1],
      totalCosts: ledger.totalFees + ledger.totalSlippage + ledger.totalBorrow,
      totalFees: ledger.totalFees,
      totalSlippage: ledger.totalSlippage,
      totalBorrow: ledger.totalBorrow,
      positionChanges,
      tradeCount: trades.count,
    },
  };
}

function checkInputs(bars: BarSeries, targets: Float64Array, settings: BacktestSettings): number {
  const n = bars.length;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`simulate: bars must hold at least 1 bar, got ${n}`);
  if (!(bars.close instanceof Float64Array) || bars.close.length !== n) throw new RangeError(`simulate: bars.close must be a Float64Array of length ${n}`);
  if (!(bars.time instanceof Float64Array) || bars.time.length !== n) throw new RangeError(`simulate: bars.time must be a Float64Array of length ${n}`);
  if (!(targets instanceof Float64Array)) throw new TypeError('simulate: targets must be a Float64Array');
  if (targets.length !== n) throw new RangeError(`simulate: targets has length ${targets.length} but bars has ${n}; they must match`);
  if (settings.fill === 'nextOpen' && bars.open === undefined) {
    throw new RangeError("simulate: fill 'nextOpen' needs an open column, and this series is close-only; use fill: 'close'");
  }
  checkCloses(bars.close);
  for (const column of ['open', 'high', 'low'] as const) {
    const values = bars[column];
    if (values !== undefined && values.length !== n) throw new RangeError(`simulate: bars.${column} has length ${values.length} but bars has ${n}`);
  }
  return n;
}
