// From raw observations to a conditioned GP: validation, output standardisation, the subsampling rule, the
// hyperparameter fit and the conditioning, plus the public FittedGp view in original output units.
// Follows the structure of Optuna's _gp module (standardise y, fit kernel parameters by MAP, condition) with the
// model of Rasmussen & Williams (2006) ch. 2 and 5 and Snoek et al. (2012).
//
// Subsampling rule (latency): an exact GP costs O(n³) to factorise and O(n²) per scored candidate, and the
// hyperparameter search factorises and inverts the kernel matrix some 40–60 times. So
//   - the posterior is conditioned on at most maxObservations (default 500) observations: the best quarter by y plus
//     a uniform random subset of the rest (seeded rng);
//   - the hyperparameters are fitted on at most maxFitObservations (default 64) of those, chosen the same way
//     (on Hartmann-6, fitting on 64, 100 or 200 points gave indistinguishable optimisation results);
//   - the standardisation (yMean, yStd) and the EI incumbent always use ALL observations.
// Below the caps every observation is used and no randomness is spent on subsampling. With these defaults a
// suggestion in 6-D takes about 10 ms at 50 observations, 28 ms at 200 and 115 ms at 1000 on a 2-core machine
// (bench/gpLatency.bench.ts).

import { Rng } from '../../random';
import { fitHyperparameters } from './fitHyperparameters';
import { GaussianProcess } from './gaussianProcess';
import { decodeTheta, thetaFromOriginalUnits, unclippedThetaFromOriginalUnits } from './hyperparameters';
import { selectSubset } from './subsample';
import type { FitOptions, FittedGp, GpModelSummary, GpRng } from './types';

/** See the subsampling rule above: ~0.2 ms per likelihood-and-gradient evaluation at 64 points. */
export const DEFAULT_MAX_FIT_OBSERVATIONS = 64;
/** ~20 ms to factorise at 500 points; scoring 512 candidates and the local searches cost about 4× that. */
export const DEFAULT_MAX_OBSERVATIONS = 500;
export const DEFAULT_RESTARTS = 4;
/** With a warm start the search starts there and at the default only (no prior draws) unless told otherwise. */
export const DEFAULT_WARM_RESTARTS = 1;
export const DEFAULT_FIT_ITERATIONS = 50;
export const DEFAULT_SCREEN_ITERATIONS = 4;

/** The conditioned GP (standardised units) with what is needed to translate back to original units. */
export interface GpModel {
  readonly gp: GaussianProcess;
  readonly d: number;
  readonly yMean: number;
  readonly yStd: number;
  /** Smallest standardised observed output over ALL observations (the EI incumbent). */
  readonly bestStandardised: number;
  readonly summary: GpModelSummary;
}

/** Validates X and y and returns the dimension d. */
export function checkObservations(X: readonly Float64Array[], y: Float64Array): number {
  if (X.length === 0) throw new RangeError('the GP needs at least one observation');
  if (X.length !== y.length) throw new RangeError(`X has ${X.length} rows but y has ${y.length} values`);
  const d = X[0].length;
  if (d < 1) throw new RangeError('points need at least one dimension');
  for (let i = 0; i < X.length; i++) {
    if (X[i].length !== d) throw new RangeError(`row ${i} of X has ${X[i].length} values, expected ${d}`);
    for (let j = 0; j < d; j++) if (!Number.isFinite(X[i][j])) throw new RangeError(`X[${i}][${j}] is not finite`);
    if (!Number.isFinite(y[i])) throw new RangeError(`y[${i}] is not finite`);
  }
  return d;
}

function flatten(X: readonly Float64Array[], rows: readonly number[], d: number): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(X[r], i * d));
  return out;
}

function checkHyperparameters(name: string, lengthscales: Float64Array, d: number): void {
  if (lengthscales.length !== d) throw new RangeError(`${name} has ${lengthscales.length} length-scales, expected ${d}`);
}

