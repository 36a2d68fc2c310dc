// Out-of-sample validation: walk-forward windows (purge, embargo), stitched walk-forward reports with efficiency and
// parameter drift, stationary block bootstrap confidence intervals, and trade-reshuffle drawdown Monte Carlo.
export {
  walkForwardWindows,
  type BarRange,
  type WalkForwardMode,
  type WalkForwardOptions,
  type WalkForwardWindow,
} from './walkForwardWindows';
export { stitchOutOfSample, type StitchedCurve } from './stitchOutOfSample';
export { walkForwardEfficiency, type WalkForwardEfficiency, type WindowPerformance } from './walkForwardEfficiency';
export { parameterDrift, type ParameterDrift, type ParameterValue } from './parameterDrift';
export {
  walkForwardReport,
  type WalkForwardReport,
  type WalkForwardReportOptions,
  type WalkForwardWindowResult,
} from './walkForwardReport';
export { defaultMeanBlock, stationaryBootstrapResample } from './stationaryBootstrap';
export {
  BOOTSTRAP_QUANTILE_LEVELS,
  bootstrapConfidenceIntervals,
  type BootstrapConfidenceIntervals,
  type BootstrapDistribution,
  type BootstrapOptions,
} from './bootstrapConfidenceIntervals';
export {
  RESHUFFLE_QUANTILE_LEVELS,
  tradeReshuffle,
  type TradeReshuffleOptions,
  type TradeReshuffleResult,
  type TradeSequence,
} from './tradeReshuffle';
