// Gaussian-process Bayesian optimisation numerics (pure TypeScript): Matérn-5/2 ARD GP regression with MAP
// hyperparameters, log expected improvement, acquisition optimisation over snapped points, Kriging-believer batches
// and ParEGO scalarisation. The GP sampler adapter in src/core/tuning calls suggestGp / suggestGpBatch.
export type {
  FitOptions,
  FittedGp,
  GpHyperparameterValues,
  GpModelSummary,
  GpRng,
  GpSuggestInput,
  GpSuggestOptions,
  GpSuggestResult,
} from './types';
export { suggestGp, suggestGpBatch } from './suggest';
export { fitGaussianProcess } from './fitGaussianProcess';
export { logExpectedImprovement } from './acquisition';
export { parEgoScalarize, randomSimplexWeights, PAREGO_RHO } from './parEgo';
