// The state a bar loop carries from one chunk of bars to the next. The loops run in chunks of CHUNK_BARS so the
// hot function is called often and V8 optimises it with complete type feedback, instead of compiling it once
// mid-loop (on-stack replacement) and then deoptimising on the first path it had not seen yet.

import type { BacktestSettings } from './backtestSettings';

export const CHUNK_BARS = 4096;

/**
 * Fields start as NaN or false so V8 stores numbers unboxed as doubles from the first run (a field that starts
 * as the small integer 0 and later holds 1.5 changes representation and deoptimises its readers).
 */
export class LoopState {
  // Per run, fixed.
  atClose = false;
  everyBar = false;
  intrabar = false;
  minTarget = NaN;
  maxTarget = NaN;
  borrowPerBar = NaN;
  /** constantScale of the sizing (fast loop only). */
  scale = NaN;
  periodsPerYear = NaN;
  // Carried across bars.
  cash = NaN;
  units = NaN;
  /** Borrow charged since the last Ledger.sync. */
  borrow = NaN;
  /** Last clipped target acted on. */
  lastTarget = NaN;
  /** Last non-NaN target before clipping (fast loop). */
  lastRawTarget = NaN;
  /** Stopped out and waiting for the target to change. */
  stoppedOut = false;
  /** An order decided at the previous bar waits for this bar's open. */
  pending = false;
  pendingExposure = NaN;
  prevEquity = NaN;
  prevUnits = NaN;
  changes = NaN;

  reset(settings: BacktestSettings, intrabar: boolean, scale: number, borrowPerBar: number): void {
    this.atClose = settings.fill === 'close';
    this.everyBar = settings.rebalance === 'everyBar';
    this.intrabar = intrabar;
    this.minTarget = settings.direction === 'longOnly' ? 0 : -Infinity;
    this.maxTarget = settings.direction === 'shortOnly' ? 0 : Infinity;
    this.borrowPerBar = borrowPerBar;
    this.scale = scale;
    this.periodsPerYear = settings.periodsPerYear;
    this.cash = settings.initialCapital;
    this.units = 0;
    this.borrow = 0;
    this.lastTarget = 0;
    this.lastRawTarget = 0;
    this.stoppedOut = false;
    this.pending = false;
    this.pendingExposure = 0;
    this.prevEquity = settings.initialCapital;
    this.prevUnits = 0;
    this.changes = 0;
  }
}
