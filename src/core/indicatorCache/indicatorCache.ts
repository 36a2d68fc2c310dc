// A byte-bounded LRU of indicator results shared by every trial of a study, so SMA(50) on one dataset is
// computed once however many parameter sets ask for it.
import { serializeIndicatorKey, type IndicatorKey } from './cacheKey';
import { indicatorValueBytes, type IndicatorValue } from './indicatorValue';

/** 256 MiB: about 33 million doubles, e.g. 250 distinct indicator series over 130 000 bars. */
export const DEFAULT_INDICATOR_CACHE_BYTES = 256 * 1024 * 1024;

export interface IndicatorCacheOptions {
  /** Upper bound on the bytes of cached arrays. 0 disables caching (every get computes). Default 256 MiB. */
  capacityBytes?: number;
}

export interface IndicatorCacheStats {
  hits: number;
  misses: number;
  /** Entries dropped to make room (not counting clear() or deleteDataset()). */
  evictions: number;
  /** Results returned but not stored because they alone exceed the capacity. */
  rejected: number;
  entries: number;
  bytes: number;
  capacityBytes: number;
  /** hits / (hits + misses); 0 before the first get. */
  hitRate: number;
}

interface Entry {
  readonly datasetKey: string;
  readonly value: IndicatorValue;
  readonly bytes: number;
}

/**
 * Memoises indicator computations under an {@link IndicatorKey}, evicting the least recently used entries once
 * the cached arrays would exceed `capacityBytes`.
 *
 * Returned arrays are shared with every later caller and must be treated as read-only: writing into one
 * silently corrupts the results of other trials. (Typed arrays cannot be frozen, so this is not enforced.)
 * Correctness also rests on the key: `datasetKey` must change whenever the bars change, including slices.
 */
export class IndicatorCache {
  readonly capacityBytes: number;
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used entry first.
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;
  private rejected = 0;

  constructor(options: IndicatorCacheOptions = {}) {
    const capacity = options.capacityBytes ?? DEFAULT_INDICATOR_CACHE_BYTES;
    if (typeof capacity !== 'number' || !Number.isFinite(capacity) || capacity < 0) {
      throw new RangeError(`IndicatorCache: capacityBytes must be a finite number >= 0, got ${String(capacity)}`);
    }
    this.capacityBytes = capacity;
  }

  /**
   * The cached value for `key`, or the result of `compute()` (stored unless it alone exceeds the capacity).
   * If compute throws, nothing is stored and the error propagates. The caller picks T; a key must always be
   * computed with the same shape of result.
   */
  get<T extends IndicatorValue<T>>(key: IndicatorKey, compute: () => T): T {
    const id = serializeIndicatorKey(key);
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      this.hits++;
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.value as T;
    }
    this.misses++;
    const value = compute();
    const bytes = indicatorValueBytes(value);
    if (bytes > this.capacityBytes) {
      this.rejected++;
      return value;
    }
    // compute may itself have cached the same key (an indicator built from cached parts); replace it.
    this.remove(id);
    this.evictUntilFree(bytes);
    this.entries.set(id, { datasetKey: key.datasetKey, value, bytes });
    this.totalBytes += bytes;
    return value;
  }

  /** True when `key` is cached. Does not count as a use (no LRU update, no hit). */
  has(key: IndicatorKey): boolean {
    return this.entries.has(serializeIndicatorKey(key));
  }

  /** Drops every entry computed on `datasetKey` (e.g. after the dataset is deleted); returns how many. */
  deleteDataset(datasetKey: string): number {
    let dropped = 0;
    for (const [id, entry] of this.entries) {
      if (entry.datasetKey === datasetKey) {
        this.remove(id);
        dropped++;
      }
    }
    return dropped;
  }

  /** Drops every entry; statistics are kept (see resetStats). */
  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  resetStats(): void {
    this.hits = 0;
    this.misses = 0;
    this.evictions = 0;
    this.rejected = 0;
  }

  get stats(): IndicatorCacheStats {
    const lookups = this.hits + this.misses;
    return {
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      rejected: this.rejected,
      entries: this.entries.size,
      bytes: this.totalBytes,
      capacityBytes: this.capacityBytes,
      hitRate: lookups === 0 ? 0 : this.hits / lookups,
    };
  }

  private evictUntilFree(bytes: number): void {
    for (const id of this.entries.keys()) {
      if (this.totalBytes + bytes <= this.capacityBytes) return;
      this.remove(id);
      this.evictions++;
    }
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    this.totalBytes -= entry.bytes;
  }
}
