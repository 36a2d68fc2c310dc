// Stochastic oscillator (fast %K, fast %D, slow %D) as fractions 0..1, matching TTR's stoch().
// stochasticInto is the allocation-free kernel: the rolling high/low are staged in the fastD/slowD outputs.

import { extremeKernel } from './rollingExtrema';
import { smaInto } from './sma';
import { checkOutputs, checkPeriod, checkSameLength } from './validate';

export interface StochasticResult {
  /** Where close sits in the nK-bar high-low range: 0 at the lowest low, 1 at the highest high. */
  fastK: Float64Array;
  /** sma(fastK, nD). */
  fastD: Float64Array;
  /** sma(fastD, nSlowD). */
  slowD: Float64Array;
}

/**
 * Stochastic oscillator: with `hh = max(high[t-nK+1..t])` and `ll = min(low[t-nK+1..t])` (windows include the
 * current bar), `fastK = (close - ll) / (hh - ll)`, `fastD = sma(fastK, nD)`, `slowD = sma(fastD, nSlowD)`.
 * Fractions 0..1, not 0..100. Where hh == ll (no range), fastK is 0.5.
 *
 * Bit-exactness: TTR smooths numerator and denominator with `SMA(., 1)` before dividing, and its running sum
 * makes that `s[t] = s[t-1] + v[t] - v[t-1]` rather than the identity. On price data this is usually exact (the
 * differences are multiples of the prices' ulp, so the sums do not round) and fastK equals the plain ratio, as on
 * both reference files; where it does round, only repeating the step keeps fastK, fastD and slowD equal to R's
 * bit for bit, so it is repeated here. One deliberate deviation: the 0.5 rule is applied when the exact range
 * hh - ll is 0, whereas TTR applies it only when its running-sum ratio is 0/0 and would return a rounding
 * residue ratio for a flat range after a rounded sum.
 *
 * Warm-up: fastK from index nK-1, fastD from nK+nD-2, slowD from nK+nD+nSlowD-3 (14/3/3: 13, 15, 17).
 * NaN inputs: NaN wherever a window reads one; later clean windows recover (the running sums restart). TTR
 * stops with an error on inner NaNs.
 *
 * Reference: R TTR 0.24.3 `stoch(cbind(high, low, close), nFastK = nK, nFastD = nD, nSlowD = nSlowD)`, maType
 * not given (so `"SMA"`), `bounded = TRUE`, `smooth = 1`.
 *
 * @throws Error if nK, nD or nSlowD is not an integer >= 1, or high, low and close differ in length.
 */
export function stochastic(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  nK: number,
  nD: number,
  nSlowD: number,
): StochasticResult {
  checkArgs('stochastic', high, low, close, nK, nD, nSlowD);
  const len = close.length;
  return stochasticInto(high, low, close, nK, nD, nSlowD, {
    fastK: new Float64Array(len),
    fastD: new Float64Array(len),
    slowD: new Float64Array(len),
  });
}

/** {@link stochastic} writing into the arrays of `out` (each of the input length, no overlaps); returns `out`. */
export function stochasticInto(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  nK: number,
  nD: number,
  nSlowD: number,
  out: StochasticResult,
): StochasticResult {
  checkArgs('stochasticInto', high, low, close, nK, nD, nSlowD);
  const { fastK, fastD, slowD } = out;
  checkOutputs('stochasticInto', close.length, { fastK, fastD, slowD }, [high, low, close]);
  const hh = fastD;
  const ll = slowD;
  extremeKernel(high, nK, hh, true);
  extremeKernel(low, nK, ll, false);
  // Running sums of num and den over a 1-bar window (TTR's smooth = 1 step); `live` is false until the first
  // clean bar and after every NaN, which restarts them the way TTR's runsum starts after leading NAs.
  let numSum = 0;
  let denSum = 0;
  let prevNum = 0;
  let prevDen = 0;
  let live = false;
  for (let i = 0; i < close.length; i++) {
    const num = close[i] - ll[i];
    const den = hh[i] - ll[i];
    if (num !== num || den !== den) {
      fastK[i] = NaN;
      live = false;
      continue;
    }
    if (live) {
      numSum = numSum + num - prevNum;
      denSum = denSum + den - prevDen;
    } else {
      numSum = num;
      denSum = den;
      live = true;
    }
    prevNum = num;
    prevDen = den;
    fastK[i] = den === 0 ? 0.5 : numSum / denSum;
  }
  smaInto(fastK, nD, fastD);
  smaInto(fastD, nSlowD, slowD);
  return out;
}

function checkArgs(
  fn: string,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  nK: number,
  nD: number,
  nSlowD: number,
): void {
  checkSameLength(fn, ['high', 'low', 'close'], [high, low, close]);
  checkPeriod(fn, 'nK', nK);
  checkPeriod(fn, 'nD', nD);
  checkPeriod(fn, 'nSlowD', nSlowD);
}
