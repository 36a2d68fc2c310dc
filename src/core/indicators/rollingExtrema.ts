// Rolling maximum and minimum over a fixed window (TTR's runMax/runMin), shared by donchian and stochastic.
// A monotonic deque makes them O(1) amortised per bar; TTR rescans each window, with identical results.

import { checkOutputs, checkPeriod } from './validate';

/**
 * Rolling maximum: `max(x[t-n+1..t])`, the window including the current bar.
 *
 * Warm-up: NaN for the first n-1 bars; first value at index n-1.
 * NaN inputs (TTR stops with an error on inner NaNs): every window containing a NaN gives NaN, so leading NaNs
 * delay the first value exactly as in TTR and later clean windows are unaffected.
 *
 * A max involves no rounding, so the values equal TTR's whatever the algorithm; this one keeps a deque of
 * candidate indices (an n-slot scratch array is the only allocation besides the output).
 *
 * Reference: R TTR 0.24.3 `runMax(x, n)`.
 *
 * @throws Error if n is not an integer >= 1.
 */
export function rollingMax(x: Float64Array, n: number): Float64Array {
  checkPeriod('rollingMax', 'n', n);
  return rollingMaxInto(x, n, new Float64Array(x.length));
}

/** {@link rollingMax} writing into `out` (same length as `x`, must not overlap it); returns `out`. */
export function rollingMaxInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  checkPeriod('rollingMaxInto', 'n', n);
  checkOutputs('rollingMaxInto', x.length, { out }, [x]);
  extremeKernel(x, n, out, true);
  return out;
}

/**
 * Rolling minimum: `min(x[t-n+1..t])`, the window including the current bar. Warm-up and NaN handling as
 * {@link rollingMax}.
 *
 * Reference: R TTR 0.24.3 `runMin(x, n)`.
 *
 * @throws Error if n is not an integer >= 1.
 */
export function rollingMin(x: Float64Array, n: number): Float64Array {
  checkPeriod('rollingMin', 'n', n);
  return rollingMinInto(x, n, new Float64Array(x.length));
}

/** {@link rollingMin} writing into `out` (same length as `x`, must not overlap it); returns `out`. */
export function rollingMinInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  checkPeriod('rollingMinInto', 'n', n);
  checkOutputs('rollingMinInto', x.length, { out }, [x]);
  extremeKernel(x, n, out, false);
  return out;
}

/** The unchecked loop, for callers in this folder that validated already. */
export function extremeKernel(x: Float64Array, n: number, out: Float64Array, wantMax: boolean): void {
  const len = x.length;
  if (n > len) {
    out.fill(NaN);
    return;
  }
  // Ring buffer of indices whose values decrease (max) or increase (min) from head to tail; the head is the
  // extreme of the current window. At most n indices are live, so a power-of-two capacity >= n suffices.
  let cap = 1;
  while (cap < n) cap *= 2;
  const mask = cap - 1;
  const dq = new Int32Array(cap);
  let head = 0;
  let tail = 0;
  let lastNaN = -1;
  for (let i = 0; i < len; i++) {
    const v = x[i];
    if (v !== v) {
      lastNaN = i;
      head = tail = 0;
      out[i] = NaN;
      continue;
    }
    // The window moves by one bar per step, so at most the head can have expired. Dropping it before the push
    // keeps the live count <= n, which is all the ring holds.
    if (tail > head && dq[head & mask] <= i - n) head++;
    // An older value that does not beat v can never be the extreme again while v is in the window.
    while (tail > head) {
      const b = x[dq[(tail - 1) & mask]];
      if (wantMax ? b <= v : b >= v) tail--;
      else break;
    }
    dq[tail & mask] = i;
    tail++;
    out[i] = i - lastNaN >= n ? x[dq[head & mask]] : NaN;
  }
}
