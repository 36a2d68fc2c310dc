// The inverse standard normal distribution function Φ⁻¹, for the Sharpe-ratio statistics' critical values and the
// Deflated Sharpe Ratio's expected maximum.
import { normalCdf } from '../tuning/gp/specialFunctions';

// P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function" (2003):
// rational approximations with relative error below 1.15e-9, on the central region |p − 0.5| <= 0.5 − P_LOW and
// on the lower tail p < P_LOW.
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;
const SQRT_2PI = 2.5066282746310002;

/**
 * Φ⁻¹(p), the standard normal quantile, for p in [0, 1] (−∞ at 0, +∞ at 1, NaN outside or for NaN).
 *
 * Acklam (2003)'s rational approximation x₀ (relative error < 1.15e-9), then one Halley step on Φ(x) − p:
 * e = Φ(x₀) − p, u = e·√(2π)·exp(x₀²/2), x = x₀ − u / (1 + x₀·u/2), which brings it to about double precision.
 * Φ is Cody's erfc-based normalCdf. For p > 0.5 it returns −Φ⁻¹(1 − p) (1 − p is exact there, by Sterbenz), so
 * the refinement always works in the lower tail where Φ has full relative accuracy.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -lowerHalfQuantile(1 - p);
  return lowerHalfQuantile(p);
}

/** Φ⁻¹(p) for 0 < p <= 0.5: Acklam's approximation plus one Halley refinement. */
function lowerHalfQuantile(p: number): number {
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
