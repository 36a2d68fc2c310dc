// The GP's hyperparameters as one vector θ in log space, their box bounds, their priors and starting points.
// Priors (Gaussian in log space, i.e. log-normal):
//   log ℓ_d   ~ N(√2 + ½·log d, √3)   — D. Hvarfner, E. O. Hellsten & L. Nardi, "Vanilla Bayesian Optimization
//                                       Performs Great in High Dimensions" (ICML 2024), BoTorch's default since 0.12
//   log σ_f²  ~ N(0, 1)               — outputs are standardised, so the signal variance should be near 1
//   log σ_n²  ~ N(−4, 1)              — BoTorch's LogNormal(−4, 1) noise prior
// Together with the log marginal likelihood this gives the MAP objective of Rasmussen & Williams (2006) §5.4.1.
// The noise floor of 1e-6 (standardised units) follows Optuna's _gp module and keeps K well conditioned.
//
// θ (length d + 2), all in standardised-output units: [log ℓ_1 … log ℓ_d, log σ_f², log σ_n²].

import type { KernelParameters } from './kernel';

export const MIN_LENGTHSCALE = 0.025;
export const MAX_LENGTHSCALE = 1000;
export const MIN_SIGNAL_VARIANCE = 0.01;
export const MAX_SIGNAL_VARIANCE = 100;
export const MIN_NOISE_VARIANCE = 1e-6;
export const MAX_NOISE_VARIANCE = 2;

const SIGNAL_PRIOR_MEAN = 0;
const SIGNAL_PRIOR_SD = 1;
const NOISE_PRIOR_MEAN = -4;
const NOISE_PRIOR_SD = 1;
const LENGTHSCALE_PRIOR_SD = Math.sqrt(3);

/** Hyperparameters in natural units. */
export interface Hyperparameters {
  readonly lengthscales: Float64Array;
  readonly signalVariance: number;
  readonly noiseVariance: number;
}

export function thetaLength(d: number): number {
  return d + 2;
}

export function lengthscalePriorMean(d: number): number {
  return Math.SQRT2 + 0.5 * Math.log(Math.max(1, d));
}

export function lowerBounds(d: number): Float64Array {
  const lo = new Float64Array(d + 2).fill(Math.log(MIN_LENGTHSCALE));
  lo[d] = Math.log(MIN_SIGNAL_VARIANCE);
  lo[d + 1] = Math.log(MIN_NOISE_VARIANCE);
  return lo;
}

export function upperBounds(d: number): Float64Array {
  const hi = new Float64Array(d + 2).fill(Math.log(MAX_LENGTHSCALE));
  hi[d] = Math.log(MAX_SIGNAL_VARIANCE);
  hi[d + 1] = Math.log(MAX_NOISE_VARIANCE);
  return hi;
}

/** Log prior density of θ (constants dropped); adds its gradient to `gradOut` when given. */
export function logPrior(theta: Float64Array, d: number, gradOut?: Float64Array): number {
  let lp = 0;
  const mu = lengthscalePriorMean(d);
  const v = LENGTHSCALE_PRIOR_SD * LENGTHSCALE_PRIOR_SD;
  for (let k = 0; k < d; k++) {
    const t = theta[k] - mu;
    lp -= (0.5 * t * t) / v;
    if (gradOut) gradOut[k] -= t / v;
  }
  const ts = (theta[d] - SIGNAL_PRIOR_MEAN) / SIGNAL_PRIOR_SD;
  lp -= 0.5 * ts * ts;
  if (gradOut) gradOut[d] -= ts / SIGNAL_PRIOR_SD;
  const tn = (theta[d + 1] - NOISE_PRIOR_MEAN) / NOISE_PRIOR_SD;
  lp -= 0.5 * tn * tn;
  if (gradOut) gradOut[d + 1] -= tn / NOISE_PRIOR_SD;
  return lp;
}

function clipInto(theta: Float64Array, d: number): Float64Array {
  const lo = lowerBounds(d);
  const hi = upperBounds(d);
  for (let k = 0; k < theta.length; k++) theta[k] = Math.min(hi[k], Math.max(lo[k], theta[k]));
  return theta;
}

/**
 * The deterministic first starting point: length-scales √d/2 (so a typical pair of points in the cube is about two
 * length-scales apart), signal variance 1, noise variance 1e-2.
 */
export function defaultTheta(d: number): Float64Array {
  const theta = new Float64Array(d + 2).fill(Math.log(Math.sqrt(Math.max(1, d)) / 2));
  theta[d] = 0;
  theta[d + 1] = Math.log(1e-2);
  return clipInto(theta, d);
}

/** A starting point drawn from the prior (clipped to the bounds). */
export function sampleThetaFromPrior(d: number, rng: { normal(): number }): Float64Array {
  const theta = new Float64Array(d + 2);
  const mu = lengthscalePriorMean(d);
  for (let k = 0; k < d; k++) theta[k] = mu + LENGTHSCALE_PRIOR_SD * rng.normal();
  theta[d] = SIGNAL_PRIOR_MEAN + SIGNAL_PRIOR_SD * rng.normal();
  theta[d + 1] = NOISE_PRIOR_MEAN + NOISE_PRIOR_SD * rng.normal();
  return clipInto(theta, d);
}

/** θ from hyperparameters given in ORIGINAL output units, for outputs standardised by `yStd`; clipped to the bounds. */
export function thetaFromOriginalUnits(h: Hyperparameters, yStd: number): Float64Array {
  const d = h.lengthscales.length;
  const theta = new Float64Array(d + 2);
  const scale = yStd * yStd;
  for (let k = 0; k < d; k++) theta[k] = Math.log(h.lengthscales[k]);
  theta[d] = Math.log(h.signalVariance / scale);
  theta[d + 1] = Math.log(h.noiseVariance / scale);
  for (let k = 0; k < theta.length; k++) {
    if (Number.isNaN(theta[k])) throw new RangeError('hyperparameters must be positive numbers');
  }
  return clipInto(theta, d);
}

/** Like thetaFromOriginalUnits but without clipping (for fixed hyperparameters, e.g. noise 0 in tests). */
export function unclippedThetaFromOriginalUnits(h: Hyperparameters, yStd: number): Float64Array {
  const d = h.lengthscales.length;
  const theta = new Float64Array(d + 2);
  const scale = yStd * yStd;
  for (let k = 0; k < d; k++) theta[k] = Math.log(h.lengthscales[k]);
  theta[d] = Math.log(h.signalVariance / scale);
  theta[d + 1] = Math.log(h.noiseVariance / scale);
  return theta;
}

/** The kernel parameters and noise variance (standardised units) encoded by θ. */
export function decodeTheta(theta: Float64Array, d: number): KernelParameters & { readonly noiseVariance: number } {
  const inverseSquaredLengthscales = new Float64Array(d);
  for (let k = 0; k < d; k++) inverseSquaredLengthscales[k] = Math.exp(-2 * theta[k]);
  return { inverseSquaredLengthscales, signalVariance: Math.exp(theta[d]), noiseVariance: Math.exp(theta[d + 1]) };
}
