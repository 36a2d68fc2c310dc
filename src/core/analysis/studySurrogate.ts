// The GP surrogate of a finished study, for the analysis views (posterior surface, partial dependence, robust
// optimum, GP relevance): the tuner's own Matérn-5/2 ARD GP (src/core/tuning/gp, Rasmussen & Williams 2006 ch. 2
// and 5) fitted on the complete trials in the space's unit-cube encoding (UnitCubeCodec: log parameters in log
// space, integers relaxed, categoricals one-hot), with predictions in objective units.
//
// Subsampling, as the GP sampler does: past `maxPoints` (default 500) complete trials the posterior is conditioned
// on the best quarter (in the objective's direction) plus a seeded uniform random subset of the rest, and the
// hyperparameters are fitted on 64 of those (see fitGaussianProcess.ts); `observationsUsed` and `subsampled` say so.
import { Rng } from '../random';
import type { ParamValue, ParamValues } from '../strategies/paramSpec';
import { buildGpModel, DEFAULT_MAX_OBSERVATIONS } from '../tuning/gp/fitGaussianProcess';
import type { GpModelSummary } from '../tuning/gp/types';
import { toUnit } from '../tuning/space/paramUnitScale';
import type { SearchSpace } from '../tuning/space/searchSpace';

const SQRT5 = Math.sqrt(5);

/** A trial as the analysis sees it: its parameters and its (first) objective value. */
export interface SurrogateTrial {
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly value: number;
}

export interface StudySurrogateInput {
  readonly space: SearchSpace;
  /** Complete trials only; values finite. At least one. */
  readonly trials: readonly SurrogateTrial[];
  readonly seed: number;
  /** The posterior is conditioned on at most this many trials (default 500). */
  readonly maxPoints?: number;
  /**
   * Which trials count as "best" when subsampling past maxPoints (the sampler keeps the best quarter). Default
   * 'maximize'. The fit itself does not depend on it.
   */
  readonly direction?: 'maximize' | 'minimize';
}

export interface StudySurrogate {
  /** The cube point of a full set of parameter values (validated by the space). */
  encode(params: ParamValues): Float64Array;
  /** The nearest valid parameter values of any cube point (integers rounded, categoricals by argmax). */
  decode(u: Float64Array): Readonly<Record<string, ParamValue>>;
  /** Posterior mean and sd of the latent objective (observation noise not included), in objective units. */
  predict(points: readonly Float64Array[]): { mean: Float64Array; sd: Float64Array };
  /** predict on `count` points stored row-major in `flat` (count × dims). */
  predictFlat(flat: Float64Array, count: number): { mean: Float64Array; sd: Float64Array };
  /** The posterior mean only, on `count` points stored row-major in `flat`: O(n·d) per point, no triangular solve. */
  predictMeanFlat(flat: Float64Array, count: number, out?: Float64Array): Float64Array;
  /** Fitted ARD length-scales, one per encoded dimension (unit-cube coordinates). */
  readonly lengthscales: Float64Array;
  /** The parameter (index in space.params) each encoded dimension belongs to. */
  readonly paramOfDim: number[];
  readonly dims: number;
  readonly space: SearchSpace;
  /** Every trial's cube point, in input order. */
  readonly points: readonly Float64Array[];
  /**
   * Every trial as one coordinate per PARAMETER (paramUnitScale's toUnit: log scale for log parameters, a
   * categorical's choice k of K at (k + 0.5)/K), in input order: the points to give fanovaImportance so that a
   * categorical is one variable rather than several one-hot ones (dims = space.params.length).
   */
  readonly paramPoints: readonly Float64Array[];
  /** Trials the posterior is conditioned on (<= maxPoints). */
  readonly observationsUsed: number;
  /** True when there were more trials than maxPoints. */
  readonly subsampled: boolean;
  readonly summary: GpModelSummary;
  /**
   * The conditioned GP's data for callers that evaluate the mean in bulk (posteriorSurface): the mean at x is
   * outputMean + outputScale·signalVariance·Σ_i alpha_i·m(r_i²), m the Matérn-5/2 correlation and
   * r_i² = Σ_c (X[i·dims + c] − x_c)²·inverseSquaredLengthscales[c]. Shared arrays: do not modify.
   */
  weights(): SurrogateWeights;
}

