// One evaluation of a strategy: targets from the strategy, a simulated account, and every registered metric.
// This is the objective that a backtest request and every tuning trial call, so nothing here is optional work.
import { resolveBacktestSettings, simulate, type BacktestBuffers, type BacktestOptions, type BacktestResult } from '../backtest';
import type { BarSeries } from '../data/bars';
import { computeMetrics, type MetricValues } from '../metrics';
import { runStrategy, validateParams, type ParamValues, type Strategy, type StrategyContext } from '../strategies';
import { exposureOf } from './exposure';

export interface EvaluateStrategyInput {
  strategy: Strategy;
  bars: BarSeries;
  /** Raw parameters: validated against the strategy's space, defaults filled in. */
  params: Readonly<Record<string, unknown>>;
  settings: BacktestOptions;
  context: StrategyContext;
  /** Annual risk-free rate for Sharpe (decimal fraction). Default 0. */
  riskFreeRateAnnual?: number;
  /**
   * Reusable output storage for repeated evaluations on series of one length (a tuning loop): the result is then
   * a view into it, overwritten by the next evaluation. See createBacktestBuffers.
   */
  buffers?: BacktestBuffers;
  /** Reusable storage for the exposure series, as long as the series. */
  exposureBuffer?: Float64Array;
  /** Reusable scratch for the quantile metrics, at least as long as the series. */
  metricScratch?: Float64Array;
  /** A millisecond clock for the timings (core has no performance.now); Date.now by default. */
  now?: () => number;
}

export interface StrategyEvaluation {
  params: ParamValues;
  targets: Float64Array;
  result: BacktestResult;
  /** Position as a signed fraction of equity per bar. */
  exposure: Float64Array;
  metrics: MetricValues;
  timings: { targetsMs: number; simulateMs: number; metricsMs: number };
}

export function evaluateStrategy(input: EvaluateStrategyInput): StrategyEvaluation {
  const { strategy, bars, context } = input;
  const params = validateParams(strategy, input.params);
  const settings = resolveBacktestSettings({ ...input.settings, periodsPerYear: context.periodsPerYear });
  const now = input.now ?? Date.now;
  const t0 = now();
  const targets = runStrategy(strategy, bars, params, context);
  const t1 = now();
  const result = simulate({ bars, targets, settings, buffers: input.buffers });
  const t2 = now();
  const exposure = exposureOf(bars, result, input.exposureBuffer);
  const metrics = computeMetrics(
    {
      returns: result.returns,
      equity: result.equity,
      position: exposure,
      time: bars.time,
      trades: { pnl: result.trades.pnl.subarray(0, result.trades.count) },
    },
    { periodsPerYear: context.periodsPerYear, riskFreeRateAnnual: input.riskFreeRateAnnual ?? 0, scratch: input.metricScratch },
  );
  const t3 = now();
  return { params, targets, result, exposure, metrics, timings: { targetsMs: t1 - t0, simulateMs: t2 - t1, metricsMs: t3 - t2 } };
}
