// The Gaussian-process sampler: a scrambled Sobol design for the first nStartup complete trials, then each
// proposal from the GP module (../gp: Matérn-5/2 GP, log EI, Kriging-believer batches) in the unit cube of the
// space's codec, which supplies snap (valid points only), isFeasible (the constraints, on decoded points) and
// key (dedup), with running trials as pending points. Several objectives: ParEGO (Knowles 2006), a fresh
// random weight vector per proposal. The last fitted hyperparameters warm-start the next fit and are part of
// the saved state, so a resumed study fits exactly as an uninterrupted one would.
import { Rng } from '../../random/rng';
import { randomSimplexWeights, suggestGp, suggestGpBatch, type GpHyperparameterValues, type GpSuggestOptions, type GpSuggestResult } from '../gp/index';
import type { Direction } from '../objectives/direction';
import type { ParamDistribution } from '../space/distribution';
import { fromUnit } from '../space/paramUnitScale';
import type { SearchSpace } from '../space/searchSpace';
import { SOBOL_MAX_DIMENSION } from '../sobol/joeKuoDirectionNumbers';
import type { SobolSequence } from '../sobol/sobolSequence';
import { gpTrainingData, type FailedTrialPolicy } from './gpTrainingData';
import type { JsonValue, RelativeSample, Sampler, SamplingContext } from './sampler';
import { readCount, readRngState, readSamplerState, type StateObject } from './samplerState';
import { nextFeasibleSobolPoint, sobolDesign } from './sobolDesign';

export interface GpSamplerOptions {
  readonly seed: number;
  /** Complete trials taken from the Sobol design before the GP takes over (default 10, at least 1). */
  readonly nStartup?: number;
  /** How failed trials enter the GP (default 'ignore'). */
  readonly failedTrials?: FailedTrialPolicy;
  /** Passed to suggestGp (candidates, restarts, maxObservations, ...). */
  readonly gp?: GpSuggestOptions;
}

export class GpSampler implements Sampler {
  readonly name = 'gp';
  readonly nStartup: number;
  readonly failedTrials: FailedTrialPolicy;
  private readonly gpOptions: GpSuggestOptions;
  private seed: number;
  private sobolIndex = 0;
  private sequence: SobolSequence | null = null;
  private warmStart: GpHyperparameterValues | null = null;
  private readonly rng: Rng;

  constructor(options: GpSamplerOptions) {
    this.seed = options.seed;
    this.rng = new Rng(options.seed);
    this.nStartup = Math.max(1, options.nStartup ?? 10);
    if (!Number.isInteger(this.nStartup)) throw new RangeError(`GP nStartup must be an integer, not ${options.nStartup}`);
    this.failedTrials = options.failedTrials ?? 'ignore';
    if (this.failedTrials !== 'ignore' && this.failedTrials !== 'worst') throw new RangeError(`GP failedTrials must be 'ignore' or 'worst', not ${String(this.failedTrials)}`);
    this.gpOptions = options.gp ?? {};
  }

  check(space: SearchSpace, _directions: readonly Direction[]): void {
    if (space.params.length > SOBOL_MAX_DIMENSION) {
      throw new Error(`the GP sampler's Sobol design handles up to ${SOBOL_MAX_DIMENSION} parameters, this space has ${space.params.length}; use the TPE sampler`);
    }
  }

  inferRelativeSpace(context: SamplingContext): readonly string[] {
    return context.space.names;
  }

  sampleRelative(context: SamplingContext, relativeSpace: readonly string[]): RelativeSample {
    return this.sampleRelativeBatch(context, relativeSpace, 1)[0] ?? {};
  }

  sampleRelativeBatch(context: SamplingContext, _relativeSpace: readonly string[], q: number): RelativeSample[] {
    const complete = context.trials.filter((t) => t.state === 'complete').length;
    if (complete < this.nStartup) return Array.from({ length: q }, () => this.sobolPoint(context.space));
    const results = context.directions.length === 1 ? this.suggestSingle(context, q) : this.suggestParEgo(context, q);
    this.warmStart = results[results.length - 1].model;
    return results.map((r) => named(context.space, context.space.codec.decodeInternal(r.x)));
  }

