// The lean loop for the common tuning case: no stops, constant-scale sizing (all-in or fixed fraction), trades only
// on target changes. Same rules and results as barLoop.ts, with the per-bar work cut to a compare and a mark.

import type { BarLoopInput } from './barLoop';
import { badTarget } from './barLoop';
import { ExitReasonCode } from './exitReason';
import { CHUNK_BARS } from './loopState';

/**
 * Preconditions (checked by simulate): no stop is on, settings.sizing.constantScale is defined, rebalance is
 * 'onTargetChange' and the closes were validated. Then at most one fill happens per bar except on the last one,
 * so a position change can be counted at the fill. Returns the number of bars where the position changed.
 */
export function runFastBarLoop(input: BarLoopInput): number {
  const { bars, settings, ledger, state } = input;
  const last = bars.length - 1;
  ledger.reset(settings.initialCapital, settings.costModel);
  state.reset(settings, false, settings.sizing.constantScale!, settings.costModel.shortBorrowRatePerBar(settings.periodsPerYear));
  for (let from = 0; from < last; from += CHUNK_BARS) runChunk(input, from, Math.min(from + CHUNK_BARS, last));
  finishLastBar(input);
  return state.changes;
}

/** Bars from .. to-1, none of them the last bar. */
function runChunk(input: BarLoopInput, from: number, to: number): void {
  const { bars, targets, ledger, state, position, equity, returns } = input;
  const close = bars.close;
  const open = bars.open!;
  const { atClose, minTarget, maxTarget, borrowPerBar, scale } = state;
  let { cash, units, borrow, lastTarget, lastRawTarget, pending, pendingExposure, prevEquity, changes } = state;

  for (let i = from; i < to; i++) {
    if (!pending) {
      // A call-free scan over the bars where nothing happens (V8 then keeps the arrays in registers); it stops at
      // the first bar whose raw target differs from the last one seen. Comparing raw targets is enough: a raw
      // target equal to the last one clips to the same value.
      for (; i < to; i++) {
        const t = targets[i];
        if (t !== lastRawTarget && t === t) break;
        const c = close[i];
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

    // Bar i has an event: a queued order to fill at its open, or a new target.
    const c = close[i];
    if (pending) {
      pending = false;
      const o = open[i];
      const equityAtOpen = cash + units * o;
      const desired = pendingExposure === 0 || !(equityAtOpen > 0) ? 0 : (pendingExposure * equityAtOpen) / o;
      ledger.sync(cash, borrow);
      borrow = 0;
      if (ledger.fill(i, o, desired, ExitReasonCode.signal) !== 0) changes++;
      cash = ledger.cash;
      units = ledger.units;
    }
    let t = targets[i];
    if (t === t) {
      lastRawTarget = t;
      if (t < minTarget) t = minTarget;
      else if (t > maxTarget) t = maxTarget;
      if (t !== lastTarget) {
        if (t === Infinity || t === -Infinity) throw badTarget(i, t);
        lastTarget = t;
        // The same product as the general loop's exposure x equity / price, so both loops agree to the bit.
        const exposure = scale * t;
        if (atClose) {
          const equityNow = cash + units * c;
          const desired = exposure === 0 || !(equityNow > 0) ? 0 : (exposure * equityNow) / c;
          ledger.sync(cash, borrow);
          borrow = 0;
          if (ledger.fill(i, c, desired, ExitReasonCode.signal) !== 0) changes++;
          cash = ledger.cash;
          units = ledger.units;
        } else {
          pending = true;
          pendingExposure = exposure;
        }
      }
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
    prevEquity = eq;
  }

  state.cash = cash;
  state.units = units;
  state.borrow = borrow;
  state.lastTarget = lastTarget;
  state.lastRawTarget = lastRawTarget;
  state.pending = pending;
  state.pendingExposure = pendingExposure;
  state.prevEquity = prevEquity;
  state.changes = changes;
}

/**
 * The last bar may see two fills (the queued open order and the end-of-data exit), so its position change is
 * counted by comparing with the previous bar rather than per fill.
 */
function finishLastBar(input: BarLoopInput): void {
  const { bars, targets, ledger, state, position, equity, returns } = input;
  const last = bars.length - 1;
  const c = bars.close[last];
  const unitsBefore = state.units;
  ledger.sync(state.cash, state.borrow);
  if (state.pending) {
    const o = bars.open![last];
    const equityAtOpen = ledger.cash + ledger.units * o;
    const exposure = state.pendingExposure;
    const desired = exposure === 0 || !(equityAtOpen > 0) ? 0 : (exposure * equityAtOpen) / o;
    ledger.fill(last, o, desired, ExitReasonCode.signal);
  }
  let t = targets[last];
  if (t < state.minTarget) t = state.minTarget;
  else if (t > state.maxTarget) t = state.maxTarget;
  if (t === Infinity || t === -Infinity) throw badTarget(last, t);
  if (ledger.units !== 0) {
    const reason = state.atClose && t === 0 ? ExitReasonCode.signal : ExitReasonCode.endOfData;
    ledger.fill(last, c, 0, reason);
  }
  const eq = ledger.cash;
  equity[last] = eq;
  returns[last] = eq / state.prevEquity - 1;
  position[last] = 0;
  if (unitsBefore !== 0) state.changes++;
}
