// Notation and shapes (n observations, d input dimensions; matrices are row-major flat Float64Arrays):
//   X      n×d   observed inputs, row i = x_i ∈ [0,1]^d
//   y      n     standardised outputs (zero mean, unit variance over all observations)
//   θ      d+2   [log ℓ_1 … log ℓ_d, log σ_f², log σ_n²] (hyperparameters.ts)
//   K      n×n   k(X, X) + diag(noise) + jitter·I, noise_i = σ_n² for observations (a Kriging-believer fantasy
//                may carry its own, smaller noise, see withObservation)
//   L      n×n   lower Cholesky factor, K = L·Lᵀ (upper triangle unused)
//   α      n     K⁻¹·y = Lᵀ \ (L \ y)
//   β      n     L \ y, so that μ = vᵀβ
//   x*     d     a test point
//   k*     n     k(X, x*)
//   ∂k*/∂x n×d   row i = ∂k(x_i, x*)/∂x*
//   v      n     L \ k*
//   μ(x*)  1     k*ᵀ·α                       posterior mean of the latent f
//   σ²(x*) 1     σ_f² − vᵀ·v                 posterior variance of the latent f (observation noise NOT included)
//   W      n×n   ααᵀ − K⁻¹                   (eq. 5.9)
//   ∂K/∂θ  n×n   per hyperparameter (kernel.ts)
//
// Gaussian-process regression with a Matérn-5/2 ARD kernel, a zero prior mean and Gaussian noise, on standardised
// outputs: the cached Cholesky factor, the posterior mean and variance (with gradients in x, for the acquisition
// optimiser), the log marginal likelihood and its gradient in the log hyperparameters, and a rank-one extension
// for fantasy observations (Kriging believer).
// References: C. E. Rasmussen & C. K. I. Williams, "Gaussian Processes for Machine Learning" (MIT Press, 2006):
//   Algorithm 2.1 / eqs. 2.25–2.26 (posterior mean and variance through the Cholesky factor),
//   eq. 2.30 (log marginal likelihood), eq. 5.9 (its gradient ½·tr((ααᵀ − K⁻¹)·∂K/∂θ)).

import { choleskyWithJitter, inverseFromCholesky, solveLower, solveUpperTransposed } from './cholesky';
import { kernelVector, kernelVectorWithGradient, matern52, scaledSquaredDistance } from './kernel';
import type { KernelParameters } from './kernel';
import { decodeTheta, logPrior } from './hyperparameters';
import { LOG_SQRT_2PI } from './specialFunctions';

const SQRT5 = Math.sqrt(5);

/** A GP conditioned on data with fixed hyperparameters. All values are in standardised output units. */
export class GaussianProcess {
  readonly n: number;
  readonly d: number;
  /** n×d observed inputs. */
  readonly X: Float64Array;
  /** n standardised outputs. */
  readonly y: Float64Array;
  readonly theta: Float64Array;
  readonly kernelParams: KernelParameters;
  readonly noiseVariance: number;
  /** n, the noise variance on the diagonal for each point (σ_n² unless given otherwise). */
  readonly pointNoise: Float64Array;
  /** n×n lower Cholesky factor of k(X, X) + diag(pointNoise) + jitter·I. */
  readonly L: Float64Array;
  /** n, K⁻¹·y. */
  readonly alpha: Float64Array;
  /** Jitter added to the diagonal beyond σ_n² (0 unless the factorisation failed without it). */
  readonly jitter: number;
  private readonly kBuf: Float64Array;
  private readonly vBuf: Float64Array;
  private gradBuf: Float64Array | undefined;
  private betaCache: Float64Array | undefined;

