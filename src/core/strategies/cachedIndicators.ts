// The indicators strategies use, fetched through the context's IndicatorCache so each (dataset, indicator,
// params) is computed once per study. Everything returned is shared: read it, never write into it.
import type { BarSeries } from '../data/bars';
import type { IndicatorParam } from '../indicatorCache/cacheKey';
import type { IndicatorValue } from '../indicatorCache/indicatorValue';
import { atr, type AtrResult } from '../indicators/atr';
import { bbands, type BBandsResult } from '../indicators/bbands';
import { ema } from '../indicators/ema';
import { macd, type MacdResult } from '../indicators/macd';
import { roc } from '../indicators/roc';
import { rollingMax, rollingMin } from '../indicators/rollingExtrema';
import { rollingStd } from '../indicators/rollingStd';
import { rsi } from '../indicators/rsi';
import { sma } from '../indicators/sma';
import type { StrategyContext } from './strategy';

/** A price or volume column of a BarSeries. */
export type SeriesColumn = 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';

export function barColumn(data: BarSeries, column: SeriesColumn): Float64Array {
  const values = data[column];
  if (values === undefined) throw new Error(`the dataset has no ${column} column`);
  return values;
}

function firstArray(value: IndicatorValue): Float64Array {
  return value instanceof Float64Array ? value : (Object.values(value)[0] as Float64Array);
}

/**
 * One cache lookup. The length check is the only guard against a datasetKey reused for other bars (say, a
 * train slice of the same file): a wrong key with the same length cannot be detected here.
 */
function cached<T extends IndicatorValue<T>>(
  data: BarSeries,
  ctx: StrategyContext,
  indicator: string,
  params: readonly IndicatorParam[],
  input: string,
  compute: () => T,
): T {
  const value = ctx.indicators.get({ datasetKey: ctx.datasetKey, indicator, params, input }, compute);
  const len = firstArray(value).length;
  if (len !== data.length) {
    throw new Error(
      `indicator cache: ${indicator}(${params.join(', ')}) for dataset '${ctx.datasetKey}' has ${len} values but the bars have ${data.length}; ` +
        'the datasetKey must identify the exact bars passed (include the range when slicing)',
    );
  }
  return value;
}

export function cachedSma(data: BarSeries, ctx: StrategyContext, n: number, column: SeriesColumn = 'close'): Float64Array {
  return cached(data, ctx, 'sma', [n], column, () => sma(barColumn(data, column), n));
}

export function cachedEma(data: BarSeries, ctx: StrategyContext, n: number, column: SeriesColumn = 'close'): Float64Array {
  return cached(data, ctx, 'ema', [n], column, () => ema(barColumn(data, column), n));
}

export function cachedRsi(data: BarSeries, ctx: StrategyContext, n: number, column: SeriesColumn = 'close'): Float64Array {
  return cached(data, ctx, 'rsi', [n], column, () => rsi(barColumn(data, column), n));
}

export function cachedRoc(data: BarSeries, ctx: StrategyContext, n: number, column: SeriesColumn = 'close'): Float64Array {
  return cached(data, ctx, 'roc', [n], column, () => roc(barColumn(data, column), n));
}

export function cachedRollingMax(data: BarSeries, ctx: StrategyContext, n: number, column: SeriesColumn): Float64Array {
  return cached(data, ctx, 'rollingMax', [n], column, () => rollingMax(barColumn(data, column), n));
}

export function cachedRollingMin(data: BarSeries, ctx: StrategyContext, n: number, column: SeriesColumn): Float64Array {
  return cached(data, ctx, 'rollingMin', [n], column, () => rollingMin(barColumn(data, column), n));
}

/** Rolling SD over n bars: sample (n-1 divisor, default) or population (n divisor, as in Bollinger bands). */
export function cachedRollingStd(data: BarSeries, ctx: StrategyContext, n: number, column: SeriesColumn = 'close', sample = true): Float64Array {
  return cached(data, ctx, 'rollingStd', [n, sample], column, () => rollingStd(barColumn(data, column), n, { sample }));
}

/** All four Bollinger outputs for one k; strategies tuning k should build bands from cachedSma and cachedRollingStd. */
export function cachedBbands(data: BarSeries, ctx: StrategyContext, n: number, k: number, column: SeriesColumn = 'close'): BBandsResult {
  return cached(data, ctx, 'bbands', [n, k], column, () => bbands(barColumn(data, column), n, k));
}

/** Price-units MACD (macd options `percent: false`). */
export function cachedMacd(
  data: BarSeries,
  ctx: StrategyContext,
  fast: number,
  slow: number,
  signal: number,
  column: SeriesColumn = 'close',
): MacdResult {
  return cached(data, ctx, 'macd', [fast, slow, signal], column, () => macd(barColumn(data, column), fast, slow, signal));
}

/** Wilder ATR on high, low, close. */
export function cachedAtr(data: BarSeries, ctx: StrategyContext, n: number): AtrResult {
  return cached(data, ctx, 'atr', [n], 'high,low,close', () =>
    atr(barColumn(data, 'high'), barColumn(data, 'low'), barColumn(data, 'close'), n),
  );
}

/** `ln(x[t] / x[t-1])`, NaN at bar 0. */
export function cachedLogReturns(data: BarSeries, ctx: StrategyContext, column: SeriesColumn = 'close'): Float64Array {
  return cached(data, ctx, 'logReturn', [], column, () => {
    const x = barColumn(data, column);
    const out = new Float64Array(x.length);
    if (out.length > 0) out[0] = NaN;
    for (let t = 1; t < x.length; t++) out[t] = Math.log(x[t] / x[t - 1]);
    return out;
  });
}

/**
 * Per-bar (not annualised) sample SD of the last n log returns, bars t-n+1..t. Bar 0 has no return, so the first
 * value is at bar n.
 */
export function cachedLogReturnVol(data: BarSeries, ctx: StrategyContext, n: number, column: SeriesColumn = 'close'): Float64Array {
  return cached(data, ctx, 'rollingStd', [n, true], `logReturn(${column})`, () => rollingStd(cachedLogReturns(data, ctx, column), n));
}
