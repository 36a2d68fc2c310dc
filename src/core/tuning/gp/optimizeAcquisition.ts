// Maximises an acquisition function over the valid points of [0,1]^d, the way Optuna's _gp/optim_mixed.py and
// BoTorch's optimize_acqf do it: score many cheap raw candidates, then refine the best few locally.
//   1. Raw candidates: a randomly shifted R_d quasi-random set (quasiRandom.ts) plus Gaussian perturbations of the
//      best observed points at three scales, all snapped to valid points and scored in one batched pass of the
//      posterior. Keys and feasibility are only computed for the candidates that are actually considered (best
//      first), since user callbacks can cost more than the scoring.
//   2. Local refinement of the `localSearchStarts` best feasible, distinct, spread-out candidates: projected L-BFGS
//      (boxLbfgs.ts) on the acquisition of the continuous relaxation in [0,1]^d with analytic gradients; the end
//      point is snapped and scored there.
//   3. When a snap function is given (integer or categorical dimensions), a coordinate pattern search that moves
//      and scores only snapped points polishes the two best new points, since rounding a continuous optimum need
//      not give the best valid neighbour.
//   4. The best-scoring feasible point whose key is not excluded (observed, pending, already proposed) wins; if all
//      are excluded, the best excluded one is returned and flagged.
// Every score is taken at a snapped point, so the value returned is the acquisition of the point returned.
// Reference for the raw-candidate + gradient scheme: M. Balandat et al., "BoTorch: A Framework for Efficient
// Monte-Carlo Bayesian Optimization" (NeurIPS 2020), §D (initial conditions and multi-start optimisation).

import type { Acquisition } from './acquisition';
import { minimizeBox } from './boxLbfgs';
import type { GaussianProcess } from './gaussianProcess';
import { shiftedRdSequence } from './quasiRandom';

/** Standard deviations (unit-cube coordinates) of the perturbations of the best observed points. */
const PERTURBATION_SCALES = [0.01, 0.05, 0.2];
/** Share of the raw candidates spent on perturbations of the best points. */
const PERTURBATION_SHARE = 0.25;
const PATTERN_STEPS = [0.2, 0.1, 0.05, 0.025];
const PATTERN_MAX_EVALUATIONS = 80;
const POLISHED_POINTS = 2;
/** Minimum scaled distance (in length-scales) between local-search starts, while enough candidates remain. */
const START_SEPARATION = 0.5;
/** Extra rounds of quasi-random candidates tried when no raw candidate is feasible. */
const FEASIBILITY_ROUNDS = 8;

export interface AcquisitionProblem {
  readonly gp: GaussianProcess;
  readonly acquisition: Acquisition;
  readonly snap: (x: Float64Array) => Float64Array;
  /** Whether `snap` is a real projection (run the snapped pattern search) or the identity. */
  readonly snapIsIdentity: boolean;
  readonly isFeasible: (x: Float64Array) => boolean;
  readonly key: (x: Float64Array) => string;
  /** Keys of observed, pending and already-proposed points: proposed only when nothing else is found. */
  readonly excludedKeys: ReadonlySet<string>;
  /** The best observed points, best first, to perturb. */
  readonly incumbents: readonly Float64Array[];
  readonly rng: { nextFloat(): number; normal(): number };
  readonly rawCandidates: number;
  readonly localSearchStarts: number;
  readonly localSearchIterations: number;
}

export interface AcquisitionOptimum {
  /** Snapped, feasible point. */
  readonly x: Float64Array;
  readonly key: string;
  /** Acquisition value at x. */
  readonly value: number;
  /** True when every point found was excluded (observed, pending or already proposed) and this is the best of them. */
  readonly duplicate: boolean;
}

interface Candidate {
  readonly x: Float64Array;
  readonly value: number;
  key?: string;
  feasible?: boolean;
}

