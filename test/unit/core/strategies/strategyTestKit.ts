// Shared fixtures for the strategy tests: hand-built bar series, a seeded random OHLC walk, contexts with a
// private or shared cache, and a sampler of valid random parameter sets.
import type { BarSeries } from '../../../../src/core/data/bars';
import { IndicatorCache } from '../../../../src/core/indicatorCache';
import { Rng } from '../../../../src/core/random';
import { createStrategyContext, validateParams, type ParamValue, type ParamValues, type Strategy, type StrategyContext } from '../../../../src/core/strategies';

const DAY = 86_400_000;

export function closeBars(closes: readonly number[]): BarSeries {
  return { length: closes.length, time: Float64Array.from(closes, (_, i) => i * DAY), close: Float64Array.from(closes) };
}

/** OHLC bars with high = close + spread and low = close - spread (open = previous close). */
export function ohlcBars(closes: readonly number[], spread = 1): BarSeries {
  const close = Float64Array.from(closes);
  return {
    length: close.length,
    time: Float64Array.from(closes, (_, i) => i * DAY),
    open: Float64Array.from(closes, (c, i) => (i === 0 ? c : closes[i - 1])),
    high: Float64Array.from(closes, (c) => c + spread),
    low: Float64Array.from(closes, (c) => c - spread),
    close,
  };
}

/** A geometric random walk with consistent OHLC (low <= open, close <= high) and volume. */
export function randomOhlc(length: number, seed: number): BarSeries {
  const rng = new Rng(seed);
  const time = new Float64Array(length);
  const open = new Float64Array(length);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const volume = new Float64Array(length);
  let prev = 100;
  for (let t = 0; t < length; t++) {
    time[t] = t * DAY;
    open[t] = prev * Math.exp(0.003 * rng.normal());
    close[t] = open[t] * Math.exp(0.015 * rng.normal());
    high[t] = Math.max(open[t], close[t]) * Math.exp(Math.abs(0.006 * rng.normal()));
    low[t] = Math.min(open[t], close[t]) * Math.exp(-Math.abs(0.006 * rng.normal()));
    volume[t] = 1000 + Math.floor(rng.nextFloat() * 1000);
    prev = close[t];
  }
  return { length, time, open, high, low, close, volume };
}

/** `base` up to and including bar `t`, then the bars of `other` (a different path from t+1 on). */
export function spliceAfter(base: BarSeries, other: BarSeries, t: number): BarSeries {
  const mix = (a: Float64Array | undefined, b: Float64Array | undefined): Float64Array | undefined => {
    if (a === undefined || b === undefined) return undefined;
    const out = Float64Array.from(a);
    out.set(b.subarray(t + 1), t + 1);
    return out;
  };
  return {
    length: base.length,
    time: base.time,
    open: mix(base.open, other.open),
    high: mix(base.high, other.high),
    low: mix(base.low, other.low),
    close: mix(base.close, other.close)!,
    volume: mix(base.volume, other.volume),
  };
}

export function context(datasetKey = 'test-data', periodsPerYear = 252, indicators?: IndicatorCache): StrategyContext {
  return createStrategyContext({ datasetKey, periodsPerYear, indicators: indicators ?? new IndicatorCache() });
}

/** Runs with a fresh cache that stores nothing, so every indicator is computed from scratch. */
export function uncachedContext(datasetKey = 'test-data', periodsPerYear = 252): StrategyContext {
  return context(datasetKey, periodsPerYear, new IndicatorCache({ capacityBytes: 0 }));
}

/** Uniform draws from each parameter's domain, redrawn until the constraints hold. */
export function randomParams(strategy: Strategy, rng: Rng): ParamValues {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const p: Record<string, ParamValue> = {};
    for (const spec of strategy.params) {
      if (spec.type === 'categorical') p[spec.name] = spec.choices[rng.nextInt(spec.choices.length)];
      else if (spec.type === 'int') p[spec.name] = spec.low + rng.nextInt(spec.high - spec.low + 1);
      else p[spec.name] = spec.low + rng.nextFloat() * (spec.high - spec.low);
    }
    try {
      return validateParams(strategy, p);
    } catch {
      continue;
    }
  }
  throw new Error(`no valid parameters drawn for ${strategy.name}`);
}

export function asArray(a: Float64Array): number[] {
  return Array.from(a);
}
