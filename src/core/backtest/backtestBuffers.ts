// Reusable storage for repeated backtests over series of the same length (a tuning run calls simulate thousands
// of times): with buffers passed in, a run allocates no arrays at all once the trade log has grown to fit.

import { Ledger } from './ledger';
import { LoopState } from './loopState';
import { StopTracker } from './stops';
import { TradeLogBuilder } from './tradeLog';
import { requireInteger } from './settingChecks';

/**
 * Results returned by simulate with these buffers are views into them: the next run with the same buffers
 * overwrites them. Copy what must outlive the run, or give each concurrent result its own buffers.
 */
export interface BacktestBuffers {
  /** Longest series these buffers hold; shorter series use the first `length` elements. */
  readonly length: number;
  readonly position: Float64Array;
  readonly equity: Float64Array;
  readonly returns: Float64Array;
  readonly trades: TradeLogBuilder;
  /** Engine internals, kept here so a run allocates nothing; not for callers to touch. */
  readonly ledger: Ledger;
  readonly stops: StopTracker;
  readonly state: LoopState;
}

/** `expectedTrades` only presizes the trade log, which grows as needed anyway. */
export function createBacktestBuffers(length: number, options: { expectedTrades?: number } = {}): BacktestBuffers {
  requireInteger('createBacktestBuffers', 'length', length, 1);
  const trades = new TradeLogBuilder(options.expectedTrades ?? 64);
  return {
    length,
    position: new Float64Array(length),
    equity: new Float64Array(length),
    returns: new Float64Array(length),
    trades,
    ledger: new Ledger(trades),
    stops: new StopTracker(),
    state: new LoopState(),
  };
}