/** Standardises, subsamples, fits (unless fixed) and conditions. `rng` is only drawn from when needed. */
export function buildGpModel(X: readonly Float64Array[], y: Float64Array, options: FitOptions, rng: GpRng | undefined): GpModel {
  const d = checkObservations(X, y);
  const n = y.length;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i];
  yMean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (y[i] - yMean) * (y[i] - yMean);
  const rawStd = Math.sqrt(variance / n);
  const yStd = rawStd > 0 && Number.isFinite(rawStd) ? rawStd : 1;
  const ys = new Float64Array(n);
  let bestStandardised = Infinity;
  for (let i = 0; i < n; i++) {
    ys[i] = (y[i] - yMean) / yStd;
    bestStandardised = Math.min(bestStandardised, ys[i]);
  }

  const maxObservations = Math.max(1, Math.floor(options.maxObservations ?? DEFAULT_MAX_OBSERVATIONS));
  const maxFit = Math.max(1, Math.floor(options.maxFitObservations ?? DEFAULT_MAX_FIT_OBSERVATIONS));
  const restarts = Math.max(1, Math.floor(options.restarts ?? (options.warmStart ? DEFAULT_WARM_RESTARTS : DEFAULT_RESTARTS)));
  const fixed = options.fixedHyperparameters;
  let random = rng;
  const needsRandom = n > maxObservations || (!fixed && (Math.min(n, maxObservations) > maxFit || restarts > 1));
  // Without an rng, a fixed seed keeps fitGaussianProcess deterministic.
  if (needsRandom && !random) random = new Rng(0);

  const all = Array.from({ length: n }, (_, i) => i);
  const conditioning = selectSubset(all, ys, maxObservations, random!);
  const Xc = flatten(X, conditioning, d);
  const yc = Float64Array.from(conditioning, (i) => ys[i]);

  let theta: Float64Array;
  if (fixed) {
    checkHyperparameters('fixedHyperparameters', fixed.lengthscales, d);
    theta = unclippedThetaFromOriginalUnits(fixed, yStd);
  } else {
    const fitRows = selectSubset(conditioning, ys, maxFit, random!);
    let warmStart: Float64Array | undefined;
    if (options.warmStart) {
      checkHyperparameters('warmStart', options.warmStart.lengthscales, d);
      warmStart = thetaFromOriginalUnits(options.warmStart, yStd);
    }
    theta = fitHyperparameters(flatten(X, fitRows, d), Float64Array.from(fitRows, (i) => ys[i]), d, {
      restarts,
      maxIterations: Math.max(1, Math.floor(options.fitIterations ?? DEFAULT_FIT_ITERATIONS)),
      screenIterations: Math.max(1, Math.floor(options.screenIterations ?? DEFAULT_SCREEN_ITERATIONS)),
      warmStart,
      rng: random,
    }).theta;
  }

  const gp = GaussianProcess.condition(Xc, yc, d, theta);
  const decoded = decodeTheta(theta, d);
  const summary: GpModelSummary = {
    lengthscales: Float64Array.from(theta.subarray(0, d), Math.exp),
    signalVariance: decoded.signalVariance * yStd * yStd,
    noiseVariance: decoded.noiseVariance * yStd * yStd,
    yMean,
    yStd,
    observationsUsed: conditioning.length,
  };
  return { gp, d, yMean, yStd, bestStandardised, summary };
}

/** The public view of a model: predictions in original output units. */
export function fittedView(model: GpModel): FittedGp {
  const { gp, yMean, yStd, d } = model;
  const scale = yStd * yStd;
  const check = (x: Float64Array) => {
    if (x.length !== d) throw new RangeError(`a point has ${x.length} values, expected ${d}`);
  };
  return {
    summary: model.summary,
    logMarginalLikelihood: gp.logMarginalLikelihood(),
    predict(x) {
      check(x);
      const p = gp.predict(x);
      return { mean: yMean + yStd * p.mean, variance: scale * p.variance };
    },
    predictBatch(xs) {
      const count = xs.length;
      const flat = new Float64Array(count * d);
      xs.forEach((x, i) => {
        check(x);
        flat.set(x, i * d);
      });
      const mean = new Float64Array(count);
      const variance = new Float64Array(count);
      gp.predictMany(flat, count, mean, variance);
      for (let i = 0; i < count; i++) {
        mean[i] = yMean + yStd * mean[i];
        variance[i] *= scale;
      }
      return { mean, variance };
    },
  };
}

/**
 * Fits a GP to observations X (points in [0,1]^d) and y (any finite values): standardises y, subsamples (see the
 * rule above), fits the hyperparameters by MAP unless `fixedHyperparameters` is given, and conditions. Restarts and
 * subsampling draw from `rng` (a fixed-seed Rng when omitted), so equal inputs give equal models.
 */
export function fitGaussianProcess(X: readonly Float64Array[], y: Float64Array, options: FitOptions & { rng?: GpRng } = {}): FittedGp {
  return fittedView(buildGpModel(X, y, options, options.rng));
}
