// Rolling standard deviation over a fixed window, sample or population, in TTR's operation order.
// rollingStdInto is the allocation-free kernel; bbands uses it with the population divisor.

import { checkOutputs, checkPeriod } from './validate';

export interface RollingStdOptions {
  /** Divide by n-1 (sample SD, the default, like TTR's runSD) instead of n (population SD, used by bbands). */
  sample?: boolean;
}

/**
 * Rolling standard deviation: `sqrt(Σ (x[t-j] - mu)^2 / d)` over the last n bars, with d = n-1 (sample, default)
 * or d = n (population, `opts.sample = false`).
 *
 * Operation order (TTR's C `runcov`; values match bit for bit): `mu = Σ (x[i] / n)` oldest bar first, each term
 * divided before it is added; then the squared deviations are summed newest bar first; then divided by d; then
 * the square root. Every window is computed afresh (two passes, O(n) per bar): no running update, so no drift
 * and no catastrophic cancellation.
 *
 * Warm-up: NaN for the first n-1 bars; first value at index n-1. Leading NaNs delay the first value as in TTR.
 * NaN inside the series (TTR stops with an error instead): every window containing it gives NaN; later windows
 * are unaffected.
 *
 * Reference: R TTR 0.24.3 `runSD(x, n, sample = TRUE, cumulative = FALSE)`.
 *
 * @throws Error if n is not an integer >= 1, or n < 2 with the sample divisor (n-1 would be 0).
 */
export function rollingStd(x: Float64Array, n: number, opts?: RollingStdOptions): Float64Array {
  checkStdPeriod('rollingStd', n, opts);
  return rollingStdInto(x, n, new Float64Array(x.length), opts);
}

/** {@link rollingStd} writing into `out` (same length as `x`, must not overlap it); returns `out`. */
export function rollingStdInto(
  x: Float64Array,
  n: number,
  out: Float64Array,
  opts?: RollingStdOptions,
): Float64Array {
  checkStdPeriod('rollingStdInto', n, opts);
  checkOutputs('rollingStdInto', x.length, { out }, [x]);
  const len = x.length;
  const denom = opts?.sample === false ? n : n - 1;
  const first = n - 1;
  out.fill(NaN, 0, Math.min(first, len));
  for (let i = first; i < len; i++) {
    const start = i - n + 1;
    let mu = 0;
    for (let j = start; j <= i; j++) mu += x[j] / n;
    let ss = 0;
    for (let j = i; j >= start; j--) {
      const d = x[j] - mu;
      ss += d * d;
    }
    out[i] = Math.sqrt(ss / denom);
  }
  return out;
}

function checkStdPeriod(fn: string, n: number, opts: RollingStdOptions | undefined): void {
  checkPeriod(fn, 'n', n, opts?.sample === false ? 1 : 2);
}
