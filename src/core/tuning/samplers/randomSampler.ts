// Uniform random search: every parameter independently uniform on its own scale (log-uniform for log
// parameters, equal odds per grid value or choice). The baseline every other sampler must beat, and the
// independent fallback the study uses when a joint proposal cannot meet the constraints.
import { Rng } from '../../random/rng';
import type { ParamDistribution } from '../space/distribution';
import { fromUnit } from '../space/paramUnitScale';
import type { JsonValue, RelativeSample, Sampler, SamplingContext } from './sampler';
import { readRngState, readSamplerState } from './samplerState';

export interface RandomSamplerOptions {
  readonly seed: number;
}

/**
 * Independent uniform sampling (in each parameter's own scale) from a seeded Rng whose position is the whole
 * sampler state. Joint samplers built on it (TPE) inherit this as their independent fallback and their state.
 */
export class RandomSampler implements Sampler {
  readonly name: string = 'random';
  protected readonly rng: Rng;

  constructor(options: RandomSamplerOptions) {
    this.rng = new Rng(options.seed);
  }

  inferRelativeSpace(_context: SamplingContext): readonly string[] {
    return [];
  }

  sampleRelative(_context: SamplingContext, _relativeSpace: readonly string[]): RelativeSample {
    return {};
  }

  sampleIndependent(_context: SamplingContext, _name: string, distribution: ParamDistribution): number {
    return fromUnit(distribution, this.rng.nextFloat());
  }

  getState(): JsonValue {
    return { sampler: this.name, rng: this.rng.getState() };
  }

  setState(state: JsonValue): void {
    this.rng.setState(readRngState(readSamplerState(state, this.name), 'rng'));
  }
}

export function randomSampler(options: RandomSamplerOptions): RandomSampler {
  return new RandomSampler(options);
}