export interface SurrogateWeights {
  readonly X: Float64Array;
  readonly alpha: Float64Array;
  readonly n: number;
  readonly inverseSquaredLengthscales: Float64Array;
  readonly signalVariance: number;
  readonly outputMean: number;
  readonly outputScale: number;
}

/**
 * Fits the study's GP surrogate. Throws a RangeError naming the trial for parameters outside the space or a
 * non-finite value, and for an empty list.
 */
export function fitStudySurrogate(input: StudySurrogateInput): StudySurrogate {
  const { space, trials } = input;
  if (trials.length === 0) throw new RangeError('the surrogate needs at least one complete trial');
  const codec = space.codec;
  const d = codec.dimension;
  const points = trials.map((t, i) => {
    if (!Number.isFinite(t.value)) throw new RangeError(`trial ${i}: objective value ${t.value} is not finite`);
    try {
      return codec.encode(t.params);
    } catch (e) {
      throw new RangeError(`trial ${i}: ${(e as Error).message}`);
    }
  });
  const maxPoints = Math.max(1, Math.floor(input.maxPoints ?? DEFAULT_MAX_OBSERVATIONS));
  // buildGpModel keeps the smallest quarter when subsampling; for a maximised objective fit −value, and flip back.
  const sign = (input.direction ?? 'maximize') === 'maximize' ? -1 : 1;
  const y = Float64Array.from(trials, (t) => sign * t.value);
  const model = buildGpModel(points, y, { maxObservations: maxPoints }, new Rng(input.seed));
  const { gp, yMean, yStd } = model;
  const n = gp.n;
  const X = gp.X;
  const alpha = gp.alpha;
  const w = gp.kernelParams.inverseSquaredLengthscales;
  const s2 = gp.kernelParams.signalVariance;

  const paramOfDim: number[] = new Array<number>(d);
  space.params.forEach((p, i) => {
    const width = p.type === 'categorical' ? p.choices.length : 1;
    for (let k = 0; k < width; k++) paramOfDim[codec.offsets[i] + k] = i;
  });

  const checkFlat = (flat: Float64Array, count: number) => {
    if (flat.length < count * d) throw new RangeError(`${count} points need ${count * d} coordinates, got ${flat.length}`);
  };

  const predictFlat = (flat: Float64Array, count: number) => {
    checkFlat(flat, count);
    const mean = new Float64Array(count);
    const variance = new Float64Array(count);
    gp.predictMany(flat, count, mean, variance);
    const sd = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      mean[i] = sign * (yMean + yStd * mean[i]);
      sd[i] = yStd * Math.sqrt(variance[i]);
    }
    return { mean, sd };
  };

  const predictMeanFlat = (flat: Float64Array, count: number, out = new Float64Array(count)) => {
    checkFlat(flat, count);
    for (let p = 0, po = 0; p < count; p++, po += d) {
      let m = 0;
      for (let i = 0, o = 0; i < n; i++, o += d) {
        let r2 = 0;
        for (let c = 0; c < d; c++) {
          const t = X[o + c] - flat[po + c];
          r2 += t * t * w[c];
        }
        const r = Math.sqrt(r2);
        m += alpha[i] * (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
      }
      out[p] = sign * (yMean + yStd * s2 * m);
    }
    return out;
  };

  return {
    encode: (params) => codec.encode(params),
    decode: (u) => codec.decode(u),
    predict(pts) {
      const flat = new Float64Array(pts.length * d);
      pts.forEach((x, i) => {
        if (x.length !== d) throw new RangeError(`point ${i} has ${x.length} coordinates, expected ${d}`);
        flat.set(x, i * d);
      });
      return predictFlat(flat, pts.length);
    },
    predictFlat,
    predictMeanFlat,
    lengthscales: model.summary.lengthscales,
    paramOfDim,
    dims: d,
    space,
    points,
    paramPoints: trials.map((t) => {
      const internal = space.toInternal(t.params);
      return Float64Array.from(space.params, (p, i) => toUnit(p, internal[i]));
    }),
    observationsUsed: n,
    subsampled: trials.length > maxPoints,
    summary: model.summary,
    weights: () => ({ X, alpha, n, inverseSquaredLengthscales: w, signalVariance: s2, outputMean: sign * yMean, outputScale: sign * yStd }),
  };
}