  private constructor(
    X: Float64Array,
    y: Float64Array,
    d: number,
    theta: Float64Array,
    pointNoise: Float64Array,
    L: Float64Array,
    jitter: number,
  ) {
    this.n = y.length;
    this.d = d;
    this.X = X;
    this.y = y;
    this.theta = theta;
    const decoded = decodeTheta(theta, d);
    this.kernelParams = { inverseSquaredLengthscales: decoded.inverseSquaredLengthscales, signalVariance: decoded.signalVariance };
    this.noiseVariance = decoded.noiseVariance;
    this.pointNoise = pointNoise;
    this.L = L;
    this.jitter = jitter;
    this.alpha = solveUpperTransposed(L, this.n, solveLower(L, this.n, y, new Float64Array(this.n)), new Float64Array(this.n));
    this.kBuf = new Float64Array(this.n);
    this.vBuf = new Float64Array(this.n);
  }

  /**
   * Conditions on X (n×d flat) and standardised y (n) with hyperparameters θ; factorises K with jitter-and-retry.
   * `pointNoise` (n) overrides the noise variance σ_n² of θ point by point.
   */
  static condition(X: Float64Array, y: Float64Array, d: number, theta: Float64Array, pointNoise?: Float64Array): GaussianProcess {
    const n = y.length;
    if (X.length !== n * d) throw new RangeError(`X has ${X.length} values, expected ${n}×${d}`);
    const { inverseSquaredLengthscales: w, signalVariance: s2, noiseVariance } = decodeTheta(theta, d);
    const noise = pointNoise ?? new Float64Array(n).fill(noiseVariance);
    if (noise.length !== n) throw new RangeError(`pointNoise has ${noise.length} values, expected ${n}`);
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      for (let j = 0; j < i; j++) K[ri + j] = s2 * matern52(scaledSquaredDistance(X, i, X, j, w));
      K[ri + i] = s2 + noise[i];
    }
    const { factor, jitter } = choleskyWithJitter(K, n, K);
    return new GaussianProcess(X, y, d, theta, noise, factor, jitter);
  }

  /**
   * The same GP with one more observation (x, yValue) and the same hyperparameters: the Cholesky factor grows by
   * one row (l = L \ k(X, x), l_nn = √(k(x,x) + noise + jitter − lᵀl)) in O(n²) instead of refactorising.
   * `noise` is the new point's noise variance, σ_n² by default.
   */
  withObservation(x: Float64Array, yValue: number, noise: number = this.noiseVariance): GaussianProcess {
    const n = this.n;
    const d = this.d;
    const m = n + 1;
    const X = new Float64Array(m * d);
    X.set(this.X);
    X.set(x.subarray(0, d), n * d);
    const y = new Float64Array(m);
    y.set(this.y);
    y[n] = yValue;
    const L = new Float64Array(m * m);
    for (let i = 0; i < n; i++) L.set(this.L.subarray(i * n, i * n + i + 1), i * m);
    const k = kernelVector(this.X, n, x, this.kernelParams, new Float64Array(n));
    const l = solveLower(this.L, n, k, k);
    const pointNoise = new Float64Array(m);
    pointNoise.set(this.pointNoise);
    pointNoise[n] = noise;
    let s = this.kernelParams.signalVariance + noise + this.jitter;
    for (let i = 0; i < n; i++) s -= l[i] * l[i];
    L.set(l, n * m);
    if (s > 1e-10 * this.kernelParams.signalVariance) {
      L[n * m + n] = Math.sqrt(s);
      return new GaussianProcess(X, y, d, this.theta, pointNoise, L, this.jitter);
    }
    // The new point (nearly) duplicates an old one and the extension lost positive definiteness: refactorise
    // from scratch, which adds jitter as needed.
    return GaussianProcess.condition(X, y, d, this.theta, pointNoise);
  }

  /** Posterior mean and latent variance (standardised units) at x (length d). */
  predict(x: Float64Array): { mean: number; variance: number } {
    const n = this.n;
    const k = kernelVector(this.X, n, x, this.kernelParams, this.kBuf);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += k[i] * this.alpha[i];
    const v = solveLower(this.L, n, k, this.vBuf);
    let vv = 0;
    for (let i = 0; i < n; i++) vv += v[i] * v[i];
    return { mean, variance: Math.max(0, this.kernelParams.signalVariance - vv) };
  }

  /**
   * Posterior mean and latent variance at `count` points (rows of `xs`, flat count×d) into `meanOut`/`varianceOut`.
   * This is the acquisition optimiser's hot loop, so it works on four points at a time with their kernel vectors
   * interleaved (V[4i + b] for point b), and the forward substitution L·v = k handles two rows of L per pass: each
   * loaded L value and V quadruple then feeds eight multiply-adds instead of four (~1.5× faster than one at a time).
   */
  predictMany(xs: Float64Array, count: number, meanOut: Float64Array, varianceOut: Float64Array): void {
    const n = this.n;
    const d = this.d;
    const L = this.L;
    const X = this.X;
    const beta = this.betaVector();
    const s2 = this.kernelParams.signalVariance;
    const w = this.kernelParams.inverseSquaredLengthscales;
    const V = new Float64Array(4 * n);
    const px = new Float64Array(4 * d);
    for (let start = 0; start < count; start += 4) {
      const block = Math.min(4, count - start);
      // Points of the block (a partial block repeats its last point; the copies are not written out).
      for (let b = 0; b < 4; b++) px.set(xs.subarray((start + Math.min(b, block - 1)) * d, (start + Math.min(b, block - 1) + 1) * d), b * d);
      for (let i = 0, o = 0; i < n; i++, o += d) {
        for (let b = 0; b < 4; b++) {
          const po = b * d;
          let r2 = 0;
          for (let c = 0; c < d; c++) {
            const t = X[o + c] - px[po + c];
            r2 += t * t * w[c];
          }
          const r = Math.sqrt(r2);
          V[4 * i + b] = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
        }
      }
      forwardSubstitute4(L, n, V);
      // μ = k*ᵀα = vᵀβ with β = L \ y; σ² = σ_f² − vᵀv.
      for (let b = 0; b < block; b++) {
        let mean = 0;
        let vv = 0;
        for (let i = 0; i < n; i++) {
          const v = V[4 * i + b];
          mean += v * beta[i];
          vv += v * v;
        }
        meanOut[start + b] = mean;
        varianceOut[start + b] = Math.max(0, s2 - vv);
      }
    }
  }

  /** β = Lᵀ·α = L \ y, so that μ = k*ᵀα = (L \ k*)ᵀ·(L \ y) = vᵀβ. */
  private betaVector(): Float64Array {
    if (!this.betaCache) this.betaCache = solveLower(this.L, this.n, this.y, new Float64Array(this.n));
    return this.betaCache;
  }

  /**
   * Posterior mean and latent variance at x with their gradients in x, written into `gradMean` and `gradVariance`
   * (length d): ∂μ/∂x = J·α and ∂σ²/∂x = −2·J·K⁻¹k*, with J = ∂k(X, x)/∂x (d×n).
   */
  predictWithGradient(x: Float64Array, gradMean: Float64Array, gradVariance: Float64Array): { mean: number; variance: number } {
    const n = this.n;
    const d = this.d;
    if (!this.gradBuf) this.gradBuf = new Float64Array(n * d);
    const dk = this.gradBuf;
    const k = this.kBuf;
    kernelVectorWithGradient(this.X, n, x, this.kernelParams, k, dk);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += k[i] * this.alpha[i];
    const v = solveLower(this.L, n, k, this.vBuf);
    let vv = 0;
    for (let i = 0; i < n; i++) vv += v[i] * v[i];
    const w = solveUpperTransposed(this.L, n, v, v); // K⁻¹k*, overwrites v
    gradMean.fill(0);
    gradVariance.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      const ai = this.alpha[i];
      const wi = -2 * w[i];
      for (let c = 0; c < d; c++) {
        gradMean[c] += dk[o + c] * ai;
        gradVariance[c] += dk[o + c] * wi;
      }
    }
    const variance = this.kernelParams.signalVariance - vv;
    if (variance <= 0) {
      gradVariance.fill(0);
      return { mean, variance: 0 };
    }
    return { mean, variance };
  }

  /** log p(y | X, θ) = −½·yᵀα − Σ log L_ii − n/2·log 2π (eq. 2.30), standardised units, prior not included. */
  logMarginalLikelihood(): number {
    const n = this.n;
    let lml = 0;
    for (let i = 0; i < n; i++) lml -= 0.5 * this.y[i] * this.alpha[i] + Math.log(this.L[i * n + i]);
    return lml - n * LOG_SQRT_2PI;
  }
}

