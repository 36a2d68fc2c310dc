// Special functions for the acquisition functions: the scaled complementary error function erfcx, erfc, the
// standard normal density and distribution, and log1mexp.
// References: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
// 631–637, the coefficient sets of Netlib SPECFUN CALERF (about 1e-16 relative accuracy); M. Mächler,
// "Accurately computing log(1 − exp(−|a|))", Rmpfr vignette (2012), for log1mexp.

const ONE_OVER_SQRT_PI = 0.5641895835477563;
const SQRT_HALF = 0.7071067811865476;
const LOG_SQRT_2PI = 0.9189385332046728;
const LN2 = 0.6931471805599453;

// CALERF coefficients (the published 18-digit values, written as their nearest doubles).
// A/B: erf on [0, 0.46875]; C/D: erfcx on (0.46875, 4]; P/Q: erfcx on (4, ∞) as a rational in 1/x².
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const Q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];

/** erf(x) for |x| <= 0.46875 (CALERF first interval). */
function erfSmall(x: number): number {
  const z = x * x;
  let num = A[4] * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * z;
    den = (den + B[i]) * z;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** erfcx(x) = exp(x²)·erfc(x) for x > 0.46875, by the CALERF rational approximations (no overflow). */
function erfcxLarge(x: number): number {
  if (x <= 4) {
    let num = C[8] * x;
    let den = x;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * x;
      den = (den + D[i]) * x;
    }
    return (num + C[7]) / (den + D[7]);
  }
  if (x >= 6.71e7) return ONE_OVER_SQRT_PI / x; // 1/x² underflows the correction
  const z = 1 / (x * x);
  let num = P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * z;
    den = (den + Q[i]) * z;
  }
  const r = (z * (num + P[4])) / (den + Q[4]);
  return (ONE_OVER_SQRT_PI - r) / x;
}

/** exp(−x²) for x >= 0 without the rounding error of squaring x: Cody's split x = x₀ + δ with x₀ = ⌊16x⌋/16. */
function expMinusSquare(x: number): number {
  const x0 = Math.trunc(x * 16) / 16;
  const del = (x - x0) * (x + x0);
  return Math.exp(-x0 * x0) * Math.exp(-del);
}

/** Scaled complementary error function erfcx(x) = exp(x²)·erfc(x), finite for every x >= 0 (≈ 1/(x√π) as x → ∞). */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) {
    // erfcx(−x) = 2·exp(x²) − erfcx(x); overflows to +Infinity for x < −26.6, as it should.
    if (x < -26.7) return Infinity;
    return 2 * Math.exp(x * x) - erfcx(-x);
  }
  if (x <= 0.46875) return Math.exp(x * x) * (1 - erfSmall(x));
  return erfcxLarge(x);
}

/** Complementary error function erfc(x) = 1 − erf(x), with full relative accuracy in the right tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax <= 0.46875) return 1 - erfSmall(x);
  const upper = ax >= 27 ? 0 : erfcxLarge(ax) * expMinusSquare(ax);
  return x > 0 ? upper : 2 - upper;
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
}

/** Standard normal distribution function Φ(z) = erfc(−z/√2)/2. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z * SQRT_HALF);
}

/** log Φ(z), finite far into the left tail (z = −1e6) where Φ itself underflows. */
export function logNormalCdf(z: number): number {
  if (z > -1) return Math.log(normalCdf(z));
  // Φ(z) = erfcx(−z/√2)·exp(−z²/2)/2, and erfcx is O(1/|z|) there.
  return Math.log(0.5 * erfcx(-z * SQRT_HALF)) - 0.5 * z * z;
}

/** log(1 − exp(x)) for x <= 0 (Mächler 2012): log(−expm1(x)) near 0, log1p(−exp(x)) further out. */
export function log1mexp(x: number): number {
  if (x > 0) return NaN;
  return x > -LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

export { LOG_SQRT_2PI };
