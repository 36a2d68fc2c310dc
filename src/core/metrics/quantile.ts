// Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7), and the sorted copy
// they need, for VaR, CVaR and the tail ratio.

/** Relative distance below which h = (n − 1)·p is taken to be the integer it rounds to. */
const SNAP_TOLERANCE = 1e-12;

/**
 * The p-quantile of `sorted` (ascending, no NaN), Hyndman & Fan (1996) type 7: with `h = (n − 1)·p`,
 * `Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])` (0-based). This is the default of numpy `percentile`/`quantile`
 * (`method='linear'`), R `quantile` and Excel `PERCENTILE.INC`. NaN for an empty array. The one departure: h within
 * 1e-12 (relative) of an integer is rounded to it, which moves the result by at most that fraction of a gap.
 *
 * @throws RangeError if p is not in [0, 1] (a caller bug, not a data problem).
 */
export function quantileType7(sorted: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileType7: p must be in [0, 1], got ${String(p)}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  let h = (n - 1) * p;
  // A level typed as a decimal is not exact in binary (1 − 0.9 = 0.09999999999999998), which would put h a hair
  // below an order statistic and, for CVaR, drop that return from the tail. Snap such near-integers.
  const nearest = Math.round(h);
  if (Math.abs(h - nearest) <= SNAP_TOLERANCE * Math.max(1, h)) h = nearest;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const lower = sorted[lo];
  return lower + (h - lo) * (sorted[lo + 1] - lower);
}

/**
 * `values` sorted ascending, written into `scratch` when it is long enough (so a tuning loop can reuse one buffer
 * for every trial) and into a new array otherwise. Returns a view of exactly `values.length` elements. NaN sorts
 * last. `values` is left untouched.
 *
 * @throws Error if scratch is a view of the same buffer as values, because sorting could then reorder the caller's
 * input.
 */
export function sortedCopy(values: Float64Array, scratch?: Float64Array): Float64Array {
  const n = values.length;
  let out: Float64Array;
  if (scratch !== undefined && scratch.length >= n) {
    if (scratch.buffer === values.buffer) {
      throw new Error('sortedCopy: scratch must not be a view of the same buffer as values');
    }
    out = scratch.subarray(0, n);
  } else {
    out = new Float64Array(n);
  }
  out.set(values);
  return out.sort();
}
