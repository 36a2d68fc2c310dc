// Growth of an equity curve from its first to its last bar: total return and its compound annual rate.

/**
 * Total return `equity[n−1] / equity[0] − 1` as a fraction. NaN when n < 2 (no time has passed) or equity[0] is
 * not a positive finite number.
 */
export function totalReturn(equity: Float64Array): number {
  return growthFactor(equity) - 1;
}

/**
 * Compound annual growth rate `(equity[n−1] / equity[0])^(1 / years) − 1` with `years = (n − 1) / periodsPerYear`.
 *
 * Elapsed time counts bar-to-bar steps at the dataset's frequency, not calendar time between the first and last
 * timestamps: it is the same clock that annualises volatility and Sharpe (√periodsPerYear), so the three agree,
 * and weekends, holidays or data gaps do not change it. With periodsPerYear = 252, 253 daily bars are one year.
 *
 * A curve ending at or below zero (total loss) gives −1. NaN whenever the total return is NaN.
 */
export function cagr(equity: Float64Array, periodsPerYear: number): number {
  const growth = growthFactor(equity);
  if (Number.isNaN(growth)) return NaN;
  if (growth <= 0) return -1;
  return Math.pow(growth, periodsPerYear / (equity.length - 1)) - 1;
}

function growthFactor(equity: Float64Array): number {
  const n = equity.length;
  if (n < 2) return NaN;
  const first = equity[0];
  if (!(first > 0 && first < Infinity)) return NaN;
  return equity[n - 1] / first;
}
