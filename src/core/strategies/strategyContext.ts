// Builds the StrategyContext a strategy runs in, checking the fields a mistake there would silently corrupt:
// the dataset key (which keys the cache) and the bars per year (which scales every annualised number).
import { IndicatorCache } from '../indicatorCache/indicatorCache';
import type { StrategyContext } from './strategy';

export interface StrategyContextOptions {
  datasetKey: string;
  periodsPerYear: number;
  /** Share one cache across all trials of a study; a fresh one (default) caches within this context only. */
  indicators?: IndicatorCache;
}

/** @throws Error if datasetKey is empty or periodsPerYear is not a finite number > 0. */
export function createStrategyContext(options: StrategyContextOptions): StrategyContext {
  const { datasetKey, periodsPerYear } = options;
  if (typeof datasetKey !== 'string' || datasetKey.length === 0) {
    throw new Error('createStrategyContext: datasetKey must be a non-empty string identifying the bars');
  }
  if (typeof periodsPerYear !== 'number' || !Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
    throw new Error(`createStrategyContext: periodsPerYear must be a finite number > 0, got ${String(periodsPerYear)}`);
  }
  return { datasetKey, periodsPerYear, indicators: options.indicators ?? new IndicatorCache() };
}
