// The Strategy contract: a named, versioned, pure function from bars and parameters to per-bar target
// exposures, plus the context it runs in (indicator cache, dataset identity, bars per year).
import type { BarSeries } from '../data/bars';
import type { IndicatorCache } from '../indicatorCache/indicatorCache';
import type { ParamConstraint, ParamSpec, ParamValues } from './paramSpec';

/** Columns a strategy may need beyond time and close. */
export type OptionalBarColumn = 'open' | 'high' | 'low' | 'volume';

export interface StrategyContext {
  /** Shared across trials; strategies fetch every indicator through it and never write into what it returns. */
  readonly indicators: IndicatorCache;
  /** Identifies the exact bars passed to targets() (content hash, plus the range when sliced); keys the cache. */
  readonly datasetKey: string;
  /** Bars per year (252 for daily equities), for strategies that annualise; from detectFrequency. */
  readonly periodsPerYear: number;
}

/**
 * A trading rule. `targets` returns one target exposure per bar: +1 long 100% of equity, -1 short 100%, 0 flat,
 * NaN no opinion (keep the position). It must be causal, since the simulator fills at bar t's close or bar t+1's
 * open: targets[t] may read bars 0..t only. It must be pure: same inputs, same output, no state between calls.
 *
 * P is the resolved parameter object (see validateParams); declare it as a type alias, not an interface, so it
 * fits the index signature.
 */
export interface Strategy<P extends ParamValues = ParamValues> {
  /** Stable kebab-case id ('sma-crossover'); studies and the CLI refer to the strategy by it. */
  readonly name: string;
  readonly label: string;
  /** Semver. Bump whenever the same inputs would give different targets, so stored results can be told apart. */
  readonly version: string;
  /** One or two sentences for the UI. */
  readonly description: string;
  readonly params: readonly ParamSpec[];
  readonly constraints?: readonly ParamConstraint<P>[];
  readonly requires?: readonly OptionalBarColumn[];
  targets(data: BarSeries, params: P, context: StrategyContext): Float64Array;
}
