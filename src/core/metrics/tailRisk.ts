// Left- and right-tail measures of per-bar returns: historical VaR and CVaR at a confidence level, and the tail
// ratio. All use the type-7 quantile (numpy's default), selected in linear time rather than by sorting.

import { selectQuantileType7 } from './quantile';
import { ratioOrNaN } from './ratio';

// Every function here takes `work`: the returns in any order, no NaN, which it REORDERS (see workingCopy).

/**
 * Historical Value at Risk at confidence `level` (e.g. 0.95) as a signed RETURN, not a positive loss:
 * `Q7(1 − level)`, the type-7 (1 − level)-quantile of the per-bar returns (`numpy.percentile(r, 5)` for 0.95).
 * Typically negative: −0.021 means "on 5% of bars the strategy lost 2.1% or more". NaN for no returns.
 */
export function historicalVaR(work: Float64Array, level: number): number {
  return selectQuantileType7(work, 1 - level);
}

/**
 * Historical Conditional VaR (expected shortfall) at `level` as a signed return: the mean of the returns at or
 * below the VaR quantile, `mean{ r : r ≤ Q7(1 − level) }`. At least one return (the smallest) always qualifies,
 * so it is defined whenever VaR is, and it is ≤ VaR. NaN for no returns.
 */
export function historicalCVaR(work: Float64Array, level: number): number {
  return meanAtOrBelow(work, historicalVaR(work, level));
}

/** Mean of the values ≤ q: CVaR once the VaR quantile q is known. NaN when q is NaN. */
export function meanAtOrBelow(work: Float64Array, q: number): number {
  if (Number.isNaN(q)) return NaN;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < work.length; i++) {
    if (work[i] <= q) {
      sum += work[i];
      count++;
    }
  }
  return sum / count;
}

/**
 * Tail ratio `|Q7(0.95)| / |Q7(0.05)|` (empyrical's `tail_ratio`): how much bigger the best 5% of bars are than
 * the worst 5%. NaN when Q7(0.05) is 0 (see ratioOrNaN) or there are no returns.
 */
export function tailRatio(work: Float64Array): number {
  return ratioOrNaN(Math.abs(selectQuantileType7(work, 0.95)), Math.abs(selectQuantileType7(work, 0.05)));
}
