// The implied number of independent trials behind N correlated ones, for the Deflated Sharpe Ratio's N.
// Bailey, Borwein, López de Prado & Zhu, "Pseudo-Mathematics and Financial Charlatanism: The Effects of Backtest
// Overfitting on Out-of-Sample Performance", Notices of the AMS 61(5) (2014): N̂ = ρ̄ + (1 − ρ̄)·N, ρ̄ the average
// correlation between the trials (N̂ = N for uncorrelated trials, 1 for identical ones).
import { requireAtLeast, requireFinite } from './validate';

/**
 * ρ̄ + (1 − ρ̄)·N, clamped to [1, N] (a negative ρ̄ would give more than N; N independent trials are the most N
 * trials can be). Throws a RangeError for N < 1 or a non-finite ρ̄.
 */
export function effectiveTrials(trials: number, averageCorrelation: number): number {
  requireAtLeast('trials', trials, 1);
  requireFinite('averageCorrelation', averageCorrelation);
  const n = averageCorrelation + (1 - averageCorrelation) * trials;
  return Math.min(trials, Math.max(1, n));
}
