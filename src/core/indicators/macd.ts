// MACD (moving average convergence/divergence) from two EMAs plus an EMA signal line, as TTR's MACD.
// Price-units MACD by default; TTR's own default, the percentage gap, is opts.percent = true.

import { emaKernel } from './ema';
import { checkOutputs, checkPeriod } from './validate';

export interface MacdOptions {
  /**
   * true: `macd = 100 * (emaFast / emaSlow - 1)`, the percentage gap (TTR's default, `percent = TRUE`).
   * false (default here): `macd = emaFast - emaSlow` in price units, the conventional MACD.
   */
  percent?: boolean;
}

export interface MacdResult {
  macd: Float64Array;
  /** EMA of macd over the signal period. */
  signal: Float64Array;
  /** macd - signal. Not part of TTR's output; the usual histogram. */
  histogram: Float64Array;
}

/**
 * MACD: `macd = ema(x, fast) - ema(x, slow)` (or `100 * (ema(x, fast) / ema(x, slow) - 1)` with
 * `opts.percent`), `signal = ema(macd, signal)`, `histogram = macd - signal`. All EMAs are standard
 * (α = 2/(n+1)), seeded with the mean of their first n inputs; see ema.
 *
 * Warm-up: macd is NaN until both EMAs exist, i.e. first value at index max(fast, slow) - 1. The signal EMA
 * skips macd's leading NaNs, so its seed is the mean of the first `signal` macd values and its first value (and
 * histogram's) is at index max(fast, slow) + signal - 2. With 12/26/9: macd from index 25, signal from 33.
 * fast >= slow is allowed (TTR allows it too); the line simply changes sign.
 *
 * NaN inside the series: every later value is NaN (recursive smoothing; TTR stops with an error instead).
 *
 * Reference: R TTR 0.24.3 `MACD(x, nFast = fast, nSlow = slow, nSig = signal, maType = "EMA", percent = FALSE)`;
 * with `opts.percent`, `percent = TRUE`.
 *
 * @throws Error if fast, slow or signal is not an integer >= 1.
 */
export function macd(x: Float64Array, fast: number, slow: number, signal: number, opts?: MacdOptions): MacdResult {
  checkArgs('macd', fast, slow, signal);
  const len = x.length;
  return macdInto(
    x,
    fast,
    slow,
    signal,
    { macd: new Float64Array(len), signal: new Float64Array(len), histogram: new Float64Array(len) },
    opts,
  );
}

/** {@link macd} writing into the arrays of `out` (each of x's length, no overlaps); returns `out`. */
export function macdInto(
  x: Float64Array,
  fast: number,
  slow: number,
  signal: number,
  out: MacdResult,
  opts?: MacdOptions,
): MacdResult {
  checkArgs('macdInto', fast, slow, signal);
  const { macd: line, signal: sig, histogram: hist } = out;
  checkOutputs('macdInto', x.length, { macd: line, signal: sig, histogram: hist }, [x]);
  // hist holds the slow EMA until the last loop overwrites it, which avoids a temporary array.
  emaKernel(x, fast, line, false);
  emaKernel(x, slow, hist, false);
  const len = x.length;
  if (opts?.percent === true) {
    for (let i = 0; i < len; i++) line[i] = 100 * (line[i] / hist[i] - 1);
  } else {
    for (let i = 0; i < len; i++) line[i] = line[i] - hist[i];
  }
  emaKernel(line, signal, sig, false);
  for (let i = 0; i < len; i++) hist[i] = line[i] - sig[i];
  return out;
}

function checkArgs(fn: string, fast: number, slow: number, signal: number): void {
  checkPeriod(fn, 'fast', fast);
  checkPeriod(fn, 'slow', slow);
  checkPeriod(fn, 'signal', signal);
}
