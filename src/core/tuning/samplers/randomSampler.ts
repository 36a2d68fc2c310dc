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

export class RandomSampler implements Sampler {
  readonly name = 'random';
  private readonly rng: Rng;

  constructor(options: RandomSamplerOptions) {
    this.rng = new Rng(options.seed);
  }

  inferRelativeSpace(): readonly string[] {
    return [];
  }

  sampleRelative(): RelativeSample {
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
