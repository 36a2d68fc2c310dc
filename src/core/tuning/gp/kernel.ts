// The Matérn-5/2 kernel with automatic relevance determination (one length-scale per input dimension), the kernel
// Optuna's GPSampler and BoTorch's SingleTaskGP use, with its derivatives.
// Reference: C. E. Rasmussen & C. K. I. Williams, "Gaussian Processes for Machine Learning" (MIT Press, 2006),
// eq. 4.17 (Matérn class, ν = 5/2) and §5.1 (ARD); J. Snoek, H. Larochelle & R. P. Adams, "Practical Bayesian
// Optimization of Machine Learning Algorithms" (NeurIPS 2012), §3.1, for its use in Bayesian optimisation.
//
//   r²(x, x')  = Σ_d (x_d − x'_d)² / ℓ_d²
//   k(x, x')   = σ_f² · (1 + √5·r + 5/3·r²) · exp(−√5·r)
//   ∂k/∂log ℓ_d = σ_f² · g(r) · (x_d − x'_d)² / ℓ_d²        with g(r) = 5/3 · (1 + √5·r) · exp(−√5·r)
//   ∂k/∂x_d     = −σ_f² · g(r) · (x_d − x'_d) / ℓ_d²
//   ∂k/∂log σ_f² = k
// (From dk/dr = −σ_f² · 5/3 · r · (1 + √5·r) · exp(−√5·r) and ∂r/∂x_d = (x_d − x'_d) / (ℓ_d² r).)
//
// Points are rows of a flat row-major Float64Array (n×d); a single point is a Float64Array of length d.

const SQRT5 = Math.sqrt(5);

export interface KernelParameters {
  /** 1/ℓ_d², length d. */
  readonly inverseSquaredLengthscales: Float64Array;
  /** σ_f², the kernel's variance k(x, x). */
  readonly signalVariance: number;
}

/** The Matérn-5/2 correlation (σ_f² = 1) at squared scaled distance r². */
export function matern52(r2: number): number {
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

/** g(r) = 5/3·(1 + √5·r)·exp(−√5·r), the common factor of the kernel's derivatives (σ_f² = 1). */
export function matern52DerivativeFactor(r2: number): number {
  const r = Math.sqrt(r2);
  return (5 / 3) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
}

/** r² between row `i` of `a` and row `j` of `b` (both d wide). */
export function scaledSquaredDistance(
  a: Float64Array,
  i: number,
  b: Float64Array,
  j: number,
  inverseSquaredLengthscales: Float64Array,
): number {
  const d = inverseSquaredLengthscales.length;
  const ao = i * d;
  const bo = j * d;
  let r2 = 0;
  for (let k = 0; k < d; k++) {
    const t = a[ao + k] - b[bo + k];
    r2 += t * t * inverseSquaredLengthscales[k];
  }
  return r2;
}

/** k(x, x') for two points. */
export function kernel(x: Float64Array, xPrime: Float64Array, params: KernelParameters): number {
  return params.signalVariance * matern52(scaledSquaredDistance(x, 0, xPrime, 0, params.inverseSquaredLengthscales));
}

/** ∂k(x, x')/∂log ℓ_d for every d, into `out` (length d). */
export function kernelGradientLogLengthscales(
  x: Float64Array,
  xPrime: Float64Array,
  params: KernelParameters,
  out: Float64Array = new Float64Array(x.length),
): Float64Array {
  const w = params.inverseSquaredLengthscales;
  const g = params.signalVariance * matern52DerivativeFactor(scaledSquaredDistance(x, 0, xPrime, 0, w));
  for (let k = 0; k < w.length; k++) {
    const t = x[k] - xPrime[k];
    out[k] = g * t * t * w[k];
  }
  return out;
}

/** ∂k(x, x')/∂x_d for every d (derivative in the first argument), into `out` (length d). */
export function kernelGradientX(
  x: Float64Array,
  xPrime: Float64Array,
  params: KernelParameters,
  out: Float64Array = new Float64Array(x.length),
): Float64Array {
  const w = params.inverseSquaredLengthscales;
  const g = params.signalVariance * matern52DerivativeFactor(scaledSquaredDistance(x, 0, xPrime, 0, w));
  for (let k = 0; k < w.length; k++) out[k] = -g * (x[k] - xPrime[k]) * w[k];
  return out;
}

/** The n×n kernel matrix K[i][j] = k(X_i, X_j) of the rows of `X` (flat n×d), both triangles filled. */
export function kernelMatrix(X: Float64Array, n: number, params: KernelParameters, out: Float64Array = new Float64Array(n * n)): Float64Array {
  const w = params.inverseSquaredLengthscales;
  const s2 = params.signalVariance;
  for (let i = 0; i < n; i++) {
    out[i * n + i] = s2;
    for (let j = 0; j < i; j++) {
      const v = s2 * matern52(scaledSquaredDistance(X, i, X, j, w));
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

/** k(X_i, x) for the n rows of `X` (flat n×d), into `out` (length n). Written out inline: it is the hot loop. */
export function kernelVector(X: Float64Array, n: number, x: Float64Array, params: KernelParameters, out: Float64Array): Float64Array {
  const w = params.inverseSquaredLengthscales;
  const d = w.length;
  const s2 = params.signalVariance;
  for (let i = 0, o = 0; i < n; i++, o += d) {
    let r2 = 0;
    for (let k = 0; k < d; k++) {
      const t = X[o + k] - x[k];
      r2 += t * t * w[k];
    }
    const r = Math.sqrt(r2);
    out[i] = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
  }
  return out;
}

/**
 * k(X_i, x) into `out` (length n) and ∂k(x, X_i)/∂x into `gradOut` (flat n×d, row i = gradient for X_i).
 */
export function kernelVectorWithGradient(
  X: Float64Array,
  n: number,
  x: Float64Array,
  params: KernelParameters,
  out: Float64Array,
  gradOut: Float64Array,
): void {
  const w = params.inverseSquaredLengthscales;
  const d = w.length;
  const s2 = params.signalVariance;
  for (let i = 0; i < n; i++) {
    const r2 = scaledSquaredDistance(X, i, x, 0, w);
    const r = Math.sqrt(r2);
    const e = Math.exp(-SQRT5 * r);
    out[i] = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * e;
    const g = s2 * (5 / 3) * (1 + SQRT5 * r) * e;
    const o = i * d;
    for (let k = 0; k < d; k++) gradOut[o + k] = -g * (x[k] - X[o + k]) * w[k];
  }
}