/**
 * Solves L·v = k in place for four right-hand sides stored interleaved (V[4i + b] = k_b[i]), two rows of L at a
 * time: rows i and i+1 share every load of V[j] for j < i, and row i+1 then subtracts its L[i+1][i]·v[i] term.
 */
function forwardSubstitute4(L: Float64Array, n: number, V: Float64Array): void {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    const o = 4 * i;
    let a0 = V[o];
    let a1 = V[o + 1];
    let a2 = V[o + 2];
    let a3 = V[o + 3];
    let b0 = V[o + 4];
    let b1 = V[o + 5];
    let b2 = V[o + 6];
    let b3 = V[o + 7];
    for (let j = 0, q = 0; j < i; j++, q += 4) {
      const l = L[r0 + j];
      const m = L[r1 + j];
      const v0 = V[q];
      const v1 = V[q + 1];
      const v2 = V[q + 2];
      const v3 = V[q + 3];
      a0 -= l * v0;
      a1 -= l * v1;
      a2 -= l * v2;
      a3 -= l * v3;
      b0 -= m * v0;
      b1 -= m * v1;
      b2 -= m * v2;
      b3 -= m * v3;
    }
    const inv0 = 1 / L[r0 + i];
    a0 *= inv0;
    a1 *= inv0;
    a2 *= inv0;
    a3 *= inv0;
    V[o] = a0;
    V[o + 1] = a1;
    V[o + 2] = a2;
    V[o + 3] = a3;
    const m = L[r1 + i];
    const inv1 = 1 / L[r1 + i + 1];
    V[o + 4] = (b0 - m * a0) * inv1;
    V[o + 5] = (b1 - m * a1) * inv1;
    V[o + 6] = (b2 - m * a2) * inv1;
    V[o + 7] = (b3 - m * a3) * inv1;
  }
  if (i < n) {
    const ri = i * n;
    const o = 4 * i;
    let a0 = V[o];
    let a1 = V[o + 1];
    let a2 = V[o + 2];
    let a3 = V[o + 3];
    for (let j = 0, q = 0; j < i; j++, q += 4) {
      const l = L[ri + j];
      a0 -= l * V[q];
      a1 -= l * V[q + 1];
      a2 -= l * V[q + 2];
      a3 -= l * V[q + 3];
    }
    const inv = 1 / L[ri + i];
    V[o] = a0 * inv;
    V[o + 1] = a1 * inv;
    V[o + 2] = a2 * inv;
    V[o + 3] = a3 * inv;
  }
}

