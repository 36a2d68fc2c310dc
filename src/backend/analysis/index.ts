// A study's overfitting analyses in the back end: the service (store cache, backtests, the analytics worker), the
// worker's comlink API and the small modules that prepare its inputs (returns buffer, options hash, 2x costs).
export { AnalysisService, type AnalysisKind, type AnalysisServiceOptions } from './analysisService';
export type { AnalysisWorkerApi, ReturnsMatrix, RobustnessJob, SpaceJob } from './analysisWorkerApi';
