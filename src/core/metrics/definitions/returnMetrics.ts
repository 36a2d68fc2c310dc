// Metric definitions for how much the equity curve grew: total return and CAGR.

import { cagr, totalReturn } from '../growth';
import { defineMetric } from '../metricDefinition';

/**
 * Total return `equity[n−1] / equity[0] − 1`, a fraction. NaN for fewer than 2 bars or a non-positive start.
 */
export const totalReturnMetric = defineMetric({
  id: 'total_return',
  label: 'Total return',
  unit: 'fraction',
  direction: 'maximize',
  group: 'return',
  description: 'Growth of the equity curve from the first bar to the last.',
  compute: (ctx) => totalReturn(ctx.input.equity),
});

/**
 * CAGR `(equity[n−1] / equity[0])^(P / (n − 1)) − 1`, P = periodsPerYear: elapsed years are bar-to-bar steps over
 * P, not calendar time (see growth.ts). −1 if equity ends at or below 0; NaN for fewer than 2 bars.
 */
export const cagrMetric = defineMetric({
  id: 'cagr',
  label: 'CAGR',
  unit: 'fraction',
  direction: 'maximize',
  group: 'return',
  description: 'Compound annual growth rate of the equity curve, with years counted as bars / periods per year.',
  compute: (ctx) => cagr(ctx.input.equity, ctx.options.periodsPerYear),
});
