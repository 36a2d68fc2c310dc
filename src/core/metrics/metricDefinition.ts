// What a metric is as data: a stable id, how to show it (label, unit, group, description), which way is better,
// and how to compute it. The UI, the tuner's objective picker and export all read these fields.

import type { MetricContext } from './metricContext';

/**
 * How to read and format a value. `fraction`: 0.05 means 5% (shown as a percentage; stored as a fraction so
 * arithmetic on it needs no rescaling). `percent`: already on a 0–100 scale (no built-in metric uses it).
 * `ratio`: a dimensionless number (Sharpe, skewness). `bars`: a count of bars. `count`: a count of things
 * (trades). `currency`: account currency.
 */
export type MetricUnit = 'fraction' | 'percent' | 'ratio' | 'bars' | 'count' | 'currency';

/** Which way is better when ranking trials. */
export type MetricDirection = 'maximize' | 'minimize';

/** Sections the UI lists metrics under. */
export type MetricGroup = 'return' | 'risk_adjusted' | 'risk' | 'distribution' | 'trades' | 'activity';

export interface MetricDefinition<Id extends string = string> {
  /** snake_case and stable forever: saved studies, exports and objectives refer to metrics by it. */
  readonly id: Id;
  /** Short human name, e.g. "Sharpe ratio". */
  readonly label: string;
  readonly unit: MetricUnit;
  readonly direction: MetricDirection;
  readonly group: MetricGroup;
  /** One sentence for the UI. The exact formula is in the doc comment of the definition. */
  readonly description: string;
  /**
   * The value for one backtest. NaN where the metric is undefined (too little data, a zero denominator); never
   * throws for short data. The context caches shared intermediate results, so computing all metrics costs about
   * as much as computing the most expensive one.
   */
  compute(ctx: MetricContext): number;
}

/** Freezes a definition and keeps its id as a string literal type, so the registry can derive MetricId. */
export function defineMetric<const Id extends string>(definition: MetricDefinition<Id>): MetricDefinition<Id> {
  return Object.freeze(definition);
}
