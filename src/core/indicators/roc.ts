// Rate of change over n bars as a fraction (discrete returns), as TTR's ROC(type = "discrete").
// rocInto is the allocation-free kernel.

import { checkOutputs, checkPeriod } from './validate';

/**
 * Discrete rate of change: `roc[t] = x[t] / x[t-n] - 1`, a fraction (0.05 = +5%), not a percentage.
 *
 * Warm-up: NaN for the first n bars; first value at index n.
 * NaN inputs give NaN wherever x[t] or x[t-n] is NaN. A zero x[t-n] gives ±Infinity (or NaN for 0/0): IEEE
 * division, as in R.
 *
 * Reference: R TTR 0.24.3 `ROC(x, n, type = "discrete")` (na.pad = TRUE).
 *
 * @throws Error if n is not an integer >= 1.
 */
export function roc(x: Float64Array, n: number): Float64Array {
  checkPeriod('roc', 'n', n);
  return rocInto(x, n, new Float64Array(x.length));
}

/** {@link roc} writing into `out` (same length as `x`, must not overlap it); returns `out`. */
export function rocInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  checkPeriod('rocInto', 'n', n);
  checkOutputs('rocInto', x.length, { out }, [x]);
  const len = x.length;
  out.fill(NaN, 0, Math.min(n, len));
  for (let t = n; t < len; t++) out[t] = x[t] / x[t - n] - 1;
  return out;
}
