// The truncated normal on [0, 1] that TPE's numeric kernels use: drawing from it, its log density, and the log
// probability of a cell [a, b] (for ints and stepped floats, as Optuna's _BatchedDiscreteTruncNormDistributions).
// Kernel centres lie in [0, 1], so the standardised interval always contains 0 and holds at least Φ(1) − Φ(0)
// ≈ 34% of the mass when σ ≤ 1: plain rejection sampling needs three normals at worst on average.
import { LOG_SQRT_2PI, log1mexp, logNormalCdf, normalCdf } from '../../gp/specialFunctions';

export interface NormalSource {
  normal(): number;
}

/** A draw from N(mu, sigma²) restricted to [0, 1]. */
export function sampleUnitTruncNormal(mu: number, sigma: number, rng: NormalSource): number {
  for (;;) {
    const x = mu + sigma * rng.normal();
    if (x >= 0 && x <= 1) return x;
  }
}

/** log P(za < Z < zb) for a standard normal Z, accurate in both tails (za < zb). */
export function logNormalMass(za: number, zb: number): number {
  if (za >= 0) {
    // Upper tail: Φ(zb) − Φ(za) = Φ(−za) − Φ(−zb), both small and exact in log space.
    const hi = logNormalCdf(-za);
    return hi + log1mexp(logNormalCdf(-zb) - hi);
  }
  if (zb <= 0) {
    const hi = logNormalCdf(zb);
    return hi + log1mexp(logNormalCdf(za) - hi);
  }
  return Math.log(normalCdf(zb) - normalCdf(za));
}

/** log P(0 ≤ X ≤ 1) for X ~ N(mu, sigma²): the normaliser of the truncated kernel, computed once per kernel. */
export function logUnitMass(mu: number, sigma: number): number {
  return logNormalMass(-mu / sigma, (1 - mu) / sigma);
}

/** log of the truncated density at x ∈ [0, 1]: log φ((x − mu)/sigma) − log sigma − logZ, logZ = logUnitMass(mu, sigma). */
export function logUnitTruncNormalPdf(x: number, mu: number, sigma: number, logZ: number): number {
  const z = (x - mu) / sigma;
  return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - logZ;
}

/** log P(a ≤ X ≤ b) for X the truncated normal on [0, 1], logZ = logUnitMass(mu, sigma). */
export function logUnitTruncNormalCell(a: number, b: number, mu: number, sigma: number, logZ: number): number {
  return logNormalMass((a - mu) / sigma, (b - mu) / sigma) - logZ;
}
