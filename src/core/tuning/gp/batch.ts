// Kriging believer: to propose several points at once (or avoid points other workers are evaluating), pretend each
// pending point has been observed with value equal to the current posterior mean there, then condition on it with
// the SAME hyperparameters (no refit). The posterior mean is unchanged by such a fantasy (its innovation is 0); only
// the variance near the pending point collapses, so the next proposal goes elsewhere. The fantasy is believed
// exactly, as in Ginsbourger et al.'s interpolating kriging: it carries the noise floor (1e-6) rather than the
// fitted σ_n², otherwise a noisy model would leave half the variance there and propose the same point again.
// The incumbent becomes min(best, fantasy), as if the value had really been observed.
// Reference: D. Ginsbourger, R. Le Riche & L. Carraro, "Kriging Is Well-Suited to Parallelize Optimization", in
// Computational Intelligence in Expensive Optimization Problems (Springer, 2010) §3.1 (the "Kriging believer").

import type { GaussianProcess } from './gaussianProcess';
import { MIN_NOISE_VARIANCE } from './hyperparameters';

export interface BelievedModel {
  readonly gp: GaussianProcess;
  /** The incumbent (smallest standardised value) including the fantasies. */
  readonly best: number;
}

/** Adds one fantasy observation at x (O(n²) Cholesky extension). */
export function believe(model: BelievedModel, x: Float64Array): BelievedModel {
  const mean = model.gp.predict(x).mean;
  return { gp: model.gp.withObservation(x, mean, Math.min(model.gp.noiseVariance, MIN_NOISE_VARIANCE)), best: Math.min(model.best, mean) };
}

/** Adds fantasy observations at every point, in order. */
export function believeAll(model: BelievedModel, points: readonly Float64Array[]): BelievedModel {
  let m = model;
  for (const x of points) m = believe(m, x);
  return m;
}
