// The TPE sampler (Bergstra et al. 2011, multivariate as in Falkner et al. 2018, Optuna 3.x defaults): its
// options, the Parzen estimator, the truncated-normal kernels and the good/bad split of trials.
export { TpeSampler, tpeSampler } from './tpeSampler';
export { defaultGamma, defaultWeights, type TpeOptions } from './tpeOptions';
export { ParzenEstimator, type ParzenOptions } from './parzenEstimator';
export { splitTrials, type TrialSplit } from './splitTrials';
