// Samplers behind one interface (Optuna's shape: relative sampling with an independent fallback, read-only
// trial snapshots, JSON state): random, scrambled Sobol, multivariate TPE and the GP adapter, and the factory.
export type { JsonValue, RelativeSample, Sampler, SamplingContext, TrialSnapshot, TrialState } from './sampler';
export { RandomSampler, randomSampler, type RandomSamplerOptions } from './randomSampler';
export { SobolSampler, sobolSampler, type SobolSamplerOptions } from './sobolSampler';
export { GpSampler, gpSampler, type GpSamplerOptions } from './gpSampler';
export type { FailedTrialPolicy } from './gpTrainingData';
export { createSampler, SAMPLER_NAMES, type SamplerName, type SamplerSpec } from './createSampler';
export * from './tpe/index';
