// Type-II maximum a posteriori hyperparameters: maximise log p(y | X, θ) + log p(θ) over the log length-scales,
// log signal variance and log noise variance (Rasmussen & Williams 2006, §5.4.1 and eq. 5.9 for the gradient), with
// the priors of hyperparameters.ts, by the projected L-BFGS of boxLbfgs.ts from several starting points.
// Restart scheme (like Optuna's _gp/gp.py warm start plus BoTorch's multi-start fit_gpytorch_mll, made cheap):
// every start (the warm start if given, the fixed default, and restarts − 1 draws from the prior using the seeded
// rng) gets a few screening iterations; the best of them then runs to convergence. Cholesky failures inside an
// evaluation are handled by jitter-and-retry (cholesky.ts); an evaluation that still fails counts as −∞.

import { minimizeBox } from './boxLbfgs';
import { MarginalLikelihood } from './gaussianProcess';
import { defaultTheta, lowerBounds, sampleThetaFromPrior, upperBounds } from './hyperparameters';

export interface HyperparameterSearchOptions {
  /** Starting points besides the warm start: the default plus restarts − 1 prior draws. At least 1. */
  readonly restarts: number;
  /** L-BFGS iterations for the final run from the best screened start. */
  readonly maxIterations: number;
  /** L-BFGS iterations given to every start before the best is chosen (ignored with a single start). */
  readonly screenIterations: number;
  /** θ to start from first (e.g. the previous suggestion's fit). */
  readonly warmStart?: Float64Array;
  /** Needed when restarts > 1. */
  readonly rng?: { normal(): number };
}

export interface HyperparameterFit {
  readonly theta: Float64Array;
  /** log p(y | X, θ) + log p(θ) at θ (prior constants dropped). */
  readonly logPosterior: number;
  /** Number of log-likelihood evaluations spent. */
  readonly evaluations: number;
}

/** MAP hyperparameters θ (layout in hyperparameters.ts) for inputs X (flat n×d) and standardised outputs y. */
export function fitHyperparameters(X: Float64Array, y: Float64Array, d: number, options: HyperparameterSearchOptions): HyperparameterFit {
  const mll = new MarginalLikelihood(X, y, d);
  const lo = lowerBounds(d);
  const hi = upperBounds(d);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    const value = mll.evaluatePosterior(theta, grad);
    for (let i = 0; i < grad.length; i++) grad[i] = -grad[i];
    return Number.isFinite(value) ? -value : Infinity;
  };
  const lbfgs = (start: Float64Array, maxIterations: number) =>
    minimizeBox(objective, start, lo, hi, { maxIterations, maxStep: 1, gradientTolerance: 1e-3, relativeTolerance: 1e-6 });

  const starts: Float64Array[] = [];
  if (options.warmStart) starts.push(options.warmStart);
  starts.push(defaultTheta(d));
  const restarts = Math.max(1, Math.floor(options.restarts));
  if (restarts > 1 && !options.rng) throw new RangeError('fitHyperparameters needs an rng for restarts > 1');
  for (let r = 1; r < restarts; r++) starts.push(sampleThetaFromPrior(d, options.rng!));

  let evaluations = 0;
  let best: { x: Float64Array; value: number } | undefined;
  if (starts.length === 1) {
    const result = lbfgs(starts[0], options.maxIterations);
    evaluations += result.evaluations;
    best = result;
  } else {
    for (const start of starts) {
      const result = lbfgs(start, options.screenIterations);
      evaluations += result.evaluations;
      if (!best || result.value < best.value) best = result;
    }
    if (best && Number.isFinite(best.value)) {
      const result = lbfgs(best.x, Math.max(0, options.maxIterations - options.screenIterations));
      evaluations += result.evaluations;
      if (result.value <= best.value) best = result;
    }
  }
  if (!best || !Number.isFinite(best.value)) {
    // Every start failed (should not happen with jitter): fall back to the default hyperparameters.
    const theta = defaultTheta(d);
    return { theta, logPosterior: mll.evaluatePosterior(theta), evaluations: evaluations + 1 };
  }
  return { theta: Float64Array.from(best.x), logPosterior: -best.value, evaluations };
}
