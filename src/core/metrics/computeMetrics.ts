// Entry points that evaluate metric definitions on one backtest: all of them at once (after each tuning trial) or
// a single one by id.

import { MetricContext } from './metricContext';
import type { MetricInput } from './metricInput';
import type { MetricOptions } from './metricOptions';
import { getMetric, METRICS, type MetricId } from './metricRegistry';

/** One value per metric id, keys in registry order. */
export type MetricValues = Record<MetricId, number>;

/**
 * Every registry metric for one backtest, sharing intermediate results (one moments pass, one drawdown pass, one
 * copy of the returns for the quantiles, one pass over trades and positions).
 *
 * NaN marks a value that is undefined for this input: too little data (fewer than 2 bars or returns, no trades),
 * a missing optional series (positions, trades), a zero denominator (zero volatility, no losing bar or trade, no
 * drawdown: never ±Infinity), a NaN in the input. Short or empty data never throws.
 *
 * @throws Error for misaligned input arrays, RangeError for unusable options (see MetricContext).
 */
export function computeMetrics(input: MetricInput, options: MetricOptions): MetricValues {
  const ctx = new MetricContext(input, options);
  const values = {} as MetricValues;
  for (const metric of METRICS) values[metric.id] = metric.compute(ctx);
  return values;
}

/**
 * One metric by id, for callers that need only the tuning objective.
 *
 * @throws Error for an unknown id (listing the valid ones), misaligned input or unusable options.
 */
export function computeMetric(id: string, input: MetricInput, options: MetricOptions): number {
  const metric = getMetric(id);
  return metric.compute(new MetricContext(input, options));
}
