// The Deflated Sharpe Ratio: the PSR against the Sharpe ratio the best of N unskilled trials would show by luck.
import { normalQuantile } from './normalQuantile';
import { probabilisticSharpeRatio } from './probabilisticSharpeRatio';
import { requireAtLeast } from './validate';

/** The Euler–Mascheroni constant γ. */
export const EULER_MASCHERONI = 0.5772156649015329;

export interface ExpectedMaxSharpeInput {
  /** Number of independent trials N (>= 1; need not be an integer when it is an effective number). */
  readonly trials: number;
  /** Variance V of the per-period Sharpe ratios across the trials (>= 0). */
  readonly sharpeVariance: number;
}

export interface DeflatedSharpeInput extends ExpectedMaxSharpeInput {
  /** Per-period Sharpe ratio of the selected (best) trial. */
  readonly sharpe: number;
  /** Number of returns n behind that Sharpe ratio (>= 2). */
  readonly observations: number;
  /** Skewness γ3 of the selected trial's returns. */
  readonly skewness: number;
  /** NON-excess kurtosis γ4 of the selected trial's returns. */
  readonly kurtosis: number;
}

/**
 * SR0 = √V · ( (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)) ), γ the Euler–Mascheroni constant: the approximate
 * expected maximum of N independent Sharpe ratios with mean 0 and variance V (False Strategy theorem).
 * Bailey & López de Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting and
 * Non-Normality", Journal of Portfolio Management 40(5) (2014), eq. (2) — from Bailey, Borwein, López de Prado &
 * Zhu, "Pseudo-Mathematics and Financial Charlatanism" (2014). Returns 0 for N = 1 (one draw's expectation), and
 * never less (the formula dips below 0 for 1 < N < 1.3, where it does not apply).
 */
export function expectedMaxSharpe(input: ExpectedMaxSharpeInput): number {
  const { trials, sharpeVariance } = input;
  requireAtLeast('trials', trials, 1);
  requireAtLeast('sharpeVariance', sharpeVariance, 0);
  if (trials === 1) return 0;
  const z1 = normalQuantile(1 - 1 / trials);
  const z2 = normalQuantile(1 - 1 / (trials * Math.E));
  // The approximation is for N >> 1; just above N = 1 (a correlation-corrected effective N can land there) it turns
  // negative (−0.78·√V at N = 1.01), while the true expected maximum is 0 at N = 1 and grows with N. Clamp at 0.
  return Math.max(0, Math.sqrt(sharpeVariance) * ((1 - EULER_MASCHERONI) * z1 + EULER_MASCHERONI * z2));
}

/**
 * DSR = PSR(SR0) = Φ( (SR − SR0)·√(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²) ), with SR0 = expectedMaxSharpe.
 * Bailey & López de Prado, "The Deflated Sharpe Ratio" (2014), eq. (1)–(2). Everything per period; γ4 non-excess.
 */
export function deflatedSharpeRatio(input: DeflatedSharpeInput): number {
  const { sharpe, observations, skewness, kurtosis } = input;
  const benchmark = expectedMaxSharpe(input);
  return probabilisticSharpeRatio({ sharpe, benchmark, observations, skewness, kurtosis });
}
