// A robust choice of parameters: the point whose whole neighbourhood performs best, not the single best trial.
// The idea is robust (min-max or expected) optimisation under input perturbation: Beyer & Sendhoff, "Robust
// optimization – A comprehensive survey", Comput. Methods Appl. Mech. Engrg. 196 (2007) (the expectation measure:
// the objective averaged over a uniform perturbation of the design), with the GP surrogate standing in for the
// objective as in the surrogate-assisted robust optimisation that survey reviews.
//
// Candidates: every complete trial plus `candidates` scrambled Sobol points (uniform past 51 dimensions) (snapped to valid values, constraint
// breakers dropped). A candidate's neighbourhood is the box of half-width h (`neighbourhood`, unit-cube coordinates,
// i.e. a fraction of each numeric parameter's range, log scale for log parameters) around it, clipped to the cube,
// with the categoricals kept at the candidate's choices. Its score blends two estimates of the box average:
//   - the GP posterior mean averaged over `samples` quasi-random points of the box (the same Sobol pattern scaled
//     into every box, so candidates are compared on common points);
//   - the observed values of the k trials inside the box;
// weighted by counts: score = (S·GP average + Σ observed) / (S + k), each trial counting as much as one GP point.
// Where trials are dense the real backtests carry more weight; where there are none the GP speaks alone.
// To save time every candidate is first scored on 8 GP points and only the best tenth (at least 16, plus the peak
// trial) on all of them; the reported scores are the full ones.
import type { ParamValue } from '../strategies/paramSpec';
import { Rng } from '../random';
import { SOBOL_MAX_DIMENSION } from '../tuning/sobol/joeKuoDirectionNumbers';
import { SobolSequence } from '../tuning/sobol/sobolSequence';
import type { StudySurrogate, SurrogateTrial } from './studySurrogate';

export interface RobustOptimumInput {
  /** The study's complete trials (finite values), the candidates and the observed part of each box. */
  readonly trials: readonly SurrogateTrial[];
  readonly direction: 'maximize' | 'minimize';
  /** Box half-width in unit-cube coordinates, in (0, 0.5]. */
  readonly neighbourhood: number;
  readonly seed: number;
  /** GP points per box (default 64). */
  readonly samples?: number;
  /** Sobol candidates besides the trials (default 256). */
  readonly candidates?: number;
}

export interface RobustOptimum {
  /** The robust choice, decoded (integers rounded, categoricals kept). */
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly neighbourhoodValue: number;
  readonly trialsInNeighbourhood: number;
  /** Index into `trials` when the robust choice is one of them, else null. */
  readonly trialIndex: number | null;
  /** The best trial by value (`index` into `trials`) and its own neighbourhood score, for comparison. */
  readonly peak: { readonly index: number; readonly neighbourhoodValue: number; readonly trialsInNeighbourhood: number };
}

export const DEFAULT_ROBUST_SAMPLES = 64;
export const DEFAULT_ROBUST_CANDIDATES = 256;
const SCREEN_SAMPLES = 8;
const SCREEN_KEEP = 0.1;
const SCREEN_MIN = 16;

