// Special functions for the acquisition functions: the scaled complementary error function erfcx, erfc, the
// standard normal density and distribution, and log1mexp.
// References: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
// 631–637, the coefficient sets of Netlib SPECFUN CALERF (about 1e-16 relative accuracy); M. Mächler,
// "Accurately computing log(1 − exp(−|a|))", Rmpfr vignette (2012), for log1mexp.

const ONE_OVER_SQRT_PI = 0.5641895835477562869480794515607726;
const SQRT_HALF = 0.7071067811865475244008443621048490;
const LOG_SQRT_2PI = 0.9189385332046727417803297364056176;
const LN2 = 0.6931471805599453094172321214581766;

// CALERF coefficients. A/B: erf on [0, 0.46875]; C/D: erfcx on (0.46875, 4]; P/Q: erfcx on (4, ∞) in 1/x².
const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978];
const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];

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
