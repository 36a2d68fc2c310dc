// The indicator cache: a byte-bounded LRU of indicator results keyed by dataset, indicator, parameters and input,
// shared across the trials of a study. Re-exports the public API of this folder.
export { DEFAULT_INDICATOR_CACHE_BYTES, IndicatorCache } from './indicatorCache';
export type { IndicatorCacheOptions, IndicatorCacheStats } from './indicatorCache';
export { serializeIndicatorKey } from './cacheKey';
export type { IndicatorKey, IndicatorParam } from './cacheKey';
export { indicatorValueBytes } from './indicatorValue';
export type { IndicatorValue } from './indicatorValue';
