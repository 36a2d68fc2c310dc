import type { ChartSeries } from '../../../shared';
import type { TimeRange } from './relayoutRange';

/**
 * Price and volume extents of the buckets inside the visible range. Plotly autoscales y over all the data, which
 * flattens a zoomed-in window of a long series; the chart fits y to what is on screen instead.
 */
export function visibleExtent(series: ChartSeries, range: TimeRange): { price: [number, number]; volume: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  let volume = 0;
  const low = series.low ?? series.close;
  const high = series.high ?? series.close;
  for (let i = 0; i < series.time.length; i++) {
    const t = series.time[i];
    if (t < range.from || t > range.to) continue;
    if (low[i] < lo) lo = low[i];
    if (high[i] > hi) hi = high[i];
    if (series.volume && series.volume[i] > volume) volume = series.volume[i];
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.01 || 1;
  return { price: [lo - pad, hi + pad], volume };
}
