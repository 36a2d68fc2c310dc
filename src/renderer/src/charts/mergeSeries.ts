import type { ChartSeries } from '../../../shared';
import type { TimeRange } from './relayoutRange';

const COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;

/**
 * The coarse whole-series buckets outside the visible range around the fine buckets inside it. The chart stays
 * detailed where the user looks while the range slider (which draws the same traces) still shows everything.
 */
export function mergeSeries(overview: ChartSeries, detail: ChartSeries, range: TimeRange): ChartSeries {
  const before: number[] = [];
  const after: number[] = [];
  overview.time.forEach((t, i) => {
    if (t < range.from) before.push(i);
    else if (t > range.to) after.push(i);
  });
  const pick = (values: number[] | undefined, inner: number[] | undefined): number[] | undefined => {
    if (!values || !inner) return undefined;
    return [...before.map((i) => values[i]), ...inner, ...after.map((i) => values[i])];
  };
  const merged: ChartSeries = {
    kind: detail.kind,
    time: pick(overview.time, detail.time) ?? detail.time,
    close: pick(overview.close, detail.close) ?? detail.close,
    bars: detail.bars,
    decimated: detail.decimated,
  };
  for (const column of COLUMNS) {
    if (column === 'close') continue;
    const values = pick(overview[column], detail[column]);
    if (values) merged[column] = values;
  }
  return merged;
}