/** The best valid point found, or undefined when no feasible point was found at all. */
export function optimizeAcquisition(problem: AcquisitionProblem): AcquisitionOptimum | undefined {
  const { gp, acquisition, rng } = problem;
  const d = gp.d;
  const keyOf = (c: Candidate): string => (c.key ??= problem.key(c.x));
  const feasibleOf = (c: Candidate): boolean => (c.feasible ??= problem.isFeasible(c.x));
  const scoreOne = (x: Float64Array): Candidate => {
    const p = gp.predict(x);
    return { x, value: finiteOrWorst(acquisition.value(p.mean, p.variance)) };
  };
  const byValue = (a: Candidate, b: Candidate) => b.value - a.value;

  // 1. Raw candidates, scored in one batch.
  const total = Math.max(1, Math.floor(problem.rawCandidates));
  const perturbCount = problem.incumbents.length > 0 ? Math.floor(total * PERTURBATION_SHARE) : 0;
  const raw = new Float64Array(total * d);
  raw.set(shiftedRdSequence(total - perturbCount, d, rng));
  const k = problem.incumbents.length;
  for (let i = 0; i < perturbCount; i++) {
    const base = problem.incumbents[i % k];
    const scale = PERTURBATION_SCALES[Math.floor(i / k) % PERTURBATION_SCALES.length];
    const o = (total - perturbCount + i) * d;
    for (let j = 0; j < d; j++) raw[o + j] = Math.min(1, Math.max(0, base[j] + scale * rng.normal()));
  }
  let candidates = scoreBatch(problem, raw, total).sort(byValue);

  // 2. Gradient refinement of the best few feasible, distinct candidates, in the continuous relaxation.
  const wanted = problem.localSearchIterations >= 1 ? Math.max(0, Math.floor(problem.localSearchStarts)) : 0;
  const starts = chooseStarts(candidates, wanted, gp.kernelParams.inverseSquaredLengthscales, keyOf, feasibleOf);
  const lower = new Float64Array(d);
  const upper = new Float64Array(d).fill(1);
  const gradMean = new Float64Array(d);
  const gradVariance = new Float64Array(d);
  const partial = new Float64Array(2);
  const negativeAcquisition = (x: Float64Array, grad: Float64Array): number => {
    const p = gp.predictWithGradient(x, gradMean, gradVariance);
    const value = acquisition.valueAndGradient(p.mean, p.variance, partial);
    for (let j = 0; j < d; j++) grad[j] = -(partial[0] * gradMean[j] + partial[1] * gradVariance[j]);
    return Number.isFinite(value) ? -value : Infinity;
  };
  const found: Candidate[] = [];
  for (const start of starts) {
    const result = minimizeBox(negativeAcquisition, start.x, lower, upper, {
      maxIterations: Math.floor(problem.localSearchIterations),
      maxStep: 0.2,
      gradientTolerance: 1e-9,
      relativeTolerance: 1e-10,
    });
    found.push(scoreOne(problem.snap(result.x)));
  }

  // 3. Snapped pattern search for mixed spaces, from the best feasible, non-excluded points so far.
  if (!problem.snapIsIdentity) {
    const polishFrom: Candidate[] = [];
    for (const c of [...found, ...starts].sort(byValue)) {
      if (polishFrom.length >= POLISHED_POINTS) break;
      if (feasibleOf(c) && !problem.excludedKeys.has(keyOf(c)) && !polishFrom.some((p) => keyOf(p) === keyOf(c))) polishFrom.push(c);
    }
    for (const start of polishFrom) found.push(patternSearch(start, problem, scoreOne, keyOf, feasibleOf));
  }

  // 4. Choose.
  candidates = mergeSorted(candidates, found.sort(byValue));
  let chosen = pick(candidates, problem, keyOf, feasibleOf);
  for (let round = 0; !chosen && round < FEASIBILITY_ROUNDS; round++) {
    // Nothing feasible yet: score more quasi-random points.
    chosen = pick(scoreBatch(problem, shiftedRdSequence(total, d, rng), total).sort(byValue), problem, keyOf, feasibleOf);
  }
  return chosen;
}

/**
 * Up to `wanted` feasible, distinct starting points, best first, spread out: a candidate closer than
 * START_SEPARATION length-scales (the kernel's scaled distance) to an earlier start is skipped while others remain,
 * since neighbouring starts climb the same hill. Falls back to the skipped ones when too few are far apart.
 */
