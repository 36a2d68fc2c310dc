// Properties every built-in must have on a seeded random OHLC series: a sound declaration whose defaults pass
// its own checks, no look-ahead, well-formed targets, and identical results with and without the cache.
import { describe, expect, it } from 'vitest';
import { IndicatorCache } from '../../../../src/core/indicatorCache';
import { Rng } from '../../../../src/core/random';
import {
  BUILTIN_STRATEGIES,
  checkStrategyDefinition,
  findBuiltinStrategy,
  getBuiltinStrategy,
  runStrategy,
  validateParams,
  type ParamValues,
  type Strategy,
} from '../../../../src/core/strategies';
import type { BarSeries } from '../../../../src/core/data/bars';
import { context, randomOhlc, randomParams, spliceAfter, uncachedContext } from './strategyTestKit';

const N = 400;
const base = randomOhlc(N, 20240611);
const otherPath = randomOhlc(N, 99);
const CUTS = [0, 1, 37, 150, 260, 333, N - 2];

function prefix(data: BarSeries, len: number): BarSeries {
  const cut = (a: Float64Array | undefined): Float64Array | undefined => a?.slice(0, len);
  return { length: len, time: cut(data.time)!, open: cut(data.open), high: cut(data.high), low: cut(data.low), close: cut(data.close)!, volume: cut(data.volume) };
}

/** Defaults, defaults in the other mode, short periods (so the 400 bars trade a lot) and random draws. */
function paramSets(strategy: Strategy): ParamValues[] {
  const rng = new Rng(strategy.name.length * 7919);
  const defaults = validateParams(strategy, {});
  const sets: ParamValues[] = [defaults];
  if ('mode' in defaults) sets.push({ ...defaults, mode: defaults.mode === 'long-flat' ? 'long-short' : 'long-flat' });
  const lows = Object.fromEntries(strategy.params.filter((p) => p.type === 'int').map((p) => [p.name, p.low]));
  try {
    sets.push(validateParams(strategy, { ...lows, ...('mode' in defaults ? { mode: 'long-short' } : {}) }));
  } catch {
    // the lows may break a constraint (exitPeriod <= entryPeriod holds; fast < slow holds); skip if not
  }
  for (let i = 0; i < 5; i++) sets.push(randomParams(strategy, rng));
  return sets;
}

const label = (p: ParamValues): string => JSON.stringify(p);

describe('built-in registry', () => {
  it('lists the seven built-ins under unique kebab-case names', () => {
    expect(BUILTIN_STRATEGIES.map((s) => s.name)).toEqual([
      'sma-crossover',
      'ema-crossover',
      'macd-trend',
      'rsi-reversion',
      'bollinger-reversion',
      'donchian-breakout',
      'ts-momentum',
    ]);
    for (const s of BUILTIN_STRATEGIES) expect(getBuiltinStrategy(s.name)).toBe(s);
  });

  it('throws on an unknown name, listing the valid ones', () => {
    expect(findBuiltinStrategy('nope')).toBeUndefined();
    expect(() => getBuiltinStrategy('sma-cross')).toThrow(
      "unknown strategy 'sma-cross'; built-in strategies: sma-crossover, ema-crossover, macd-trend, rsi-reversion, bollinger-reversion, donchian-breakout, ts-momentum",
    );
  });
});

describe.each(BUILTIN_STRATEGIES.map((s) => [s.name, s] as const))('%s', (_name, strategy) => {
  it('has a sound declaration', () => {
    expect(checkStrategyDefinition(strategy)).toEqual([]);
  });

  it('declares defaults inside their own ranges and constraints', () => {
    const resolved = validateParams(strategy, {});
    for (const spec of strategy.params) {
      const v = resolved[spec.name];
      expect(v).toBe(spec.default);
      if (spec.type === 'categorical') expect(spec.choices).toContain(v);
      else {
        expect(v).toBeGreaterThanOrEqual(spec.low);
        expect(v).toBeLessThanOrEqual(spec.high);
        if (spec.type === 'int') expect(Number.isInteger(v)).toBe(true);
      }
    }
  });

  it('trades on the random series with its defaults (so the properties below are not vacuous)', () => {
    const targets = runStrategy(strategy, base, {}, context());
    expect(targets.some((v) => v !== 0)).toBe(true);
  });

  it('never looks ahead: changing bars after t leaves targets[0..t] unchanged', () => {
    for (const params of paramSets(strategy)) {
      const full = runStrategy(strategy, base, params, uncachedContext('base'));
      for (const t of CUTS) {
        const changed = runStrategy(strategy, spliceAfter(base, otherPath, t), params, uncachedContext(`splice-${t}`));
        const truncated = runStrategy(strategy, prefix(base, t + 1), params, uncachedContext(`prefix-${t}`));
        for (let i = 0; i <= t; i++) {
          if (!Object.is(changed[i], full[i]) || !Object.is(truncated[i], full[i])) {
            throw new Error(`${label(params)}: bar ${i} changed (${full[i]} -> ${changed[i]} / ${truncated[i]}) when bars after ${t} changed`);
          }
        }
      }
    }
  });

  it('returns well-formed targets', () => {
    for (const params of paramSets(strategy)) {
      const targets = runStrategy(strategy, base, params, context());
      expect(targets).toBeInstanceOf(Float64Array);
      expect(targets.length).toBe(N);
      const cap = strategy.name === 'ts-momentum' ? (params.maxLeverage as number) : 1;
      for (const v of targets) {
        expect(Number.isFinite(v)).toBe(true);
        expect(Math.abs(v)).toBeLessThanOrEqual(cap);
        if (params.mode === 'long-flat') expect(v).toBeGreaterThanOrEqual(0);
        if (strategy.name !== 'ts-momentum') expect([-1, 0, 1]).toContain(v);
      }
      expect(targets[0]).toBe(0);
    }
  });

  it('gives identical targets with a shared cache (hits included) and without one', () => {
    const cache = new IndicatorCache();
    const shared = context('shared', 252, cache);
    const sets = paramSets(strategy);
    const first = sets.map((p) => runStrategy(strategy, base, p, shared));
    const missesAfterFirst = cache.stats.misses;
    const second = sets.map((p) => runStrategy(strategy, base, p, shared));
    expect(cache.stats.misses).toBe(missesAfterFirst);
    expect(cache.stats.hits).toBeGreaterThan(0);
    sets.forEach((p, i) => {
      const uncached = runStrategy(strategy, base, p, uncachedContext('shared'));
      expect(Array.from(first[i]), label(p)).toEqual(Array.from(uncached));
      expect(Array.from(second[i]), label(p)).toEqual(Array.from(uncached));
    });
  });

  it('is pure: repeated calls return equal, distinct arrays', () => {
    const ctx = context();
    const a = runStrategy(strategy, base, {}, ctx);
    const b = runStrategy(strategy, base, {}, ctx);
    expect(b).not.toBe(a);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});
