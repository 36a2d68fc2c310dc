// Average True Range with Wilder's smoothing, as TTR's ATR (true range is NaN on the first bar).
// atrInto is the allocation-free kernel: the true range is written to its output and smoothed from there.

import { emaKernel } from './ema';
import { checkOutputs, checkPeriod, checkSameLength } from './validate';

export interface AtrResult {
  /** max(high, previous close) - min(low, previous close); NaN on the first bar. */
  trueRange: Float64Array;
  /** Wilder EMA (α = 1/n) of trueRange. */
  atr: Float64Array;
}

/**
 * Average True Range: `trueRange[t] = max(high[t], close[t-1]) - min(low[t], close[t-1])` and
 * `atr = ema(trueRange, n, { wilder: true })`: seeded with `Σ (tr[i] / n)` over the first n true ranges,
 * then `atr[t] = tr[t]*(1/n) + atr[t-1]*(1 - 1/n)`.
 *
 * Warm-up: trueRange is NaN at index 0 (no previous close; like TTR, no fallback to high - low), so it starts at
 * index 1 and atr at index n.
 *
 * NaN inputs: a NaN high/low/close makes the true ranges that read it NaN; the ATR is NaN from the first such
 * true range on (recursive smoothing). Leading NaNs delay the warm-up. TTR stops with an error on inner NaNs.
 *
 * Reference: R TTR 0.24.3 `ATR(cbind(high, low, close), n)` with maType not given (TTR then uses
 * `maType = "EMA", wilder = TRUE`).
 *
 * @throws Error if n is not an integer >= 1, or high, low and close differ in length.
 */
export function atr(high: Float64Array, low: Float64Array, close: Float64Array, n: number): AtrResult {
  checkArgs('atr', high, low, close, n);
  const len = close.length;
  return atrInto(high, low, close, n, { trueRange: new Float64Array(len), atr: new Float64Array(len) });
}

/** {@link atr} writing into the arrays of `out` (each of the input length, no overlaps); returns `out`. */
export function atrInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  n: number,
  out: AtrResult,
): AtrResult {
  checkArgs('atrInto', high, low, close, n);
  const { trueRange: tr, atr: avg } = out;
  checkOutputs('atrInto', close.length, { trueRange: tr, atr: avg }, [high, low, close]);
  const len = close.length;
  if (len > 0) tr[0] = NaN;
  for (let t = 1; t < len; t++) {
    const prev = close[t - 1];
    // Math.max/min return NaN if either side is NaN, like R's pmax/pmin with na.rm = FALSE.
    tr[t] = Math.max(high[t], prev) - Math.min(low[t], prev);
  }
  emaKernel(tr, n, avg, true);
  return out;
}

function checkArgs(fn: string, high: Float64Array, low: Float64Array, close: Float64Array, n: number): void {
  checkSameLength(fn, ['high', 'low', 'close'], [high, low, close]);
  checkPeriod(fn, 'n', n);
}
