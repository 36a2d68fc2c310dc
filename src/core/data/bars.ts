// The in-memory shape of a price series: one Float64Array per column, times as epoch milliseconds (UTC).
// Optional columns are absent (not NaN-filled) so a close-only series costs a third of an OHLCV one.

/** Column names in their canonical order; the dataset hash and the store both follow this order. */
export const BAR_COLUMNS = ['time', 'open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;
export type BarColumn = (typeof BAR_COLUMNS)[number];

export interface BarSeries {
  /** Number of bars; every present column has exactly this length. */
  readonly length: number;
  /** Bar timestamps, epoch milliseconds UTC, strictly increasing. */
  readonly time: Float64Array;
  readonly open?: Float64Array;
  readonly high?: Float64Array;
  readonly low?: Float64Array;
  readonly close: Float64Array;
  readonly adjClose?: Float64Array;
  readonly volume?: Float64Array;
}

/** Which columns a series has, in canonical order. */
export function presentColumns(series: BarSeries): BarColumn[] {
  return BAR_COLUMNS.filter((c) => series[c] !== undefined);
}

/** True when the series carries full OHLC (candlesticks, ATR, stops intrabar). */
export function hasOhlc(series: BarSeries): boolean {
  return series.open !== undefined && series.high !== undefined && series.low !== undefined;
}
