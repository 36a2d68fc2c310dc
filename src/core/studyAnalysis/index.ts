// A tuning study's overfitting analysis as pure functions of plain data (trials, their returns, the space, options):
// the robustness report, the parameters report (draft, then backtest values folded in) and the GP surface.
export type { AnalysedTrial, AnalysisObjective, AnalysisParams, AnalysisParamValue, StudyAnalysisOptions } from './types';
export { chooseTrial } from './chooseTrial';
export { spearmanCorrelation } from './spearmanCorrelation';
export { tradeReturnsOnEquity } from './tradeReturnsOnEquity';
export { robustnessReport, type AnalysisInterval, type RobustnessFindings, type RobustnessInput } from './robustnessReport';
export { parametersDraft, type ParametersDraft, type ParametersInput } from './parametersReport';
export { completeParametersReport, type ParametersBacktests, type ParametersFindings } from './parametersCompletion';
export { surfaceReport, type SurfaceFindings, type SurfaceInput } from './surfaceReport';
