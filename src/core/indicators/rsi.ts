// Relative Strength Index with Wilder's smoothing, computed in one pass in TTR's operation order.
// rsiInto is the allocation-free kernel (no temporary up/down arrays).

import { checkOutputs, checkPeriod } from './validate';

/**
 * Relative Strength Index, 0..100: `rsi = 100 * avgUp / (avgUp + avgDn)`, where
 * `up[t] = max(x[t] - x[t-1], 0)`, `dn[t] = max(x[t-1] - x[t], 0)` and avgUp/avgDn are Wilder EMAs (α = 1/n) of
 * up and dn: seeded with `Σ (up[i] / n)` over the first n changes, then `avg = up*α + avg*(1-α)`.
 *
 * Warm-up: the first change exists at index 1, so the first value is at index n (NaN before). Leading NaNs
 * shift this, as in TTR.
 *
 * When the series has not moved at all since it started, avgUp + avgDn is 0 and the RSI is NaN (0/0), as in TTR.
 * A NaN inside the series (TTR stops with an error instead) makes every later value NaN, because the smoothing
 * is recursive.
 *
 * Reference: R TTR 0.24.3 `RSI(x, n)` with maType not given, which TTR turns into `maType = "EMA", wilder = TRUE`.
 *
 * @throws Error if n is not an integer >= 1.
 */
export function rsi(x: Float64Array, n: number): Float64Array {
  checkPeriod('rsi', 'n', n);
  return rsiInto(x, n, new Float64Array(x.length));
}

/** {@link rsi} writing into `out` (same length as `x`, must not overlap it); returns `out`. */
export function rsiInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  checkPeriod('rsiInto', 'n', n);
  checkOutputs('rsiInto', x.length, { out }, [x]);
  const len = x.length;
  let first = 0;
  while (first < len && x[first] !== x[first]) first++;
  // The seed needs n price changes, i.e. n+1 prices.
  const seedEnd = first + n;
  if (seedEnd >= len) {
    out.fill(NaN);
    return out;
  }
  out.fill(NaN, 0, seedEnd);
  const alpha = 1 / n;
  const beta = 1 - alpha;
  let avgUp = 0;
  let avgDn = 0;
  for (let t = first + 1; t <= seedEnd; t++) {
    const d = x[t] - x[t - 1];
    // TTR sets dn = -d where d < 0 and dn = d*0 elsewhere, which keeps a NaN change NaN in both legs.
    if (d < 0) {
      avgDn += -d / n;
    } else {
      avgUp += d / n;
      avgDn += (d * 0) / n;
    }
  }
  out[seedEnd] = (100 * avgUp) / (avgUp + avgDn);
  for (let t = seedEnd + 1; t < len; t++) {
    const d = x[t] - x[t - 1];
    let up: number;
    let dn: number;
    if (d < 0) {
      up = 0;
      dn = -d;
    } else {
      up = d;
      dn = d * 0;
    }
    avgUp = up * alpha + avgUp * beta;
    avgDn = dn * alpha + avgDn * beta;
    out[t] = (100 * avgUp) / (avgUp + avgDn);
  }
  return out;
}
