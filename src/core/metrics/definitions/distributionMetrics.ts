// Metric definitions for the shape of the return distribution: skewness, excess kurtosis and the tail ratio.

import { defineMetric } from '../metricDefinition';
import { ratioOrNaN } from '../ratio';

/**
 * Moment skewness `g1 = m3 / m2^(3/2)`, `mk = Σ (r − mean)^k / n` (population divisor; PerformanceAnalytics
 * `skewness(method = "moment")`, scipy `stats.skew` default). NaN for fewer than 2 returns or constant returns.
 */
export const skewnessMetric = defineMetric({
  id: 'skewness',
  label: 'Skewness',
  unit: 'ratio',
  direction: 'maximize',
  group: 'distribution',
  description: 'Asymmetry of bar returns; positive when large gains are more common than large losses.',
  compute: (ctx) => (ctx.hasReturnSample ? ctx.moments.skewness : NaN),
});

/**
 * EXCESS kurtosis `m4 / m2² − 3` (0 for a normal distribution; PerformanceAnalytics `kurtosis(method = "excess")`,
 * scipy `stats.kurtosis` default). The non-excess `m4 / m2²` is returnMoments().kurtosis. NaN for fewer than 2
 * returns or constant returns.
 */
export const excessKurtosisMetric = defineMetric({
  id: 'excess_kurtosis',
  label: 'Excess kurtosis',
  unit: 'ratio',
  direction: 'minimize',
  group: 'distribution',
  description: 'Fatness of the tails of bar returns relative to a normal distribution (0 = normal).',
  compute: (ctx) => (ctx.hasReturnSample ? ctx.moments.excessKurtosis : NaN),
});

/**
 * Tail ratio `|Q7(0.95)| / |Q7(0.05)|` of per-bar returns, Q7 = type-7 quantile (empyrical `tail_ratio`).
 * NaN for fewer than 2 returns and when Q7(0.05) = 0.
 */
export const tailRatioMetric = defineMetric({
  id: 'tail_ratio',
  label: 'Tail ratio',
  unit: 'ratio',
  direction: 'maximize',
  group: 'distribution',
  description: 'Size of the 95th percentile bar return relative to the 5th percentile one.',
  compute: (ctx) => (ctx.hasReturnSample ? ratioOrNaN(Math.abs(ctx.quantile(0.95)), Math.abs(ctx.quantile(0.05))) : NaN),
});
