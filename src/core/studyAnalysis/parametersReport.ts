// The parameters report in two steps: a draft from the GP surrogate and the random forest (importance, peak against
// robust optimum, the points to re-test, partial dependence), then the real backtests' values folded in.
import {
  fanovaImportance,
  fitStudySurrogate,
  gpRelevance,
  partialDependence,
  robustOptimum,
  sensitivityPoints,
  type StudySurrogate,
} from '../analysis';
import type { SearchSpace } from '../tuning';
import { chooseTrial } from './chooseTrial';
import type { AnalysedTrial, AnalysisObjective, AnalysisParams, StudyAnalysisOptions } from './types';

/** Trees of the fANOVA forest: enough for stable first-order shares on a few hundred trials (Hutter et al. use 10–30). */
const FANOVA_TREES = 24;
const PARTIAL_DEPENDENCE_POINTS = 40;

export interface ParametersInput {
  readonly space: SearchSpace;
  /** Complete trials; their params hold the tuned parameters only. */
  readonly trials: readonly AnalysedTrial[];
  /** Parameters the study fixed, merged into every point shown or backtested. */
  readonly fixed: AnalysisParams;
  readonly objectives: readonly AnalysisObjective[];
  readonly options: StudyAnalysisOptions;
}

export interface ParametersDraft {
  objective: AnalysisObjective;
  importance: { param: string; fanova: number; gpRelevance: number | null; lengthscale: number | null }[];
  peak: { trial: number; params: AnalysisParams; value: number; neighbourhoodValue: number };
  robust: { params: AnalysisParams; neighbourhoodValue: number; trial: number | null; neighbourhood: number; trialsInNeighbourhood: number };
  /** The chosen trial's parameters (fixed ones included), the base of the sensitivity moves. */
  base: AnalysisParams;
  /** Points to backtest, parameter by parameter, in order. */
  moves: { param: string; delta: number; params: AnalysisParams }[];
  partialDependence: { param: string; x: number[]; mean: number[]; lower: number[]; upper: number[] }[];
  notes: string[];
}

/**
 * Importance: first-order fANOVA shares on a random forest (Hutter, Hoos & Leyton-Brown 2014) beside the GP's ARD
 * relevance 1/ℓ (Rasmussen & Williams 2006, §5.1), both per parameter (see importanceOf for categoricals).
 * Peak against robust: the best trial's own neighbourhood score against the candidate with the best neighbourhood
 * average (robustOptimum). Sensitivity moves are around the chosen trial (options.trial, else the best). Partial
 * dependence (Friedman 2001) per numeric parameter from the GP.
 */
export function parametersDraft(input: ParametersInput): ParametersDraft {
  const { space, trials, fixed, objectives, options } = input;
  const objective = objectives[0];
  const notes: string[] = [];
  const finite = trials.filter((t) => Number.isFinite(t.values[0]));
  if (finite.length < 3) throw new Error(`the parameters analysis needs at least 3 complete trials with a finite ${objective.metric}, got ${finite.length}`);
  const chosenIndex = chooseTrial(finite, objective, options.trial);
  const chosen = finite[chosenIndex];
  const observed = finite.map((t) => ({ params: t.params, value: t.values[0] }));

  const surrogate = fitStudySurrogate({ space, trials: observed, seed: options.seed, direction: objective.direction });
  if (surrogate.subsampled) notes.push(`The GP is conditioned on ${surrogate.observationsUsed} of ${observed.length} trials (the best quarter and a random subset of the rest).`);
  const names = space.names;
  const importance = importanceOf(surrogate, space, observed, options.seed);

  const optimum = robustOptimum(surrogate, {
    trials: observed,
    direction: objective.direction,
    neighbourhood: options.neighbourhood,
    seed: options.seed,
  });
  const robustParams = { ...fixed, ...optimum.params };
  const same = finite.find((t) => names.every((n) => t.params[n] === optimum.params[n]));
  // The peak is the best trial as robustOptimum sees it (its index is into `observed`, i.e. into `finite`).
  const peakTrial = finite[optimum.peak.index];

  const points = sensitivityPoints(space, chosen.params);
  const moves = points.map((p) => ({ param: p.param, delta: p.delta, params: { ...fixed, ...p.params } }));
  for (const skip of points.skipped) notes.push(`Sensitivity ${skip.delta > 0 ? '+' : ''}${skip.delta * 100}% of ${skip.param} skipped: ${skip.reason}.`);

  const pd: ParametersDraft['partialDependence'] = [];
  for (const dist of space.params) {
    if (dist.type === 'categorical') continue;
    const curve = partialDependence(surrogate, dist.name, { points: PARTIAL_DEPENDENCE_POINTS, seed: options.seed });
    pd.push({ param: dist.name, x: Array.from(curve.x), mean: Array.from(curve.mean), lower: Array.from(curve.lower), upper: Array.from(curve.upper) });
  }
  if (finite.length < trials.length) notes.push(`${trials.length - finite.length} trial(s) without a finite ${objective.metric} were left out.`);

  return {
    objective,
    importance,
    peak: { trial: peakTrial.number, params: { ...fixed, ...peakTrial.params }, value: peakTrial.values[0], neighbourhoodValue: optimum.peak.neighbourhoodValue },
    robust: {
      params: robustParams,
      neighbourhoodValue: optimum.neighbourhoodValue,
      trial: same ? same.number : null,
      neighbourhood: options.neighbourhood,
      trialsInNeighbourhood: optimum.trialsInNeighbourhood,
    },
    base: { ...fixed, ...chosen.params },
    moves,
    partialDependence: pd,
    notes,
  };
}

/**
 * fANOVA on one coordinate per parameter (a categorical as (choice index + ½)/k, so the forest splits its choices
 * as one variable and its first-order share is the parameter's, not a sum over one-hot columns); GP relevance folded
 * per parameter by gpRelevance; the length-scale shown for a one-hot block is its equivalent 1/√(2·mean 1/ℓ²).
 */
function importanceOf(s: StudySurrogate, space: SearchSpace, observed: readonly { params: AnalysisParams; value: number }[], seed: number): ParametersDraft['importance'] {
  const P = space.params.length;
  const firstDim = space.params.map((_, p) => s.paramOfDim.indexOf(p));
  const points = observed.map((t) => {
    const u = s.encode(t.params);
    const x = new Float64Array(P);
    space.params.forEach((dist, p) => {
      x[p] = dist.type === 'categorical' ? (dist.choices.indexOf(t.params[dist.name]) + 0.5) / dist.choices.length : u[firstDim[p]];
    });
    return x;
  });
  const values = Float64Array.from(observed, (t) => t.value);
  const fanova = fanovaImportance({ points, values, dims: P, seed, trees: FANOVA_TREES });
  const relevance = gpRelevance(s.lengthscales, s.paramOfDim);
  return space.params.map((dist, p) => {
    let inverseSquares = 0;
    let width = 0;
    for (let d = 0; d < s.dims; d++) {
      if (s.paramOfDim[d] !== p) continue;
      inverseSquares += 1 / (s.lengthscales[d] * s.lengthscales[d]);
      width++;
    }
    const ell = width === 1 ? 1 / Math.sqrt(inverseSquares) : 1 / Math.sqrt((2 * inverseSquares) / width);
    const ok = Number.isFinite(relevance[p]) && Number.isFinite(ell);
    return { param: dist.name, fanova: Number.isFinite(fanova[p]) ? fanova[p] : 0, gpRelevance: ok ? relevance[p] : null, lengthscale: ok ? ell : null };
  });
}
