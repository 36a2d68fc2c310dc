// Turns what a caller writes in createStudy's `sampler` field ('tpe', { name: 'gp', nStartup: 20 } or a
// ready Sampler object) into a Sampler, seeding the named ones with the study's seed.
import { GpSampler, type GpSamplerOptions } from './gpSampler';
import { RandomSampler } from './randomSampler';
import type { Sampler } from './sampler';
import { SobolSampler } from './sobolSampler';
import { TpeSampler } from './tpe/tpeSampler';
import type { TpeOptions } from './tpe/tpeOptions';

export type SamplerName = 'random' | 'sobol' | 'tpe' | 'gp';

type WithoutSeed<T> = Omit<T, 'seed'>;

export type SamplerSpec =
  | SamplerName
  | { readonly name: 'random' }
  | { readonly name: 'sobol' }
  | ({ readonly name: 'tpe' } & WithoutSeed<TpeOptions>)
  | ({ readonly name: 'gp' } & WithoutSeed<GpSamplerOptions>)
  | Sampler;

export const SAMPLER_NAMES: readonly SamplerName[] = Object.freeze(['random', 'sobol', 'tpe', 'gp']);

/** A Sampler object is returned as is; a name or options object builds a new sampler seeded with `seed`. */
export function createSampler(spec: SamplerSpec, seed: number): Sampler {
  if (typeof spec === 'object' && spec !== null && typeof (spec as Sampler).sampleIndependent === 'function') return spec as Sampler;
  const { name, ...options } = typeof spec === 'string' ? { name: spec } : (spec as { name: string });
  switch (name) {
    case 'random':
      return new RandomSampler({ seed });
    case 'sobol':
      return new SobolSampler({ seed });
    case 'tpe':
      return new TpeSampler({ ...(options as WithoutSeed<TpeOptions>), seed });
    case 'gp':
      return new GpSampler({ ...(options as WithoutSeed<GpSamplerOptions>), seed });
    default:
      throw new Error(`unknown sampler ${JSON.stringify(name)}; use one of ${SAMPLER_NAMES.join(', ')} or a Sampler object`);
  }
}
