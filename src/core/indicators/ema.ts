// Exponential moving average (standard and Wilder's smoothing), in TTR's operation order so results match R.
// emaInto is the allocation-free kernel; rsi, atr and macd build on it.

import { checkOutputs, checkPeriod } from './validate';

export interface EmaOptions {
  /** Wilder's smoothing, α = 1/n (as in RSI and ATR), instead of the standard α = 2/(n+1). Default false. */
  wilder?: boolean;
}

/**
 * Exponential moving average: `ema[t] = x[t]*α + ema[t-1]*(1-α)` with α = 2/(n+1), or α = 1/n when
 * `opts.wilder` is true.
 *
 * Seed and warm-up: the first value, at index n-1, is the plain mean of the first n inputs, summed as
 * `Σ (x[i] / n)` (each term divided before it is added, as TTR's C code does; this is why values match bit for
 * bit). Earlier bars are NaN. Leading NaNs are skipped as TTR does: the seed window starts at the first
 * non-NaN input.
 *
 * NaN inside the series (TTR stops with an error instead): the recursion carries it forward, so the EMA is NaN
 * from that bar on. That is deliberate: every later value depends on the missing one.
 *
 * Reference: R TTR 0.24.3 `EMA(x, n, wilder = FALSE, ratio = NULL)`; with `wilder: true`, `EMA(x, n, wilder = TRUE)`.
 *
 * @throws Error if n is not an integer >= 1.
 */
export function ema(x: Float64Array, n: number, opts?: EmaOptions): Float64Array {
  checkPeriod('ema', 'n', n);
  return emaInto(x, n, new Float64Array(x.length), opts);
}

/** {@link ema} writing into `out` (same length as `x`, must not overlap it); returns `out`. */
export function emaInto(x: Float64Array, n: number, out: Float64Array, opts?: EmaOptions): Float64Array {
  checkPeriod('emaInto', 'n', n);
  checkOutputs('emaInto', x.length, { out }, [x]);
  emaKernel(x, n, out, opts?.wilder === true);
  return out;
}

/**
 * The unchecked EMA loop. Exported for indicators in this folder that have already validated their arguments
 * and, like macd, run it in place (`out === x` is safe here: x[i] is read before out[i] is written).
 */
export function emaKernel(x: Float64Array, n: number, out: Float64Array, wilder: boolean): void {
  const len = x.length;
  // Same expressions as TTR's C code (1.0 / n, 2.0 / (n + 1)) so α has the same rounding.
  const alpha = wilder ? 1 / n : 2 / (n + 1);
  const beta = 1 - alpha;
  let first = 0;
  while (first < len && x[first] !== x[first]) out[first++] = NaN;
  const seedEnd = first + n - 1;
  if (seedEnd >= len) {
    out.fill(NaN, first);
    return;
  }
  let seed = 0;
  for (let i = first; i < seedEnd; i++) {
    seed += x[i] / n;
    out[i] = NaN;
  }
  seed += x[seedEnd] / n;
  out[seedEnd] = seed;
  let prev = seed;
  for (let i = seedEnd + 1; i < len; i++) {
    prev = x[i] * alpha + prev * beta;
    out[i] = prev;
  }
}
