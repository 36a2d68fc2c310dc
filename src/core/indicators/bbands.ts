// Bollinger Bands on a single series (SMA middle, population-SD bands, %B), matching TTR's BBands.
// bbandsInto is the allocation-free kernel: the SD is staged in the `upper` output before the bands replace it.

import { rollingStdInto } from './rollingStd';
import { smaInto } from './sma';
import { checkOutputs, checkPeriod } from './validate';

export interface BBandsResult {
  /** SMA of x over n bars. */
  middle: Float64Array;
  /** middle + k * SD. */
  upper: Float64Array;
  /** middle - k * SD. */
  lower: Float64Array;
  /** (x - lower) / (upper - lower): a fraction, 0 at the lower band, 0.5 at the middle, 1 at the upper band. */
  pctB: Float64Array;
}

/**
 * Bollinger Bands: `middle = sma(x, n)`, `sd` = **population** SD of the last n bars (divisor n, unlike
 * rollingStd's default), `upper = middle + k*sd`, `lower = middle - k*sd`, `pctB = (x - lower) / (upper - lower)`.
 *
 * The middle uses sma's running sum and the SD uses rollingStd's two-pass order, exactly as TTR combines SMA and
 * `runSD(x, n, sample = FALSE)`, so all four outputs match R bit for bit.
 *
 * Warm-up: NaN for the first n-1 bars in every output (first value at index n-1).
 * Zero-width bands: where upper == lower pctB is NaN (undefined; TTR returns NaN or ±Inf depending on rounding).
 * Note that a window of identical prices can still give a tiny non-zero SD from rounding, because mu is a sum of
 * x/n terms; pctB is then meaningless, as it is in TTR.
 * NaN inputs: NaN in every output whose window contains one (see sma and rollingStd).
 *
 * Reference: R TTR 0.24.3 `BBands(x, n, sd = k)` on a univariate series, maType not given (so `"SMA"`).
 *
 * @throws Error if n is not an integer >= 1 or k is not a finite number > 0.
 */
export function bbands(x: Float64Array, n: number, k: number): BBandsResult {
  checkArgs('bbands', n, k);
  const len = x.length;
  return bbandsInto(x, n, k, {
    middle: new Float64Array(len),
    upper: new Float64Array(len),
    lower: new Float64Array(len),
    pctB: new Float64Array(len),
  });
}

/** {@link bbands} writing into the four arrays of `out` (each of x's length, no overlaps); returns `out`. */
export function bbandsInto(x: Float64Array, n: number, k: number, out: BBandsResult): BBandsResult {
  checkArgs('bbandsInto', n, k);
  const { middle, upper, lower, pctB } = out;
  checkOutputs('bbandsInto', x.length, { middle, upper, lower, pctB }, [x]);
  smaInto(x, n, middle);
  rollingStdInto(x, n, upper, { sample: false });
  for (let i = 0; i < x.length; i++) {
    const m = middle[i];
    const sd = upper[i];
    const up = m + k * sd;
    const dn = m - k * sd;
    upper[i] = up;
    lower[i] = dn;
    const width = up - dn;
    pctB[i] = width === 0 ? NaN : (x[i] - dn) / width;
  }
  return out;
}

function checkArgs(fn: string, n: number, k: number): void {
  checkPeriod(fn, 'n', n);
  if (typeof k !== 'number' || !Number.isFinite(k) || k <= 0) {
    throw new Error(`${fn}: k must be a finite number > 0, got ${String(k)}`);
  }
}
