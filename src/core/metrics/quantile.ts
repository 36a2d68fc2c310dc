// Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7), read from sorted data
// or selected in linear time from unsorted data, plus the copy into a reusable buffer that selection works in.

/** Relative distance below which h = (n − 1)·p is taken to be the integer it rounds to. */
const SNAP_TOLERANCE = 1e-12;

/**
 * The p-quantile of `sorted` (ascending, no NaN), Hyndman & Fan (1996) type 7: with `h = (n − 1)·p`,
 * `Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])` (0-based, x sorted). This is the default of numpy
 * `percentile`/`quantile` (`method='linear'`), R `quantile` and Excel `PERCENTILE.INC`. NaN for an empty array.
 * The one departure: h within 1e-12 (relative) of an integer is rounded to it, which moves the result by at most
 * that fraction of a gap.
 *
 * @throws RangeError if p is not in [0, 1] (a caller bug, not a data problem).
 */
export function quantileType7(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = type7Position(n, p);
  if (n === 0) return NaN;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const lower = sorted[lo];
  return lower + (h - lo) * (sorted[lo + 1] - lower);
}

/**
 * The same type-7 quantile as {@link quantileType7}, from `work` in ANY order (no NaN), without sorting: it selects
 * the order statistic x[⌊h⌋] in place (Hoare's FIND with Wirth's partition, linear time on average) and takes
 * x[⌊h⌋ + 1] as the minimum of the part above it. `work` is reordered; the multiset of values is unchanged, so
 * further quantiles can be selected from it (faster, since it is already partly ordered).
 *
 * @throws RangeError if p is not in [0, 1].
 */
export function selectQuantileType7(work: Float64Array, p: number): number {
  const n = work.length;
  const h = type7Position(n, p);
  if (n === 0) return NaN;
  const lo = Math.floor(h);
  const lower = selectInPlace(work, lo);
  if (lo >= n - 1 || h === lo) return lower;
  let upper = work[lo + 1];
  for (let i = lo + 2; i < n; i++) if (work[i] < upper) upper = work[i];
  return lower + (h - lo) * (upper - lower);
}

/**
 * A copy of `values` to select quantiles in: written into `scratch` when it is long enough (so a tuning loop can
 * reuse one buffer for every trial), a new array otherwise. Returns a view of exactly `values.length` elements.
 *
 * @throws Error if scratch is a view of the same buffer as values, because selecting or sorting in it could then
 * reorder the caller's input.
 */
export function workingCopy(values: Float64Array, scratch?: Float64Array): Float64Array {
  const n = values.length;
  if (scratch === undefined || scratch.length < n) return values.slice();
  if (scratch.buffer === values.buffer) {
    throw new Error('workingCopy: scratch must not be a view of the same buffer as values');
  }
  const out = scratch.subarray(0, n);
  out.set(values);
  return out;
}

/** `values` sorted ascending (NaN last) in a {@link workingCopy}, for {@link quantileType7}. */
export function sortedCopy(values: Float64Array, scratch?: Float64Array): Float64Array {
  return workingCopy(values, scratch).sort();
}

function type7Position(n: number, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${String(p)}`);
  const h = (n - 1) * p;
  // A level typed as a decimal is not exact in binary (1 − 0.9 = 0.09999999999999998), which would put h a hair
  // below an order statistic and, for CVaR, drop that return from the tail. Snap such near-integers.
  const nearest = Math.round(h);
  return Math.abs(h - nearest) <= SNAP_TOLERANCE * Math.max(1, h) ? nearest : h;
}

/**
 * Rearranges `a` so that a[k] is its k-th smallest value, everything before it ≤ a[k] and everything after ≥ a[k];
 * returns a[k]. Hoare partitioning splits runs of equal values evenly, so the many exact zeros of a strategy that
 * is often flat do not make it quadratic. The pivot is the median of the range's ends and middle.
 */
function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (pivot < a[j]) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return a[k];
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
