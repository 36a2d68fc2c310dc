// Below-threshold risk measures of a return series, one pass each: downside deviation (Sortino's risk) and the
// Omega ratio's split of returns into gains above and losses below a threshold.

/**
 * Downside deviation about a target return T (per period), over ALL n periods:
 * `√( Σ min(r − T, 0)² / n )`. Periods at or above T contribute 0 but still count in n.
 *
 * This is Sortino & Price (1994) and PerformanceAnalytics `DownsideDeviation(R, MAR, method = "full")` (its
 * default), also empyrical's `downside_risk` before annualisation; the "subset" variant that divides by the
 * number of below-target periods only is NOT used. NaN for an empty series.
 */
export function downsideDeviation(returns: Float64Array, target: number): number {
  const n = returns.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - target;
    if (d < 0) sum += d * d;
  }
  return Math.sqrt(sum / n);
}

export interface OmegaParts {
  /** `Σ max(r − L, 0)`: total return above the threshold L. */
  readonly gains: number;
  /** `Σ max(L − r, 0)`: total shortfall below L, as a positive number. */
  readonly losses: number;
}

/** Gains above and losses below `threshold` (per period) for the Omega ratio `gains / losses`. */
export function omegaParts(returns: Float64Array, threshold: number): OmegaParts {
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < returns.length; i++) {
    const d = returns[i] - threshold;
    if (d > 0) gains += d;
    else losses -= d;
  }
  return { gains, losses };
}
