// The one rule for ratios whose denominator is a risk or loss measure that came out as exactly zero.

/**
 * `numerator / denominator`, but NaN (never ±Infinity) when the denominator is 0 or either side is NaN.
 *
 * Why NaN: a zero risk measure (no volatility, no losing bar, no losing trade, no drawdown) comes from degenerate
 * or very short runs, and an Infinity would let such a trial win any maximisation outright; JSON also cannot
 * carry Infinity (it becomes null, like NaN). The metric is reported as "undefined" instead.
 */
export function ratioOrNaN(numerator: number, denominator: number): number {
  if (denominator === 0) return NaN;
  return numerator / denominator;
}
