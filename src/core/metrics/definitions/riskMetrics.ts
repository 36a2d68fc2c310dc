// Metric definitions for how much and how long the strategy can lose: volatility, drawdown depth and duration,
// historical VaR and CVaR.

import { defineMetric } from '../metricDefinition';
import { meanAtOrBelow } from '../tailRisk';

/**
 * Annualised volatility `sd(r) × √P`, sd with ddof = 1, P = periodsPerYear. NaN for fewer than 2 returns.
 */
export const volatilityMetric = defineMetric({
  id: 'volatility',
  label: 'Annualised volatility',
  unit: 'fraction',
  direction: 'minimize',
  group: 'risk',
  description: 'Standard deviation of bar returns, scaled to a year.',
  compute: (ctx) => (ctx.hasReturnSample ? ctx.moments.std * Math.sqrt(ctx.options.periodsPerYear) : NaN),
});

/**
 * Maximum drawdown as a SIGNED fraction ≤ 0: `min_i (equity[i] / max(equity[0..i]) − 1)`; −0.2 is a 20% fall.
 * Signed so that, like every loss in this registry, larger is better (direction 'maximize'). 0 for a curve
 * that never falls; NaN for fewer than 2 bars or a non-positive start.
 */
export const maxDrawdownMetric = defineMetric({
  id: 'max_drawdown',
  label: 'Maximum drawdown',
  unit: 'fraction',
  direction: 'maximize',
  group: 'risk',
  description: 'Deepest fall of equity below its running peak, as a negative fraction.',
  compute: (ctx) => ctx.drawdown.maxDrawdown,
});

/**
 * Longest drawdown duration in bars: `recovery − peak` for each episode (bar-to-bar steps from a peak to the first
 * bar at or above it again), or `(n − 1) − peak` when the curve has not recovered by the last bar; the maximum over
 * episodes. 0 for a curve that never falls; NaN for fewer than 2 bars.
 */
export const maxDrawdownDurationMetric = defineMetric({
  id: 'max_drawdown_duration',
  label: 'Maximum drawdown duration',
  unit: 'bars',
  direction: 'minimize',
  group: 'risk',
  description: 'Most bars spent between a peak and the return to it (or the end of the data).',
  compute: (ctx) => ctx.drawdown.maxDurationBars,
});

/**
 * Historical VaR as a SIGNED per-bar return: `Q7(1 − varLevel)` of the returns, Q7 = Hyndman & Fan type 7 (numpy
 * default); with varLevel 0.95, `numpy.percentile(r, 5)`. Usually negative (a loss); larger is better.
 * NaN for fewer than 2 returns.
 */
export const varMetric = defineMetric({
  id: 'var',
  label: 'Value at risk (historical)',
  unit: 'fraction',
  direction: 'maximize',
  group: 'risk',
  description: 'Bar return that the worst (1 − level) share of bars fall at or below, 5% by default.',
  compute: (ctx) => (ctx.hasReturnSample ? ctx.quantile(1 - ctx.options.varLevel) : NaN),
});

/**
 * Historical CVaR (expected shortfall) as a SIGNED per-bar return: `mean{ r : r ≤ Q7(1 − varLevel) }`, the mean
 * of the returns at or below the VaR quantile. ≤ VaR. NaN for fewer than 2 returns.
 */
export const cvarMetric = defineMetric({
  id: 'cvar',
  label: 'Conditional value at risk (historical)',
  unit: 'fraction',
  direction: 'maximize',
  group: 'risk',
  description: 'Mean bar return over the bars at or below the value at risk.',
  compute: (ctx) => (ctx.hasReturnSample ? meanAtOrBelow(ctx.returnsWork, ctx.quantile(1 - ctx.options.varLevel)) : NaN),
});
