// The general bar-by-bar loop: queued next-open orders, intrabar stops, any sizing, every-bar rebalancing.
// simulate.ts picks fastBarLoop.ts instead when none of that is needed; both give identical results.

import type { BarSeries } from '../data/bars';
import type { BacktestSettings } from './backtestSettings';
import type { Ledger } from './ledger';
import type { StopTracker } from './stops';
import type { LoopState } from './loopState';
import { ExitReasonCode } from './exitReason';
import { FILL_OPENED } from './ledger';
import { CHUNK_BARS } from './loopState';

export interface BarLoopInput {
  readonly bars: BarSeries;
  readonly targets: Float64Array;
  readonly settings: BacktestSettings;
  readonly ledger: Ledger;
  readonly stops: StopTracker;
  readonly state: LoopState;
  /** Outputs, exactly bars.length long. */
  readonly position: Float64Array;
  readonly equity: Float64Array;
  readonly returns: Float64Array;
}

export function badTarget(index: number, value: number): RangeError {
  return new RangeError(`simulate: targets[${index}] is ${value}; targets must be finite or NaN (no opinion)`);
}

/**
 * Events inside bar i, in this order:
 *   1. 'nextOpen': the order decided at bar i-1 fills at open[i], sized on equity at that open;
 *   2. stops of the open trade, intrabar (see StopTracker); a stopped-out account stays flat until the target
 *      changes to a different value (NaN is no change), so a still-standing signal does not re-enter;
 *   3. targets[i]: NaN keeps the position; otherwise clipped to the direction, and if it differs from the last
 *      target acted on (or on every bar with rebalance 'everyBar'), sized into an order that fills at close[i]
 *      ('close') or is queued for open[i+1] ('nextOpen'). A sizing that cannot size yet (NaN) leaves the last
 *      target unchanged, so the order is tried again on the next bar;
 *   4. last bar: a position still open is closed at its close, reason 'endOfData' (with 'close' fills, a target of
 *      0 on the last bar closes it as an ordinary 'signal' exit instead; other last-bar targets are not traded);
 *   5. borrow on a short held at the close, then mark to market.
 * Expects validated closes (checkCloses). Returns the number of bars where the position changed.
 */
export function runBarLoop(input: BarLoopInput): number {
  const { bars, settings, ledger, stops, state } = input;
  const intrabar = bars.open !== undefined && bars.high !== undefined && bars.low !== undefined;
  stops.configure(settings);
  ledger.reset(settings.initialCapital, settings.costModel);
  state.reset(settings, intrabar, NaN, settings.costModel.shortBorrowRatePerBar(settings.periodsPerYear));
  for (let from = 0; from < bars.length; from += CHUNK_BARS) runChunk(input, from, Math.min(from + CHUNK_BARS, bars.length));
  ledger.sync(state.cash, state.borrow);
  return state.changes;
}

