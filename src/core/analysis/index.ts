// Overfitting and significance statistics for backtests (PSR, DSR with effective trials, MinTRL, PBO by CSCV, the
// plain-words verdict) and the study's parameter analysis (fANOVA, GP surrogate views, robust optimum, sensitivity).
export { normalQuantile } from './normalQuantile';
export { sharpeMomentTerm } from './sharpeMomentTerm';
export { probabilisticSharpeRatio, type ProbabilisticSharpeInput } from './probabilisticSharpeRatio';
export {
  deflatedSharpeRatio,
  expectedMaxSharpe,
  EULER_MASCHERONI,
  type DeflatedSharpeInput,
  type ExpectedMaxSharpeInput,
} from './deflatedSharpeRatio';
export { minTrackRecordLength, type MinTrackRecordInput } from './minTrackRecordLength';
export { pbo, type PboMetric, type PboOptions, type PboResult } from './pbo';
export type { OlsLine } from './olsLine';
export { fitStudySurrogate, type StudySurrogate, type StudySurrogateInput, type SurrogateTrial, type SurrogateWeights } from './studySurrogate';
export { posteriorSurface, DEFAULT_SD_RESOLUTION, type PosteriorSurface, type PosteriorSurfaceInput } from './posteriorSurface';
export { averageCorrelation, DEFAULT_MAX_CORRELATION_PAIRS, type AverageCorrelationOptions } from './averageCorrelation';
export { effectiveTrials } from './effectiveTrials';
export { fanovaImportance, type FanovaInput } from './fanovaImportance';
export { fitRegressionForest, predictTree, DEFAULT_FOREST_TREES, type RegressionTree, type RegressionForestInput } from './regressionForest';
export { gpRelevance } from './gpRelevance';
export { partialDependence, type PartialDependence, type PartialDependenceOptions } from './partialDependence';
export { robustOptimum, DEFAULT_ROBUST_CANDIDATES, DEFAULT_ROBUST_SAMPLES, type RobustOptimum, type RobustOptimumInput } from './robustOptimum';
export {
  sensitivityPoints,
  DEFAULT_SENSITIVITY_DELTAS,
  type SensitivityPoint,
  type SensitivityPoints,
  type SkippedSensitivityPoint,
} from './sensitivityPoints';
export { robustnessVerdict, MIN_VERDICT_TRIALS, type RobustnessVerdict, type RobustnessVerdictInput, type VerdictLevel } from './robustnessVerdict';
