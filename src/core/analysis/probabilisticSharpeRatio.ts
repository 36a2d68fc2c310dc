// The Probabilistic Sharpe Ratio: the probability that the true Sharpe ratio exceeds a benchmark.
import { normalCdf } from '../tuning/gp/specialFunctions';
import { sharpeMomentTerm } from './sharpeMomentTerm';
import { requireAtLeast, requireFinite } from './validate';

export interface ProbabilisticSharpeInput {
  /** Estimated Sharpe ratio PER PERIOD (per bar, not annualised): mean / std (ddof = 1). */
  readonly sharpe: number;
  /** Benchmark Sharpe ratio SR*, per period. */
  readonly benchmark: number;
  /** Number of returns n the Sharpe ratio was estimated from (>= 2). */
  readonly observations: number;
  /** Skewness γ3 of the returns (returnMoments().skewness). */
  readonly skewness: number;
  /** NON-excess kurtosis γ4 of the returns, 3 for normal (returnMoments().kurtosis). */
  readonly kurtosis: number;
}

/**
 * PSR(SR*) = Φ( (SR − SR*)·√(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²) ).
 * Bailey & López de Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2) (2012), eq. (10).
 *
 * SR and SR* are per period; γ4 is the non-excess kurtosis. 0.5 when SR = SR*. NaN when a moment is NaN or the
 * moment term is not positive (inconsistent moments: a real distribution has γ4 >= 1 + γ3²). Throws a RangeError
 * for a non-finite Sharpe ratio or benchmark, or fewer than 2 observations.
 */
export function probabilisticSharpeRatio(input: ProbabilisticSharpeInput): number {
  const { sharpe, benchmark, observations, skewness, kurtosis } = input;
  requireFinite('sharpe', sharpe);
  requireFinite('benchmark', benchmark);
  requireAtLeast('observations', observations, 2);
  const term = sharpeMomentTerm(sharpe, skewness, kurtosis);
  if (!(term > 0)) return NaN;
  return normalCdf(((sharpe - benchmark) * Math.sqrt(observations - 1)) / Math.sqrt(term));
}
