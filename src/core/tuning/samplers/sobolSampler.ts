// Quasi-random search: trial after trial walks a scrambled Sobol sequence (see ../sobol), which covers the
// space more evenly than random points (Bergstra & Bengio 2012, "Random search for hyper-parameter
// optimization", JMLR 13, section 5). Points breaking a constraint are skipped, so the design covers the
// feasible region; a repeat on a coarse grid is skipped by the study's dedup.
import { Rng } from '../../random/rng';
import type { Direction } from '../objectives/direction';
import type { ParamDistribution } from '../space/distribution';
import { fromUnit } from '../space/paramUnitScale';
import type { SearchSpace } from '../space/searchSpace';
import { SOBOL_MAX_DIMENSION } from '../sobol/joeKuoDirectionNumbers';
import type { SobolSequence } from '../sobol/sobolSequence';
import type { JsonValue, RelativeSample, Sampler, SamplingContext } from './sampler';
import { readCount, readRngState, readSamplerState } from './samplerState';
import { nextFeasibleSobolPoint, sobolDesign } from './sobolDesign';

export interface SobolSamplerOptions {
  /** Seeds the scrambling (and the independent fallback). */
  readonly seed: number;
}

export class SobolSampler implements Sampler {
  readonly name = 'sobol';
  private seed: number;
  private index = 0;
  private sequence: SobolSequence | null = null;
  // For the rare independent fallback (a constraint the Sobol points keep missing).
  private readonly rng: Rng;

  constructor(options: SobolSamplerOptions) {
    this.seed = options.seed;
    this.rng = new Rng(options.seed);
  }

  check(space: SearchSpace, _directions: readonly Direction[]): void {
    if (space.params.length > SOBOL_MAX_DIMENSION) {
      throw new Error(`the Sobol sampler handles up to ${SOBOL_MAX_DIMENSION} parameters, this space has ${space.params.length}; use the random or TPE sampler`);
    }
  }

  inferRelativeSpace(context: SamplingContext): readonly string[] {
    return context.space.names;
  }

  sampleRelative(context: SamplingContext): RelativeSample {
    const space = context.space;
    if (this.sequence === null || this.sequence.dimension !== space.params.length) this.sequence = sobolDesign(space, this.seed, this.index);
    const internal = nextFeasibleSobolPoint(this.sequence, space);
    this.index = this.sequence.index;
    if (internal === null) return {};
    return Object.fromEntries(space.params.map((p, i) => [p.name, internal[i]]));
  }

  sampleIndependent(_context: SamplingContext, _name: string, distribution: ParamDistribution): number {
    return fromUnit(distribution, this.rng.nextFloat());
  }

  getState(): JsonValue {
    return { sampler: this.name, seed: this.seed, index: this.index, rng: this.rng.getState() };
  }

  setState(state: JsonValue): void {
    const s = readSamplerState(state, this.name);
    const seed = s.seed;
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) throw new Error('sobol sampler state field \'seed\' must be an integer');
    this.seed = seed;
    this.index = readCount(s, 'index');
    this.rng.setState(readRngState(s, 'rng'));
    this.sequence = null;
  }
}

export function sobolSampler(options: SobolSamplerOptions): SobolSampler {
  return new SobolSampler(options);
}
