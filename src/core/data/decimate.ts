// Reduces a (possibly huge) bar series to about as many points as a chart has pixels, in one pass over typed
// arrays: candles keep each bucket's open/high/low/close, lines keep each bucket's extremes so spikes survive.
import type { BarSeries } from './bars';
import { hasOhlc } from './bars';

/** Structurally identical to the ChartSeries schema in src/shared/schemas.ts (plain arrays: it travels as JSON). */
export interface ChartSeries {
  kind: 'ohlc' | 'line';
  time: number[];
  open?: number[];
  high?: number[];
  low?: number[];
  close: number[];
  volume?: number[];
  /** Bars represented (after range selection) and whether they were aggregated into buckets. */
  bars: number;
  decimated: boolean;
}

export interface DecimateOptions {
  /** Visible range, epoch ms, inclusive; omitted means from the first / to the last bar. */
  from?: number;
  to?: number;
  /** Most points to return (>= 2); a line uses two per bucket, so it gets maxPoints / 2 buckets. */
  maxPoints: number;
}

/** First index whose time is >= t (time sorted ascending). */
export function lowerBound(time: Float64Array, t: number, length = time.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose time is > t (time sorted ascending). */
export function upperBound(time: Float64Array, t: number, length = time.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function copyRange(values: Float64Array, start: number, end: number): number[] {
  return Array.from(values.subarray(start, end));
}

/** Candles of ~equal bar counts: open first, high max, low min, close last, volume summed, time of the first bar. */
function candles(series: BarSeries, start: number, end: number, buckets: number): ChartSeries {
  const open = series.open as Float64Array;
  const high = series.high as Float64Array;
  const low = series.low as Float64Array;
  const { time, close, volume } = series;
  const bars = end - start;
  const outTime: number[] = [];
  const outOpen: number[] = [];
  const outHigh: number[] = [];
  const outLow: number[] = [];
  const outClose: number[] = [];
  const outVolume: number[] = [];
  let bucketStart = start;
  for (let b = 1; b <= buckets; b++) {
    const bucketEnd = start + Math.floor((b * bars) / buckets);
    let h = high[bucketStart];
    let l = low[bucketStart];
    // One fused pass per bucket: the arrays are far larger than the caches, so memory traffic is the cost.
    if (volume === undefined) {
      for (let i = bucketStart + 1; i < bucketEnd; i++) {
        const hi = high[i];
        const lo = low[i];
        if (hi > h) h = hi;
        if (lo < l) l = lo;
      }
    } else {
      let v = volume[bucketStart];
      for (let i = bucketStart + 1; i < bucketEnd; i++) {
        const hi = high[i];
        const lo = low[i];
        if (hi > h) h = hi;
        if (lo < l) l = lo;
        v += volume[i];
      }
      outVolume.push(v);
    }
    outTime.push(time[bucketStart]);
    outOpen.push(open[bucketStart]);
    outHigh.push(h);
    outLow.push(l);
    outClose.push(close[bucketEnd - 1]);
    bucketStart = bucketEnd;
  }
  const out: ChartSeries = { kind: 'ohlc', time: outTime, open: outOpen, high: outHigh, low: outLow, close: outClose, bars, decimated: true };
  if (volume !== undefined) out.volume = outVolume;
  return out;
}

/** Each bucket's lowest and highest close, as two points with their own times in time order (one if they coincide). */
function minMaxLine(series: BarSeries, start: number, end: number, buckets: number): ChartSeries {
  const { time, close } = series;
  const bars = end - start;
  const outTime: number[] = [];
  const outClose: number[] = [];
  let bucketStart = start;
  for (let b = 1; b <= buckets; b++) {
    const bucketEnd = start + Math.floor((b * bars) / buckets);
    let minAt = bucketStart;
    let maxAt = bucketStart;
    let min = close[bucketStart];
    let max = min;
    for (let i = bucketStart + 1; i < bucketEnd; i++) {
      const c = close[i];
      if (c < min) {
        min = c;
        minAt = i;
      } else if (c > max) {
        max = c;
        maxAt = i;
      }
    }
    const first = minAt < maxAt ? minAt : maxAt;
    const second = minAt < maxAt ? maxAt : minAt;
    outTime.push(time[first]);
    outClose.push(close[first]);
    if (second !== first) {
      outTime.push(time[second]);
      outClose.push(close[second]);
    }
    bucketStart = bucketEnd;
  }
  return { kind: 'line', time: outTime, close: outClose, bars, decimated: true };
}

export function decimateForChart(series: BarSeries, options: DecimateOptions): ChartSeries {
  const { maxPoints } = options;
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new RangeError(`maxPoints must be an integer >= 2, not ${maxPoints}`);
  const start = options.from === undefined ? 0 : lowerBound(series.time, options.from, series.length);
  const end = Math.max(start, options.to === undefined ? series.length : upperBound(series.time, options.to, series.length));
  const bars = end - start;
  const ohlc = hasOhlc(series);

  if (bars <= maxPoints) {
    const out: ChartSeries = { kind: ohlc ? 'ohlc' : 'line', time: copyRange(series.time, start, end), close: copyRange(series.close, start, end), bars, decimated: false };
    if (ohlc) {
      out.open = copyRange(series.open as Float64Array, start, end);
      out.high = copyRange(series.high as Float64Array, start, end);
      out.low = copyRange(series.low as Float64Array, start, end);
    }
    if (series.volume !== undefined) out.volume = copyRange(series.volume, start, end);
    return out;
  }
  return ohlc ? candles(series, start, end, maxPoints) : minMaxLine(series, start, end, Math.floor(maxPoints / 2));
}
