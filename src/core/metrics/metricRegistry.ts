// The list of all metric definitions in their stable display and export order, the MetricId type derived from
// it, and lookup by id.

import { exposureMetric, turnoverMetric } from './definitions/activityMetrics';
import { excessKurtosisMetric, skewnessMetric, tailRatioMetric } from './definitions/distributionMetrics';
import { cagrMetric, totalReturnMetric } from './definitions/returnMetrics';
import { calmarMetric, omegaMetric, sharpeMetric, sortinoMetric } from './definitions/riskAdjustedMetrics';
import {
  cvarMetric,
  maxDrawdownDurationMetric,
  maxDrawdownMetric,
  varMetric,
  volatilityMetric,
} from './definitions/riskMetrics';
import {
  averageLossMetric,
  averageWinMetric,
  expectancyMetric,
  expectancyReturnMetric,
  numberOfTradesMetric,
  profitFactorMetric,
  winRateMetric,
} from './definitions/tradeMetrics';
import type { MetricDefinition } from './metricDefinition';

/**
 * Every metric, grouped as the UI shows them. Append new metrics; never reorder, rename or remove an id, because
 * saved studies, exports and tuning objectives refer to them.
 */
export const METRICS = Object.freeze([
  totalReturnMetric,
  cagrMetric,
  sharpeMetric,
  sortinoMetric,
  calmarMetric,
  omegaMetric,
  volatilityMetric,
  maxDrawdownMetric,
  maxDrawdownDurationMetric,
  varMetric,
  cvarMetric,
  skewnessMetric,
  excessKurtosisMetric,
  tailRatioMetric,
  numberOfTradesMetric,
  winRateMetric,
  profitFactorMetric,
  averageWinMetric,
  averageLossMetric,
  expectancyMetric,
  expectancyReturnMetric,
  exposureMetric,
  turnoverMetric,
] as const);

/** Id of a built-in metric: 'sharpe', 'max_drawdown', ... */
export type MetricId = (typeof METRICS)[number]['id'];

/** All metric ids, in registry order. */
export const METRIC_IDS: readonly MetricId[] = Object.freeze(METRICS.map((m) => m.id));

const BY_ID: ReadonlyMap<string, MetricDefinition<MetricId>> = new Map(METRICS.map((m) => [m.id, m]));

export function isMetricId(id: string): id is MetricId {
  return BY_ID.has(id);
}

/**
 * The definition with this id.
 *
 * @throws Error naming the unknown id and listing every valid one (ids often come from saved files or the CLI).
 */
export function getMetric(id: string): MetricDefinition<MetricId> {
  const metric = BY_ID.get(id);
  if (metric === undefined) {
    throw new Error(`unknown metric id ${JSON.stringify(id)}; valid ids: ${METRIC_IDS.join(', ')}`);
  }
  return metric;
}