  sampleIndependent(_context: SamplingContext, _name: string, distribution: ParamDistribution): number {
    return fromUnit(distribution, this.rng.nextFloat());
  }

  getState(): JsonValue {
    const warm = this.warmStart;
    return {
      sampler: this.name,
      seed: this.seed,
      sobolIndex: this.sobolIndex,
      rng: this.rng.getState(),
      warmStart: warm === null ? null : { lengthscales: Array.from(warm.lengthscales), signalVariance: warm.signalVariance, noiseVariance: warm.noiseVariance },
    };
  }

  setState(state: JsonValue): void {
    const s = readSamplerState(state, this.name);
    if (typeof s.seed !== 'number' || !Number.isSafeInteger(s.seed)) throw new Error("gp sampler state field 'seed' must be an integer");
    const warmStart = readWarmStart(s);
    this.rng.setState(readRngState(s, 'rng'));
    this.seed = s.seed;
    this.sobolIndex = readCount(s, 'sobolIndex');
    this.warmStart = warmStart;
    this.sequence = null;
  }

  private sobolPoint(space: SearchSpace): RelativeSample {
    if (this.sequence === null || this.sequence.dimension !== space.params.length) this.sequence = sobolDesign(space, this.seed, this.sobolIndex);
    const internal = nextFeasibleSobolPoint(this.sequence, space);
    this.sobolIndex = this.sequence.index;
    return internal === null ? {} : named(space, internal);
  }

  private input(context: SamplingContext, weights: Float64Array | null, extraPending: readonly Float64Array[] = []) {
    const { space } = context;
    const data = gpTrainingData(space, context.directions, context.trials, this.failedTrials, weights);
    const codec = space.codec;
    return {
      X: data.X,
      y: data.y,
      pending: [...data.pending, ...extraPending],
      snap: (x: Float64Array) => codec.snap(x),
      isFeasible: (x: Float64Array) => space.isFeasibleInternal(codec.decodeInternal(x)),
      key: (x: Float64Array) => codec.keyOfCube(x),
      rng: this.rng,
      options: this.warmStart?.lengthscales.length === codec.dimension ? { warmStart: this.warmStart, ...this.gpOptions } : this.gpOptions,
    };
  }

  private suggestSingle(context: SamplingContext, q: number): GpSuggestResult[] {
    const input = this.input(context, null);
    return q === 1 ? [suggestGp(input)] : suggestGpBatch(input, q);
  }

  // ParEGO needs new weights per proposal, hence one fit per batch member; earlier members become pending.
  private suggestParEgo(context: SamplingContext, q: number): GpSuggestResult[] {
    const out: GpSuggestResult[] = [];
    for (let i = 0; i < q; i++) {
      const weights = randomSimplexWeights(context.directions.length, this.rng);
      out.push(suggestGp(this.input(context, weights, out.map((r) => r.x))));
    }
    return out;
  }
}

export function gpSampler(options: GpSamplerOptions): GpSampler {
  return new GpSampler(options);
}

function named(space: SearchSpace, internal: readonly number[]): RelativeSample {
  return Object.fromEntries(space.params.map((p, i) => [p.name, internal[i]]));
}

function readWarmStart(s: StateObject): GpHyperparameterValues | null {
  const w = s.warmStart;
  if (w === null || w === undefined) return null;
  const ok =
    typeof w === 'object' &&
    !Array.isArray(w) &&
    Array.isArray(w.lengthscales) &&
    w.lengthscales.every((x) => typeof x === 'number') &&
    typeof w.signalVariance === 'number' &&
    typeof w.noiseVariance === 'number';
  if (!ok) throw new Error("gp sampler state field 'warmStart' must be null or { lengthscales: number[], signalVariance, noiseVariance }");
  return { lengthscales: Float64Array.from(w.lengthscales as number[]), signalVariance: w.signalVariance as number, noiseVariance: w.noiseVariance as number };
}
