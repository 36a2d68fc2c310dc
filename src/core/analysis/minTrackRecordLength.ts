// The Minimum Track Record Length: how many returns it takes for a Sharpe ratio to beat a benchmark with confidence.
import { normalQuantile } from './normalQuantile';
import { sharpeMomentTerm } from './sharpeMomentTerm';
import { requireFinite, requireProbability } from './validate';

export interface MinTrackRecordInput {
  /** Observed per-period Sharpe ratio SR. */
  readonly sharpe: number;
  /** Benchmark per-period Sharpe ratio SR*. */
  readonly benchmark: number;
  /** Skewness γ3 of the returns. */
  readonly skewness: number;
  /** NON-excess kurtosis γ4 of the returns. */
  readonly kurtosis: number;
  /** Confidence level 1 − α, strictly in (0, 1), e.g. 0.95. */
  readonly confidence: number;
}

/**
 * MinTRL = 1 + (1 − γ3·SR + (γ4 − 1)/4·SR²) · (z_α / (SR − SR*))², z_α = Φ⁻¹(confidence), in periods (returns).
 * Bailey & López de Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2) (2012), eq. (11).
 *
 * The number n at which PSR(SR*) reaches the confidence level. +Infinity when SR <= SR* (no track record
 * suffices); NaN when a moment is NaN or the moment term is not positive.
 */
export function minTrackRecordLength(input: MinTrackRecordInput): number {
  const { sharpe, benchmark, skewness, kurtosis, confidence } = input;
  requireFinite('sharpe', sharpe);
  requireFinite('benchmark', benchmark);
  requireProbability('confidence', confidence);
  const term = sharpeMomentTerm(sharpe, skewness, kurtosis);
  if (!(term > 0)) return NaN;
  if (sharpe <= benchmark) return Infinity;
  const ratio = normalQuantile(confidence) / (sharpe - benchmark);
  return 1 + term * ratio * ratio;
}
