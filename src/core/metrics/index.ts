// Performance metrics as a registry of definitions (id, label, unit, direction, compute) evaluated on a backtest's
// returns, equity, positions and trades; plus the reusable building blocks (moments, drawdown, quantiles, ...).

export { computeMetrics, computeMetric, type MetricValues } from './computeMetrics';
export { METRICS, METRIC_IDS, getMetric, isMetricId, type MetricId } from './metricRegistry';
export {
  defineMetric,
  type MetricDefinition,
  type MetricDirection,
  type MetricGroup,
  type MetricUnit,
} from './metricDefinition';
export { MetricContext, MIN_RETURNS } from './metricContext';
export { validateMetricInput, type MetricInput } from './metricInput';
export {
  DEFAULT_VAR_LEVEL,
  resolveMetricOptions,
  riskFreeRatePerPeriod,
  type MetricOptions,
  type ResolvedMetricOptions,
} from './metricOptions';
export { returnMoments, type ReturnMoments } from './returnMoments';
export { drawdownStats, type DrawdownStats } from './drawdown';
export { quantileType7, selectQuantileType7, sortedCopy, workingCopy } from './quantile';
export { historicalVaR, historicalCVaR, tailRatio } from './tailRisk';
export { downsideDeviation, omegaParts, type OmegaParts } from './downsideRisk';
export { tradeStats, type TradeColumns, type TradeStats } from './tradeStats';
export { positionStats, type PositionStats } from './positionStats';
export { totalReturn, cagr } from './growth';
export { ratioOrNaN } from './ratio';
