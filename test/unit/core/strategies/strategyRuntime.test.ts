// The plumbing around strategies: context creation, runStrategy's checks on a faulty strategy, and the
// cached-indicator guard against a datasetKey reused for different bars.
import { describe, expect, it } from 'vitest';
import { IndicatorCache } from '../../../../src/core/indicatorCache';
import { sma } from '../../../../src/core/indicators';
import {
  cachedSma,
  createStrategyContext,
  defineStrategy,
  missingColumns,
  runStrategy,
  smaCrossover,
  StrategyParamError,
  type Strategy,
} from '../../../../src/core/strategies';
import { closeBars, context, ohlcBars } from './strategyTestKit';

const faulty = (result: (n: number) => Float64Array): Strategy =>
  defineStrategy({ name: 'faulty', label: 'Faulty', version: '1.0.0', description: 'Returns bad targets.', params: [], targets: (d) => result(d.length) });

describe('createStrategyContext', () => {
  it('checks the dataset key and bars per year, and makes a cache when none is given', () => {
    const ctx = createStrategyContext({ datasetKey: 'abc', periodsPerYear: 252 });
    expect(ctx.indicators).toBeInstanceOf(IndicatorCache);
    expect(() => createStrategyContext({ datasetKey: '', periodsPerYear: 252 })).toThrow(/datasetKey/);
    expect(() => createStrategyContext({ datasetKey: 'a', periodsPerYear: NaN })).toThrow(/periodsPerYear must be a finite number > 0, got NaN/);
  });
});

describe('runStrategy', () => {
  it('validates parameters before running', () => {
    expect(() => runStrategy(smaCrossover, closeBars([1, 2, 3]), { fast: 0 }, context())).toThrow(StrategyParamError);
  });

  it('rejects targets of the wrong length, type or with infinities', () => {
    const bars = closeBars([1, 2, 3]);
    expect(() => runStrategy(faulty((n) => new Float64Array(n + 1)), bars, {}, context())).toThrow('faulty: targets() returned 4 values for 3 bars');
    expect(() => runStrategy(faulty(() => [0, 0, 0] as unknown as Float64Array), bars, {}, context())).toThrow(/must return a Float64Array/);
    expect(() => runStrategy(faulty((n) => new Float64Array(n).fill(Infinity)), bars, {}, context())).toThrow(/Infinity at bar 0/);
    expect(runStrategy(faulty((n) => new Float64Array(n).fill(NaN)), bars, {}, context()).length).toBe(3);
  });

  it('reports missing columns', () => {
    expect(missingColumns(closeBars([1]), ['high', 'low', 'volume'])).toEqual(['high', 'low', 'volume']);
    expect(missingColumns(ohlcBars([1]), ['high', 'low'])).toEqual([]);
  });
});

describe('cached indicators', () => {
  it('compute once per dataset and return the same values as the indicator', () => {
    const ctx = context('k');
    const bars = closeBars([1, 2, 3, 4, 5, 6]);
    const a = cachedSma(bars, ctx, 3);
    expect(cachedSma(bars, ctx, 3)).toBe(a);
    expect(Array.from(a)).toEqual(Array.from(sma(bars.close, 3)));
    expect(ctx.indicators.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  it('refuse a datasetKey reused for bars of another length', () => {
    const cache = new IndicatorCache();
    cachedSma(closeBars([1, 2, 3, 4]), context('same', 252, cache), 2);
    expect(() => cachedSma(closeBars([1, 2, 3]), context('same', 252, cache), 2)).toThrow(/has 4 values but the bars have 3; the datasetKey must identify the exact bars/);
  });

  it('fail clearly on a missing column', () => {
    expect(() => cachedSma(closeBars([1, 2]), context(), 2, 'volume')).toThrow('the dataset has no volume column');
  });
});
