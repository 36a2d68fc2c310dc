// The indicator cache: hit/miss accounting, key identity, LRU eviction order, the byte bound, oversized and
// failing computations, and the housekeeping methods.
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_INDICATOR_CACHE_BYTES,
  IndicatorCache,
  indicatorValueBytes,
  serializeIndicatorKey,
  type IndicatorKey,
} from '../../../../src/core/indicatorCache';

/** n doubles = 8n bytes. */
const arr = (n: number, fill = 0): Float64Array => new Float64Array(n).fill(fill);
const key = (indicator: string, params: IndicatorKey['params'] = [1], datasetKey = 'ds'): IndicatorKey => ({ datasetKey, indicator, params });

describe('IndicatorCache hits and misses', () => {
  it('computes once per key and counts hits, misses and the hit rate', () => {
    const cache = new IndicatorCache();
    const compute = vi.fn(() => arr(4, 7));
    const first = cache.get(key('sma', [50]), compute);
    const second = cache.get(key('sma', [50]), compute);
    const third = cache.get(key('sma', [50]), compute);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(cache.stats).toMatchObject({ hits: 2, misses: 1, evictions: 0, rejected: 0, entries: 1, bytes: 32 });
    expect(cache.stats.hitRate).toBeCloseTo(2 / 3, 15);
  });

  it('reports a hit rate of 0 before any lookup', () => {
    const cache = new IndicatorCache();
    expect(cache.stats).toEqual({ hits: 0, misses: 0, evictions: 0, rejected: 0, entries: 0, bytes: 0, capacityBytes: DEFAULT_INDICATOR_CACHE_BYTES, hitRate: 0 });
    expect(DEFAULT_INDICATOR_CACHE_BYTES).toBe(256 * 1024 * 1024);
  });

  it('tells keys apart by dataset, indicator, params, input and param type', () => {
    const cache = new IndicatorCache();
    const keys: IndicatorKey[] = [
      { datasetKey: 'a', indicator: 'sma', params: [10] },
      { datasetKey: 'b', indicator: 'sma', params: [10] },
      { datasetKey: 'a', indicator: 'ema', params: [10] },
      { datasetKey: 'a', indicator: 'sma', params: [11] },
      { datasetKey: 'a', indicator: 'sma', params: ['10'] },
      { datasetKey: 'a', indicator: 'sma', params: [10], input: 'high' },
      { datasetKey: 'a', indicator: 'sma', params: { n: 10 } },
      { datasetKey: 'a', indicator: 'sma', params: [true] },
      { datasetKey: 'a', indicator: 'sma', params: ['a,b'] },
      { datasetKey: 'a', indicator: 'sma', params: ['a', 'b'] },
    ];
    for (const k of keys) cache.get(k, () => arr(1));
    expect(cache.stats.misses).toBe(keys.length);
    expect(new Set(keys.map(serializeIndicatorKey)).size).toBe(keys.length);
  });

  it('treats input "close" as the default and named params in any order as one key', () => {
    const cache = new IndicatorCache();
    cache.get({ datasetKey: 'a', indicator: 'bbands', params: { n: 20, k: 2 } }, () => arr(1));
    cache.get({ datasetKey: 'a', indicator: 'bbands', params: { k: 2, n: 20 }, input: 'close' }, () => arr(1));
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });
});

describe('IndicatorCache eviction', () => {
  it('evicts the least recently used entry, where a hit counts as a use', () => {
    const cache = new IndicatorCache({ capacityBytes: 3 * 64 });
    cache.get(key('a'), () => arr(8));
    cache.get(key('b'), () => arr(8));
    cache.get(key('c'), () => arr(8));
    cache.get(key('a'), () => arr(8)); // a is now the most recent; b the least
    cache.get(key('d'), () => arr(8));
    expect(cache.has(key('b'))).toBe(false);
    expect([key('a'), key('c'), key('d')].map((k) => cache.has(k))).toEqual([true, true, true]);
    cache.get(key('e'), () => arr(8));
    expect(cache.has(key('c'))).toBe(false);
    expect(cache.stats).toMatchObject({ evictions: 2, entries: 3, bytes: 192 });
  });

  it('evicts as many entries as a large value needs, oldest first', () => {
    const cache = new IndicatorCache({ capacityBytes: 100 * 8 });
    for (const name of ['a', 'b', 'c', 'd']) cache.get(key(name), () => arr(25));
    cache.get(key('big'), () => arr(60));
    expect(['a', 'b', 'c', 'd', 'big'].map((n) => cache.has(key(n)))).toEqual([false, false, false, true, true]);
    expect(cache.stats).toMatchObject({ evictions: 3, bytes: 85 * 8 });
  });

  it('never holds more bytes than its capacity', () => {
    const capacity = 1000;
    const cache = new IndicatorCache({ capacityBytes: capacity });
    for (let i = 0; i < 200; i++) {
      cache.get(key(`k${i % 37}`), () => arr(1 + ((i * 7) % 30)));
      expect(cache.stats.bytes).toBeLessThanOrEqual(capacity);
    }
    expect(cache.stats.evictions).toBeGreaterThan(0);
  });

  it('returns but does not cache a value bigger than the whole capacity, and keeps what it had', () => {
    const cache = new IndicatorCache({ capacityBytes: 64 });
    cache.get(key('small'), () => arr(4));
    const huge = arr(100, 3);
    const compute = vi.fn(() => huge);
    expect(cache.get(key('huge'), compute)).toBe(huge);
    expect(cache.get(key('huge'), compute)).toBe(huge);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.has(key('huge'))).toBe(false);
    expect(cache.has(key('small'))).toBe(true);
    expect(cache.stats).toMatchObject({ rejected: 2, evictions: 0, bytes: 32, misses: 3 });
  });

  it('caches nothing with capacity 0', () => {
    const cache = new IndicatorCache({ capacityBytes: 0 });
    const compute = vi.fn(() => arr(1));
    cache.get(key('a'), compute);
    cache.get(key('a'), compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.stats).toMatchObject({ entries: 0, bytes: 0, hits: 0, misses: 2 });
  });
});

