// Simple moving average, computed as TTR computes it (a running sum) so results match R bit for bit.
// smaInto is the allocation-free kernel; bbands and stochastic reuse it.

import { checkOutputs, checkPeriod } from './validate';

/**
 * Simple moving average: `sma[t] = (x[t-n+1] + ... + x[t]) / n`.
 *
 * Operation order (matches TTR's C `runsum`, so values agree bit for bit): the first window is summed left to
 * right, after which `sum[t] = sum[t-1] + x[t] - x[t-n]` and `sma[t] = sum[t] / n`. The running sum is O(1) per
 * bar but is not the exact window sum; its rounding drift grows roughly like eps * |x| * sqrt(t). For the same
 * reason `sma(x, 1)` can differ from `x` in the last bits, exactly as TTR's `SMA(x, 1)` does.
 *
 * Warm-up: NaN for the first n-1 bars (first value at index n-1). Leading NaNs are skipped as TTR does: the
 * warm-up starts at the first non-NaN input.
 *
 * NaN inside the series (TTR stops with an error instead): every window that contains a NaN gives NaN; once the
 * window is clean again the running sum restarts from a fresh left-to-right sum, as if the series began there.
 *
 * Reference: R TTR 0.24.3 `SMA(x, n)` (= `runSum(x, n) / n`).
 *
 * @throws Error if n is not an integer >= 1.
 */
export function sma(x: Float64Array, n: number): Float64Array {
  checkPeriod('sma', 'n', n);
  return smaInto(x, n, new Float64Array(x.length));
}

/** {@link sma} writing into `out` (same length as `x`, must not overlap it); returns `out`. */
export function smaInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  checkPeriod('smaInto', 'n', n);
  checkOutputs('smaInto', x.length, { out }, [x]);
  const len = x.length;
  let sum = 0;
  // Index of the newest NaN seen; i - lastNaN is the number of clean bars ending at i.
  let lastNaN = -1;
  for (let i = 0; i < len; i++) {
    const v = x[i];
    if (v !== v) {
      lastNaN = i;
      out[i] = NaN;
      continue;
    }
    const clean = i - lastNaN;
    if (clean < n) {
      out[i] = NaN;
    } else {
      if (clean === n) {
        sum = 0;
        for (let j = i - n + 1; j <= i; j++) sum += x[j];
      } else {
        sum = sum + v - x[i - n];
      }
      out[i] = sum / n;
    }
  }
  return out;
}
