// Metric definitions for how the strategy uses the market: exposure and turnover, from the per-bar position.

import { defineMetric } from '../metricDefinition';

/** Exposure `#{i : position[i] ≠ 0} / n`. NaN without positions or for fewer than 2 bars. */
export const exposureMetric = defineMetric({
  id: 'exposure',
  label: 'Exposure',
  unit: 'fraction',
  // The same return earned with less time in the market carries less risk.
  direction: 'minimize',
  group: 'activity',
  description: 'Share of bars with an open position.',
  compute: (ctx) => ctx.positions?.exposure ?? NaN,
});

/**
 * Annualised turnover `Σ_i |position[i] − position[i−1]| / ((n − 1) / P)` with position[−1] = 0 (the first entry
 * counts) and P = periodsPerYear; 2 = in and out at full size once a year. NaN without positions or for fewer
 * than 2 bars.
 */
export const turnoverMetric = defineMetric({
  id: 'turnover',
  label: 'Turnover (annualised)',
  unit: 'fraction',
  direction: 'minimize',
  group: 'activity',
  description: 'Total absolute change of position per year, in multiples of equity.',
  compute: (ctx) => ctx.positions?.turnover ?? NaN,
});
