// Realised volatility of a price series over a trailing window that ends at a given bar, for volatility targeting.
// It reads only closes up to and including that bar, which is what keeps sizing free of look-ahead.

/**
 * Annualised realised volatility at bar `endIndex`: the sample standard deviation (divisor lookback - 1) of the
 * `lookback` simple returns r[k] = close[k] / close[k-1] - 1 for k = endIndex-lookback+1 .. endIndex, times
 * sqrt(periodsPerYear). Two-pass (mean first), so it is exact to rounding whatever the price level.
 *
 * Reads close[endIndex - lookback .. endIndex] only. NaN while endIndex < lookback (not enough history) or when a
 * close in the window is NaN.
 */
export function trailingVolatilityAnnual(
  close: Float64Array,
  endIndex: number,
  lookback: number,
  periodsPerYear: number,
): number {
  if (endIndex < lookback || endIndex >= close.length) return NaN;
  const first = endIndex - lookback + 1;
  let sum = 0;
  for (let k = first; k <= endIndex; k++) sum += close[k] / close[k - 1] - 1;
  const mean = sum / lookback;
  let squares = 0;
  for (let k = first; k <= endIndex; k++) {
    const d = close[k] / close[k - 1] - 1 - mean;
    squares += d * d;
  }
  return Math.sqrt((squares / (lookback - 1)) * periodsPerYear);
}