describe('IndicatorCache values', () => {
  it('stores multi-output results and counts each distinct array once', () => {
    const cache = new IndicatorCache();
    const shared = arr(10);
    const value = cache.get(key('bands'), () => ({ upper: arr(10), lower: arr(10), middle: shared, alias: shared }));
    expect(Object.keys(value)).toEqual(['upper', 'lower', 'middle', 'alias']);
    expect(cache.stats.bytes).toBe(3 * 80);
    expect(indicatorValueBytes(arr(3))).toBe(24);
  });

  it('rejects a compute result that is not Float64Array data', () => {
    const cache = new IndicatorCache();
    expect(() => cache.get(key('bad'), () => [1, 2, 3] as unknown as Float64Array)).toThrow(TypeError);
    expect(() => cache.get(key('bad2'), () => ({}))).toThrow(/no arrays/);
    expect(() => cache.get(key('bad3'), () => ({ a: new Float32Array(2) }) as unknown as { a: Float64Array })).toThrow(/Float64Array/);
    expect(cache.stats.entries).toBe(0);
  });

  it('stores nothing when compute throws, so the next call computes again', () => {
    const cache = new IndicatorCache();
    expect(() =>
      cache.get(key('x'), () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(cache.get(key('x'), () => arr(2, 1))).toEqual(arr(2, 1));
    expect(cache.stats).toMatchObject({ entries: 1, misses: 2 });
  });

  it('handles a compute that caches other keys (and even its own key) first', () => {
    const cache = new IndicatorCache({ capacityBytes: 1000 });
    const outer = cache.get(key('outer'), () => {
      cache.get(key('inner'), () => arr(5));
      cache.get(key('outer'), () => arr(5, 1));
      return arr(5, 2);
    });
    expect(outer[0]).toBe(2);
    expect(cache.get(key('outer'), () => arr(5, 9))).toBe(outer);
    expect(cache.stats).toMatchObject({ entries: 2, bytes: 80 });
  });
});

describe('IndicatorCache housekeeping', () => {
  it('deleteDataset drops only that dataset', () => {
    const cache = new IndicatorCache();
    cache.get(key('sma', [1], 'a'), () => arr(2));
    cache.get(key('ema', [1], 'a'), () => arr(2));
    cache.get(key('sma', [1], 'b'), () => arr(2));
    expect(cache.deleteDataset('a')).toBe(2);
    expect(cache.stats).toMatchObject({ entries: 1, bytes: 16, evictions: 0 });
    expect(cache.has(key('sma', [1], 'b'))).toBe(true);
  });

  it('clear empties the cache but keeps statistics; resetStats zeroes them', () => {
    const cache = new IndicatorCache();
    cache.get(key('a'), () => arr(2));
    cache.get(key('a'), () => arr(2));
    cache.clear();
    expect(cache.stats).toMatchObject({ entries: 0, bytes: 0, hits: 1, misses: 1 });
    cache.resetStats();
    expect(cache.stats).toMatchObject({ hits: 0, misses: 0, evictions: 0, rejected: 0, hitRate: 0 });
  });

  it('has() does not count as a use', () => {
    const cache = new IndicatorCache({ capacityBytes: 128 });
    cache.get(key('a'), () => arr(8));
    cache.get(key('b'), () => arr(8));
    expect(cache.has(key('a'))).toBe(true);
    cache.get(key('c'), () => arr(8));
    expect(cache.has(key('a'))).toBe(false);
    expect(cache.stats.hits).toBe(0);
  });

  it('rejects a negative or non-finite capacity', () => {
    expect(() => new IndicatorCache({ capacityBytes: -1 })).toThrow(/capacityBytes/);
    expect(() => new IndicatorCache({ capacityBytes: Infinity })).toThrow(/capacityBytes/);
  });
});
