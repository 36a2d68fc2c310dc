// One Bayesian-optimisation step: fit the GP to the observations, condition on the pending points as Kriging
// believer fantasies, and maximise log EI (or the confidence bound) over valid, feasible, not-yet-seen points;
// for a batch, add each proposal as a fantasy before choosing the next (no refit).
// References: J. Snoek, H. Larochelle & R. P. Adams, "Practical Bayesian Optimization of Machine Learning
// Algorithms" (NeurIPS 2012) for the overall loop; Ament et al. (2023) for log EI (acquisition.ts); Ginsbourger et
// al. (2010) for the Kriging believer (batch.ts).

import { logEiAcquisition, logExpectedImprovement, MIN_VARIANCE, ucbAcquisition } from './acquisition';
import { believe, believeAll } from './batch';
import type { BelievedModel } from './batch';
import { buildGpModel } from './fitGaussianProcess';
import { optimizeAcquisition } from './optimizeAcquisition';
import type { GpSuggestInput, GpSuggestResult } from './types';

/**
 * Raw candidates by default: 1024 while the GP is conditioned on at most LARGE_MODEL points, 512 beyond, where
 * scoring costs O(n²) each. With 5 gradient-refined starts of 20 iterations, 512 candidates came within 0.01 of the
 * log-EI maximum found with 16384 candidates and 30 starts on each of 40 Hartmann-6 test models (15–200 observations)
 * when this was tuned.
 */
export const DEFAULT_RAW_CANDIDATES = 1024;
export const DEFAULT_RAW_CANDIDATES_LARGE = 512;
export const LARGE_MODEL = 100;
export const DEFAULT_LOCAL_SEARCH_STARTS = 5;
export const DEFAULT_LOCAL_SEARCH_ITERATIONS = 20;
export const DEFAULT_UCB_BETA = 4;
/** Observed points perturbed to make raw candidates. */
const INCUMBENTS = 5;

const defaultKey = (x: Float64Array): string => Array.prototype.join.call(x, ',');
const identity = (x: Float64Array): Float64Array => Float64Array.from(x);
const always = (): boolean => true;

/**
 * The next point to evaluate (minimisation). Throws a RangeError for invalid input (no observations, ragged rows,
 * non-finite values) and an Error when no feasible point could be found among all candidates tried.
 */
export function suggestGp(input: GpSuggestInput): GpSuggestResult {
  return suggestGpBatch(input, 1)[0];
}

/**
 * q distinct proposals (distinct keys, none equal to an observed or pending point when an alternative exists), by
 * the Kriging believer: the hyperparameters are fitted once, each proposal is added as a fantasy observation at
 * its posterior mean before the next is chosen.
 */
export function suggestGpBatch(input: GpSuggestInput, q: number): GpSuggestResult[] {
  if (!Number.isInteger(q) || q < 1) throw new RangeError(`q must be a positive integer, not ${q}`);
  const options = input.options ?? {};
  const { rng } = input;
  const model = buildGpModel(input.X, input.y, options, rng);
  const d = model.d;
  const pending = input.pending ?? [];
  pending.forEach((p, i) => {
    if (p.length !== d) throw new RangeError(`pending point ${i} has ${p.length} values, expected ${d}`);
  });
  const snap = input.snap ?? identity;
  const key = input.key ?? defaultKey;
  const isFeasible = input.isFeasible ?? always;

  const excludedKeys = new Set<string>();
  for (const x of input.X) excludedKeys.add(key(x));
  for (const x of pending) excludedKeys.add(key(x));

  const order = Array.from({ length: input.y.length }, (_, i) => i).sort((a, b) => input.y[a] - input.y[b] || a - b);
  const incumbents = order.slice(0, INCUMBENTS).map((i) => input.X[i]);

  let believed: BelievedModel = believeAll({ gp: model.gp, best: model.bestStandardised }, pending);
  const results: GpSuggestResult[] = [];
  for (let t = 0; t < q; t++) {
    const acquisition =
      options.acquisition === 'ucb' ? ucbAcquisition(options.ucbBeta ?? DEFAULT_UCB_BETA) : logEiAcquisition(believed.best);
    const optimum = optimizeAcquisition({
      gp: believed.gp,
      acquisition,
      snap,
      snapIsIdentity: input.snap === undefined,
      isFeasible,
      key,
      excludedKeys,
      incumbents,
      rng,
      rawCandidates: options.rawCandidates ?? (model.gp.n > LARGE_MODEL ? DEFAULT_RAW_CANDIDATES_LARGE : DEFAULT_RAW_CANDIDATES),
      localSearchStarts: options.localSearchStarts ?? DEFAULT_LOCAL_SEARCH_STARTS,
      localSearchIterations: options.localSearchIterations ?? DEFAULT_LOCAL_SEARCH_ITERATIONS,
    });
    if (!optimum) throw new Error('suggestGp found no feasible point: every candidate failed isFeasible');
    const p = believed.gp.predict(optimum.x);
    const std = Math.sqrt(Math.max(p.variance, MIN_VARIANCE));
    const logEi = logExpectedImprovement(p.mean, std, believed.best) + Math.log(model.yStd);
    results.push({ x: optimum.x, logEi, model: model.summary });
    excludedKeys.add(optimum.key);
    if (t + 1 < q) believed = believe(believed, optimum.x);
  }
  return results;
}
