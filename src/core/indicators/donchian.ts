// Donchian channel: highest high, lowest low and their midpoint over n bars including the current one.
// Matches TTR's DonchianChannel(include.lag = FALSE); donchianInto is the allocation-free kernel.

import { extremeKernel } from './rollingExtrema';
import { checkOutputs, checkPeriod, checkSameLength } from './validate';

export interface DonchianResult {
  /** Highest high of the last n bars. */
  upper: Float64Array;
  /** (upper + lower) / 2. */
  middle: Float64Array;
  /** Lowest low of the last n bars. */
  lower: Float64Array;
}

/**
 * Donchian channel: `upper[t] = max(high[t-n+1..t])`, `lower[t] = min(low[t-n+1..t])`,
 * `middle = (upper + lower) / 2`. The window includes the current bar, so close can never break out of its own
 * channel; compare against the previous bar's channel for breakout rules.
 *
 * Warm-up: NaN for the first n-1 bars; first value at index n-1.
 * NaN inputs: every window containing a NaN gives NaN in that band (and the middle); later windows are
 * unaffected. TTR stops with an error on inner NaNs.
 *
 * Reference: R TTR 0.24.3 `DonchianChannel(cbind(high, low), n, include.lag = FALSE)`.
 *
 * @throws Error if n is not an integer >= 1 or high and low differ in length.
 */
export function donchian(high: Float64Array, low: Float64Array, n: number): DonchianResult {
  checkArgs('donchian', high, low, n);
  const len = high.length;
  return donchianInto(high, low, n, {
    upper: new Float64Array(len),
    middle: new Float64Array(len),
    lower: new Float64Array(len),
  });
}

/** {@link donchian} writing into the arrays of `out` (each of the input length, no overlaps); returns `out`. */
export function donchianInto(high: Float64Array, low: Float64Array, n: number, out: DonchianResult): DonchianResult {
  checkArgs('donchianInto', high, low, n);
  const { upper, middle, lower } = out;
  checkOutputs('donchianInto', high.length, { upper, middle, lower }, [high, low]);
  extremeKernel(high, n, upper, true);
  extremeKernel(low, n, lower, false);
  for (let i = 0; i < high.length; i++) middle[i] = (upper[i] + lower[i]) / 2;
  return out;
}

function checkArgs(fn: string, high: Float64Array, low: Float64Array, n: number): void {
  checkSameLength(fn, ['high', 'low'], [high, low]);
  checkPeriod(fn, 'n', n);
}
