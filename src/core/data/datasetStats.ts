// The statistics shown for an imported dataset: coverage, missing sessions, the distribution of daily returns
// and the largest single moves, so the user can judge the data before tuning anything on it.
import type { BarSeries } from './bars';
import type { Frequency } from './frequency';
import { findGaps } from './gaps';
import type { Gap } from './gaps';
import { returnMoments } from '../metrics/returnMoments';
import { epochDayOf } from './utcCalendar';

/** One bar-to-bar move: the later bar's time and its simple return. */
export interface PriceMove {
  time: number;
  ret: number;
}

export interface DailyReturnStats {
  count: number;
  mean: number | null;
  /** Sample standard deviation (divisor count - 1); null below 2 returns. */
  std: number | null;
  /** Moment coefficient of skewness g1 = m3 / m2^1.5 (population moments); null below 3 returns or with no variance. */
  skewness: number | null;
  /** Excess kurtosis g2 = m4 / m2^2 - 3 (a normal distribution has 0); null below 4 returns or with no variance. */
  excessKurtosis: number | null;
}

/** Structurally identical to the DatasetStats schema in src/shared/schemas.ts. */
export interface DatasetStats {
  bars: number;
  first: number;
  last: number;
  missingSessions: number;
  /** The largest gaps, largest first (at most 10). */
  largestGaps: Gap[];
  /** Statistics of daily simple returns (intraday data is first reduced to the last close of each UTC day). */
  dailyReturns: DailyReturnStats;
  /** The largest absolute bar-to-bar moves, largest first (at most 10). */
  largestMoves: PriceMove[];
  minClose: number;
  maxClose: number;
}

export const MAX_REPORTED_MOVES = 10;

/**
 * Closes sampled once per day: the last close of each UTC day for intraday data, every close otherwise (so
 * weekly or monthly data yields returns per bar, the closest thing to daily returns it has).
 */
export function dailyCloses(series: BarSeries, frequency: Frequency): Float64Array {
  const { time, close, length } = series;
  if (frequency.seconds >= 86_400 || length === 0) return close.slice(0, length);
  const out = new Float64Array(length);
  let days = 0;
  for (let i = 0; i < length; i++) {
    const lastOfDay = i === length - 1 || epochDayOf(time[i + 1]) !== epochDayOf(time[i]);
    if (lastOfDay) out[days++] = close[i];
  }
  return out.slice(0, days);
}

/**
 * Mean, sample std, skewness g1 and excess kurtosis g2 of close-to-close simple returns, with the same
 * conventions as the performance metrics (returnMoments); skewness needs 3 returns and kurtosis 4.
 */
export function closeReturnMoments(closes: Float64Array): DailyReturnStats {
  const count = Math.max(0, closes.length - 1);
  if (count === 0) return { count, mean: null, std: null, skewness: null, excessKurtosis: null };
  const returns = new Float64Array(count);
  for (let i = 1; i < closes.length; i++) returns[i - 1] = closes[i] / closes[i - 1] - 1;
  const m = returnMoments(returns);
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    count,
    mean: finite(m.mean),
    std: count >= 2 ? finite(m.std) : null,
    skewness: count >= 3 ? finite(m.skewness) : null,
    excessKurtosis: count >= 4 ? finite(m.excessKurtosis) : null,
  };
}

/** The `limit` bar-to-bar moves of largest absolute return, largest first (ties: earliest first). */
export function largestMoves(series: BarSeries, limit = MAX_REPORTED_MOVES): PriceMove[] {
  const { time, close, length } = series;
  const top: PriceMove[] = [];
  if (limit <= 0) return top;
  for (let i = 1; i < length; i++) {
    const ret = close[i] / close[i - 1] - 1;
    const size = Math.abs(ret);
    if (top.length === limit && size <= Math.abs(top[limit - 1].ret)) continue;
    let at = top.length;
    while (at > 0 && Math.abs(top[at - 1].ret) < size) at--;
    top.splice(at, 0, { time: time[i], ret });
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Statistics of a non-empty series; `frequency` is the one detectFrequency found for it. */
export function computeDatasetStats(series: BarSeries, frequency: Frequency): DatasetStats {
  const { time, close, length } = series;
  if (length === 0) throw new RangeError('dataset statistics need at least one bar');
  let minClose = Infinity;
  let maxClose = -Infinity;
  for (let i = 0; i < length; i++) {
    const c = close[i];
    if (c < minClose) minClose = c;
    if (c > maxClose) maxClose = c;
  }
  const gaps = findGaps(time.subarray(0, length), frequency);
  return {
    bars: length,
    first: time[0],
    last: time[length - 1],
    missingSessions: gaps.missingSessions,
    largestGaps: gaps.largestGaps,
    dailyReturns: closeReturnMoments(dailyCloses(series, frequency)),
    largestMoves: largestMoves(series),
    minClose,
    maxClose,
  };
}
