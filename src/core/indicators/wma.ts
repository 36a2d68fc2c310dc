// Linearly weighted moving average (weights 1..n, newest bar heaviest), in TTR's operation order.
// wmaInto is the allocation-free kernel.

import { checkOutputs, checkPeriod } from './validate';

/**
 * Weighted moving average with linear weights: `wma[t] = Σ_{j=1..n} j * x[t-n+j] / (n(n+1)/2)`, so the newest bar
 * has weight n and the oldest weight 1.
 *
 * Each window is summed afresh, oldest bar first, then divided by the weight sum, as TTR's C `wma` does; this
 * costs O(n) per bar but matches R bit for bit and accumulates no drift. (An O(1) update exists but rounds
 * differently.)
 *
 * Warm-up: NaN for the first n-1 bars; first value at index n-1. Leading NaNs delay the first value as in TTR.
 * NaN inside the series (TTR stops with an error instead): every window containing it gives NaN; later windows
 * are unaffected.
 *
 * Reference: R TTR 0.24.3 `WMA(x, n, wts = 1:n)`.
 *
 * @throws Error if n is not an integer >= 1.
 */
export function wma(x: Float64Array, n: number): Float64Array {
  checkPeriod('wma', 'n', n);
  return wmaInto(x, n, new Float64Array(x.length));
}

/** {@link wma} writing into `out` (same length as `x`, must not overlap it); returns `out`. */
export function wmaInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  checkPeriod('wmaInto', 'n', n);
  checkOutputs('wmaInto', x.length, { out }, [x]);
  const len = x.length;
  // TTR sums the weights 1..n as doubles; that sum is an exact integer, so the closed form is identical.
  const wtsum = (n * (n + 1)) / 2;
  const first = n - 1;
  out.fill(NaN, 0, Math.min(first, len));
  for (let i = first; i < len; i++) {
    const start = i - n + 1;
    let num = 0;
    for (let j = 0; j < n; j++) num += x[start + j] * (j + 1);
    out[i] = num / wtsum;
  }
  return out;
}