/**
 * The log marginal likelihood of fixed data as a function of θ, with its gradient (eq. 5.9), for the hyperparameter
 * search. Pairwise squared differences are computed once; each evaluation costs one Cholesky factorisation and one
 * inverse (about n³/2 multiply-adds) plus O(n²·d) for the gradient. Buffers are reused between evaluations.
 */
export class MarginalLikelihood {
  readonly n: number;
  readonly d: number;
  private readonly y: Float64Array;
  /** Pairs (i, j < i) in order p = i(i−1)/2 + j; diffs[p·d + c] = (X_ic − X_jc)². */
  private readonly diffs: Float64Array;
  private readonly K: Float64Array;
  private readonly work: Float64Array;
  private readonly inverse: Float64Array;
  private readonly alpha: Float64Array;
  private readonly kf: Float64Array;
  private readonly g: Float64Array;

  constructor(X: Float64Array, y: Float64Array, d: number) {
    const n = y.length;
    if (X.length !== n * d) throw new RangeError(`X has ${X.length} values, expected ${n}×${d}`);
    this.n = n;
    this.d = d;
    this.y = y;
    const pairs = (n * (n - 1)) / 2;
    this.diffs = new Float64Array(pairs * d);
    let p = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++, p++) {
        for (let c = 0; c < d; c++) {
          const t = X[i * d + c] - X[j * d + c];
          this.diffs[p * d + c] = t * t;
        }
      }
    }
    this.K = new Float64Array(n * n);
    this.work = new Float64Array(n * n);
    this.inverse = new Float64Array(n * n);
    this.alpha = new Float64Array(n);
    this.kf = new Float64Array(pairs);
    this.g = new Float64Array(pairs);
  }

  /**
   * log p(y | X, θ) (eq. 2.30), and when `grad` (length d+2) is given, its gradient in θ written into it.
   * Returns −Infinity when K cannot be factorised even with jitter.
   */
  evaluate(theta: Float64Array, grad?: Float64Array): number {
    const { n, d, diffs, K } = this;
    const { inverseSquaredLengthscales: w, signalVariance: s2, noiseVariance } = decodeTheta(theta, d);
    let p = 0;
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      for (let j = 0; j < i; j++, p++) {
        let r2 = 0;
        const o = p * d;
        for (let c = 0; c < d; c++) r2 += diffs[o + c] * w[c];
        const r = Math.sqrt(r2);
        const e = Math.exp(-SQRT5 * r);
        const kv = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * e;
        K[ri + j] = kv;
        this.kf[p] = kv;
        this.g[p] = s2 * (5 / 3) * (1 + SQRT5 * r) * e;
      }
      K[ri + i] = s2 + noiseVariance;
    }
    let factor: Float64Array;
    try {
      factor = choleskyWithJitter(K, n, this.work).factor;
    } catch {
      if (grad) grad.fill(0);
      return -Infinity;
    }
    const alpha = solveUpperTransposed(factor, n, solveLower(factor, n, this.y, this.alpha), this.alpha);
    let lml = -n * LOG_SQRT_2PI;
    for (let i = 0; i < n; i++) lml -= 0.5 * this.y[i] * alpha[i] + Math.log(factor[i * n + i]);
    if (!grad) return lml;

    // W = ααᵀ − K⁻¹; ∂lml/∂θ_j = ½ Σ_ab W_ab ∂K_ab/∂θ_j. K (no longer needed) holds L⁻¹ as scratch.
    const inv = inverseFromCholesky(factor, n, K, this.inverse);
    grad.fill(0);
    let traceW = 0;
    p = 0;
    let offDiagonalSignal = 0;
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      const ai = alpha[i];
      for (let j = 0; j < i; j++, p++) {
        const wij = ai * alpha[j] - inv[ri + j];
        // Off-diagonal pairs appear twice in the trace, cancelling the ½.
        offDiagonalSignal += wij * this.kf[p];
        const gw = wij * this.g[p];
        const o = p * d;
        for (let c = 0; c < d; c++) grad[c] += gw * diffs[o + c];
      }
      traceW += ai * ai - inv[ri + i];
    }
    for (let c = 0; c < d; c++) grad[c] *= w[c];
    grad[d] = offDiagonalSignal + 0.5 * traceW * s2;
    grad[d + 1] = 0.5 * traceW * noiseVariance;
    return lml;
  }

  /** The MAP objective log p(y | X, θ) + log p(θ), with its gradient when `grad` is given. */
  evaluatePosterior(theta: Float64Array, grad?: Float64Array): number {
    const lml = this.evaluate(theta, grad);
    if (lml === -Infinity) return lml;
    return lml + logPrior(theta, this.d, grad);
  }
}