function runChunk(input: BarLoopInput, from: number, to: number): void {
  const { bars, targets, settings, ledger, stops, state, position, equity, returns } = input;
  const last = bars.length - 1;
  const close = bars.close;
  const open = bars.open!;
  // Stops read open, high and low; on close-only data the close stands for all three (see StopTracker).
  const { intrabar } = state;
  const stopOpen = intrabar ? open : close;
  const stopHigh = intrabar ? bars.high! : close;
  const stopLow = intrabar ? bars.low! : close;
  const sizing = settings.sizing;
  const { atClose, everyBar, minTarget, maxTarget, borrowPerBar, periodsPerYear } = state;
  const stopsOn = stops.active;
  const quietTo = to < last ? to : last;
  let { cash, units, borrow, lastTarget, lastRawTarget, stoppedOut, pending, pendingExposure, prevEquity, prevUnits, changes } = state;

  for (let i = from; i < to; i++) {
    if (!pending && !everyBar) {
      // Quiet bars (no queued order, raw target unchanged or NaN, not the last bar) in a small loop that keeps
      // few values live; it stops at the first bar with an event, including a stop that would trigger (the full
      // path below then checks that bar again: a check that finds an exit changes nothing in the tracker).
      const watchStops = stopsOn && units !== 0;
      for (; i < quietTo; i++) {
        const t = targets[i];
        if (t !== lastRawTarget && t === t) break;
        const c = close[i];
        if (watchStops && stops.checkBar(stopOpen[i], stopHigh[i], stopLow[i]) !== 0) break;
        if (borrowPerBar > 0 && units < 0) {
          const b = -units * c * borrowPerBar;
          cash -= b;
          borrow += b;
        }
        const eq = cash + units * c;
        equity[i] = eq;
        returns[i] = eq / prevEquity - 1;
        position[i] = units;
        prevEquity = eq;
      }
      if (i === to) break;
    }

    const c = close[i];
    if (pending) {
      pending = false;
      const o = open[i];
      const equityAtOpen = cash + units * o;
      const desired = pendingExposure === 0 || !(equityAtOpen > 0) ? 0 : (pendingExposure * equityAtOpen) / o;
      ledger.sync(cash, borrow);
      borrow = 0;
      const result = ledger.fill(i, o, desired, ExitReasonCode.signal);
      cash = ledger.cash;
      units = ledger.units;
      if (result === FILL_OPENED && stopsOn) stops.start(units, ledger.entryPrice);
    }

    if (stopsOn && units !== 0) {
      const reason = stops.checkBar(stopOpen[i], stopHigh[i], stopLow[i]);
      if (reason !== 0) {
        ledger.sync(cash, borrow);
        borrow = 0;
        ledger.fill(i, stops.exitPrice, 0, reason);
        cash = ledger.cash;
        units = 0;
        stoppedOut = true;
      }
    }

    let t = targets[i];
    if (t === t) {
      lastRawTarget = t;
      if (t < minTarget) t = minTarget;
      else if (t > maxTarget) t = maxTarget;
      if (stoppedOut && t !== lastTarget) stoppedOut = false;
      if (!stoppedOut && (everyBar || t !== lastTarget)) {
        if (t === Infinity || t === -Infinity) throw badTarget(i, t);
        if (i < last) {
          const exposure = t === 0 ? 0 : sizing.exposure(t, close, i, periodsPerYear);
          if (exposure === exposure) {
            lastTarget = t;
            if (atClose) {
              const equityNow = cash + units * c;
              const desired = exposure === 0 || !(equityNow > 0) ? 0 : (exposure * equityNow) / c;
              ledger.sync(cash, borrow);
              borrow = 0;
              const result = ledger.fill(i, c, desired, ExitReasonCode.signal);
              cash = ledger.cash;
              units = ledger.units;
              if (result === FILL_OPENED && stopsOn) stops.start(units, ledger.entryPrice);
            } else {
              pending = true;
              pendingExposure = exposure;
            }
          } else {
            // Cannot size yet: make the next bar's target count as new, so the order is tried again.
            lastRawTarget = NaN;
          }
        } else if (atClose && t === 0 && units !== 0) {
          lastTarget = 0;
          ledger.sync(cash, borrow);
          borrow = 0;
          ledger.fill(i, c, 0, ExitReasonCode.signal);
          cash = ledger.cash;
          units = 0;
        }
      }
    }

    if (i === last && units !== 0) {
      ledger.sync(cash, borrow);
      borrow = 0;
      ledger.fill(i, c, 0, ExitReasonCode.endOfData);
      cash = ledger.cash;
      units = 0;
    }

    if (borrowPerBar > 0 && units < 0) {
      const b = -units * c * borrowPerBar;
      cash -= b;
      borrow += b;
    }
    const eq = cash + units * c;
    equity[i] = eq;
    returns[i] = eq / prevEquity - 1;
    position[i] = units;
    if (units !== prevUnits) changes++;
    prevEquity = eq;
    prevUnits = units;
  }

  state.cash = cash;
  state.units = units;
  state.borrow = borrow;
  state.lastTarget = lastTarget;
  state.lastRawTarget = lastRawTarget;
  state.stoppedOut = stoppedOut;
  state.pending = pending;
  state.pendingExposure = pendingExposure;
  state.prevEquity = prevEquity;
  state.prevUnits = prevUnits;
  state.changes = changes;
}