export function robustOptimum(s: StudySurrogate, input: RobustOptimumInput): RobustOptimum {
  const { trials, direction } = input;
  const h = input.neighbourhood;
  if (!(h > 0 && h <= 0.5)) throw new RangeError(`robust optimum: neighbourhood must be in (0, 0.5], not ${h}`);
  if (direction !== 'maximize' && direction !== 'minimize') throw new RangeError(`robust optimum: direction must be 'maximize' or 'minimize', not ${String(direction)}`);
  if (trials.length === 0) throw new RangeError('robust optimum: no complete trials');
  const samples = Math.max(1, Math.floor(input.samples ?? DEFAULT_ROBUST_SAMPLES));
  const extra = Math.max(0, Math.floor(input.candidates ?? DEFAULT_ROBUST_CANDIDATES));
  const { space, dims: d } = s;
  const codec = space.codec;
  const numericDims: number[] = [];
  space.params.forEach((p, i) => {
    if (p.type !== 'categorical') numericDims.push(codec.offsets[i]);
  });
  const categoricalDims: number[] = [];
  for (let c = 0; c < d; c++) if (!numericDims.includes(c)) categoricalDims.push(c);

  const trialPoints: Float64Array[] = trials.map((t, i) => {
    if (!Number.isFinite(t.value)) throw new RangeError(`robust optimum: trial ${i} has objective value ${t.value}`);
    try {
      return s.encode(t.params);
    } catch (e) {
      throw new RangeError(`robust optimum: trial ${i}: ${(e as Error).message}`);
    }
  });
  const values = Float64Array.from(trials, (t) => t.value);
  const better = (a: number, b: number) => (direction === 'maximize' ? a > b : a < b);

  // Candidates: the trials, then valid, feasible, new Sobol points.
  const candidates: Float64Array[] = [...trialPoints];
  const seen = new Set(trialPoints.map((x) => codec.keyOfCube(x)));
  if (extra > 0) {
    const next = quasiRandom(d, input.seed);
    for (let k = 0; k < extra; k++) {
      const internal = codec.decodeInternal(next());
      const key = codec.keyInternal(internal);
      if (seen.has(key) || !space.isFeasibleInternal(internal)) continue;
      seen.add(key);
      candidates.push(codec.encodeInternal(internal));
    }
  }

  // The perturbation pattern in [0, 1)^k, k = numeric dimensions, shared by every box.
  const k = numericDims.length;
  const pattern = new Float64Array(samples * Math.max(1, k));
  if (k > 0) {
    const next = quasiRandom(k, input.seed + 1);
    for (let i = 0; i < samples; i++) pattern.set(next(), i * k);
  }

  // Each candidate's observed part: the trials inside its box.
  const m = candidates.length;
  const obsSum = new Float64Array(m);
  const inside = new Int32Array(m);
  for (let c = 0; c < m; c++) {
    for (let t = 0; t < trialPoints.length; t++) {
      if (inBox(trialPoints[t], candidates[c], h, numericDims, categoricalDims)) {
        obsSum[c] += values[t];
        inside[c]++;
      }
    }
  }
  const flat = new Float64Array(samples * d);
  const lo = new Float64Array(d);
  const hi = new Float64Array(d);
  /** The blended box average of candidate c with the first `count` GP points of the pattern. */
  const score = (c: number, count: number): number => {
    const x = candidates[c];
    for (const dim of numericDims) {
      lo[dim] = Math.max(0, x[dim] - h);
      hi[dim] = Math.min(1, x[dim] + h);
    }
    for (let i = 0; i < count; i++) {
      const o = i * d;
      flat.set(x, o);
      for (let q = 0; q < k; q++) {
        const dim = numericDims[q];
        flat[o + dim] = lo[dim] + (hi[dim] - lo[dim]) * pattern[i * k + q];
      }
    }
    const gp = s.predictMeanFlat(flat, count);
    let gpSum = 0;
    for (let i = 0; i < count; i++) gpSum += gp[i];
    return (gpSum + obsSum[c]) / (count + inside[c]);
  };

  // Screening: every candidate on the first SCREEN_SAMPLES pattern points (a balanced Sobol prefix); the best
  // SCREEN_KEEP share (at least SCREEN_MIN) then on all `samples`. The GP mean costs O(n·d) per point, and at 500
  // trials, 750 candidates and 64 points per box the single-stage version took ~0.8 s of CPU.
  let peak = 0;
  for (let t = 1; t < trials.length; t++) if (better(values[t], values[peak])) peak = t;
  const screenSamples = Math.min(samples, SCREEN_SAMPLES);
  const rough = Float64Array.from({ length: m }, (_, c) => score(c, screenSamples));
  const order = Array.from({ length: m }, (_, c) => c).sort((a, b) => (better(rough[a], rough[b]) ? -1 : better(rough[b], rough[a]) ? 1 : a - b));
  const finalists = new Set(order.slice(0, Math.max(SCREEN_MIN, Math.ceil(SCREEN_KEEP * m))));
  finalists.add(peak);
  const scores = new Map<number, number>();
  for (const c of finalists) scores.set(c, samples === screenSamples ? rough[c] : score(c, samples));
  let best = -1;
  for (const c of [...finalists].sort((a, b) => a - b)) if (best < 0 || better(scores.get(c)!, scores.get(best)!)) best = c;
  return {
    params: s.decode(candidates[best]),
    neighbourhoodValue: scores.get(best)!,
    trialsInNeighbourhood: inside[best],
    trialIndex: best < trials.length ? best : null,
    peak: { index: peak, neighbourhoodValue: scores.get(peak)!, trialsInNeighbourhood: inside[peak] },
  };
}

/** Scrambled Sobol points, or seeded uniform ones past the bundled direction numbers' dimension limit. */
function quasiRandom(d: number, seed: number): () => Float64Array {
  if (d <= SOBOL_MAX_DIMENSION) {
    const seq = new SobolSequence({ dimension: d, seed });
    return () => seq.next();
  }
  const rng = new Rng(seed);
  return () => Float64Array.from({ length: d }, () => rng.nextFloat());
}

/** True when trial point t lies in the box of half-width h around x (clipping to the cube changes nothing here). */
function inBox(t: Float64Array, x: Float64Array, h: number, numericDims: readonly number[], categoricalDims: readonly number[]): boolean {
  for (const dim of numericDims) if (Math.abs(t[dim] - x[dim]) > h) return false;
  for (const dim of categoricalDims) if (t[dim] !== x[dim]) return false;
  return true;
}
