// Left- and right-tail measures read off the sorted returns: historical VaR and CVaR at a confidence level, and
// the tail ratio. All of them use the type-7 quantile, so they agree with numpy's defaults.

import { quantileType7 } from './quantile';
import { ratioOrNaN } from './ratio';

/**
 * Historical Value at Risk at confidence `level` (e.g. 0.95) as a signed RETURN, not a positive loss:
 * `Q(1 − level)`, the type-7 (1 − level)-quantile of the per-period returns (`numpy.percentile(r, 5)` for 0.95).
 * Typically negative: −0.021 means "on 5% of bars the strategy lost 2.1% or more". NaN for no returns.
 *
 * @param sorted returns sorted ascending, no NaN (see sortedCopy)
 */
export function historicalVaR(sorted: Float64Array, level: number): number {
  return quantileType7(sorted, 1 - level);
}

/**
 * Historical Conditional VaR (expected shortfall) at `level` as a signed return: the mean of the returns at or
 * below the VaR quantile, `mean{ r : r ≤ Q(1 − level) }`. At least one return (the smallest) always qualifies,
 * so this is defined whenever VaR is. It is ≤ VaR. NaN for no returns.
 *
 * @param sorted returns sorted ascending, no NaN
 */
export function historicalCVaR(sorted: Float64Array, level: number): number {
  const q = historicalVaR(sorted, level);
  if (Number.isNaN(q)) return NaN;
  let sum = 0;
  let k = 0;
  while (k < sorted.length && sorted[k] <= q) sum += sorted[k++];
  return sum / k;
}

/**
 * Tail ratio `|Q(0.95)| / |Q(0.05)|` with type-7 quantiles (empyrical's `tail_ratio`): how much bigger the best
 * 5% of bars are than the worst 5%. NaN when Q(0.05) is 0 (see ratioOrNaN) or there are no returns.
 *
 * @param sorted returns sorted ascending, no NaN
 */
export function tailRatio(sorted: Float64Array): number {
  return ratioOrNaN(Math.abs(quantileType7(sorted, 0.95)), Math.abs(quantileType7(sorted, 0.05)));
}