function chooseStarts(
  sorted: readonly Candidate[],
  wanted: number,
  inverseSquaredLengthscales: Float64Array,
  keyOf: (c: Candidate) => string,
  feasibleOf: (c: Candidate) => boolean,
): Candidate[] {
  const starts: Candidate[] = [];
  const skipped: Candidate[] = [];
  const keys = new Set<string>();
  const d = inverseSquaredLengthscales.length;
  const separation2 = START_SEPARATION * START_SEPARATION;
  for (const c of sorted) {
    if (starts.length >= wanted) break;
    if (!feasibleOf(c) || keys.has(keyOf(c))) continue;
    const near = starts.some((s) => {
      let r2 = 0;
      for (let j = 0; j < d; j++) r2 += (s.x[j] - c.x[j]) ** 2 * inverseSquaredLengthscales[j];
      return r2 < separation2;
    });
    if (near) {
      if (skipped.length < wanted) skipped.push(c);
      continue;
    }
    keys.add(keyOf(c));
    starts.push(c);
  }
  for (const c of skipped) {
    if (starts.length >= wanted) break;
    if (keys.has(keyOf(c))) continue;
    keys.add(keyOf(c));
    starts.push(c);
  }
  return starts;
}

/** Snaps `count` points (flat) and scores them with the blocked batch prediction. */
function scoreBatch(problem: AcquisitionProblem, raw: Float64Array, count: number): Candidate[] {
  const { gp, acquisition } = problem;
  const d = gp.d;
  const snapped = new Float64Array(count * d);
  const points: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const x = problem.snapIsIdentity ? raw.slice(i * d, (i + 1) * d) : problem.snap(raw.subarray(i * d, (i + 1) * d));
    snapped.set(x, i * d);
    points.push(x);
  }
  const mean = new Float64Array(count);
  const variance = new Float64Array(count);
  gp.predictMany(snapped, count, mean, variance);
  return points.map((x, i) => ({ x, value: finiteOrWorst(acquisition.value(mean[i], variance[i])) }));
}

/** NaN (which would break sorting) ranks last; ±Infinity are kept. */
function finiteOrWorst(value: number): number {
  return Number.isNaN(value) ? -Infinity : value;
}

/** Merges two lists sorted by decreasing value (stable: ties keep `a` first). */
function mergeSorted(a: Candidate[], b: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && !(b[j].value > a[i].value))) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** The first feasible candidate (best first) whose key is not excluded, else the first feasible one, else undefined. */
function pick(
  sorted: readonly Candidate[],
  problem: AcquisitionProblem,
  keyOf: (c: Candidate) => string,
  feasibleOf: (c: Candidate) => boolean,
): AcquisitionOptimum | undefined {
  let fallback: Candidate | undefined;
  for (const c of sorted) {
    if (!feasibleOf(c)) continue;
    if (!problem.excludedKeys.has(keyOf(c))) return { x: c.x, key: keyOf(c), value: c.value, duplicate: false };
    fallback ??= c;
  }
  return fallback && { x: fallback.x, key: keyOf(fallback), value: fallback.value, duplicate: true };
}

/**
 * Coordinate pattern search over snapped points: from the start, try ±step along each axis (snapped), move to the
 * first feasible, non-excluded improvement, halve the step when a sweep finds none. Steps smaller than an integer
 * grid's spacing snap back to a known point and cost nothing (scores are cached by key).
 */
function patternSearch(
  start: Candidate,
  problem: AcquisitionProblem,
  scoreOne: (x: Float64Array) => Candidate,
  keyOf: (c: Candidate) => string,
  feasibleOf: (c: Candidate) => boolean,
): Candidate {
  const d = start.x.length;
  const seen = new Map<string, Candidate>([[keyOf(start), start]]);
  let current = start;
  let evaluations = 0;
  for (const step of PATTERN_STEPS) {
    let improved = true;
    while (improved && evaluations < PATTERN_MAX_EVALUATIONS) {
      improved = false;
      for (let j = 0; j < d && !improved; j++) {
        for (const sign of [1, -1]) {
          const trial = Float64Array.from(current.x);
          trial[j] = Math.min(1, Math.max(0, trial[j] + sign * step));
          const x = problem.snap(trial);
          const key = problem.key(x);
          let c = seen.get(key);
          if (!c) {
            c = scoreOne(x);
            c.key = key;
            seen.set(key, c);
            evaluations++;
          }
          if (c.value > current.value && feasibleOf(c) && !problem.excludedKeys.has(key)) {
            current = c;
            improved = true;
            break;
          }
        }
      }
    }
  }
  return current;
}
