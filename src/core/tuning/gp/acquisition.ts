// Acquisition functions for MINIMISATION, computed from the posterior mean μ and latent variance σ² at a point:
// log expected improvement and the (lower) confidence bound, each with derivatives in μ and σ².
// References:
//   S. Ament, S. Daulton, D. Eriksson, M. Balandat & E. Bakshy, "Unexpected Improvements to Expected Improvement
//   for Bayesian Optimization" (NeurIPS 2023), eq. 9: log EI = log σ + log_h(z) with h(z) = φ(z) + z·Φ(z) and the
//   three-branch log_h, stable down to z → −∞ where the naive log(EI) is −∞;
//   D. R. Jones, M. Schonlau & W. J. Welch, "Efficient Global Optimization of Expensive Black-Box Functions" (1998)
//   for EI itself; N. Srinivas, A. Krause, S. Kakade & M. Seeger, "Gaussian Process Optimization in the Bandit
//   Setting" (ICML 2010) for UCB (here its minimisation form, the lower bound μ − √β·σ).
//
// For minimisation the improvement is max(best − f, 0), so z = (best − μ)/σ and EI = σ·h(z).

import { erfcx, log1mexp, logNormalCdf, normalCdf, normalPdf } from './specialFunctions';

const C1 = 0.5 * Math.log(2 * Math.PI);
const C2 = 0.5 * Math.log(Math.PI / 2);
const SQRT_HALF = Math.SQRT1_2;
/** 1/√ε for double precision: below −1/√ε the asymptotic branch of log_h is exact to rounding. */
const TAIL_Z = -1 / Math.sqrt(Number.EPSILON);
/** Floor on the posterior variance (standardised units) so z stays finite at observed points. */
export const MIN_VARIANCE = 1e-12;

/** log h(z) = log(φ(z) + z·Φ(z)), Ament et al. (2023) eq. 9. Finite for every finite z. */
export function logH(z: number): number {
  if (z > -1) return Math.log(normalPdf(z) + z * normalCdf(z));
  if (z > TAIL_Z) return -0.5 * z * z - C1 + log1mexp(Math.log(erfcx(-z * SQRT_HALF) * -z) + C2);
  return -0.5 * z * z - C1 - 2 * Math.log(-z);
}

/** d log h / dz = Φ(z)/h(z) (since h′ = Φ), computed as exp(log Φ(z) − log h(z)); ≈ |z| far in the left tail. */
export function logHDerivative(z: number): number {
  return Math.exp(logNormalCdf(z) - logH(z));
}

/**
 * log EI for minimisation: log E[max(best − f, 0)] with f ~ N(mean, std²). Stable far into the tail (EI below the
 * smallest double). std = 0 gives log(max(best − mean, 0)), which is −Infinity without improvement.
 */
export function logExpectedImprovement(mean: number, std: number, best: number): number {
  if (!(std > 0)) return Math.log(Math.max(best - mean, 0));
  return Math.log(std) + logH((best - mean) / std);
}

/** An acquisition value (to MAXIMISE) from μ and σ², with its derivatives in μ and σ². */
export interface Acquisition {
  value(mean: number, variance: number): number;
  /** Writes ∂a/∂μ into out[0] and ∂a/∂σ² into out[1]. */
  valueAndGradient(mean: number, variance: number, out: Float64Array): number;
}

/** log EI against the incumbent `best` (minimisation). */
export function logEiAcquisition(best: number): Acquisition {
  return {
    value(mean, variance) {
      const std = Math.sqrt(Math.max(variance, MIN_VARIANCE));
      return Math.log(std) + logH((best - mean) / std);
    },
    valueAndGradient(mean, variance, out) {
      const clamped = variance < MIN_VARIANCE;
      const std = Math.sqrt(clamped ? MIN_VARIANCE : variance);
      const z = (best - mean) / std;
      const dz = logHDerivative(z);
      out[0] = -dz / std;
      // ∂/∂σ = 1/σ − z·dz/σ; ∂σ/∂σ² = 1/(2σ).
      out[1] = clamped ? 0 : (1 - z * dz) / (2 * variance);
      return Math.log(std) + logH(z);
    },
  };
}

/** Negated lower confidence bound −(μ − √β·σ), to maximise (minimisation form of GP-UCB). */
export function ucbAcquisition(beta: number): Acquisition {
  const kappa = Math.sqrt(beta);
  return {
    value(mean, variance) {
      return -mean + kappa * Math.sqrt(Math.max(variance, 0));
    },
    valueAndGradient(mean, variance, out) {
      const std = Math.sqrt(Math.max(variance, MIN_VARIANCE));
      out[0] = -1;
      out[1] = variance < MIN_VARIANCE ? 0 : kappa / (2 * std);
      return -mean + kappa * Math.sqrt(Math.max(variance, 0));
    },
  };
}
